// 审计日志的哈希链: one entry's hash, computed the same way by the writer (access/audit.ts) and by
// `yibao audit verify` (access/audit-verify.ts). The hash covers every stored field and the previous
// entry's hash, so changing any field of a row — or a row's place in its chain — changes it.
import { createHash } from 'node:crypto';

/** The previous hash of a chain's first link when the log had no anchor yet. */
export const GENESIS = '0'.repeat(64);

/** What an entry says, before it is given its place in a chain. */
export interface AuditRecord {
  /** ISO 8601, UTC, milliseconds: the form the database gives back (timestamptz keeps microseconds). */
  at: string;
  actor: string;
  ip: string | null;
  action: string;
  target: string | null;
  status: number | null;
  /** `ok`, or the refusal's error code. */
  outcome: string;
  detail: Record<string, unknown>;
}

/** An entry in its chain: as stored in audit_log. */
export interface AuditRow extends AuditRecord {
  chainId: string;
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * JSON with object keys sorted at every level: jsonb gives the keys back in an order of its own,
 * so the hash is taken over this form, which reading cannot change.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the entry's fields, its place (chain, seq) and the previous entry's hash. */
export function entryHash(record: AuditRecord, chainId: string, seq: number, prevHash: string): string {
  const fields = [
    chainId,
    seq,
    record.at,
    record.actor,
    record.ip,
    record.action,
    record.target,
    record.status,
    record.outcome,
    canonicalJson(record.detail),
    prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
