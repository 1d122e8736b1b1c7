// sessions: the officers' signed-in sessions (登录会话), keyed by the SHA-256 of the cookie's value.
import type { Queryable } from '../../db/types.js';
import { ACCOUNT_COLUMNS, accountOf, type AccountRecord } from './accounts.js';

export interface SessionRecord {
  idHash: string;
  accountId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

const dateOf = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

export async function insertSession(db: Queryable, s: SessionRecord): Promise<void> {
  await db.query(
    `INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [s.idHash, s.accountId, s.csrfToken, s.createdAt, s.lastSeenAt, s.expiresAt, s.ip, s.userAgent],
  );
}

/** A session not ended, with its account as it is now (its roles, its status): one read per request. */
export async function findOpenSession(
  db: Queryable,
  idHash: string,
): Promise<{ session: SessionRecord; account: AccountRecord } | undefined> {
  const [row] = await db.query(
    `SELECT s.id_hash, s.account_id, s.csrf_token, s.created_at AS s_created_at, s.last_seen_at,
            s.expires_at, s.ip, s.user_agent, ${ACCOUNT_COLUMNS}
     FROM sessions s JOIN accounts a ON a.id = s.account_id
     WHERE s.id_hash = $1 AND s.ended_at IS NULL`,
    [idHash],
  );
  if (row === undefined) return undefined;
  return {
    session: {
      idHash: String(row['id_hash']),
      accountId: String(row['account_id']),
      csrfToken: String(row['csrf_token']),
      createdAt: dateOf(row['s_created_at']),
      lastSeenAt: dateOf(row['last_seen_at']),
      expiresAt: dateOf(row['expires_at']),
      ip: (row['ip'] as string | null) ?? null,
      userAgent: (row['user_agent'] as string | null) ?? null,
    },
    account: accountOf(row),
  };
}

export async function touchSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.query(`UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1 AND last_seen_at < $2`, [
    idHash,
    now,
  ]);
}

export async function endSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.query(`UPDATE sessions SET ended_at = $2 WHERE id_hash = $1 AND ended_at IS NULL`, [idHash, now]);
}

/** Ends every open session of an account (but `keep`, the caller's own, when given). */
export async function endSessionsOf(
  db: Queryable,
  accountId: string,
  now: Date,
  keep: string | null = null,
): Promise<void> {
  await db.query(
    `UPDATE sessions SET ended_at = $2
     WHERE account_id = $1 AND ended_at IS NULL AND ($3::text IS NULL OR id_hash <> $3::text)`,
    [accountId, now, keep],
  );
}

/** Forgets an account's sessions that ended or expired before `before`: the table stays small. */
export async function pruneSessions(db: Queryable, accountId: string, before: Date): Promise<void> {
  await db.query(`DELETE FROM sessions WHERE account_id = $1 AND (ended_at < $2 OR expires_at < $2)`, [
    accountId,
    before,
  ]);
}
