// record_versions: the one place registry history is written and read (decision 11). Every registry
// change appends its record here inside the change's own transaction.
import type { Queryable } from '../../db/types.js';
import { isPgError, UNIQUE_VIOLATION } from '../../db/types.js';

/** Who changed a record and why: the actor comes from the `x-yibao-actor` header (经办人). */
export interface Change {
  actor: string;
  reason: string;
}

export type Entity =
  | 'institution'
  | 'application'
  | 'agreement'
  | 'catalogue'
  | 'person_care'
  | 'referral'
  | 'e_prescription'
  | 'assessment'
  | 'complaint';

export interface RecordVersion {
  entity: Entity;
  recordId: string;
  version: number;
  data: unknown;
  recordedAt: string;
  actor: string;
  reason: string;
}

/**
 * Appends the record's next version; undefined when a concurrent change of the same record took
 * that version number first (the unique key on entity, record, version decides who wins).
 */
export async function appendVersion(
  tx: Queryable,
  entity: Entity,
  recordId: string,
  data: unknown,
  change: Change,
): Promise<number | undefined> {
  try {
    const rows = await tx.query<{ version: number }>(
      `INSERT INTO record_versions (entity, record_id, version, data, actor, reason)
       SELECT $1, $2, coalesce(max(version), 0) + 1, $3::jsonb, $4, $5
       FROM record_versions WHERE entity = $1 AND record_id = $2
       RETURNING version`,
      [entity, recordId, JSON.stringify(data), change.actor, change.reason],
    );
    return rows[0]?.version ?? 0;
  } catch (err) {
    if (isPgError(err) && err.code === UNIQUE_VIOLATION) return undefined;
    throw err;
  }
}

interface VersionRow {
  entity: Entity;
  record_id: string;
  version: number;
  data: unknown;
  recorded_at: Date | string;
  actor: string;
  reason: string;
}

const fromRow = (r: VersionRow): RecordVersion => ({
  entity: r.entity,
  recordId: r.record_id,
  version: r.version,
  data: r.data,
  recordedAt: new Date(r.recorded_at).toISOString(),
  actor: r.actor,
  reason: r.reason,
});

export async function listVersions(
  db: Queryable,
  entity: Entity,
  recordId: string,
): Promise<RecordVersion[]> {
  const rows = await db.query<VersionRow>(
    `SELECT * FROM record_versions WHERE entity = $1 AND record_id = $2 ORDER BY version`,
    [entity, recordId],
  );
  return rows.map(fromRow);
}

/** The version in force at `asOf` (an ISO date or timestamp; a date means the end of that day, UTC). */
export async function versionAsOf(
  db: Queryable,
  entity: Entity,
  recordId: string,
  asOf: string,
): Promise<RecordVersion | undefined> {
  const moment = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T23:59:59.999Z` : asOf;
  const rows = await db.query<VersionRow>(
    // Times are shown to the millisecond; compare at that precision so a shown time finds its version.
    `SELECT * FROM record_versions WHERE entity = $1 AND record_id = $2
       AND date_trunc('milliseconds', recorded_at) <= $3::timestamptz
     ORDER BY version DESC LIMIT 1`,
    [entity, recordId, moment],
  );
  return rows[0] === undefined ? undefined : fromRow(rows[0]);
}
