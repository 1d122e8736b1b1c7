// 结算: the visit as sent (yuan, CALC_CONTRACT.md), the result, the stored record, the list, the
// visit read back and the daily reconciliation (对账). The request schemas check shape only: the
// engine checks the visit and its items in depth so its field-precise errors reach the caller.
import { Type, type Static } from 'typebox';
import {
  ACCUMULATOR_NAMES,
  AMOUNT_NAMES,
  ITEM_CLASSES,
  ITEM_KINDS,
  SETTLEMENT_SORTS,
  VISIT_KINDS,
} from './constants.js';
import { DateString, Nullable, PageQuery, RequestId, SignedYuan } from './common.js';

const Referral = Type.Object({
  fromLevel: Type.String(),
  direction: Type.String(),
  filed: Type.Boolean(),
  linkedDeductiblePaid: Type.Optional(Type.Number()),
});
const EPrescription = Type.Object({ fromLevel: Type.String(), fromType: Type.String() });

const INLINE_REFERRAL = '仅 yibao calc 使用；结算服务不接受（400），请用 referralId 指明登记的转诊单';
const INLINE_RX = '仅 yibao calc 使用；结算服务不接受（400），请用 ePrescriptionId 指明登记的电子处方';

/**
 * 就诊信息 as it travels (yuan, the caller's words): every field optional here, the engine says
 * which one is missing. Not the engine's VisitInput, which is the parsed request in fen.
 */
export const WireVisit = Type.Object(
  {
    kind: Type.Optional(Type.Enum(VISIT_KINDS, { type: 'string' })),
    department: Type.Optional(Type.String()),
    diagnosis: Type.Optional(Nullable(Type.String())),
    scope: Type.Optional(Type.String()),
    // `yibao calc` only: on the service an inline referral or e-prescription is a 400 naming the
    // field (SERVICE_CONTRACT.md): they come from their records, named by id below.
    referral: Type.Optional(Type.Union([Referral, Type.Null()], { description: INLINE_REFERRAL })),
    ePrescription: Type.Optional(Type.Union([EPrescription, Type.Null()], { description: INLINE_RX })),
    useAccount: Type.Optional(Type.Boolean()),
    admissionDate: Type.Optional(
      Nullable(
        Type.String({ ...DateString, description: '入院日期（住院、家庭病床；不晚于结算日期，F-07）' }),
      ),
    ),
    proxy: Type.Optional(Type.Boolean({ description: '代配药：他人代为取药（门诊、慢特病、药店）' })),
    // The registry's records a settlement cites (registry.md). Not checked here: the settlement's
    // registry gate answers a bad one with its own field and words.
    referralId: Type.Optional(Type.Unsafe<string | null>({ description: '转诊单编号（登记的转诊单）' })),
    ePrescriptionId: Type.Optional(
      Type.Unsafe<string | null>({ description: '电子处方编号（登记的电子处方）' }),
    ),
  },
  { description: '就诊信息 (CALC_CONTRACT.md visit)' },
);
export type WireVisit = Static<typeof WireVisit>;

/** The visit as the edge checks it: referral and e-prescription contents are the engine's to check. */
const LooseVisit = Type.Object(
  {
    ...WireVisit.properties,
    referral: Type.Optional(
      Type.Union([Type.Partial(Referral), Type.Null()], { description: INLINE_REFERRAL }),
    ),
    ePrescription: Type.Optional(
      Type.Union([Type.Partial(EPrescription), Type.Null()], { description: INLINE_RX }),
    ),
  },
  { description: '就诊信息 (CALC_CONTRACT.md visit)' },
);

/** 费用明细 as it travels (yuan); self-paid lines (自费项目) are sent too. */
export const WireItem = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    kind: Type.Enum(ITEM_KINDS, { type: 'string' }),
    class: Type.Enum(ITEM_CLASSES, { type: 'string' }),
    selfPayRatio: Type.Optional(Nullable(Type.Number())),
    quantity: Type.Number(),
    unitPrice: Type.Number(),
    priceStandard: Type.Optional(Nullable(Type.Number())),
    paymentLimit: Type.Optional(Nullable(Type.Number())),
    consent: Type.Optional(Type.Boolean()),
    publicHealth: Type.Optional(Type.Boolean()),
    fixedSelfPay: Type.Optional(Type.Boolean()),
    days: Type.Optional(
      Nullable(
        Type.Integer({ minimum: 1, maximum: 365, description: '用药天数（药品，1–365；F-06、F-08）' }),
      ),
    ),
  },
  {
    description:
      '费用明细 (CALC_CONTRACT.md item)；自费项目也须上传。结算服务只采信 code、name、kind、quantity、unitPrice、consent：' +
      'class、selfPayRatio、priceStandard、paymentLimit、publicHealth、fixedSelfPay 以就诊日有效的医保目录为准（目录外为自费）',
  },
);
export type WireItem = Static<typeof WireItem>;

