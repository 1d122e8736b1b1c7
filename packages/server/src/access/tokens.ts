// 接口令牌 (issue 13): an officer's bearer token for scripts (`Authorization: Bearer ybt_…`). It acts
// as its account with the account's roles as they are at each request, for at most 90 days; it is
// shown once and kept only as its SHA-256. Only a signed-in session makes one (routes check), so a
// leaked token cannot mint itself a longer-lived successor.
import { randomBytes, randomUUID } from 'node:crypto';
import { MAX_TOKEN_DAYS, type ApiToken, type IssuedToken, type TokenBody } from '@yibao/api';
import type { Database } from '../db/types.js';
import { Invalid, NotFound, Unauthenticated } from '../domain/errors.js';
import type { AccountRecord } from '../store/access/accounts.js';
import {
  findTokenByHash,
  insertToken,
  listTokensOf,
  revokeToken,
  touchToken,
  type TokenRecord,
} from '../store/access/tokens.js';
import { secretHash } from './sessions.js';

export const TOKEN_PREFIX = 'ybt_';
const DAY_MS = 24 * 60 * 60 * 1000;
/** last_used_at is written at most once a minute per token. */
const TOKEN_TOUCH_MS = 60 * 1000;

function tokenOf(t: TokenRecord): ApiToken {
  return {
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

/** 签发: `ybt_` and 32 random bytes; the answer is the only place the token is ever written. */
export async function issueToken(
  db: Database,
  accountId: string,
  body: TokenBody,
  now = new Date(),
): Promise<IssuedToken> {
  if (body.expiresInDays > MAX_TOKEN_DAYS)
    throw new Invalid('expiresInDays', 'invalid', `接口令牌至多有效 ${MAX_TOKEN_DAYS} 天`);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const record: TokenRecord = {
    id: `TOK-${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    accountId,
    name: body.name,
    createdAt: now,
    expiresAt: new Date(now.getTime() + body.expiresInDays * DAY_MS),
    revokedAt: null,
    lastUsedAt: null,
  };
  await insertToken(db, record, secretHash(token));
  return { id: record.id, token, expiresAt: record.expiresAt.toISOString() };
}

export async function listOwnTokens(db: Database, accountId: string): Promise<ApiToken[]> {
  return (await listTokensOf(db, accountId)).map(tokenOf);
}

/** 吊销: one of one's own tokens (another's is "not found": its id says nothing). */
export async function revokeOwnToken(
  db: Database,
  accountId: string,
  id: string,
  now = new Date(),
): Promise<ApiToken> {
  const token = await revokeToken(db, id, accountId, now);
  if (token === undefined) throw new NotFound('接口令牌', id, 'id');
  return tokenOf(token);
}

/** The account a bearer token stands for, if the token is known, unrevoked, unexpired, its account active. */
export async function accountOfToken(
  db: Database,
  token: string,
  now = new Date(),
): Promise<{ token: TokenRecord; account: AccountRecord }> {
  const found = await findTokenByHash(db, secretHash(token));
  if (found === undefined || found.token.revokedAt !== null || now >= found.token.expiresAt)
    throw new Unauthenticated('invalid_token', '接口令牌无效、已过期或已吊销');
  if (found.account.status !== 'active')
    throw new Unauthenticated('account_disabled', '账户已停用，请联系管理员');
  const lastUsed = found.token.lastUsedAt?.getTime() ?? 0;
  if (now.getTime() - lastUsed >= TOKEN_TOUCH_MS) await touchToken(db, found.token.id, now);
  return found;
}
