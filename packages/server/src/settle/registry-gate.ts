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
  const refs: VisitRefs = { referralId: read('referralId'), ePrescriptionId: read('ePrescriptionId') };
  if (refs.referralId !== undefined && v['referral'] !== undefined && v['referral'] !== null) {
    throw new Invalid('visit.referral', 'ambiguous', '转诊请只给 referralId 或 referral 之一');
  }
  if (refs.ePrescriptionId !== undefined && v['ePrescription'] !== undefined && v['ePrescription'] !== null) {
    throw new Invalid(
      'visit.ePrescription',
      'ambiguous',
      '电子处方请只给 ePrescriptionId 或 ePrescription 之一',
    );
  }
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
