// 医疗服务协议 (R-A5, R-A6, R-A9): signing, amending, suspending and ending an agreement, and the
// agreement as read on a date (the state then, indicators and terms with amendments applied).
import { Type, type Static } from 'typebox';
import { DateString, Id, Percent, Text } from '../common.js';
import { AGREEMENT_STATES } from '../constants.js';

const share = (description: string) => Type.Optional(Type.Number({ ...Percent, description }));

/** 协议考核与费用控制指标 (R-A6; the supervision indicators of R-F2, assessed under R-A7/R-A8),
 * percentages as whole numbers. */
export const AgreementIndicators = Type.Object(
  {
    drugCostShareMax: share('药品费用占比上限（按机构等级）'),
    selfPaidDrugShareMax: share('自费药品费用占药品费用比例上限'),
    inpatientOutOfScopeShareMax: share('住院目录外费用占比上限'),
    inpatientPersonalBurdenShareMax: share('住院个人负担比例上限'),
    totalControlAmount: Type.Optional(Type.Number({ minimum: 0, description: '总额控制指标，元' })),
    catalogueStockingRateMin: share('基本药物配备率下限'),
    catalogueUsageRateMin: share('基本药物使用率下限'),
    satisfactionMin: share('参保人满意度下限 (R-A10)'),
  },
  { description: '协议考核与费用控制指标 (R-A6)，比例为百分数', additionalProperties: false },
);

const termFields = {
  method: Type.String({ minLength: 1, maxLength: 100 }),
  paymentDays: Type.Integer({ minimum: 0, maximum: 365 }),
  qualityDepositPercent: Type.Optional(Percent),
};

/** 结算办法、标准与时限. */
export const SettlementTerms = Type.Object(termFields, {
  description: '结算办法、标准与时限',
  additionalProperties: false,
});

/** 签订年度医疗服务协议: the term defaults to the calendar year. */
export const SignAgreementBody = Type.Object(
  {
    id: Type.Optional(Id),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    validFrom: Type.Optional(DateString),
    validTo: Type.Optional(DateString),
    signedOn: DateString,
    indicators: AgreementIndicators,
    settlementTerms: SettlementTerms,
  },
  { additionalProperties: false },
);
export type SignAgreementBody = Static<typeof SignAgreementBody>;

/**
 * 续签 (R-A6, renewed yearly): next year's agreement from the current one — the calendar year after
 * it, with the indicators and settlement terms in force on its last day (amendments applied).
 */
export const RenewAgreementBody = Type.Object(
  { id: Type.Optional(Id), signedOn: DateString },
  { additionalProperties: false },
);
export type RenewAgreementBody = Static<typeof RenewAgreementBody>;

/** 批量续签: every agreement of the year before `year` still active at its end is renewed for `year`. */
export const RenewalsBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100, description: '续签的协议年度' }),
    signedOn: Type.Optional({ ...DateString, description: '签订日期（缺省为今天）' }),
  },
  { additionalProperties: false },
);
export type RenewalsBody = Static<typeof RenewalsBody>;

/** What a bulk renewal did: the agreements signed, and those left with the reason. */
export const RenewalsResult = Type.Object({
  year: Type.Integer(),
  renewed: Type.Array(
    Type.Object({ institutionId: Type.String(), from: Type.String(), agreementId: Type.String() }),
  ),
  skipped: Type.Array(
    Type.Object({
      institutionId: Type.String(),
      agreementId: Type.String(),
      code: Type.String(),
      message: Type.String(),
    }),
  ),
});
export type RenewalsResult = Static<typeof RenewalsResult>;

/** 暂停、恢复或终止: the new state from a date, with the reason written down. */
export const AgreementStateBody = Type.Object(
  {
    state: Type.Enum(AGREEMENT_STATES, { type: 'string' }),
    effectiveOn: DateString,
    reason: Text,
  },
  { additionalProperties: false },
);
export type AgreementStateBody = Static<typeof AgreementStateBody>;

export type AgreementIndicators = Static<typeof AgreementIndicators>;
export type SettlementTerms = Static<typeof SettlementTerms>;

/** One change of state, in order. */
export const AgreementStateChange = Type.Object({
  seq: Type.Integer(),
  state: Type.Enum(AGREEMENT_STATES, { type: 'string' }),
  effectiveOn: Type.String(),
  reason: Type.String(),
});
export type AgreementStateChange = Static<typeof AgreementStateChange>;

const PartialTerms = Type.Object(
  {
    method: Type.Optional(termFields.method),
    paymentDays: Type.Optional(termFields.paymentDays),
    qualityDepositPercent: termFields.qualityDepositPercent,
  },
  { description: '结算办法、标准与时限', additionalProperties: false },
);

/** 补充协议 as kept: what it changes from its effective date. */
export const Amendment = Type.Object({
  id: Type.String(),
  signedOn: Type.String(),
  effectiveOn: Type.String(),
  changes: Type.Object({
    indicators: Type.Optional(AgreementIndicators),
    settlementTerms: Type.Optional(PartialTerms),
  }),
  reason: Type.String(),
});
export type Amendment = Static<typeof Amendment>;

/** The agreement as read on `date`: the state then, indicators and terms with amendments applied. */
export const Agreement = Type.Object({
  id: Type.String(),
  institutionId: Type.String(),
  year: Type.Integer(),
  validFrom: Type.String(),
  validTo: Type.String(),
  signedOn: Type.String(),
  indicators: AgreementIndicators,
  settlementTerms: SettlementTerms,
  states: Type.Array(AgreementStateChange),
  amendments: Type.Array(Amendment),
  date: Type.String({ description: '查看日期' }),
  stateOnDate: Type.Enum([...AGREEMENT_STATES, 'not_in_term'], {
    type: 'string',
    description: 'active | suspended | terminated | not_in_term 不在协议期',
  }),
  indicatorsOnDate: AgreementIndicators,
  termsOnDate: SettlementTerms,
});
export type Agreement = Static<typeof Agreement>;

/** 补充协议: changes some indicators or terms from a date; at least one change. */
export const AmendmentBody = Type.Object(
  {
    id: Type.Optional(Id),
    signedOn: DateString,
    effectiveOn: DateString,
    changes: Type.Object(
      {
        indicators: Type.Optional(AgreementIndicators),
        settlementTerms: Type.Optional(PartialTerms),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
    reason: Text,
  },
  { additionalProperties: false },
);
export type AmendmentBody = Static<typeof AmendmentBody>;
