// The stored settlements as the supervision rules read them (SettlementFact, IndicatorFact), the
// family-doctor contracts with their own institutions, and the exemptions: SQL only.
//
// Where each fact lives on a settlement row (what the settlement must keep writing there):
// - visit kind, date, amounts: the row's columns; the benefit kind from visit_kind and
//   benefit_group (a chronic or special visit settled as general outpatient was not certified);
// - admissionDate, proxy, diagnosis: the resolved request's visit (`request->visit`), else the visit
//   as sent (`visit`);
// - each line's code, kind, class, inScope, total, `days` and `refused_by` (a 事中 refusal, or R-D10):
//   `lines` (settle/lines.ts); for rows stored before `lines` held them, the resolved request's
//   items[i] `days` and `refusedBy` (settle/replay.ts keeps every field not at the engine's default);
// - a counted referral: the resolved request's `visit.referral.filed` (the registry put it there
//   only when the named referral counts);
// - pool: the request's person.scheme, else the person's scheme now.
// Visible (SUPERVISION_RULES.md §1): neither a reversal nor reversed.
import type {
  ContractFact,
  IndicatorFact,
  InstitutionType,
  ItemClass,
  ItemKind,
  Level,
  Scheme,
  VisitKind,
} from '@yibao/engine';
import type { Queryable } from '../../db/types.js';

const FACT_COLUMNS = `s.id, s.person_id, s.institution_id, i.type AS institution_type, i.level AS institution_level,
  s.date::text AS date, s.visit_kind, s.benefit_group,
  coalesce(s.request->'visit'->>'admissionDate', s.visit->>'admissionDate') AS admission_date,
  coalesce(s.request->'visit'->>'diagnosis', s.visit->>'diagnosis') AS diagnosis,
  coalesce(s.request->'visit'->>'proxy', s.visit->>'proxy') AS proxy,
  s.request->'visit'->'referral'->>'filed' AS referral_filed,
  coalesce(s.request->'person'->>'scheme', p.scheme) AS scheme,
  s.fund_pay_fen, s.total_cost_fen, s.full_self_pay_fen, s.over_limit_self_pay_fen, s.personal_part_fen,
  s.lines, s.request->'items' AS request_items`;

const FROM_VISIBLE = `FROM settlements s
  JOIN institutions i ON i.id = s.institution_id
  LEFT JOIN persons p ON p.id = s.person_id
  WHERE s.reverses IS NULL
    AND NOT EXISTS (SELECT 1 FROM settlements r WHERE r.person_id = s.person_id AND r.reverses = s.id)`;

interface FactRow {
  id: string;
  person_id: string;
  institution_id: string;
  institution_type: string;
  institution_level: string | null;
  date: string;
  visit_kind: string;
  benefit_group: string;
  admission_date: string | null;
  diagnosis: string | null;
  proxy: string | null;
  referral_filed: string | null;
  scheme: string | null;
  fund_pay_fen: string | number;
  total_cost_fen: string | number;
  full_self_pay_fen: string | number;
  over_limit_self_pay_fen: string | number;
  personal_part_fen: string | number;
  lines: unknown;
  request_items: unknown;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The benefit kind (SUPERVISION_RULES.md §1): an uncertified chronic or special visit is outpatient. */
function benefitKindOf(visitKind: string, benefitGroup: string): VisitKind {
  if (visitKind === 'chronic_outpatient' || visitKind === 'special_outpatient')
    return benefitGroup === visitKind ? visitKind : 'outpatient';
  return visitKind as VisitKind;
}

function asArray(v: unknown): Record<string, unknown>[] {
  if (typeof v === 'string') return asArray(JSON.parse(v) as unknown);
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
}

const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

function daysOf(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
}

function factOf(r: FactRow, order: number): IndicatorFact {
  const items = asArray(r.request_items);
  const lines = asArray(r.lines).map((l, i) => {
    const item = items[i] ?? {};
    const refusedBy = l['refused_by'] ?? item['refusedBy'];
    return {
      code: textOf(l['code']),
      kind: textOf(l['kind']) as ItemKind,
      class: textOf(l['class']) as ItemClass,
      inScope: Number(l['in_scope_fen'] ?? 0),
      total: Number(l['total_fen'] ?? 0),
      days: daysOf(l['days'] ?? item['days']),
      refusedBy: typeof refusedBy === 'string' ? refusedBy : null,
    };
  });
  const admission = r.admission_date !== null && ISO_DATE.test(r.admission_date) ? r.admission_date : null;
  return {
    id: r.id,
    order,
    personId: r.person_id,
    institutionId: r.institution_id,
    institutionType: r.institution_type as InstitutionType,
    institutionLevel: r.institution_level as Level | null,
    date: r.date,
    visitKind: r.visit_kind as VisitKind,
    benefitKind: benefitKindOf(r.visit_kind, r.benefit_group),
    admissionDate: admission,
    diagnosis: r.diagnosis === null || r.diagnosis === '' ? null : r.diagnosis,
    proxy: r.proxy === 'true',
    referralCounted: r.referral_filed === 'true',
    pool: (r.scheme ?? 'resident') as Scheme,
    fundPay: Number(r.fund_pay_fen),
    totalCost: Number(r.total_cost_fen),
    fullSelfPay: Number(r.full_self_pay_fen),
    overLimitSelfPay: Number(r.over_limit_self_pay_fen),
    personalPart: Number(r.personal_part_fen),
    reversed: false,
    lines,
  };
}

/**
 * The visible settlements of these persons dated within [from, to], in storage order (created_at,
 * then the time-ordered id): `order` numbers them so, for ties on a date (§10 Order). The run's
 * read: the reversed ones come from the partial index of reversals and are left out here, and the
 * order is made here — a sort and an anti-join of wide rows in the database cost more than both.
 */
export async function settlementFactsOfPersons(
  db: Queryable,
  personIds: readonly string[],
  from: string,
  to: string,
): Promise<IndicatorFact[]> {
  if (personIds.length === 0) return [];
  const [rows, reversals] = await Promise.all([
    db.query<FactRow & { stored_us: string }>(
      `SELECT ${FACT_COLUMNS}, (extract(epoch FROM s.created_at) * 1000000)::bigint AS stored_us
       FROM settlements s
       JOIN institutions i ON i.id = s.institution_id
       LEFT JOIN persons p ON p.id = s.person_id
       WHERE s.reverses IS NULL AND s.person_id = ANY($1::text[]) AND s.date BETWEEN $2::date AND $3::date`,
      [personIds, from, to],
    ),
    db.query<{ reverses: string }>(
      `SELECT reverses FROM settlements WHERE person_id = ANY($1::text[]) AND reverses IS NOT NULL`,
      [personIds],
    ),
  ]);
  const reversed = new Set(reversals.map((r) => r.reverses));
  const visible = rows
    .filter((r) => !reversed.has(r.id))
    .map((r) => ({ r, at: Number(r.stored_us) }))
    .sort((a, b) => a.at - b.at || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));
  return visible.map(({ r }, i) => factOf(r, i));
}

