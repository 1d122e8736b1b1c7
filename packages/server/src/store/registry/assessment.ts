// assessments, and the sums an assessment measures from settlements, surveys and complaints (R-A7, R-A10).
import type { Queryable } from '../../db/types.js';
import type {
  Assessment,
  AssessmentFinding as Finding,
  AssessmentMeasured as Measured,
  Rating,
} from '@yibao/api';

/** A period's raw sums for one institution: fen and counts, reversals netted out. */
export interface PeriodSums {
  visits: number;
  totalFen: number;
  fundFen: number;
  inpatientTotalFen: number;
  inpatientOutOfScopeFen: number;
  inpatientPersonalFen: number;
  linesFen: number;
  drugsFen: number;
  selfPaidDrugsFen: number;
  respondents: number | null;
  satisfied: number | null;
  complaintsSubstantiated: number;
}

export async function periodSums(
  db: Queryable,
  institutionId: string,
  from: string,
  to: string,
): Promise<PeriodSums> {
  const [s] = await db.query<Record<string, number | null>>(
    `SELECT count(*) FILTER (WHERE reverses IS NULL)::int - count(*) FILTER (WHERE reverses IS NOT NULL)::int AS visits,
       coalesce(sum(total_cost_fen), 0)::bigint AS total, coalesce(sum(fund_pay_fen), 0)::bigint AS fund,
       coalesce(sum(total_cost_fen) FILTER (WHERE visit_kind IN ('inpatient', 'family_bed')), 0)::bigint AS inp_total,
       coalesce(sum(full_self_pay_fen + over_limit_self_pay_fen) FILTER (WHERE visit_kind IN ('inpatient', 'family_bed')), 0)::bigint AS inp_out,
       coalesce(sum(personal_part_fen) FILTER (WHERE visit_kind IN ('inpatient', 'family_bed')), 0)::bigint AS inp_personal
     FROM settlements WHERE institution_id = $1 AND date BETWEEN $2::date AND $3::date`,
    [institutionId, from, to],
  );
  const [l] = await db.query<Record<string, number | null>>(
    `SELECT coalesce(sum(l.total_fen), 0)::bigint AS all_lines,
       coalesce(sum(l.total_fen) FILTER (WHERE l.kind = 'drug'), 0)::bigint AS drugs,
       coalesce(sum(l.total_fen) FILTER (WHERE l.kind = 'drug' AND l.class = 'self'), 0)::bigint AS self_drugs
     FROM settlements s JOIN settlement_items l ON l.settlement_id = s.id
     WHERE s.institution_id = $1 AND s.date BETWEEN $2::date AND $3::date`,
    [institutionId, from, to],
  );
  const [sv] = await db.query<{ respondents: number | null; satisfied: number | null }>(
    `SELECT sum(respondents)::int AS respondents, sum(satisfied)::int AS satisfied FROM satisfaction_surveys
     WHERE institution_id = $1 AND period_to BETWEEN $2::date AND $3::date`,
    [institutionId, from, to],
  );
  const [c] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM complaints WHERE institution_id = $1 AND state = 'substantiated'
     AND received_on BETWEEN $2::date AND $3::date`,
    [institutionId, from, to],
  );
  const n = (v: number | null | undefined): number => v ?? 0;
  return {
    visits: n(s?.['visits']),
    totalFen: n(s?.['total']),
    fundFen: n(s?.['fund']),
    inpatientTotalFen: n(s?.['inp_total']),
    inpatientOutOfScopeFen: n(s?.['inp_out']),
    inpatientPersonalFen: n(s?.['inp_personal']),
    linesFen: n(l?.['all_lines']),
    drugsFen: n(l?.['drugs']),
    selfPaidDrugsFen: n(l?.['self_drugs']),
    respondents: sv?.respondents ?? null,
    satisfied: sv?.satisfied ?? null,
    complaintsSubstantiated: n(c?.n),
  };
}

/** The assessment as stored: what the rules make of its score (consequence, deposit) is the domain's. */
export type StoredAssessment = Omit<Assessment, 'consequence' | 'depositReturnPercent'>;

/** One assessment per agreement and period: false when that period is assessed already. */
export async function insertAssessment(
  tx: Queryable,
  a: Omit<StoredAssessment, 'published'>,
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO assessments (id, agreement_id, institution_id, period_from, period_to, measured, findings, score, rating, assessed_on)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10) ON CONFLICT (agreement_id, period_from, period_to) DO NOTHING RETURNING id`,
    [
      a.id,
      a.agreementId,
      a.institutionId,
      a.periodFrom,
      a.periodTo,
      JSON.stringify(a.measured),
      JSON.stringify(a.findings),
      a.score,
      a.rating,
      a.assessedOn,
    ],
  );
  return inserted.length === 1;
}

interface AssessmentRow {
  id: string;
  agreement_id: string;
  institution_id: string;
  period_from: string;
  period_to: string;
  measured: Measured;
  findings: Finding[];
  score: number;
  rating: Rating;
  assessed_on: string;
  published: boolean;
}

const SELECT = `SELECT id, agreement_id, institution_id, period_from::text, period_to::text, measured, findings, score, rating,
  assessed_on::text, published FROM assessments`;

function fromRow(r: AssessmentRow): StoredAssessment {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    institutionId: r.institution_id,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    measured: r.measured,
    findings: r.findings,
    score: r.score,
    rating: r.rating,
    assessedOn: r.assessed_on,
    published: r.published,
  };
}

export async function storedAssessment(db: Queryable, id: string): Promise<StoredAssessment | undefined> {
  const rows = await db.query<AssessmentRow>(`${SELECT} WHERE id = $1`, [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function storedAssessments(
  db: Queryable,
  filter: { institutionId?: string | undefined; year?: number | undefined; publishedOnly: boolean },
): Promise<StoredAssessment[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.institutionId !== undefined) {
    params.push(filter.institutionId);
    where.push(`institution_id = $${params.length}`);
  }
  if (filter.year !== undefined) {
    params.push(filter.year);
    where.push(`extract(year FROM period_to)::integer = $${params.length}`);
  }
  if (filter.publishedOnly) where.push('published');
  const rows = await db.query<AssessmentRow>(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY period_to DESC, institution_id`,
    params,
  );
  return rows.map(fromRow);
}

/** Marks it published; false when it is not there or published already. */
export async function markPublished(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE assessments SET published = true WHERE id = $1 AND NOT published RETURNING id`,
    [id],
  );
  return rows.length === 1;
}

/** An assessment of the agreement whose period shares a day with from–to, if any. */
export async function overlappingAssessment(
  tx: Queryable,
  agreementId: string,
  from: string,
  to: string,
): Promise<{ id: string; periodFrom: string; periodTo: string } | undefined> {
  const rows = await tx.query<{ id: string; period_from: string; period_to: string }>(
    `SELECT id, period_from::text, period_to::text FROM assessments
      WHERE agreement_id = $1 AND period_from <= $3::date AND period_to >= $2::date
      ORDER BY period_from LIMIT 1`,
    [agreementId, from, to],
  );
  const r = rows[0];
  return r === undefined ? undefined : { id: r.id, periodFrom: r.period_from, periodTo: r.period_to };
}
