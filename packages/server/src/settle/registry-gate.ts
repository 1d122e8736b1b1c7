// The registry's word on a visit (issue 4), applied before the engine runs: the person must be
// insured and the institution under an active agreement on the date (RuleRefused otherwise; the
// rules are registry/person-facts.ts), and the person's diseases, contract, relocation, the scope,
// and any referral or e-prescription named by id come from the records — the engine receives what
// the records say, and the trace says why a named record did not count.
import type { CalcResult } from '@yibao/engine';
import type { Queryable } from '../db/types.js';
import { Invalid, RuleRefused } from '../domain/errors.js';
import {
  registryFacts,
  type FactsKey,
  type FactsRow,
  type RegistryFacts,
  type VisitRefs,
} from '../registry/facts.js';

/** `visit.referralId` and `visit.ePrescriptionId`, when the caller names records instead of inline facts. */
export function refsOf(visit: unknown): VisitRefs {
  if (visit === null || typeof visit !== 'object') return {};
  const v = visit as Record<string, unknown>;
  const read = (name: 'referralId' | 'ePrescriptionId'): string | undefined => {
    const value = v[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value === '' || value.length > 64) {
      throw new Invalid(`visit.${name}`, 'invalid', `visit.${name} 须为记录编号（字符串）`);
    }
    return value;
  };
  // Referrals and e-prescriptions come from their records only (issue 12 §3): the caller names the
  // record; an inline one is the caller's word and is refused, whatever it says.
  if (v['referral'] !== undefined && v['referral'] !== null)
    throw new Invalid(
      'visit.referral',
      'inline_record',
      '转诊信息只能来自登记的转诊单：请用 visit.referralId 指明转诊单编号，不能直接填写 visit.referral',
    );
  if (v['ePrescription'] !== undefined && v['ePrescription'] !== null)
    throw new Invalid(
      'visit.ePrescription',
      'inline_record',
      '电子处方只能来自登记的处方记录：请用 visit.ePrescriptionId 指明处方编号，不能直接填写 visit.ePrescription',
    );
  const refs: VisitRefs = { referralId: read('referralId'), ePrescriptionId: read('ePrescriptionId') };
  return refs;
}

/**
 * The registry's facts of a visit from its row (read with the settlement's context, in the same
 * batched statement), or RuleRefused when the person is not insured or the institution is not under an
 * active agreement on the visit date.
 */
export async function coveredFacts(
  db: Queryable,
  row: FactsRow,
  key: FactsKey,
  visit: unknown,
): Promise<RegistryFacts> {
  const facts = await registryFacts(db, row, key, refsOf(visit));
  if (!facts.insured) {
    throw new RuleRefused(
      'R-B1',
      'not_insured',
      `R-B1: 参保人 ${key.personId} 在 ${key.date} 不在参保期内`,
      'date',
    );
  }
  if (!facts.agreementActive) {
    throw new RuleRefused(
      'R-A6',
      'no_active_agreement',
      `R-A6: 定点医药机构 ${key.institutionId} 在 ${key.date} 没有履行中的医疗服务协议`,
      'institutionId',
    );
  }
  return facts;
}

/** The engine request with the registry's facts in place of the registration-time or caller's ones. */
export function withFacts(request: Record<string, unknown>, facts: RegistryFacts): Record<string, unknown> {
  const person = { ...(request['person'] as Record<string, unknown>) };
  person['chronicDiseases'] = facts.chronicDiseases;
  person['familyDoctorContract'] = facts.familyDoctorContract;
  person['relocated'] = facts.relocated;
  const visit = { ...(request['visit'] as Record<string, unknown>) };
  delete visit['referralId'];
  delete visit['ePrescriptionId'];
  if (facts.scope !== null) visit['scope'] = facts.scope;
  if (facts.referral !== undefined) visit['referral'] = facts.referral;
  if (facts.ePrescription !== undefined) visit['ePrescription'] = facts.ePrescription;
  return { ...request, person, visit };
}

/** The registry's notes go first in the explanation: they say what the records were. */
export function withNotes(result: CalcResult, facts: RegistryFacts): CalcResult {
  return facts.notes.length === 0 ? result : { ...result, trace: [...facts.notes, ...result.trace] };
}
