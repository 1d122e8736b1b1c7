// 基金监管 (SUPERVISION_CONTRACT.md, prefix /api/v1/supervision): the rule library in force, the 事后
// batch runs, the alerts (疑点) with their appeal and review, exemptions (豁免), the confirmed
// deductions (扣款) and the monthly indicators (R-F2, R-F5). Amounts are yuan on the wire, dates
// YYYY-MM-DD; query strings are checked by pattern, never coerced.
import { Type, type Static } from 'typebox';
import { DateString, Id, Nullable, Page, PageQuery, Text } from './common.js';
import { Citation } from './policy.js';

const closed = { additionalProperties: false } as const;

export const SUPERVISION_STAGES = ['事中', '事后'] as const;
export const SUPERVISION_RESULT_TYPES = ['明确违规', '可疑'] as const;
export const ALERT_STATUSES = ['open', 'appealed', 'upheld', 'overturned'] as const;
export const ALERT_DECISIONS = ['upheld', 'overturned'] as const;
export const FUNDS = ['outpatient', 'inpatient'] as const;

/** A rule id as the library writes it (F-01 …). */
export const RuleId = Type.String({ pattern: '^[A-Z]+-[0-9]{2,3}$', description: '规则编号，如 F-08' });

// ---- 规则库 -------------------------------------------------------------------------------------

export const SupervisionRulesQuery = Type.Object(
  {
    date: Type.Optional(DateString),
    region: Type.Optional(
      Type.String({ minLength: 1, maxLength: 32, description: '统筹区；缺省为唯一有规则库的统筹区' }),
    ),
  },
  closed,
);
export type SupervisionRulesQuery = Static<typeof SupervisionRulesQuery>;

export const SupervisionRule = Type.Object({
  id: Type.String(),
  name: Type.String(),
  family: Type.String({ description: '规则类别（国家规则库）' }),
  stage: Type.Enum(SUPERVISION_STAGES, { type: 'string', description: '事中：结算时拒付；事后：批量疑点' }),
  resultType: Type.Enum(SUPERVISION_RESULT_TYPES, { type: 'string' }),
  scenes: Type.Array(Type.String()),
  window: Type.String({ description: '时间窗' }),
  effectiveFrom: Type.String({ description: '在用版本的生效日' }),
  parameters: Type.Record(Type.String(), Type.Unknown(), {
    description: '在用版本的参数与目录，按政策文件原样',
  }),
  requirement: Type.String(),
  source: Type.Array(Citation),
});
export type SupervisionRule = Static<typeof SupervisionRule>;

export const SupervisionRules = Type.Object({
  region: Type.String(),
  date: Type.String(),
  version: Nullable(Type.String({ description: '统筹区在该日的政策版本' })),
  items: Type.Array(SupervisionRule),
});
export type SupervisionRules = Static<typeof SupervisionRules>;

// ---- 事后批量运行 --------------------------------------------------------------------------------

export const SupervisionRunBody = Type.Object(
  {
    from: DateString,
    to: DateString,
    runOn: Type.Optional(DateString),
    full: Type.Optional(
      Type.Boolean({ description: '不用已覆盖范围的记录，重判范围内每一参保人（默认 false：增量）' }),
    ),
  },
  closed,
);
export type SupervisionRunBody = Static<typeof SupervisionRunBody>;

export const SupervisionRun = Type.Object({
  runId: Type.String(),
  from: Type.String(),
  to: Type.String(),
  runOn: Type.String(),
  status: Type.Enum(['running', 'done', 'failed'], { type: 'string' }),
  raised: Nullable(Type.Integer({ description: '本次运行新建的疑点数' })),
  progress: Type.Object({
    done: Type.Integer(),
    total: Nullable(Type.Integer()),
    unit: Type.String({ description: 'persons：已判定的参保人' }),
  }),
  incremental: Type.Boolean({ description: '只重判了上次覆盖后有新结算的参保人' }),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  error: Nullable(Type.String()),
});
export type SupervisionRun = Static<typeof SupervisionRun>;

export const RunParams = Type.Object({ runId: Type.String({ minLength: 1, maxLength: 64 }) });

// ---- 疑点 ----------------------------------------------------------------------------------------

export const AlertHistoryEntry = Type.Object({
  status: Type.Enum(ALERT_STATUSES, { type: 'string' }),
  on: Type.String({ description: '业务日期' }),
  by: Type.String({ description: '经办人（认证身份）' }),
  at: Type.String({ description: '记录时间' }),
  reason: Nullable(Type.String()),
});
export type AlertHistoryEntry = Static<typeof AlertHistoryEntry>;

export const Alert = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  ruleName: Type.String(),
  resultType: Type.String(),
  institutionId: Type.String({ description: '结算机构；F-14–F-17 为签约的社区卫生服务中心' }),
  personId: Type.String(),
  settlementId: Type.String({ description: '疑点所在的结算' }),
  line: Nullable(Type.Integer({ description: '明细行序号（从 0 起）；整次结算为空' })),
  date: Type.String(),
  amount: Type.Number({ description: '涉及金额（元）：基金分摊或统筹支付；家医预警为 0' }),
  pool: Type.String({ description: '险种 employee | resident' }),
  fund: Type.Enum(FUNDS, { type: 'string', description: '门诊 | 住院（R-F5）' }),
  evidence: Type.Array(Type.String(), { description: '证据：结算编号，含本次' }),
  contractId: Nullable(Type.String()),
  doctor: Nullable(Type.String()),
  text: Type.String({ description: '疑点说明' }),
  raisedOn: Type.String(),
  appealDeadline: Type.String(),
  status: Type.Enum(ALERT_STATUSES, { type: 'string' }),
  history: Type.Array(AlertHistoryEntry),
});
export type Alert = Static<typeof Alert>;

