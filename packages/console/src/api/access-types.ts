// The wire shapes of sign-in, officers' accounts and institutions' credentials, as the console uses
// them (issue 13).
//
// TO BE REPLACED ON MERGE: the contract's own schemas land in @yibao/api (packages/api/src/access/
// accounts.ts and credentials.ts, built on other branches at the same time). When they are on
// main, the lead deletes this file and imports the same names from '@yibao/api' instead. Nothing
// here is a rule of its own: the bounds below repeat what the service checks, so that a form can
// say what is wrong before it is sent — the service stays the authority.
//
// The names on the other branches (as read at the time of writing), for the swap:
//   SessionBody → SessionAnswer; SignInRequest → SignInBody; PasswordChangeRequest → OwnPasswordBody;
//   AccountCreateRequest → AccountBody; AccountCreated → AccountWithPassword (its `password`);
//   RolesChangeRequest → AccountRolesBody; PasswordReset → AccountWithPassword;
//   Credential → Credential; CredentialIssued → IssuedCredential. ACCOUNT_LIMITS stays (or reads
//   the schemas' bounds); OPEN_ACCOUNT_ID stays (the `serve --open` pseudo-account's id).
import type { Role } from '@yibao/api';

/** 经办人员账户 as the service shows it (never a password or its hash). */
export interface Account {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** The institution a 机构用户 account is bound to; null for the agency's own officers. */
  institutionId: string | null;
  /** The fields below come with the list and the detail (not with the session). */
  status?: 'active' | 'disabled';
  /** 连续登录失败锁定至: set while locked out after too many wrong passwords. */
  lockedUntil?: string | null;
  failedSignIns?: number;
  createdAt?: string;
  createdBy?: string;
  lastSignInAt?: string | null;
}

/** GET/POST /api/v1/session. */
export interface SessionBody {
  account: Account;
  /** Sent back as `x-csrf-token` on every write (POST, PUT, PATCH, DELETE); null under `--open`. */
  csrfToken: string | null;
}

/**
 * `yibao serve --open` answers GET /session with this pseudo-account (every officer role, no CSRF
 * token): the console reads it as "a service without sign-in", not as somebody signed in.
 */
export const OPEN_ACCOUNT_ID = 'open';

export interface SignInRequest {
  username: string;
  password: string;
}

export interface PasswordChangeRequest {
  currentPassword: string;
  newPassword: string;
}

export interface AccountCreateRequest {
  username: string;
  displayName: string;
  roles: Role[];
  institutionId?: string;
}

/** 201 of POST /accounts: the account and its first password, shown this once. */
export interface AccountCreated {
  account: Account;
  /** The brief's name and the accounts branch's name for the same: the console reads either. */
  initialPassword?: string;
  password?: string;
}

export interface RolesChangeRequest {
  roles: Role[];
  institutionId?: string;
  reason: string;
}

/** POST /accounts/:id/password-reset: the new password, shown this once (with the account). */
export interface PasswordReset {
  password: string;
  account?: Account;
}

/** 机构接口凭证 as listed (never the secret). */
export interface Credential {
  keyId: string;
  institutionId: string;
  label: string | null;
  createdAt: string;
  createdBy?: string;
  /** The end of the grace period of a rotated credential; null while it is not rotated. */
  expiresAt: string | null;
  /** 轮换后的新凭证编号. */
  replacedBy?: string | null;
  /** expiring: rotated, still valid in its grace period. */
  status: 'active' | 'expiring' | 'expired' | 'revoked';
  revokedAt?: string | null;
  revokeReason?: string | null;
}

/** 201 of issue and rotation: the credential and its secret, shown this once. */
export interface CredentialIssued extends Credential {
  secret: string;
}

/** Bounds the service checks (repeated for the forms; the service decides). */
export const ACCOUNT_LIMITS = {
  /** 用户名: lower-case letters, digits, dot, dash and underscore, starting with a letter. */
  usernamePattern: /^[a-z][a-z0-9._-]{2,63}$/,
  usernameMax: 64,
  displayNameMax: 100,
  /** At least 12, and not the username (the service's passwords.ts). */
  passwordMin: 12,
  passwordMax: 256,
  credentialLabelMax: 100,
} as const;
