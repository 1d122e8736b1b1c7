// 支付方式与结算 (issue 14; PAYMENT_CONTRACT.md, PAYMENT_POLICY.md): the visit's payment fields, a
// record's payment facts, monthly and year-end runs, audit deductions and an institution's payments.
// Amounts in yuan with two decimals, points with two, point values with four. Rows carry their
// explanation (`events`: rule, Chinese text, yuan moved) beside the contract's names.
import { Type, type Static } from 'typebox';
import { Id, Nullable, RequestId, Text } from './common.js';

/** The engine's words (packages/engine/src/payment/types.ts; a server test holds them equal). */
export const CARE_TYPE_NAMES = ['acute', 'rehabilitation', 'hospice', 'chronic_care'] as const;
export const PROCEDURE_KIND_NAMES = ['surgery', 'therapeutic', 'diagnostic'] as const;
export const POOLS = ['employee', 'resident'] as const;
export const PAYMENT_FUNDS = ['outpatient', 'inpatient'] as const;

/**
 * The optional visit fields of PAYMENT_POLICY §3 "Inputs", spread into WireVisit. Cross-field rules
 * (a care type other than acute needs an inpatient visit and lengthOfStay) are the engine's
 * parsePaymentVisit, which names the field too.
 */
export const PaymentVisitFields = {
  procedures: Type.Optional(
    Nullable(
      Type.Array(
        Type.Object(
          {
            code: Type.String({ pattern: '^\\d{2}(\\.\\d{1,4})?$', description: 'ICD-9-CM-3 手术操作编码' }),
            kind: Type.Enum(PROCEDURE_KIND_NAMES, { type: 'string' }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 20, description: '手术操作，至多 20 项，第一项为主要手术操作' },
      ),
    ),
  ),
  careType: Type.Optional(
    Nullable(
      Type.Enum(CARE_TYPE_NAMES, {
        type: 'string',
        description: '住院类型：急性期 | 康复 | 安宁疗护 | 长期慢性病',
      }),
    ),
  ),
  lengthOfStay: Type.Optional(
    Nullable(Type.Integer({ minimum: 1, maximum: 366, description: '本次结算覆盖的住院天数' })),
  ),
  bedDaysBefore: Type.Optional(
    Nullable(Type.Integer({ minimum: 0, description: '此前中途结算已覆盖的住院天数' })),
  ),
};

const Event = Type.Object(
  {
    rule: Type.String(),
    text: Type.String(),
    amount: Nullable(Type.Number()),
  },
  { additionalProperties: true, description: '说明：需求编号、中文说明、涉及金额（元）' },
);
const Events = Type.Array(Event);

/** GET /settlements/{id}/payment: the record's payment facts (PAYMENT_CONTRACT.md "Payment facts"). */
export const PaymentFacts = Type.Object({
  settlementId: Type.String(),
  paymentMonth: Type.String({ description: '支付月份 YYYY-MM' }),
  pool: Type.String(),
  fund: Type.String(),
  method: Type.String({ description: 'item | dip | bed_day | capitation' }),
  dipGroup: Nullable(Type.String()),
  dipRatio: Nullable(Type.String()),
  dipPoints: Nullable(Type.Number()),
  referenceCost: Nullable(Type.Number()),
  bedDays: Nullable(Type.Integer()),
  bedDayAmount: Nullable(Type.Number()),
  capitationCentreId: Nullable(Type.String()),
  outflowCentreId: Nullable(Type.String()),
  explanation: Events,
});
export type PaymentFacts = Static<typeof PaymentFacts>;

export const MonthlyRunBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2999 }),
    month: Type.Integer({ minimum: 1, maximum: 12 }),
  },
  { additionalProperties: false },
);
export type MonthlyRunBody = Static<typeof MonthlyRunBody>;

export const YearEndRunBody = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2999 }) },
  { additionalProperties: false },
);
export type YearEndRunBody = Static<typeof YearEndRunBody>;

const money = (description: string) => Type.Number({ description });

export const MonthlyRunRow = Type.Object(
  {
    institutionId: Type.String(),
    pool: Type.String(),
    fund: Type.String(),
    itemBased: money('按项目付费'),
    capitationHead: money('按人头付费'),
    capitationOutflow: money('签约居民外流费用'),
    capitationCovered: money('人头费覆盖的统筹支付'),
    dipPoints: Type.Number({ description: 'DIP 分值' }),
    dip: money('DIP 按预算点值'),
    bedDay: money('按床日付费'),
    deduction: money('审核扣款'),
    holdbackPercent: Type.Number(),
    holdback: money('质量保证金'),
    contractFee: money('签约服务费'),
    contractFeeHeld: money('暂扣签约服务费'),
    accountPay: money('个人账户支付'),
    payable: money('应拨付'),
    events: Events,
  },
  { additionalProperties: false },
);

const Totals = Type.Array(Type.Object({ pool: Type.String(), fund: Type.String(), payable: Type.Number() }));