const BoolString = Type.Enum(['true', 'false'], { type: 'string' });

export const AlertQuery = Type.Object(
  {
    institutionId: Type.Optional(Id),
    ruleId: Type.Optional(RuleId),
    status: Type.Optional(Type.Enum(ALERT_STATUSES, { type: 'string' })),
    personId: Type.Optional(Id),
    settlementId: Type.Optional(Id),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    // 家庭医生监测 (R-F3): the city view is familyDoctor=true, a district's adds county, a centre's institutionId.
    familyDoctor: Type.Optional(BoolString),
    county: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '区县（机构所在）' })),
    doctor: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    contractId: Type.Optional(Id),
    ...PageQuery,
  },
  closed,
);
export type AlertQuery = Static<typeof AlertQuery>;

export const AlertPage = Page(Alert);
export type AlertPage = Static<typeof AlertPage>;

export const AlertParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const AppealBody = Type.Object({ reason: Text, appealedOn: DateString }, closed);
export type AppealBody = Static<typeof AppealBody>;

export const AlertReviewBody = Type.Object(
  { decision: Type.Enum(ALERT_DECISIONS, { type: 'string' }), reason: Text, decidedOn: DateString },
  closed,
);
export type AlertReviewBody = Static<typeof AlertReviewBody>;

// ---- 豁免 ----------------------------------------------------------------------------------------

export const ExemptionBody = Type.Object(
  { ruleId: RuleId, personId: Id, from: DateString, to: DateString, reason: Text },
  closed,
);
export type ExemptionBody = Static<typeof ExemptionBody>;

export const Exemption = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  personId: Type.String(),
  from: Type.String(),
  to: Type.String(),
  reason: Type.String(),
  by: Type.String(),
  at: Type.String(),
});
export type Exemption = Static<typeof Exemption>;

export const ExemptionQuery = Type.Object(
  { personId: Type.Optional(Id), ruleId: Type.Optional(RuleId) },
  closed,
);

// ---- 扣款 ----------------------------------------------------------------------------------------

const YearString = Type.String({ pattern: '^\\d{4}$', description: '年度 YYYY' });
const MonthString = Type.String({ pattern: '^(0?[1-9]|1[0-2])$', description: '月份 1–12' });

export const DeductionQuery = Type.Object(
  { institutionId: Type.Optional(Id), year: Type.Optional(YearString), month: Type.Optional(MonthString) },
  closed,
);
export type DeductionQuery = Static<typeof DeductionQuery>;

export const MonthDeduction = Type.Object({
  institutionId: Type.String(),
  year: Type.Integer({ description: '确认（审核维持）年份' }),
  month: Type.Integer({ description: '确认月份；次月月度结算扣除' }),
  pool: Type.String(),
  fund: Type.Enum(FUNDS, { type: 'string' }),
  amount: Type.Number({ description: '元' }),
  alertIds: Type.Array(Type.String()),
});
export type MonthDeduction = Static<typeof MonthDeduction>;

export const Deductions = Type.Object({ items: Type.Array(MonthDeduction) });
export type Deductions = Static<typeof Deductions>;

// ---- 指标 ----------------------------------------------------------------------------------------

const Share = Nullable(Type.Number({ description: '百分比，一位小数；无可计量时为空' }));
const YuanOrNull = Nullable(Type.Number({ description: '元' }));

export const IndicatorQuery = Type.Object(
  { institutionId: Type.Optional(Id), year: YearString, month: MonthString },
  closed,
);
export type IndicatorQuery = Static<typeof IndicatorQuery>;

export const OutpatientIndicators = Type.Object({
  visits: Type.Integer(),
  totalCost: Type.Number(),
  fundPay: Type.Number(),
  costPerVisit: YuanOrNull,
  drugShare: Share,
  selfPaidDrugShare: Share,
  outOfScopeShare: Share,
  personalBurdenShare: Share,
  referralRate: Share,
});
export const InpatientIndicators = Type.Object({
  stays: Type.Integer(),
  totalCost: Type.Number(),
  fundPay: Type.Number(),
  costPerStay: YuanOrNull,
  drugShare: Share,
  selfPaidDrugShare: Share,
  outOfScopeShare: Share,
  personalBurdenShare: Share,
  referralRate: Share,
  readmissionRate: Share,
});

export const Indicators = Type.Object({
  institutionId: Nullable(Type.String({ description: '空为全统筹区' })),
  year: Type.Integer(),
  month: Type.Integer(),
  outpatient: OutpatientIndicators,
  inpatient: InpatientIndicators,
  primaryShare: Type.Optional(Type.Object({ outpatient: Share, inpatient: Share })),
});
export type Indicators = Static<typeof Indicators>;
