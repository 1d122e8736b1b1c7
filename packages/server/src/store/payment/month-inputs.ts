// What a monthly run reads (PAYMENT_POLICY §2, §5, §6): the month's payment facts summed per cell and
// method in SQL (so a month of a million records is one aggregate, not a million rows in Node), the
// deductions taken in it, each centre's contract-days, and the agreements' quality-deposit percents.
import type { MonthContractDays, MonthDeduction, PaymentFacts } from '@yibao/engine';
import type { Queryable } from '../../db/types.js';

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** The month's records, one per (cell, method, centre) group: sums, enough for monthlyRun. */
export async function monthRecords(db: Queryable, month: string): Promise<PaymentFacts[]> {
  const rows = await db.query(
    `SELECT institution_id, pool, fund, method, capitation_centre_id, outflow_centre_id,
       sum(fund_pay_fen) AS fund_pay, sum(account_pay_fen) AS account_pay,
       sum(dip_points) AS dip_points, count(dip_points) AS with_points, sum(bed_day_amount_fen) AS bed_day
     FROM settlement_payment_facts WHERE payment_month = $1
     GROUP BY institution_id, pool, fund, method, capitation_centre_id, outflow_centre_id`,
    [month],
  );
  return rows.map((r) => ({
    paymentMonth: month,
    institutionId: r['institution_id'] as string,
    pool: r['pool'] as PaymentFacts['pool'],
    fund: r['fund'] as PaymentFacts['fund'],
    method: r['method'] as string,
    dipGroup: null,
    dipRatio: null,
    dipPoints: n(r['with_points']) > 0 ? n(r['dip_points']) : null,
    referenceCost: null,
    bedDays: null,
    bedDayAmount: r['bed_day'] === null ? null : n(r['bed_day']),
    capitationCentreId: (r['capitation_centre_id'] as string | null) ?? null,
    outflowCentreId: (r['outflow_centre_id'] as string | null) ?? null,
    fundPay: n(r['fund_pay']),
    accountPay: n(r['account_pay']),
    events: [],
  }));
}

export interface MonthDeductionRow extends MonthDeduction {
  ids: string[];
}

export async function monthDeductions(db: Queryable, month: string): Promise<MonthDeductionRow[]> {
  const rows = await db.query(
    `SELECT institution_id, pool, fund, sum(amount_fen) AS amount, array_agg(id ORDER BY id) AS ids
     FROM payment_deductions WHERE payment_month = $1 GROUP BY institution_id, pool, fund
     ORDER BY institution_id, pool, fund`,
    [month],
  );
  return rows.map((r) => ({
    institutionId: r['institution_id'] as string,
    pool: r['pool'] as MonthDeduction['pool'],
    fund: r['fund'] as MonthDeduction['fund'],
    amount: n(r['amount']),
    ids: r['ids'] as string[],
  }));
}

/**
 * §5/§6 contract-days of the month per centre and pool: each contract naming a centre, from validFrom
 * to validTo, until the day before endedOn, only on days its person is insured (a person without
 * enrolment periods is insured every day), as recorded when the run is made (ruling 5).
 */
export async function monthContractDays(
  db: Queryable,
  first: string,
  last: string,
): Promise<MonthContractDays[]> {
  const rows = await db.query(
    `SELECT f.community_centre_id AS centre_id, p.scheme AS pool, sum(d.days) AS days
     FROM family_doctor_contracts f
     JOIN persons p ON p.id = f.person_id
     CROSS JOIN LATERAL (SELECT greatest(f.valid_from, $1::date) AS s,
         least(f.valid_to, coalesce(f.ended_on - 1, f.valid_to), $2::date) AS e) w
     CROSS JOIN LATERAL (SELECT CASE
         WHEN w.e < w.s THEN 0
         WHEN NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = f.person_id) THEN w.e - w.s + 1
         ELSE (SELECT coalesce(sum(greatest(0, least(w.e, coalesce(e.valid_to, w.e)) - greatest(w.s, e.valid_from) + 1)), 0)
               FROM enrolments e WHERE e.person_id = f.person_id) END AS days) d
     WHERE f.community_centre_id IS NOT NULL AND f.valid_from <= $2::date AND f.valid_to >= $1::date
     GROUP BY f.community_centre_id, p.scheme
     HAVING sum(d.days) > 0
     ORDER BY 1, 2`,
    [first, last],
  );
  return rows.map((r) => ({
    centreId: r['centre_id'] as string,
    pool: r['pool'] as MonthContractDays['pool'],
    contractDays: n(r['days']),
  }));
}

interface AgreementRow {
  id: string;
  institution_id: string;
  valid_from: string;
  valid_to: string;
  indicators: Record<string, unknown>;
  settlement_terms: Record<string, unknown>;
  amendments: { effectiveOn: string; changes: { indicators?: object; settlementTerms?: object } }[] | null;
}

/** An agreement's indicators and terms as amended on `date` (registry/agreements.ts onDate, for many at once). */
export interface AgreementTerms {
  agreementId: string;
  institutionId: string;
  validFrom: string;
  validTo: string;
  indicators: Record<string, unknown>;
  terms: Record<string, unknown>;
}

function asOf(r: AgreementRow, date: string): AgreementTerms {
  let indicators = { ...r.indicators };
  let terms = { ...r.settlement_terms };
  for (const m of r.amendments ?? []) {
    if (m.effectiveOn > date) continue;
    indicators = { ...indicators, ...(m.changes.indicators ?? {}) };
    terms = { ...terms, ...(m.changes.settlementTerms ?? {}) };
  }
  return {
    agreementId: r.id,
    institutionId: r.institution_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    indicators,
    terms,
  };
}

const AGREEMENTS_SQL = (
  where: string,
) => `SELECT a.id, a.institution_id, a.valid_from::text, a.valid_to::text,
    a.indicators, a.settlement_terms,
    (SELECT json_agg(json_build_object('effectiveOn', m.effective_on::text, 'changes', m.changes)
       ORDER BY m.effective_on, m.signed_on, m.id) FROM agreement_amendments m WHERE m.agreement_id = a.id) AS amendments
  FROM agreements a WHERE ${where}
  ORDER BY a.institution_id, a.valid_from, a.id`;

/**
 * §2: per institution, the agreement whose term covers `date` (the latest-starting if several;
 * whatever its state), as amended that day.
 */
export async function agreementsCovering(db: Queryable, date: string): Promise<Map<string, AgreementTerms>> {
  const rows = await db.query<AgreementRow>(
    AGREEMENTS_SQL('a.valid_from <= $1::date AND a.valid_to >= $1::date'),
    [date],
  );
  const out = new Map<string, AgreementTerms>();
  for (const r of rows) out.set(r.institution_id, asOf(r, date)); // ordered by valid_from: the last wins
  return out;
}

/** §7/§8: per institution, the agreement of the year (`year` = Y, the latest-starting), as in force on its last day. */
export async function agreementsOfYear(db: Queryable, year: number): Promise<Map<string, AgreementTerms>> {
  const rows = await db.query<AgreementRow>(AGREEMENTS_SQL('a.year = $1'), [year]);
  const out = new Map<string, AgreementTerms>();
  for (const r of rows) out.set(r.institution_id, asOf(r, r.valid_to));
  return out;
}