/**
 * The schema keeps items' required fields unchecked (no `required`): a line missing its code is
 * the engine's `items[3].code` error, more precise than the edge's.
 */
const LooseItem = Type.Partial(WireItem);

const visitFields = {
  personId: Type.String({ minLength: 1, maxLength: 64, description: '个人编号' }),
  institutionId: Type.String({ minLength: 1, maxLength: 64, description: '定点医药机构编码' }),
  date: Type.String({ ...DateString, description: '就诊（结算）日期 YYYY-MM-DD' }),
  visit: LooseVisit,
  items: Type.Array(LooseItem, { maxItems: 2000 }),
};

/** 预结算 body. */
export const PreviewRequest = Type.Object(visitFields, { additionalProperties: false });
export type PreviewRequest = Static<typeof PreviewRequest>;

/** 结算 body: requestId (同 msgid) is the idempotency key. */
export const SettleRequest = Type.Object(
  {
    requestId: Type.String({ ...RequestId, description: '请求流水号（同 msgid），幂等键' }),
    ...visitFields,
  },
  { additionalProperties: false },
);
export type SettleRequest = Static<typeof SettleRequest>;

/** 结算撤销 body. */
export const ReversalRequest = Type.Object(
  { requestId: Type.String({ ...RequestId, description: '撤销请求流水号，幂等键' }) },
  { additionalProperties: false },
);
export type ReversalRequest = Static<typeof ReversalRequest>;

/** 年度累计, yuan. */
export const Accumulators = Type.Object(
  Object.fromEntries(ACCUMULATOR_NAMES.map((n) => [n, SignedYuan])) as Record<
    (typeof ACCUMULATOR_NAMES)[number],
    typeof SignedYuan
  >,
  { description: '年度累计，元' },
);
export type Accumulators = Static<typeof Accumulators>;

export const TraceEvent = Type.Object(
  {
    rule: Type.String({ description: 'R- 编号' }),
    text: Type.String({ description: '说明（中文）' }),
    amount: Type.Number(),
    applied: Type.Optional(Type.Boolean({ description: 'false: 考虑过而未适用的例外' })),
    item: Type.Optional(Type.Integer({ description: '明细行号，从 0 开始' })),
    supervisionRule: Type.Optional(Type.String({ description: '事中监管规则编号（F-05），拒付明细的事件' })),
  },
  { additionalProperties: true },
);
export type TraceEvent = Static<typeof TraceEvent>;

export const ResultItem = Type.Object(
  {
    code: Type.String(),
    total: Type.Number(),
    fullSelfPay: Type.Number(),
    overLimitSelfPay: Type.Number(),
    firstSelfPay: Type.Number(),
    inScope: Type.Number(),
    institutionBorne: Type.Number(),
    refusedBy: Type.Optional(
      Type.String({ description: '拒付该明细的规则（F-05、R-D10）；未拒付的明细无此字段' }),
    ),
    refusedAmount: Type.Optional(Type.Number({ description: '拒付金额，元，含于 institutionBorne' })),
  },
  { additionalProperties: true },
);
export type ResultItem = Static<typeof ResultItem>;

const amounts = Object.fromEntries(AMOUNT_NAMES.map((n) => [n, SignedYuan])) as Record<
  (typeof AMOUNT_NAMES)[number],
  typeof SignedYuan
>;

const resultFields = {
  region: Type.String(),
  policyVersion: Type.String(),
  policyHash: Type.Optional(Type.String({ description: '政策发布版本哈希' })),
  benefitGroup: Type.Optional(Type.String()),
  ...amounts,
  rate: Type.Number(),
  items: Type.Array(ResultItem),
  ytd: Accumulators,
  trace: Type.Array(TraceEvent),
};

