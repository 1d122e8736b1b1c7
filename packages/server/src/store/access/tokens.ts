// api_tokens: the officers' bearer tokens (接口令牌), keyed by the SHA-256 of the token.
import type { Queryable } from '../../db/types.js';
import { ACCOUNT_COLUMNS, accountOf, type AccountRecord } from './accounts.js';

export interface TokenRecord {
  id: string;
  accountId: string;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const dateOf = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : dateOf(v));

function tokenOf(r: Record<string, unknown>): TokenRecord {
  return {
    id: String(r['token_id']),
    accountId: String(r['account_id']),
    name: String(r['name']),
    createdAt: dateOf(r['t_created_at']),
    expiresAt: dateOf(r['expires_at']),
    revokedAt: dateOrNull(r['revoked_at']),
    lastUsedAt: dateOrNull(r['last_used_at']),
  };
}

const TOKEN_COLUMNS = `t.id AS token_id, t.account_id, t.name, t.created_at AS t_created_at, t.expires_at,
  t.revoked_at, t.last_used_at`;

export async function insertToken(db: Queryable, t: TokenRecord, tokenHash: string): Promise<void> {
  await db.query(
    `INSERT INTO api_tokens (id, token_hash, account_id, name, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [t.id, tokenHash, t.accountId, t.name, t.createdAt, t.expiresAt],
  );
}

/** The token by its hash, with its account as it is now: one read per request. */
export async function findTokenByHash(
  db: Queryable,
  tokenHash: string,
): Promise<{ token: TokenRecord; account: AccountRecord } | undefined> {
  const [row] = await db.query(
    `SELECT ${TOKEN_COLUMNS}, ${ACCOUNT_COLUMNS}
     FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = $1`,
    [tokenHash],
  );
  return row === undefined ? undefined : { token: tokenOf(row), account: accountOf(row) };
}

export async function listTokensOf(db: Queryable, accountId: string): Promise<TokenRecord[]> {
  const rows = await db.query(
    `SELECT ${TOKEN_COLUMNS} FROM api_tokens t WHERE t.account_id = $1 ORDER BY t.created_at DESC, t.id`,
    [accountId],
  );
  return rows.map(tokenOf);
}

/** Revokes one of the account's tokens (a revoked one stays as it was); undefined when not its own. */
export async function revokeToken(
  db: Queryable,
  id: string,
  accountId: string,
  now: Date,
): Promise<TokenRecord | undefined> {
  await db.query(
    `UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL`,
    [id, accountId, now],
  );
  const [row] = await db.query(
    `SELECT ${TOKEN_COLUMNS} FROM api_tokens t WHERE t.id = $1 AND t.account_id = $2`,
    [id, accountId],
  );
  return row === undefined ? undefined : tokenOf(row);
}

export async function revokeTokensOf(db: Queryable, accountId: string, now: Date): Promise<void> {
  await db.query(`UPDATE api_tokens SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL`, [
    accountId,
    now,
  ]);
}

export async function touchToken(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)`,
    [id, now],
  );
}
