// institution_credentials and credential_nonces (migration 012): the statements, nothing else.
import type { Queryable } from '../../db/types.js';

/** A credential as stored: the secret's SHA-256, never the secret. */
export interface StoredCredential {
  keyId: string;
  institutionId: string;
  /** hex SHA-256 of the secret: the signing key of both schemes (docs/decisions.md). */
  secretSha256: string;
  label: string | null;
  createdAt: Date;
  createdBy: string;
  expiresAt: Date | null;
  replacedBy: string | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

interface Row {
  key_id: string;
  institution_id: string;
  secret_sha256: string;
  label: string | null;
  created_at: Date | string;
  created_by: string;
  expires_at: Date | string | null;
  replaced_by: string | null;
  revoked_at: Date | string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

const COLUMNS = `key_id, institution_id, secret_sha256, label, created_at, created_by, expires_at,
  replaced_by, revoked_at, revoked_by, revoke_reason`;

const date = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const dateOrNull = (v: Date | string | null): Date | null => (v === null ? null : date(v));

function fromRow(r: Row): StoredCredential {
  return {
    keyId: r.key_id,
    institutionId: r.institution_id,
    secretSha256: r.secret_sha256,
    label: r.label,
    createdAt: date(r.created_at),
    createdBy: r.created_by,
    expiresAt: dateOrNull(r.expires_at),
    replacedBy: r.replaced_by,
    revokedAt: dateOrNull(r.revoked_at),
    revokedBy: r.revoked_by,
    revokeReason: r.revoke_reason,
  };
}

export async function insertCredential(
  db: Queryable,
  c: { keyId: string; institutionId: string; secretSha256: string; label: string | null; createdBy: string },
): Promise<StoredCredential> {
  const rows = await db.query<Row>(
    `INSERT INTO institution_credentials (key_id, institution_id, secret_sha256, label, created_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [c.keyId, c.institutionId, c.secretSha256, c.label, c.createdBy],
  );
  return fromRow(rows[0] as Row);
}

export async function credentialByKeyId(db: Queryable, keyId: string): Promise<StoredCredential | undefined> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM institution_credentials WHERE key_id = $1`, [
    keyId,
  ]);
  return rows[0] === undefined ? undefined : fromRow(rows[0]);
}

/** The row locked for a change (a revocation, a rotation), so two changes do not interleave. */
export async function credentialForUpdate(
  db: Queryable,
  keyId: string,
): Promise<StoredCredential | undefined> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM institution_credentials WHERE key_id = $1 FOR UPDATE`,
    [keyId],
  );
  return rows[0] === undefined ? undefined : fromRow(rows[0]);
}

export async function credentialsOf(db: Queryable, institutionId: string): Promise<StoredCredential[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM institution_credentials WHERE institution_id = $1 ORDER BY created_at, key_id`,
    [institutionId],
  );
  return rows.map(fromRow);
}

export async function markRevoked(
  db: Queryable,
  keyId: string,
  by: string,
  reason: string,
): Promise<StoredCredential> {
  const rows = await db.query<Row>(
    `UPDATE institution_credentials SET revoked_at = now(), revoked_by = $2, revoke_reason = $3
     WHERE key_id = $1 RETURNING ${COLUMNS}`,
    [keyId, by, reason],
  );
  return fromRow(rows[0] as Row);
}

/** A rotation: the old key names its successor and works until `expiresAt` (never later than it already would). */
export async function markReplaced(
  db: Queryable,
  keyId: string,
  replacedBy: string,
  graceSeconds: number,
): Promise<void> {
  await db.query(
    `UPDATE institution_credentials
     SET replaced_by = $2,
         expires_at = LEAST(COALESCE(expires_at, 'infinity'), now() + make_interval(secs => $3))
     WHERE key_id = $1`,
    [keyId, replacedBy, graceSeconds],
  );
}

/**
 * Records each (key, nonce) unless it is already there and unexpired: one statement for a batch of
 * concurrent requests. Answers the pairs that were new — a pair missing from the answer has been
 * seen (a replay). An expired row left by the pruning is taken over, not counted as a replay.
 * The batch holds no pair twice (the batcher's key keeps duplicates apart).
 */
export async function recordNonces(
  db: Queryable,
  nonces: readonly { keyId: string; nonce: string; expiresAtSeconds: number }[],
): Promise<Set<string>> {
  const rows = await db.query<{ key_id: string; nonce: string }>(
    `INSERT INTO credential_nonces (key_id, nonce, expires_at)
     SELECT k, n, to_timestamp(e) FROM unnest($1::text[], $2::text[], $3::float8[]) AS t(k, n, e)
     ON CONFLICT (key_id, nonce) DO UPDATE SET expires_at = EXCLUDED.expires_at
       WHERE credential_nonces.expires_at < now()
     RETURNING key_id, nonce`,
    [nonces.map((n) => n.keyId), nonces.map((n) => n.nonce), nonces.map((n) => n.expiresAtSeconds)],
    'record_credential_nonces',
  );
  return new Set(rows.map((r) => nonceKey(r.key_id, r.nonce)));
}

export function nonceKey(keyId: string, nonce: string): string {
  return `${keyId}\u0000${nonce}`;
}

/** Removes the nonces whose timestamps no longer pass: a replay of them is refused as stale. */
export async function pruneNonces(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM credential_nonces WHERE expires_at < now() RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
  );
  return rows[0]?.n ?? 0;
}
