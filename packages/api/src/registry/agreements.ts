// 医疗服务协议 as read as of a date: terms, state history, amendments and the state that day.
import { Type, type Static } from 'typebox';
import { Nullable } from '../common.js';

export const AgreementState = Type.Object({
  seq: Type.Integer(),
  state: Type.String({ description: 'active 有效 | suspended 中止 | terminated 解除' }),
  effectiveOn: Type.String(),
  reason: Type.String(),
});
export type AgreementState = Static<typeof AgreementState>;

export const Agreement = Type.Object({
  id: Type.String(),
  institutionId: Type.String(),
  year: Type.Integer(),
  validFrom: Type.String(),
  validTo: Type.String(),
  signedOn: Type.String(),
  indicators: Type.Record(Type.String(), Nullable(Type.Number()), { description: '考核指标 (R-A6)' }),
  settlementTerms: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
  states: Type.Array(AgreementState),
  amendments: Type.Array(
    Type.Object({
      id: Type.Optional(Type.String()),
      signedOn: Type.Optional(Type.String()),
      reason: Type.Optional(Type.String()),
    }),
  ),
  date: Type.String({ description: '查看日期' }),
  stateOnDate: Type.String({ description: 'active | suspended | terminated | not_in_term 不在协议期' }),
  indicatorsOnDate: Type.Record(Type.String(), Nullable(Type.Number())),
});
export type Agreement = Static<typeof Agreement>;
