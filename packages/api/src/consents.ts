// 授权 (R-B7): a person's informed consent to an institution reading their data, recorded by an
// officer from the signed form; withdrawn, never deleted.
import { Type, type Static } from 'typebox';
import { DateString, Id, Nullable, Text } from './common.js';

export const CONSENT_SCOPES = ['insurance', 'health'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const ConsentBody = Type.Object(
  {
    institutionId: Id,
    scope: Type.Enum(CONSENT_SCOPES, {
      type: 'string',
      description: '授权范围: insurance 医保信息 | health 健康信息（机构查阅参保人员信息须有）',
    }),
    validFrom: DateString,
    validTo: DateString,
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '授权书编号' })),
  },
  { description: '登记授权', additionalProperties: false },
);
export type ConsentBody = Static<typeof ConsentBody>;

export const Consent = Type.Object(
  {
    id: Type.String(),
    personId: Type.String(),
    institutionId: Type.String(),
    scope: Type.Enum(CONSENT_SCOPES, { type: 'string' }),
    validFrom: Type.String(),
    validTo: Type.String(),
    reference: Nullable(Type.String()),
    recordedAt: Type.String(),
    recordedBy: Type.String({ description: '登记人 (经办人身份)' }),
    withdrawnAt: Nullable(Type.String()),
    withdrawnBy: Nullable(Type.String()),
    withdrawalReason: Nullable(Type.String()),
    /** In force today: inside its dates and not withdrawn. */
    active: Type.Boolean({ description: '今日有效：在有效期内且未撤回' }),
  },
  { description: '授权记录', additionalProperties: false },
);
export type Consent = Static<typeof Consent>;

export const ConsentList = Type.Object({ items: Type.Array(Consent) });
export type ConsentList = Static<typeof ConsentList>;

export const ConsentParams = Type.Object({ id: Type.String(), consentId: Type.String() });

export const ConsentWithdrawalBody = Type.Object(
  { reason: Text },
  { description: '撤回授权', additionalProperties: false },
);
export type ConsentWithdrawalBody = Static<typeof ConsentWithdrawalBody>;
