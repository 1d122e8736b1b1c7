// 协议考核与信用等级 (R-A7, R-A8): an agreement's indicators (R-F2: the supervision indicators per
// institution — cost per visit, drug-cost share, self-paid drug share, out-of-scope share, personal
// burden) measured from the period's settlements
// (reversals netted), each against its threshold, with satisfaction (R-A10) and substantiated
// complaints; a score, a credit rating and what follows from it; published when the agency decides.
import { randomUUID } from 'node:crypto';
import type { Assessment, AssessmentFinding as Finding, AssessmentMeasured as Measured } from '@yibao/api';
import type { Database, Queryable } from '../db/types.js';
import { Conflict, Invalid, NotFound } from '../domain/errors.js';
import {
  insertAssessment,
  markPublished,
  periodSums,
  storedAssessment,
  storedAssessments,
  type StoredAssessment,
  overlappingAssessment,
} from '../store/registry/assessment.js';
import { lockAgreement } from '../store/registry/agreements.js';
import { findAgreement, onDate, type Indicators } from './agreements.js';
import { ASSESSMENT_RULES, ratingFor } from './assessment-rules.js';
import { recordVersion, type Change } from './history.js';

// The shapes are the contract's (@yibao/api): the measured indicators (R-F2, R-A7) with shares in
// percent with one decimal (null where the period has nothing to measure), the findings, the result.
export type { Assessment, AssessmentFinding as Finding, AssessmentMeasured as Measured } from '@yibao/api';

const share = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;

async function measure(db: Queryable, institutionId: string, from: string, to: string): Promise<Measured> {
  const p = await periodSums(db, institutionId, from, to);
  return {
    visits: p.visits,
    totalCost: p.totalFen / 100,
    fundPay: p.fundFen / 100,
    costPerVisit: p.visits > 0 ? Math.round(p.totalFen / p.visits) / 100 : null,
    drugCostShare: share(p.drugsFen, p.linesFen),
    selfPaidDrugShare: share(p.selfPaidDrugsFen, p.drugsFen),
    inpatientOutOfScopeShare: share(p.inpatientOutOfScopeFen, p.inpatientTotalFen),
    inpatientPersonalBurdenShare: share(p.inpatientPersonalFen, p.inpatientTotalFen),
    satisfaction: p.respondents ? share(p.satisfied ?? 0, p.respondents) : null,
    complaintsSubstantiated: p.complaintsSubstantiated,
  };
}

// R-F2 indicators judged against the agreement's thresholds (R-A7).
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
  if (!agreement) throw new NotFound('协议', agreementId, 'id');
  const from = input.periodFrom ?? agreement.validFrom;
  const to = input.periodTo ?? agreement.validTo;
  if (from < agreement.validFrom || to > agreement.validTo || from > to) {
    throw new Invalid(
      'periodFrom',
      'outside_term',
      `考核期须在协议期内（${agreement.validFrom}–${agreement.validTo}）`,
    );
  }
  if (input.assessedOn < to) throw new Invalid('assessedOn', 'invalid_date', '考核日期不能早于考核期末');
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
    // One assessment per day of the term: a period that shares a day with an assessed one is refused
    // (the agreement's row lock serialises two assessments of it).
    await lockAgreement(tx, agreementId);
    const overlap = await overlappingAssessment(tx, agreementId, from, to);
    if (overlap !== undefined && (overlap.periodFrom !== from || overlap.periodTo !== to)) {
      throw new Conflict(
        'assessment_overlap',
        `协议 ${agreementId} 的考核期 ${from}–${to} 与已考核的 ${overlap.periodFrom}–${overlap.periodTo} 重叠`,
        'periodFrom',
      );
    }
    const inserted = await insertAssessment(tx, {
      id,
      agreementId,
      institutionId: agreement.institutionId,
      periodFrom: from,
      periodTo: to,
      measured,
      findings,
      score,
      rating: rating.rating,
      assessedOn: input.assessedOn,
    });
    if (!inserted)
      throw new Conflict('already_assessed', `协议 ${agreementId} 的 ${from}–${to} 已考核`, 'periodFrom');
    const a = await findAssessment(tx, id);
    if (!a) throw new Error('assessment vanished');
    await recordVersion(tx, 'assessment', id, a, change);
    return a;
  });
}

/** The stored assessment with what its rating means (assessment-rules.ts). */
function withConsequence(a: StoredAssessment): Assessment {
  const rating = ratingFor(a.score);
  const { assessedOn, published, ...rest } = a;
  return {
    ...rest,
    consequence: rating.consequence,
    depositReturnPercent: rating.depositReturnPercent,
    assessedOn,
    published,
  };
}

export async function findAssessment(db: Queryable, id: string): Promise<Assessment | undefined> {
  const a = await storedAssessment(db, id);
  return a === undefined ? undefined : withConsequence(a);
}

export async function listAssessments(
  db: Queryable,
  filter: { institutionId?: string | undefined; year?: number | undefined; publishedOnly: boolean },
): Promise<Assessment[]> {
  return (await storedAssessments(db, filter)).map(withConsequence);
}

/** 考核结果公开 (R-A7, R-A10). */
export async function publishAssessment(db: Database, id: string, change: Change): Promise<Assessment> {
  return db.transaction(async (tx) => {
    if (!(await markPublished(tx, id))) {
      if (!(await findAssessment(tx, id))) throw new NotFound('考核结果', id, 'id');
      throw new Conflict('already_published', `考核结果 ${id} 已公开`, 'id');
    }
    const a = await findAssessment(tx, id);
    if (!a) throw new Error('assessment vanished');
    await recordVersion(tx, 'assessment', id, a, change);
    return a;
  });
}
