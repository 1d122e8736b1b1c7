// 经办人员账户、登录会话与令牌 (issue 13): sign-in, the signed-in account, the accounts an admin
// keeps, and the bearer tokens an officer makes for scripts. A password travels only in a request
// body, or once in the answer that generated it; it is never read back.
import { Type, type Static } from 'typebox';
import { Id, Nullable, Text } from '../common.js';
import { ROLES } from '../constants.js';

/** 登录名: lower-case letters, digits and . _ - (3–64), beginning with a letter. */
export const USERNAME_PATTERN = '^[a-z][a-z0-9._-]{2,63}$';
export const Username = Type.String({
  pattern: USERNAME_PATTERN,
  description: '登录名：小写字母开头，小写字母、数字与 . _ -，3–64 位',
});
/** A password as typed; the rules beyond its length (≥ 12, not the username) are the server's. */
export const Password = Type.String({ minLength: 1, maxLength: 256, description: '密码' });
export const DisplayName = Type.String({ minLength: 1, maxLength: 100, description: '姓名（显示名）' });
export const RoleName = Type.Enum(ROLES, { type: 'string', description: '角色' });
/** A set of roles: at least one, each once. */
export const Roles = Type.Array(RoleName, { minItems: 1, maxItems: ROLES.length, uniqueItems: true });
/** 变更原因: why an admin changed an account (kept with the change). */
export const AccountChangeReason = Type.String({ minLength: 1, maxLength: 500, description: '变更原因' });

const closed = { additionalProperties: false } as const;

/** 204: signed out, password changed — nothing to say. */
export const NoContent = Type.Null({ description: '无内容' });

/** 当前账户: what the console needs to know of the signed-in officer. */
export const SessionAccount = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(RoleName),
    institutionId: Nullable(Type.String({ description: '机构用户所属机构；经办机构人员为空' })),
  },
  { description: '当前登录的账户' },
);
export type SessionAccount = Static<typeof SessionAccount>;

/** POST /session: 登录. */
export const SignInBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Password },
  {
    ...closed,
    description: '登录',
  },
);
export type SignInBody = Static<typeof SignInBody>;

/**
 * 登录状态: the account and the session's CSRF token, which every write made with the session
 * cookie carries in `x-csrf-token`. Null when the caller is not a session (a bearer token needs
 * none; `serve --open` checks none).
 */
export const SessionAnswer = Type.Object(
  {
    account: SessionAccount,
    csrfToken: Nullable(Type.String({ description: '写请求须在 x-csrf-token 头中携带' })),
  },
  { description: '登录状态' },
);
export type SessionAnswer = Static<typeof SessionAnswer>;

/** POST /session/password: 修改本人密码. */
export const OwnPasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { ...closed, description: '修改本人密码：至少 12 位，不得与登录名相同' },
);
export type OwnPasswordBody = Static<typeof OwnPasswordBody>;

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** 账户: as an admin sees it (never its password or its hash). */
export const Account = Type.Object(
  {
    ...SessionAccount.properties,
    status: Type.Enum(ACCOUNT_STATUSES, { type: 'string', description: 'active 启用 | disabled 停用' }),
    lockedUntil: Nullable(Type.String({ description: '连续登录失败锁定至（ISO 时间）；未锁定为空' })),
    failedSignIns: Type.Integer({ description: '连续登录失败次数（锁定后清零）' }),
    lastSignInAt: Nullable(Type.String()),
    createdAt: Type.String(),
    createdBy: Type.String({ description: '开户人：officer:<登录名> 或 cli:<操作系统用户>' }),
    updatedAt: Type.String(),
  },
  { description: '经办人员账户' },
);
export type Account = Static<typeof Account>;

/** POST /accounts: 开户. The initial password is generated and shown once in the answer. */
export const AccountBody = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    roles: Roles,
    institutionId: Type.Optional(Nullable(Id)),
  },
  { ...closed, description: '开户：机构用户 (institution_user) 须指明所属机构，且不得兼任其他角色' },
);
export type AccountBody = Static<typeof AccountBody>;

/** An account and the password just generated for it: shown this once, kept only as its hash. */
export const AccountWithPassword = Type.Object(
  {
    account: Account,
    password: Type.String({ description: '初始（或重置后的）密码，仅此一次显示' }),
  },
  { description: '账户与新密码（仅此一次显示）' },
);
export type AccountWithPassword = Static<typeof AccountWithPassword>;

export const AccountList = Type.Object({ items: Type.Array(Account) });
export type AccountList = Static<typeof AccountList>;

/** PUT /accounts/:id/roles: 调整角色. */
export const AccountRolesBody = Type.Object(
  { roles: Roles, institutionId: Type.Optional(Nullable(Id)), reason: AccountChangeReason },
  { ...closed, description: '调整角色' },
);
export type AccountRolesBody = Static<typeof AccountRolesBody>;

/** POST /accounts/:id/disable (and enable, unlock, password-reset): why. */
export const AccountReasonBody = Type.Object(
  { reason: AccountChangeReason },
  { ...closed, description: '变更原因' },
);
export type AccountReasonBody = Static<typeof AccountReasonBody>;
/** Enable, unlock, password reset: a reason when one is given; the body may be left out. */
export const AccountOptionalReasonBody = Type.Object(
  { reason: Type.Optional(AccountChangeReason) },
  { ...closed, description: '变更原因（可省略）' },
);
export type AccountOptionalReasonBody = Static<typeof AccountOptionalReasonBody>;

export const MAX_TOKEN_DAYS = 90;

/** POST /tokens: 接口令牌 for the officer's own scripts, at most 90 days. */
export const TokenBody = Type.Object(
  {
    name: Text,
    expiresInDays: Type.Integer({ minimum: 1, maximum: MAX_TOKEN_DAYS, description: '有效天数，1–90' }),
  },
  { ...closed, description: '签发接口令牌' },
);
export type TokenBody = Static<typeof TokenBody>;

/** 接口令牌 as listed: never the token itself. */
export const ApiToken = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    createdAt: Type.String(),
    expiresAt: Type.String(),
    revokedAt: Nullable(Type.String()),
    lastUsedAt: Nullable(Type.String()),
  },
  { description: '接口令牌' },
);
export type ApiToken = Static<typeof ApiToken>;

/** The token made: `token` (ybt_…) is shown this once; only its SHA-256 is kept. */
export const IssuedToken = Type.Object(
  {
    id: Type.String(),
    token: Type.String({ description: 'Authorization: Bearer <token>；仅此一次显示' }),
    expiresAt: Type.String(),
  },
  { description: '新签发的接口令牌' },
);
export type IssuedToken = Static<typeof IssuedToken>;

export const ApiTokenList = Type.Object({ items: Type.Array(ApiToken) });
export type ApiTokenList = Static<typeof ApiTokenList>;
