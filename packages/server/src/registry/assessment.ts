// 协议考核与信用等级 (R-A7, R-A8): an agreement's indicators measured from the period's settlements
// (reversals netted), each against its threshold, with satisfaction (R-A10) and substantiated
// complaints; a score, a credit rating and what follows from it; published when the agency decides.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/types.js';
import { ApiError, notFound } from '../errors.js';
import { findAgreement, onDate, type Indicators } from './agreements.js';
import { ASSESSMENT_RULES, ratingFor, type Rating } from './assessment-rules.js';
import { recordVersion, type Change } from './history.js';

/** Shares in percent with one decimal; null where the period has nothing to measure. */
export interface Measured {
  visits: number;
  totalCost: number; // yuan
  fundPay: number; // yuan
  costPerVisit: number | null; // 次均费用, yuan
  drugCostShare: number | null; // 药占比
  selfPaidDrugShare: number | null; // 自费药品占药品费用比例
  inpatientOutOfScopeShare: number | null; // 住院目录外（全自费+超限价）费用占比
  inpatientPersonalBurdenShare: number | null; // 住院个人负担比例
  satisfaction: number | null; // 满意度
  complaintsSubstantiated: number; // 查实的举报投诉
}

export interface Finding {
  indicator: string;
  name: string;
  measured: number | null;
  threshold: number | null;
  met: boolean | null; // null: nothing to measure in the period
  points: number; // deducted
}

export interface Assessment {
  id: string;
  agreementId: string;
  institutionId: string;
  periodFrom: string;
  periodTo: string;
  measured: Measured;
  findings: Finding[];
  score: number;
  rating: Rating;
  consequence: string;
  depositReturnPercent: number;
  assessedOn: string;
  published: boolean;
}

const share = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;

async function measure(db: Queryable, institutionId: string, from: string, to: string): Promise<Measured> {
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
  const visits = n(s?.['visits']);
  return {
    visits,
    totalCost: n(s?.['total']) / 100,
    fundPay: n(s?.['fund']) / 100,
    costPerVisit: visits > 0 ? Math.round(n(s?.['total']) / visits) / 100 : null,
    drugCostShare: share(n(l?.['drugs']), n(l?.['all_lines'])),
    selfPaidDrugShare: share(n(l?.['self_drugs']), n(l?.['drugs'])),
    inpatientOutOfScopeShare: share(n(s?.['inp_out']), n(s?.['inp_total'])),
    inpatientPersonalBurdenShare: share(n(s?.['inp_personal']), n(s?.['inp_total'])),
    satisfaction: sv?.respondents ? share(n(sv.satisfied), n(sv.respondents)) : null,
    complaintsSubstantiated: n(c?.n),
  };
}

const CHECKS: ReadonlyArray<[keyof Indicators, keyof Measured, string]> = [
  ['drugCostShareMax', 'drugCostShare', '药品费用占比'],
  ['selfPaidDrugShareMax', 'selfPaidDrugShare', '自费药品费用占药品费用比例'],
  ['inpatientOutOfScopeShareMax', 'inpatientOutOfScopeShare', '住院目录外费用占比'],
  ['inpatientPersonalBurdenShareMax', 'inpatientPersonalBurdenShare', '住院个人负担比例'],
];

function judge(measured: Measured, indicators: Indicators, termShare: number): Finding[] {
  const findings: Finding[] = [];
  for (const [indicator, field, name] of CHECKS) {
    const threshold = indicators[indicator];
    if (threshold === undefined) continue;
    const value = measured[field];
    const met = value === null ? null : value <= threshold;
    findings.push({
      indicator,
      name,
      measured: value,
      threshold,
      met,
      points: met === false ? ASSESSMENT_RULES.perUnmetIndicator : 0,
    });
  }
  if (indicators.totalControlAmount !== undefined) {
    // 总额控制: the yearly amount, pro rata to the part of the term the period covers.
    const allowed = Math.round(indicators.totalControlAmount * termShare * 100) / 100;
    const met = measured.fundPay <= allowed;
    findings.push({
      indicator: 'totalControlAmount',
      name: '统筹基金支付总额控制',
      measured: measured.fundPay,
      threshold: allowed,
      met,
      points: met ? 0 : ASSESSMENT_RULES.perUnmetIndicator,
    });
  }
  if (indicators.satisfactionMin !== undefined) {
    const met = measured.satisfaction === null ? null : measured.satisfaction >= indicators.satisfactionMin;
    findings.push({
      indicator: 'satisfactionMin',
      name: '参保人满意度',
      measured: measured.satisfaction,
      threshold: indicators.satisfactionMin,
      met,
      points: met === false ? ASSESSMENT_RULES.lowSatisfaction : 0,
    });
  }
  const complaintPoints = Math.min(
    ASSESSMENT_RULES.complaintCap,
    measured.complaintsSubstantiated * ASSESSMENT_RULES.perSubstantiatedComplaint,
  );
  findings.push({
    indicator: 'complaints',
    name: '查实的举报投诉',
    measured: measured.complaintsSubstantiated,
    threshold: 0,
    met: measured.complaintsSubstantiated === 0,
    points: complaintPoints,
  });
  return findings;
}