export const MonthlyRun = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  month: Type.Integer(),
  policyVersion: Type.String(),
  createdAt: Type.String(),
  rows: Type.Array(MonthlyRunRow),
  totals: Totals,
});
export type MonthlyRun = Static<typeof MonthlyRun>;

export const MonthlyRunList = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.String(), year: Type.Integer(), month: Type.Integer(), createdAt: Type.String() }),
  ),
});
export type MonthlyRunList = Static<typeof MonthlyRunList>;

export const PaymentYearQuery = Type.Object({
  year: Type.String({ pattern: '^\\d{4}$', description: 'YYYY' }),
});

export const PaymentRunParams = Type.Object({ id: Id });

/** 拨付放行 body: why the list may be transferred (the reviewer's note). */
export const RunReleaseBody = Type.Object({ reason: Text }, { additionalProperties: false });
export type RunReleaseBody = Static<typeof RunReleaseBody>;

/** A monthly run's release for transfer: by a finance officer other than its maker (双人复核). */
export const RunRelease = Type.Object({
  runId: Type.String(),
  madeBy: Type.String({ description: '制单人' }),
  releasedBy: Type.String({ description: '复核放行人（不得为制单人）' }),
  releasedAt: Type.String({ description: '放行时间 (UTC ISO 8601)' }),
  reason: Type.String(),
});
export type RunRelease = Static<typeof RunRelease>;

const PoolPrice = Type.Object({
  pool: Type.String(),
  insuredPersonDays: Type.Integer(),
  dipBudget: Type.Number(),
  dipPoints: Type.Number(),
  budgetPointValue: Type.Number(),
  settlementPointValue: Type.Number(),
  events: Events,
});

const InstitutionLine = Type.Object({
  institutionId: Type.String(),
  score: Type.Number(),
  depositReleasePercent: Type.Number(),
  contractFeeReleasePercent: Type.Number(),
  budget: Nullable(Type.Number()),
  budgetBase: Type.Number(),
  budgetAdjustment: Type.Number(),
  capitationBudget: Type.Number(),
  capitationSpend: Type.Number(),
  capitationAdjustment: Type.Number(),
  nextBudgetProposal: Type.Number(),
  events: Events,
});

export const YearEndRow = Type.Object({
  institutionId: Type.String(),
  pool: Type.String(),
  fund: Type.String(),
  itemBased: Type.Number(),
  capitation: Type.Number(),
  capitationAdjustment: Type.Number(),
  dipPoints: Type.Number(),
  dipAdvanced: Type.Number(),
  dip: Type.Number(),
  bedDay: Type.Number(),
  deduction: Type.Number(),
  budgetAdjustment: Type.Number(),
  holdback: Type.Number(),
  depositReleased: Type.Number(),
  contractFee: Type.Number(),
  contractFeeHeld: Type.Number(),
  contractFeeReleased: Type.Number(),
  accountPay: Type.Number(),
  advanced: Type.Number(),
  balance: Type.Number(),
});

export const YearEndRun = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  policyVersion: Type.String(),
  createdAt: Type.String(),
  pools: Type.Array(PoolPrice),
  institutions: Type.Array(InstitutionLine),
  rows: Type.Array(YearEndRow),
});
export type YearEndRun = Static<typeof YearEndRun>;

export const DeductionBody = Type.Object(
  {
    requestId: RequestId,
    institutionId: Id,
    year: Type.Integer({ minimum: 2000, maximum: 2999 }),
    month: Type.Integer({ minimum: 1, maximum: 12 }),
    pool: Type.Enum(POOLS, { type: 'string' }),
    fund: Type.Enum(PAYMENT_FUNDS, { type: 'string' }),
    amount: Type.Number({ exclusiveMinimum: 0, description: '扣款金额，元，大于 0' }),
    reason: Text,
    alertIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
  },
  { additionalProperties: false, description: '确认的审核扣款（year/month：确认的年月）' },
);
export type DeductionBody = Static<typeof DeductionBody>;

export const Deduction = Type.Object({
  id: Type.String(),
  requestId: Type.String(),
  institutionId: Type.String(),
  year: Type.Integer(),
  month: Type.Integer(),
  pool: Type.String(),
  fund: Type.String(),
  amount: Type.Number(),
  reason: Type.String(),
  alertIds: Type.Array(Type.String()),
  paymentMonth: Type.String({ description: '扣款所在的支付月份 YYYY-MM' }),
});
export type Deduction = Static<typeof Deduction>;

export const InstitutionPayments = Type.Object({
  institutionId: Type.String(),
  year: Type.Integer(),
  months: Type.Array(Type.Object({ month: Type.String(), ...MonthlyRunRow.properties })),
  yearEnd: Nullable(Type.Object({ rows: Type.Array(YearEndRow), institution: Nullable(InstitutionLine) })),
});
export type InstitutionPayments = Static<typeof InstitutionPayments>;
