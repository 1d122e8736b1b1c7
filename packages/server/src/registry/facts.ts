// What the registry says about a visit on its date (issue 4): is the person insured, does the
// institution have an active agreement, which certified diseases, contract and relocation hold then,
// where the care is (scope), and what a referral or e-prescription named by id amounts to. The
// engine receives these facts, never the caller's word for them; `notes` explain what did not count.
//
// The person's and institution's side follow the rules of registry/person-facts.ts (decision 10).
import type { Scope, TraceEvent } from '@yibao/engine';
import type { Queryable } from '../db/types.js';
import { NotFound } from '../domain/errors.js';
import type { FactsRow } from './person-facts.js';
import { findEPrescription, findReferral, scopeOf } from './referrals.js';

export { factsColumnsSql, type FactsRow } from './person-facts.js';

export interface VisitRefs {
  referralId?: string | undefined;
  ePrescriptionId?: string | undefined;
}

export interface EngineReferral {
  fromLevel: string;
  direction: string;
  filed: boolean;
  linkedDeductiblePaid: number;
}

export interface RegistryFacts {
  insured: boolean;
  agreementActive: boolean;
  chronicDiseases: string[];
  familyDoctorContract: boolean;
  relocated: boolean;
  scope: Scope | null; // null: the registry cannot tell, the visit's own scope stands
  referral: EngineReferral | null | undefined; // undefined: no referral named by id
  ePrescription: { fromLevel: string; fromType: string } | null | undefined;
  notes: TraceEvent[];
}

export interface FactsKey {
  personId: string;
  institutionId: string;
  date: string;
}

const skipped = (rule: string, what: string, why: string): TraceEvent => ({
  rule,
  text: `未适用：${what} — ${why}`,
  amount: 0,
  applied: false,
});
const noted = (rule: string, text: string): TraceEvent => ({ rule, text, amount: 0 });

/** The facts of one visit from its row, looking up a referral or e-prescription named by id. */
export async function registryFacts(
  db: Queryable,
  row: FactsRow,
  key: FactsKey,
  refs: VisitRefs,
): Promise<RegistryFacts> {
  const { personId, institutionId, date } = key;
  const notes: TraceEvent[] = [];
  const knowsScope =
    row.person_county !== null || (row.inst_region !== null && row.inst_region !== row.person_region);
  const facts: RegistryFacts = {
    insured: row.insured,
    agreementActive: row.agreement_active,
    chronicDiseases: row.diseases,
    familyDoctorContract: row.contract,
    relocated: row.relocated,
    scope: knowsScope
      ? scopeOf(row.person_region, row.person_county, { region: row.inst_region, county: row.inst_county })
      : null,
    referral: undefined,
    ePrescription: undefined,
    notes,
  };

  if (refs.referralId !== undefined) {
    const r = await findReferral(db, refs.referralId);
    if (!r) throw new NotFound('转诊单', refs.referralId, 'visit.referralId');
    const what = `转诊单 ${r.id}`;
    facts.referral = null;
    if (r.personId !== personId)
      notes.push(skipped('R-D3', what, `转诊单属于参保人 ${r.personId}，不是本人`));
    else if (r.toInstitutionId !== institutionId)
      notes.push(skipped('R-D3', what, `转诊单转往 ${r.toInstitutionId}，不是本机构`));
    else if (date < r.issuedOn || date > r.validUntil)
      notes.push(
        skipped('R-D3', what, `转诊单有效期 ${r.issuedOn} 至 ${r.validUntil}，就诊日 ${date} 不在其内`),
      );
    else if (r.fromLevel === null || row.inst_level === null || r.direction === null)
      notes.push(skipped('R-D3', what, '转出或转入机构没有等级'));
    else {
      const filed = r.filedOn !== null && r.filedOn <= date;
      facts.referral = {
        fromLevel: r.fromLevel,
        direction: r.direction,
        filed,
        linkedDeductiblePaid: r.linkedDeductiblePaid,
      };
      notes.push(
        noted(
          'R-D3',
          `${what}：${r.fromInstitutionId}（${r.fromLevel}）转往本机构，${r.issuedOn} 开具，` +
            (filed ? `${String(r.filedOn)} 已备案` : '就诊时未备案') +
            (r.previousSettlementId
              ? `；前次住院 ${r.previousSettlementId} 已付起付线 ${r.linkedDeductiblePaid.toFixed(2)}元`
              : ''),
        ),
      );
    }
  }

  if (refs.ePrescriptionId !== undefined) {
    const rx = await findEPrescription(db, refs.ePrescriptionId);
    if (!rx) throw new NotFound('电子处方', refs.ePrescriptionId, 'visit.ePrescriptionId');
    const what = `电子处方 ${rx.id}`;
    facts.ePrescription = null;
    if (rx.personId !== personId)
      notes.push(skipped('R-D8', what, `处方属于参保人 ${rx.personId}，不是本人`));
    else if (date < rx.issuedOn || date > rx.validUntil)
      notes.push(
        skipped('R-D8', what, `处方有效期 ${rx.issuedOn} 至 ${rx.validUntil}，购药日 ${date} 不在其内`),
      );
    else if (rx.fromLevel === null) notes.push(skipped('R-D8', what, '开方机构没有等级'));
    else {
      facts.ePrescription = { fromLevel: rx.fromLevel, fromType: rx.fromType };
      notes.push(
        noted('R-D8', `${what}：${rx.institutionId}（${rx.fromLevel}）${rx.doctor} 于 ${rx.issuedOn} 开具`),
      );
    }
  }
  return facts;
}