const days = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/** 考核: measures the period (within the agreement's term), scores it and rates the institution. */
export async function assessAgreement(
  db: Database,
  agreementId: string,
  input: { periodFrom?: string; periodTo?: string; assessedOn: string },
  change: Change,
): Promise<Assessment> {
  const agreement = await findAgreement(db, agreementId);
  if (!agreement) throw notFound('协议', 'id', agreementId);
  const from = input.periodFrom ?? agreement.validFrom;
  const to = input.periodTo ?? agreement.validTo;
  if (from < agreement.validFrom || to > agreement.validTo || from > to) {
    throw new ApiError(
      400,
      'outside_term',
      `考核期须在协议期内（${agreement.validFrom}–${agreement.validTo}）`,
      'periodFrom',
    );
  }
  if (input.assessedOn < to)
    throw new ApiError(400, 'invalid_date', '考核日期不能早于考核期末', 'assessedOn');
  const measured = await measure(db, agreement.institutionId, from, to);
  const findings = judge(
    measured,
    onDate(agreement, to).indicatorsOnDate,
    days(from, to) / days(agreement.validFrom, agreement.validTo),
  );
  const score = Math.max(0, ASSESSMENT_RULES.fullScore - findings.reduce((a, f) => a + f.points, 0));
  const rating = ratingFor(score);
  const id = `ASM-${agreementId}-${from}-${to}-${randomUUID().slice(0, 4)}`;
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO assessments (id, agreement_id, institution_id, period_from, period_to, measured, findings, score, rating, assessed_on)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10) ON CONFLICT (agreement_id, period_from, period_to) DO NOTHING RETURNING id`,
      [
        id,
        agreementId,
        agreement.institutionId,
        from,
        to,
        JSON.stringify(measured),
        JSON.stringify(findings),
        score,
        rating.rating,
        input.assessedOn,
      ],
    );
    if (inserted.length === 0)
      throw new ApiError(
        409,
        'already_assessed',
        `协议 ${agreementId} 的 ${from}–${to} 已考核`,
        'periodFrom',
      );
    const a = await findAssessment(tx, id);
    if (!a) throw new Error('assessment vanished');
    await recordVersion(tx, 'assessment', id, a, change);
    return a;
  });
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

function fromRow(r: AssessmentRow): Assessment {
  const rating = ratingFor(r.score);
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
    consequence: rating.consequence,
    depositReturnPercent: rating.depositReturnPercent,
    assessedOn: r.assessed_on,
    published: r.published,
  };
}

export async function findAssessment(db: Queryable, id: string): Promise<Assessment | undefined> {
  const rows = await db.query<AssessmentRow>(`${SELECT} WHERE id = $1`, [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function listAssessments(
  db: Queryable,
  filter: { institutionId?: string | undefined; year?: number | undefined; publishedOnly: boolean },
): Promise<Assessment[]> {
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

/** 考核结果公开 (R-A7, R-A10). */
export async function publishAssessment(db: Database, id: string, change: Change): Promise<Assessment> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE assessments SET published = true WHERE id = $1 AND NOT published RETURNING id`,
      [id],
    );
    if (rows.length === 0) {
      if (!(await findAssessment(tx, id))) throw notFound('考核结果', 'id', id);
      throw new ApiError(409, 'already_published', `考核结果 ${id} 已公开`, 'id');
    }
    const a = await findAssessment(tx, id);
    if (!a) throw new Error('assessment vanished');
    await recordVersion(tx, 'assessment', id, a, change);
    return a;
  });
}
