// 登录会话 (issue 13): signing in with a username and password, the session a cookie carries, its
// CSRF token, signing out, and changing one's own password.
//
// What a failed sign-in says: an unknown username and a wrong password get the same answer
// (401 invalid_credentials), after the same scrypt work (a decoy hash for the unknown name), so
// neither the words nor the time tell which usernames exist. A lock (5 wrong in a row, 15 minutes)
// is said as such (401 account_locked, Retry-After): that tells a guesser the name exists, which
// the lock cannot help, and tells the officer why the right password does not work. A disabled
// account is named only to someone who gave its right password.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { OwnPasswordBody, SessionAnswer, SignInBody } from '@yibao/api';
import type { Database } from '../db/types.js';
import { Forbidden, Invalid, NotFound, Unauthenticated } from '../domain/errors.js';
import {
  findAccount,
  findAccountByUsername,
  recordFailedSignIn,
  recordSignIn,
  updateAccount,
  type AccountRecord,
} from '../store/access/accounts.js';
import {
  endSession,
  endSessionsOf,
  findOpenSession,
  insertSession,
  pruneSessions,
  touchSession,
  type SessionRecord,
} from '../store/access/sessions.js';
import { sessionAccountOf } from './accounts.js';
import { checkPasswordRules, decoyHash, hashPassword, verifyPassword } from './passwords.js';

export const SESSION_COOKIE = 'yibao_session';
/** 8 hours from sign-in, whatever the activity: a working day. */
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;
/** 30 minutes without a request ends the session (an unattended desk). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** last_seen_at is written at most once a minute per session, not on every request. */
export const SESSION_TOUCH_MS = 60 * 1000;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;

/** The SHA-256 of a secret (a session id, a token): what the database keeps in its place. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** 账户已锁定: 401 with Retry-After, the seconds until the lock lifts. */
function locked(until: Date, now: Date): Unauthenticated {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const err = new Unauthenticated(
    'account_locked',
    `连续登录失败次数过多，账户已锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试或联系管理员解锁`,
  );
  err.retryAfterSeconds = seconds;
  return err;
}

const invalidCredentials = (): Unauthenticated =>
  new Unauthenticated('invalid_credentials', '登录名或密码不正确');

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  /** The cookie's value: given to the browser, kept only as its hash. */
  sessionId: string;
  answer: SessionAnswer;
}

/**
 * Checks a password against an account, counting a wrong one towards the lock. Throws the
 * sign-in's refusals; returns when the password is right (the account may still be disabled).
 */
async function checkPassword(
  db: Database,
  account: AccountRecord,
  password: string,
  now: Date,
): Promise<void> {
  if (account.lockedUntil !== null && account.lockedUntil > now) throw locked(account.lockedUntil, now);
  if (await verifyPassword(password, account.passwordHash)) return;
  const counted = await recordFailedSignIn(
    db,
    account.id,
    now,
    LOCK_AFTER_FAILURES,
    new Date(now.getTime() + LOCK_MS),
  );
  // Locked meanwhile by a concurrent attempt, or by this one (the fifth): say so now.
  if (counted === undefined) {
    const current = await findAccount(db, account.id);
    throw locked(current?.lockedUntil ?? new Date(now.getTime() + LOCK_MS), now);
  }
  if (counted.lockedUntil !== null) throw locked(counted.lockedUntil, now);
  throw invalidCredentials();
}