/** The visible settlements dated within [from, to], of one institution or all. */
export async function settlementFactsOfPeriod(
  db: Queryable,
  from: string,
  to: string,
  institutionId: string | null,
): Promise<IndicatorFact[]> {
  const rows = await db.query<FactRow>(
    `SELECT ${FACT_COLUMNS} ${FROM_VISIBLE}
       AND s.date BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR s.institution_id = $3)
     ORDER BY s.created_at, s.id`,
    [from, to, institutionId],
  );
  return rows.map((r, i) => factOf(r, i));
}

/** The stays (inpatient, family bed) of these persons dated within [from, to]: earlier stays for readmissions. */
export async function stayFactsOfPersons(
  db: Queryable,
  personIds: readonly string[],
  from: string,
  to: string,
): Promise<IndicatorFact[]> {
  if (personIds.length === 0) return [];
  const rows = await db.query<FactRow>(
    `SELECT ${FACT_COLUMNS} ${FROM_VISIBLE}
       AND s.person_id = ANY($1::text[]) AND s.date BETWEEN $2::date AND $3::date
       AND s.visit_kind IN ('inpatient', 'family_bed')
     ORDER BY s.created_at, s.id`,
    [personIds, from, to],
  );
  return rows.map((r, i) => factOf(r, i));
}

/**
 * The persons with a visible-or-not settlement dated within [from, to] (every alert's evidence is
 * its person's, so an alert in range has a person settled in range); with `storedAfter`, only
 * those with some settlement stored after it (any date): the others' histories are unchanged.
 */
export async function personsSettledIn(
  db: Queryable,
  from: string,
  to: string,
  storedAfter: string | null,
): Promise<string[]> {
  const rows = await db.query<{ person_id: string }>(
    `SELECT DISTINCT s.person_id FROM settlements s
     WHERE s.date BETWEEN $1::date AND $2::date AND s.reverses IS NULL
       AND ($3::timestamptz IS NULL
            OR EXISTS (SELECT 1 FROM settlements n WHERE n.person_id = s.person_id AND n.created_at > $3::timestamptz))
     ORDER BY s.person_id`,
    [from, to, storedAfter],
  );
  return rows.map((r) => r.person_id);
}

/** The persons' family-doctor contracts with their own institutions (the centre, its children, the 1+1+1 hospitals). */
export async function contractsOfPersons(
  db: Queryable,
  personIds: readonly string[],
): Promise<ContractFact[]> {
  if (personIds.length === 0) return [];
  const rows = await db.query<{
    id: string;
    person_id: string;
    centre_id: string;
    doctor: string;
    valid_from: string;
    valid_to: string;
    ended_on: string | null;
    own: string[] | null;
    district: string | null;
    city: string | null;
  }>(
    `SELECT c.id, c.person_id, c.community_centre_id AS centre_id, c.doctor, c.valid_from::text, c.valid_to::text,
       c.ended_on::text, c.district_hospital_id AS district, c.city_hospital_id AS city,
       ARRAY(SELECT k.id FROM institutions k WHERE k.parent_id = c.community_centre_id OR k.founder_id = c.community_centre_id
             ORDER BY k.id) AS own
     FROM family_doctor_contracts c
     WHERE c.person_id = ANY($1::text[]) AND c.community_centre_id IS NOT NULL
     ORDER BY c.person_id, c.valid_from, c.id`,
    [personIds],
  );
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    centreId: r.centre_id,
    doctor: r.doctor,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    endedOn: r.ended_on,
    ownInstitutionIds: [r.centre_id, ...(r.own ?? []), r.district, r.city].filter(
      (x): x is string => x !== null,
    ),
  }));
}