/** Documented, not filtered: extra fields (new engine outputs) pass through untouched. */
export const CalcResult = Type.Object(resultFields, {
  description: '结算结果 (CALC_CONTRACT.md result)，含明细 items 与说明 trace',
  additionalProperties: true,
});
export type CalcResult = Static<typeof CalcResult>;

const settlementFields = {
  settlementId: Type.String(),
  requestId: Type.String(),
  reverses: Type.Union([Type.String(), Type.Null()], { description: '撤销记录所冲销的结算' }),
  personId: Type.String(),
  institutionId: Type.String(),
  date: Type.String(),
  ...resultFields,
};

/** 结算记录 (or a reversal: the original's amounts negated). */
export const Settlement = Type.Object(settlementFields, {
  description: '结算记录（或撤销记录，金额为原结算取反）',
  additionalProperties: true,
});
export type Settlement = Static<typeof Settlement> & { reversedBy?: string | null };

/** A settlement as read back: whether a reversal has since cancelled it. */
export const SettlementRead = Type.Object(
  { ...settlementFields, reversedBy: Type.Optional(Nullable(Type.String())) },
  { description: '结算记录（含是否已被撤销）', additionalProperties: true },
);

export const SettlementParams = Type.Object({ settlementId: Type.String() });

export const SettlementQuery = Type.Object(
  {
    institutionId: Type.Optional(Type.String()),
    personId: Type.Optional(Type.String()),
    date: Type.Optional(DateString),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    kind: Type.Optional(Type.String({ description: '就诊类型 visit.kind' })),
    benefitGroup: Type.Optional(Type.String()),
    sort: Type.Optional(Type.Enum(SETTLEMENT_SORTS, { type: 'string' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type SettlementQuery = Static<typeof SettlementQuery>;

/** One row of the settlement list. */
export const SettlementSummary = Type.Object({
  settlementId: Type.String(),
  requestId: Type.String(),
  personId: Type.String(),
  institutionId: Type.String(),
  date: Type.String(),
  visitKind: Type.String(),
  benefitGroup: Type.String(),
  reverses: Nullable(Type.String()),
  reversedBy: Nullable(Type.String()),
  policyVersion: Type.String(),
  totalCost: Type.Number(),
  fundPay: Type.Number(),
  accountPay: Type.Number(),
  cashPay: Type.Number(),
  personalPart: Type.Number(),
  institutionBorne: Type.Number(),
  createdAt: Type.String(),
});
export type SettlementSummary = Static<typeof SettlementSummary>;

const Money = Type.Number({ description: '元' });

/** 费用明细 as stored with a settlement: what was sent and how each line was split. */
export const SettlementLine = Type.Object({
  lineNo: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  class: Type.String(),
  quantity: Type.Number(),
  unitPrice: Money,
  total: Money,
  fullSelfPay: Money,
  overLimitSelfPay: Money,
  firstSelfPay: Money,
  inScope: Money,
  institutionBorne: Money,
});
export type SettlementLine = Static<typeof SettlementLine>;

/** 结算的就诊信息与明细; a reversal answers its original's visit. */
export const SettlementVisit = Type.Object({
  settlementId: Type.String(),
  visit: Type.Object(
    { ...WireVisit.properties, reversalOf: Type.Optional(Type.String()) },
    { additionalProperties: true },
  ),
  lines: Type.Array(SettlementLine),
});
export type SettlementVisit = Static<typeof SettlementVisit>;

export const ReconciliationQuery = Type.Object(
  { institutionId: Type.String({ minLength: 1 }), date: DateString },
  { additionalProperties: false },
);
export type ReconciliationQuery = Static<typeof ReconciliationQuery>;

const ReconciliationPart = Type.Object({ count: Type.Integer(), totals: Type.Object(amounts) });

/** 日对账: settlements, reversals (negative) and their net, and the fund by benefit group. */
export const Reconciliation = Type.Object({
  institutionId: Type.String(),
  date: Type.String(),
  settlements: ReconciliationPart, // 正常结算
  reversals: ReconciliationPart, // 撤销（金额为负）
  net: ReconciliationPart, // 轧差
  fundPayByBenefitGroup: Type.Record(Type.String(), Type.Number()),
});
export type Reconciliation = Static<typeof Reconciliation>;
