// 协议考核、信用等级、举报投诉与信息公开 (R-A7, R-A8, R-A10). Shares and satisfaction are percent
// with one decimal; amounts yuan; null where the period had nothing to measure.
import { Type, type Static } from 'typebox';
import { Nullable } from '../common.js';

const Share = Nullable(Type.Number());

export const RATINGS = ['A', 'B', 'C', 'D'] as const;
export const Rating = Type.Enum(RATINGS, { type: 'string', description: '信用等级' });
export type Rating = Static<typeof Rating>;

export const AssessmentMeasured = Type.Object({
  visits: Type.Integer(),
  totalCost: Type.Number(),
  fundPay: Type.Number(),
  costPerVisit: Share,
  drugCostShare: Share,
  selfPaidDrugShare: Share,
  inpatientOutOfScopeShare: Share,
  inpatientPersonalBurdenShare: Share,
  satisfaction: Share,
  complaintsSubstantiated: Type.Integer(),
});
export type AssessmentMeasured = Static<typeof AssessmentMeasured>;

export const AssessmentFinding = Type.Object({
  indicator: Type.String({
    description: 'drugCostShareMax … totalControlAmount | satisfactionMin | complaints',
  }),
  name: Type.String({ description: '指标名称（中文）' }),
  measured: Share,
  threshold: Share,
  met: Nullable(Type.Boolean({ description: '期间无可计量时为空' })),
  points: Type.Number({ description: '扣分' }),
});
export type AssessmentFinding = Static<typeof AssessmentFinding>;

export const Assessment = Type.Object({
  id: Type.String(),
  agreementId: Type.String(),
  institutionId: Type.String(),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  measured: AssessmentMeasured,
  findings: Type.Array(AssessmentFinding),
  score: Type.Number(),
  rating: Rating,
  consequence: Type.String(),
  depositReturnPercent: Type.Number(),
  assessedOn: Type.String(),
  published: Type.Boolean(),
});
export type Assessment = Static<typeof Assessment>;

export const Complaint = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['report', 'complaint'], { type: 'string', description: '举报 | 投诉' }),
  receivedOn: Type.String(),
  summary: Type.String(),
  state: Type.Enum(['open', 'substantiated', 'unfounded'], { type: 'string' }),
  resolution: Nullable(Type.String()),
  closedOn: Nullable(Type.String()),
});
export type Complaint = Static<typeof Complaint>;

/** What the public sees of an institution for a year; `assessment` is the published one only. */
export const Disclosure = Type.Object({
  year: Type.Integer(),
  visits: Type.Integer(),
  costPerVisit: Share,
  fundPay: Type.Number(),
  satisfaction: Share,
  complaints: Type.Object({ received: Type.Integer(), substantiated: Type.Integer() }),
  assessment: Nullable(Type.Pick(Assessment, ['periodFrom', 'periodTo', 'score', 'rating', 'consequence'])),
});
export type Disclosure = Static<typeof Disclosure>;
