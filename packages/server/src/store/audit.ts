// 审计日志的 SQL: appending a batch of entries (with an anchor when one is due) in one statement,
// the newest anchor, the chains in order for verification, and the auditor's filtered list.
import type { AuditRow } from '../access/audit-hash.js';
import type { Queryable } from '../db/types.js';
import type { Page } from './records.js';

export interface Anchor {
  chainId: string;
  seq: number;
  hash: string;
}

interface Row {
  chain_id: string;
  seq: number | string;
  at: Date | string;
  actor: string;
  ip: string | null;
  action: string;
  target: string | null;
  status: number | null;
  outcome: string;
  detail: Record<string, unknown> | string;
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'chain_id, seq, at, actor, ip, action, target, status, outcome, detail, prev_hash, hash';

/** timestamptz as both drivers hand it over, back to the ISO form the hash was taken over. */
function isoOf(at: Date | string): string {
  return (at instanceof Date ? at : new Date(at)).toISOString();
}

function fromRow(row: Row): AuditRow {
  return {
    chainId: row.chain_id,
    seq: Number(row.seq),
    at: isoOf(row.at),
    actor: row.actor,
    ip: row.ip,
    action: row.action,
    target: row.target,
    status: row.status,
    outcome: row.outcome,
    detail: typeof row.detail === 'string' ? (JSON.parse(row.detail) as Record<string, unknown>) : row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * One statement: the batch's entries and, when one is due, the anchor at its last entry. Both or
 * neither are stored, so an anchor never names an entry that was not written.
 */
export async function insertAuditBatch(
  db: Queryable,
  rows: readonly AuditRow[],
  anchor: Anchor | null,
): Promise<void> {
  const entries = rows.map((r) => ({
    chain_id: r.chainId,
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    ip: r.ip,
    action: r.action,
    target: r.target,
    status: r.status,
    outcome: r.outcome,
    detail: r.detail,
    prev_hash: r.prevHash,
    hash: r.hash,
  }));
  const anchors =
    anchor === null
      ? []
      : [{ chain_id: anchor.chainId, seq: anchor.seq, hash: anchor.hash, at: rows.at(-1)?.at }];
  await db.query(
    `WITH entries AS (
       INSERT INTO audit_log (${COLUMNS})
       SELECT ${COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(chain_id text, seq bigint, at timestamptz,
         actor text, ip text, action text, target text, status integer, outcome text, detail jsonb,
         prev_hash text, hash text)
       RETURNING 1
     )
     INSERT INTO audit_anchors (chain_id, seq, hash, at)
     SELECT chain_id, seq, hash, coalesce(at, now()) FROM jsonb_to_recordset($2::jsonb) AS a(chain_id text, seq bigint, hash text, at timestamptz)`,
    [JSON.stringify(entries), JSON.stringify(anchors)],
  );
}

/** The anchor written last, which a new chain's first link names; null on an empty log. */
export async function latestAnchor(db: Queryable): Promise<Anchor | null> {
  const rows = await db.query<{ chain_id: string; seq: number | string; hash: string }>(
    'SELECT chain_id, seq, hash FROM audit_anchors ORDER BY at DESC, chain_id DESC, seq DESC LIMIT 1',
  );
  const row = rows[0];
  return row === undefined ? null : { chainId: row.chain_id, seq: Number(row.seq), hash: row.hash };
}

export async function allAnchors(db: Queryable): Promise<Anchor[]> {
  const rows = await db.query<{ chain_id: string; seq: number | string; hash: string }>(
    'SELECT chain_id, seq, hash FROM audit_anchors ORDER BY chain_id, seq',
  );
  return rows.map((r) => ({ chainId: r.chain_id, seq: Number(r.seq), hash: r.hash }));
}

/** The chains, oldest first (by their first entry's time). */
export async function chainIds(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ chain_id: string }>(
    'SELECT chain_id FROM audit_log GROUP BY chain_id ORDER BY min(at), chain_id',
  );
  return rows.map((r) => r.chain_id);
}

/** A chain's entries after `afterSeq`, in order, `limit` at a time (keyset paging). */
export async function chainEntries(
  db: Queryable,
  chainId: string,
  afterSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM audit_log WHERE chain_id = $1 AND seq > $2 ORDER BY seq LIMIT ${limit}`,
    [chainId, afterSeq],
  );
  return rows.map(fromRow);
}

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
  /** ISO instants, from inclusive, to exclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The auditor's list: newest first. */
export async function listAudit(
  db: Queryable,
  filter: AuditFilter,
  page: number,
  pageSize: number,
): Promise<Page<AuditRow>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.actor !== undefined) add((n) => `actor = ${n}`, filter.actor);
  if (filter.action !== undefined) add((n) => `strpos(action, ${n}) > 0`, filter.action);
  if (filter.target !== undefined) add((n) => `strpos(coalesce(target, ''), ${n}) > 0`, filter.target);
  if (filter.from !== undefined) add((n) => `at >= ${n}::timestamptz`, filter.from);
  if (filter.to !== undefined) add((n) => `at < ${n}::timestamptz`, filter.to);
  const whereSql = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log ${whereSql}`,
    params,
  );
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM audit_log ${whereSql}
     ORDER BY at DESC, chain_id, seq DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items: rows.map(fromRow), total: count?.n ?? 0, page, pageSize };
}
