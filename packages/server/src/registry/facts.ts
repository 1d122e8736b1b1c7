// What the registry says about a visit on its date (issue 4): is the person insured, does the
// institution have an active agreement, which certified diseases, contract and relocation hold then,
// where the care is (scope), and what a referral or e-prescription named by id amounts to. The
// engine receives these facts, never the caller's word for them; `notes` explain what did not count.
//
// Records registered through the minimal contract calls (SERVICE_CONTRACT.md) stand until the
// registry keeps records of that kind: a person with no enrolment period is insured; the diseases,
// contract and relocation given at POST /persons hold until certifications, contracts or filings
// exist for the person; an institution registered directly (POST /institutions, no designation
// date) is under a standing agreement until an agreement is signed with it. An institution
// designated through an application settles only under an active agreement.
import type { Scope, TraceEvent } from '@yibao/engine';
import type { Queryable } from '../db/types.js';
import { notFound } from '../errors.js';
import { agreementActiveSql } from './agreement-sql.js';
import { findEPrescription, findReferral, scopeOf } from './referrals.js';

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

/**
 * The facts' columns for one visit: persons `p` and institutions `i` joined to the visit, `day` its
 * date (SQL expressions). The settlement's batched read selects them beside its own (see
 * store/settlement-reads.ts). The bare `EXISTS … OFFSET 0` keeps each existence check an index
 * probe per visit: without the OFFSET the planner may hash a whole table (every certification,
 * every contract) for each batch, a cost that grows with the population rather than with the batch
 * (measured: 4 ms → 0.5 ms per 36 visits at 20,000 persons).
 */
export function factsColumnsSql(day: string): string {
  return `(NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id OFFSET 0)
   OR EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id AND ${day} >= e.valid_from
              AND (e.valid_to IS NULL OR ${day} <= e.valid_to))) AS insured,
  (${agreementActiveSql('i.id', day)}
   OR (i.designation = 'designated' AND i.designated_on IS NULL
       AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.institution_id = i.id OFFSET 0))) AS agreement_active,
  CASE WHEN EXISTS (SELECT 1 FROM disease_certifications c WHERE c.person_id = p.id OFFSET 0)
    THEN ARRAY (SELECT DISTINCT c.code FROM disease_certifications c WHERE c.person_id = p.id AND ${day} >= c.valid_from
                AND (c.valid_to IS NULL OR ${day} <= c.valid_to) AND (c.revoked_on IS NULL OR ${day} < c.revoked_on)
                ORDER BY c.code)
    ELSE p.chronic_diseases END AS diseases,
  CASE WHEN EXISTS (SELECT 1 FROM family_doctor_contracts f WHERE f.person_id = p.id OFFSET 0)
    THEN EXISTS (SELECT 1 FROM family_doctor_contracts f WHERE f.person_id = p.id AND ${day} BETWEEN f.valid_from AND f.valid_to
                 AND (f.ended_on IS NULL OR ${day} < f.ended_on))
    ELSE p.family_doctor_contract END AS contract,
  CASE WHEN EXISTS (SELECT 1 FROM relocation_filings r WHERE r.person_id = p.id OFFSET 0)
    THEN (EXISTS (SELECT 1 FROM relocation_filings r WHERE r.person_id = p.id AND ${day} >= r.valid_from
                  AND (r.valid_to IS NULL OR ${day} <= r.valid_to))
          AND NOT EXISTS (SELECT 1 FROM relocation_filings r WHERE r.person_id = p.id
                  AND r.cancels_year = extract(year FROM ${day})::integer))
    ELSE p.relocated END AS relocated,
  p.region AS person_region, p.county AS person_county, i.county AS inst_county, i.region AS inst_region, i.level AS inst_level`;
}

export type FactsRow = {
  insured: boolean;
  agreement_active: boolean;
  diseases: string[];
  contract: boolean;
  relocated: boolean;
  person_region: string;
  person_county: string | null;
  inst_county: string;
  inst_region: string | null;
  inst_level: string | null;
};

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
    if (!r) throw notFound('转诊单', 'visit.referralId', refs.referralId);
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
    if (!rx) throw notFound('电子处方', 'visit.ePrescriptionId', refs.ePrescriptionId);
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