/** 登录: a new session for the account whose password this is. */
export async function signIn(
  db: Database,
  body: SignInBody,
  client: ClientInfo,
  now = new Date(),
): Promise<SignedIn> {
  const account = await findAccountByUsername(db, body.username.trim().toLowerCase());
  if (account === undefined) {
    // The same scrypt work as for a real account, then the same answer.
    await verifyPassword(body.password, await decoyHash());
    throw invalidCredentials();
  }
  await checkPassword(db, account, body.password, now);
  if (account.status !== 'active') throw new Unauthenticated('account_disabled', '账户已停用，请联系管理员');
  // A concurrent attempt may have locked the account while this one was hashing: the lock wins.
  if (!(await recordSignIn(db, account.id, now))) {
    const current = await findAccount(db, account.id);
    throw locked(current?.lockedUntil ?? new Date(now.getTime() + LOCK_MS), now);
  }
  const sessionId = randomBytes(32).toString('base64url');
  const session: SessionRecord = {
    idHash: secretHash(sessionId),
    accountId: account.id,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
  };
  await pruneSessions(db, account.id, new Date(now.getTime() - 24 * 60 * 60 * 1000));
  await insertSession(db, session);
  return { sessionId, answer: { account: sessionAccountOf(account), csrfToken: session.csrfToken } };
}

export interface OpenSession {
  session: SessionRecord;
  account: AccountRecord;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The session a cookie names, if it is still good: not ended, within its 8 hours, used within 30
 * minutes, its account active. A write must carry the session's CSRF token in `x-csrf-token`.
 */
export async function openSession(
  db: Database,
  sessionId: string,
  request: { method: string; csrfToken: string | undefined },
  now = new Date(),
): Promise<OpenSession> {
  const found = await findOpenSession(db, secretHash(sessionId));
  if (found === undefined) throw new Unauthenticated('session_expired', '登录已失效，请重新登录');
  const { session, account } = found;
  if (now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) {
    await endSession(db, session.idHash, now);
    throw new Unauthenticated('session_expired', '登录已超时，请重新登录');
  }
  if (account.status !== 'active') throw new Unauthenticated('account_disabled', '账户已停用，请联系管理员');
  if (WRITES.has(request.method) && !sameSecret(request.csrfToken ?? '', session.csrfToken))
    throw new Forbidden('csrf', '缺少或错误的 x-csrf-token（请刷新页面后重试）');
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS)
    await touchSession(db, session.idHash, now);
  return found;
}

/** 当前登录状态: the account as it is now, and the session's CSRF token. */
export function sessionAnswer(open: OpenSession): SessionAnswer {
  return { account: sessionAccountOf(open.account), csrfToken: open.session.csrfToken };
}

/** 退出登录: the session ends for good (the cookie is cleared by the route). */
export async function signOut(db: Database, sessionId: string, now = new Date()): Promise<void> {
  await endSession(db, secretHash(sessionId), now);
}

/** The account's current answer for a bearer token's caller (no session, so no CSRF token). */
export async function accountAnswer(db: Database, accountId: string): Promise<SessionAnswer> {
  const account = await findAccount(db, accountId);
  if (account === undefined) throw new NotFound('账户', accountId, 'id');
  return { account: sessionAccountOf(account), csrfToken: null };
}

/**
 * 修改本人密码: the current password first (a wrong one counts towards the lock, so a session left
 * open is no way to guess it); the new one meets the rules and differs. The account's other
 * sessions end; this one stays.
 */
export async function changeOwnPassword(
  db: Database,
  accountId: string,
  currentSessionId: string | null,
  body: OwnPasswordBody,
  now = new Date(),
): Promise<void> {
  const account = await findAccount(db, accountId);
  if (account === undefined) throw new NotFound('账户', accountId, 'id');
  try {
    await checkPassword(db, account, body.currentPassword, now);
  } catch (err) {
    // The session is good: a refusal here is not a 401 (which the console reads as "signed out").
    if (err instanceof Unauthenticated)
      throw new Forbidden(
        err.code === 'invalid_credentials' ? 'wrong_password' : err.code,
        err.code === 'invalid_credentials' ? '当前密码不正确' : err.message,
        'currentPassword',
      );
    throw err;
  }
  checkPasswordRules(body.newPassword, account.username, 'newPassword');
  if (body.newPassword === body.currentPassword)
    throw new Invalid('newPassword', 'same_password', '新密码不得与当前密码相同');
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await updateAccount(tx, accountId, { passwordHash, at: now, by: `officer:${account.username}` });
    await endSessionsOf(tx, accountId, now, currentSessionId === null ? null : secretHash(currentSessionId));
  });
}
