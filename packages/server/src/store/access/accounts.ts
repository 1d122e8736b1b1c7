// accounts: the officers' account rows (经办人员账户). The statements only; access/accounts.ts decides.
import type { Role } from '@yibao/api/constants';
import type { Queryable } from '../../db/types.js';

export interface AccountRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  institutionId: string | null;
  status: 'active' | 'disabled';
  failedSignIns: number;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export const ACCOUNT_COLUMNS = `a.id, a.username, a.display_name, a.password_hash, a.roles, a.institution_id, a.status,
  a.failed_sign_ins, a.locked_until, a.last_sign_in_at, a.created_at, a.created_by, a.updated_at, a.updated_by`;

const dateOf = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : dateOf(v));

/** text[] as both drivers return it: an array (or, defensively, the `{a,b}` literal). */
function rolesOf(v: unknown): Role[] {
  if (Array.isArray(v)) return v.map(String) as Role[];
  const text = typeof v === 'string' ? v : '{}';
  return text
    .slice(1, -1)
    .split(',')
    .filter((s) => s !== '') as Role[];
}

export function accountOf(r: Record<string, unknown>): AccountRecord {
  return {
    id: String(r['id']),
    username: String(r['username']),
    displayName: String(r['display_name']),
    passwordHash: String(r['password_hash']),
    roles: rolesOf(r['roles']),
    institutionId: (r['institution_id'] as string | null) ?? null,
    status: r['status'] as AccountRecord['status'],
    failedSignIns: Number(r['failed_sign_ins']),
    lockedUntil: dateOrNull(r['locked_until']),
    lastSignInAt: dateOrNull(r['last_sign_in_at']),
    createdAt: dateOf(r['created_at']),
    createdBy: String(r['created_by']),
    updatedAt: dateOf(r['updated_at']),
    updatedBy: String(r['updated_by']),
  };
}

/** Inserts the account; false when its username is taken (the caller decides what that means). */
export async function insertAccount(db: Queryable, a: AccountRecord): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO accounts (id, username, display_name, password_hash, roles, institution_id, status,
       failed_sign_ins, locked_until, last_sign_in_at, created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [
      a.id,
      a.username,
      a.displayName,
      a.passwordHash,
      a.roles,
      a.institutionId,
      a.status,
      a.failedSignIns,
      a.lockedUntil,
      a.lastSignInAt,
      a.createdAt,
      a.createdBy,
      a.updatedAt,
      a.updatedBy,
    ],
  );
  return rows.length === 1;
}

export async function findAccountByUsername(
  db: Queryable,
  username: string,
): Promise<AccountRecord | undefined> {
  const [row] = await db.query(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.username = $1`, [username]);
  return row === undefined ? undefined : accountOf(row);
}

/** The account; `forUpdate` holds its row until the transaction ends. */
export async function findAccount(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<AccountRecord | undefined> {
  const [row] = await db.query(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row === undefined ? undefined : accountOf(row);
}

export async function listAccounts(db: Queryable): Promise<AccountRecord[]> {
  const rows = await db.query(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a ORDER BY a.username`);
  return rows.map(accountOf);
}

/** How many active admins there are: none means nobody can open an account. */
export async function countActiveAdmins(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM accounts WHERE status = 'active' AND 'admin' = ANY (roles)`,
  );
  return row?.n ?? 0;
}

/**
 * The active admins, their rows held until the transaction ends: two admins taking each other's
 * role at once queue here, so the second sees the first's change and the last admin stays.
 */
export async function lockActiveAdmins(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM accounts WHERE status = 'active' AND 'admin' = ANY (roles) ORDER BY id FOR UPDATE`,
  );
  return rows.map((r) => r.id);
}

/**
 * One failed sign-in, counted in one statement (so it holds across processes and concurrent
 * attempts): the `threshold`-th in a row locks the account until `lockUntil` and starts the count
 * again. No row when the account is already locked at `now`: the attempt does not count.
 */
export async function recordFailedSignIn(
  db: Queryable,
  id: string,
  now: Date,
  threshold: number,
  lockUntil: Date,
): Promise<{ lockedUntil: Date | null } | undefined> {
  const [row] = await db.query(
    `UPDATE accounts SET
       locked_until = CASE WHEN failed_sign_ins + 1 >= $3 THEN $4::timestamptz ELSE NULL END,
       failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $3 THEN 0 ELSE failed_sign_ins + 1 END
     WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2::timestamptz)
     RETURNING locked_until`,
    [id, now, threshold, lockUntil],
  );
  return row === undefined ? undefined : { lockedUntil: dateOrNull(row['locked_until']) };
}

/**
 * A sign-in that verified: the count starts again. False when the account was locked meanwhile
 * (a concurrent attempt reached the threshold), so a guess in flight cannot outrun the lock.
 */
export async function recordSignIn(db: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = $2
     WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2::timestamptz) RETURNING id`,
    [id, now],
  );
  return rows.length > 0;
}

/** The fields an admin changes; each call names what it sets, and who and when. */
export interface AccountChange {
  roles?: Role[];
  institutionId?: string | null;
  status?: 'active' | 'disabled';
  passwordHash?: string;
  /** Unlock: the count and the lock cleared. */
  unlock?: true;
  at: Date;
  by: string;
}

export async function updateAccount(db: Queryable, id: string, change: AccountChange): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  const set = (column: string, value: unknown, cast = ''): void => {
    params.push(value);
    sets.push(`${column} = $${params.length}${cast}`);
  };
  if (change.roles !== undefined) set('roles', change.roles, '::text[]');
  if (change.institutionId !== undefined) set('institution_id', change.institutionId);
  if (change.status !== undefined) set('status', change.status);
  if (change.passwordHash !== undefined) set('password_hash', change.passwordHash);
  if (change.unlock === true) sets.push('failed_sign_ins = 0', 'locked_until = NULL');
  set('updated_at', change.at);
  set('updated_by', change.by);
  await db.query(`UPDATE accounts SET ${sets.join(', ')} WHERE id = $1`, params);
}
