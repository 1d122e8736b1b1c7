// 机构接口凭证 (issue 13): what an administrator issues to an institution's system, and what a list
// shows of it. The secret appears once, in the answer that issues it; nothing reads it back.
import { Type, type Static } from 'typebox';

export const CREDENTIAL_STATUSES = ['active', 'expiring', 'expired', 'revoked'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

const label = Type.String({
  minLength: 1,
  maxLength: 100,
  description: '用途说明：哪个系统、哪个院区持有此凭证',
});

/** 凭证 (without its secret): what a list and a revocation answer. */
export const Credential = Type.Object(
  {
    keyId: Type.String({ description: '凭证编号 (x-yibao-key-id / x-tif-paasid / 客户端证书 CN)' }),
    institutionId: Type.String({ description: '定点医药机构编码' }),
    label: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ description: '签发时间 (ISO 8601)' }),
    createdBy: Type.String({ description: '签发人' }),
    expiresAt: Type.Union([Type.String(), Type.Null()], {
      description: '失效时间：轮换后旧凭证的宽限期结束；未轮换为空',
    }),
    replacedBy: Type.Union([Type.String(), Type.Null()], { description: '轮换后的新凭证编号' }),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
    revokeReason: Type.Union([Type.String(), Type.Null()]),
    status: Type.Enum(CREDENTIAL_STATUSES, {
      type: 'string',
      description: 'active 有效；expiring 已轮换、宽限期内仍有效；expired 已失效；revoked 已吊销',
    }),
  },
  { description: '机构接口凭证（不含密钥）', additionalProperties: false },
);
export type Credential = Static<typeof Credential>;

/** 签发的凭证: the secret, shown this once (the agency keeps only its SHA-256). */
export const IssuedCredential = Type.Object(
  {
    ...Credential.properties,
    secret: Type.String({
      description: '密钥，仅此一次显示；签名密钥为 hex(SHA-256(secret))，见 docs/access.md',
    }),
  },
  { description: '新签发的机构接口凭证（含仅显示一次的密钥）', additionalProperties: false },
);
export type IssuedCredential = Static<typeof IssuedCredential>;

export const CredentialBody = Type.Object(
  { label: Type.Optional(label) },
  { description: '签发凭证', additionalProperties: false },
);
export type CredentialBody = Static<typeof CredentialBody>;

export const CredentialRevocationBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, description: '吊销原因' }) },
  { description: '吊销凭证', additionalProperties: false },
);
export type CredentialRevocationBody = Static<typeof CredentialRevocationBody>;

export const CredentialParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '定点医药机构编码' }),
  keyId: Type.String({ minLength: 1, maxLength: 64, description: '凭证编号' }),
});
export type CredentialParams = Static<typeof CredentialParams>;

export const CredentialList = Type.Object(
  { items: Type.Array(Credential) },
  { description: '机构的全部凭证（不含密钥）', additionalProperties: false },
);
export type CredentialList = Static<typeof CredentialList>;
