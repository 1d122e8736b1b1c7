// 协议考核、信用等级、举报投诉与信息公开 (R-A7, R-A8, R-A10). Shares and satisfaction are percent
// with one decimal; amounts yuan; null where the period had nothing to measure.
import { Type, type Static } from 'typebox';
import { DateString, Id, Nullable, NullableString, Text } from '../common.js';

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

// The requests: assess an agreement, record a survey, receive and close a complaint.
const closed = { additionalProperties: false } as const;

/** Query strings are not coerced: a year is four digits. */
const YearString = Type.String({ pattern: '^\\d{4}$', description: '年度 YYYY' });

/** 协议考核 (R-A7, R-A8): the period defaults to the agreement's term. */
export const AssessmentBody = Type.Object(
  { periodFrom: Type.Optional(DateString), periodTo: Type.Optional(DateString), assessedOn: DateString },
  closed,
);

export const AssessmentQuery = Type.Object(
  { institutionId: Type.Optional(Id), year: Type.Optional(YearString) },
  closed,
);
export const PublicAssessmentQuery = Type.Object({ year: Type.Optional(YearString) }, closed);
export const DisclosureQuery = Type.Object({ year: YearString }, closed);

/** 满意度调查结果 (R-A10). */
export const SurveyBody = Type.Object(
  {
    periodFrom: DateString,
    periodTo: DateString,
    respondents: Type.Integer({ minimum: 1 }),
    satisfied: Type.Integer({ minimum: 0 }),
  },
  closed,
);

/** 受理举报或投诉 (R-A10). */
export const ComplaintBody = Type.Object(
  {
    kind: Complaint.properties.kind,
    receivedOn: DateString,
    summary: Text,
    personId: Type.Optional(NullableString),
  },
  closed,
);
export type ComplaintBody = Static<typeof ComplaintBody>;

/** 办结: substantiated (查实) or unfounded (不实). */
export const ComplaintClosureBody = Type.Object(
  {
    state: Type.Enum(['substantiated', 'unfounded'], { type: 'string' }),
    resolution: Text,
    closedOn: DateString,
  },
  closed,
);
export type ComplaintClosureBody = Static<typeof ComplaintClosureBody>;
