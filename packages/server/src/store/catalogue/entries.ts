// catalogue_entries, catalogue_history, catalogue_versions: the SQL of the agency's catalogue.
// Reports what the database holds; catalogue/entries.ts and catalogue/import decide.
import type { Queryable } from '../../db/types.js';
import type {
  CatalogueChange,
  CatalogueEntry,
  CatalogueHistoryEvent,
  CatalogueVersion,
  HistoryAction,
} from '../../catalogue/types.js';
import { ENTRY_COLUMNS, INSERT_FROM_JSON, entryToRecord, rowToEntry, type EntryRow } from './rows.js';

/** Rows per statement when writing in bulk (imports). */
const CHUNK = 5000;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** Any constant: serialises catalogue writers (imports, manual changes) within their transactions. */
const CATALOGUE_LOCK_KEY = 7_404_212;

export async function lockCatalogue(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CATALOGUE_LOCK_KEY]);
}

export async function catalogueGeneration(db: Queryable): Promise<number> {
  const rows = await db.query<{ generation: string | number }>('SELECT generation FROM catalogue_state');
  return Number(rows[0]?.generation ?? 0);
}

/** Every version of a code, oldest first. */
export async function versionsOf(db: Queryable, code: string): Promise<CatalogueEntry[]> {
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM catalogue_entries WHERE code = $1 ORDER BY valid_from`,
    [code],
  );
  return rows.map(rowToEntry);
}

/** The version in force on a date, if any. */
export async function entryOn(db: Queryable, code: string, date: string): Promise<CatalogueEntry | undefined> {
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM catalogue_entries
     WHERE code = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)`,
    [code, date],
  );
  return rows[0] === undefined ? undefined : rowToEntry(rows[0]);
}

/** The whole catalogue, every version, ordered by code then validFrom (the cache's load). */
export async function allEntries(db: Queryable): Promise<CatalogueEntry[]> {
  const rows = await db.query<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM catalogue_entries ORDER BY code, valid_from`);
  return rows.map(rowToEntry);
}

/** Entries in force on a date whose code starts with, or whose name contains, `q`. */
export async function searchEntries(
  db: Queryable,
  q: string,
  date: string,
  options: { kind?: string; limit?: number; offset?: number } = {},
): Promise<CatalogueEntry[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM catalogue_entries
     WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date)
       AND (code ILIKE $2 OR name ILIKE $2 OR generic_name ILIKE $2)
       AND ($3::text IS NULL OR kind = $3)
     ORDER BY code LIMIT $4 OFFSET $5`,
    [date, like, options.kind ?? null, options.limit ?? 50, options.offset ?? 0],
  );
  return rows.map(rowToEntry);
}

export async function insertEntries(tx: Queryable, entries: readonly CatalogueEntry[]): Promise<void> {
  for (const part of chunks(entries)) await tx.query(INSERT_FROM_JSON, [JSON.stringify(part.map(entryToRecord))]);
}

/** Sets valid_to of existing versions (code, validFrom) → validTo. */
export async function setValidTo(
  tx: Queryable,
  changes: readonly { code: string; validFrom: string; validTo: string | null }[],
): Promise<void> {
  for (const part of chunks(changes)) {
    await tx.query(
      `UPDATE catalogue_entries e SET valid_to = x.valid_to
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, valid_from date, valid_to date)
       WHERE e.code = x.code AND e.valid_from = x.valid_from`,
      [JSON.stringify(part.map((c) => ({ code: c.code, valid_from: c.validFrom, valid_to: c.validTo })))],
    );
  }
}

/** Removes versions (code, validFrom): a correction replacing a version from the same day. */
export async function deleteVersions(
  tx: Queryable,
  keys: readonly { code: string; validFrom: string }[],
): Promise<void> {
  for (const part of chunks(keys)) {
    await tx.query(
      `DELETE FROM catalogue_entries e USING jsonb_to_recordset($1::jsonb) AS x(code text, valid_from date)
       WHERE e.code = x.code AND e.valid_from = x.valid_from`,
      [JSON.stringify(part.map((c) => ({ code: c.code, valid_from: c.validFrom })))],
    );
  }
}

export interface HistoryWrite {
  action: HistoryAction;
  entry: CatalogueEntry; // the version after the change
}

export async function appendHistory(
  tx: Queryable,
  events: readonly HistoryWrite[],
  catalogueVersion: string,
  change: CatalogueChange,
): Promise<void> {
  for (const part of chunks(events)) {
    await tx.query(
      `INSERT INTO catalogue_history (code, valid_from, action, data, catalogue_version, actor, reason)
       SELECT x.code, x.valid_from, x.action, x.data, $2, $3, $4
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, valid_from date, action text, data jsonb)`,
      [
        JSON.stringify(
          part.map((h) => ({ code: h.entry.code, valid_from: h.entry.validFrom, action: h.action, data: h.entry })),
        ),
        catalogueVersion,
        change.actor,
        change.reason,
      ],
    );
  }
}

interface HistoryRow {
  code: string;
  valid_from: string;
  action: HistoryAction;
  data: CatalogueEntry;
  catalogue_version: string;
  actor: string;
  reason: string;
  recorded_at: Date | string;
}

const iso = (v: Date | string): string => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export async function historyOf(db: Queryable, code: string): Promise<CatalogueHistoryEvent[]> {
  const rows = await db.query<HistoryRow>(
    `SELECT code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, action, data, catalogue_version, actor, reason, recorded_at
     FROM catalogue_history WHERE code = $1 ORDER BY id`,
    [code],
  );
  return rows.map((r) => ({
    code: r.code,
    validFrom: r.valid_from,
    action: r.action,
    data: r.data,
    catalogueVersion: r.catalogue_version,
    actor: r.actor,
    reason: r.reason,
    recordedAt: iso(r.recorded_at),
  }));
}

/** The catalogue as it stood after a catalogue version: each (code, validFrom)'s latest history data. */
export async function snapshotAfter(db: Queryable, catalogueVersion: string): Promise<CatalogueEntry[]> {
  const rows = await db.query<{ data: CatalogueEntry }>(
    `SELECT DISTINCT ON (code, valid_from) data FROM catalogue_history
     WHERE id <= coalesce(
       (SELECT max(id) FROM catalogue_history WHERE catalogue_version = $1),
       (SELECT max(h.id) FROM catalogue_history h
        WHERE h.recorded_at <= (SELECT recorded_at FROM catalogue_versions WHERE id = $1)),
       0)
     ORDER BY code, valid_from, id DESC`,
    [catalogueVersion],
  );
  return rows.map((r) => r.data);
}

interface VersionRow {
  id: string;
  title: string;
  source: CatalogueVersion['source'];
  file_name: string | null;
  published_on: string | null;
  summary: CatalogueVersion['summary'];
  actor: string;
  reason: string;
  recorded_at: Date | string;
}

const VERSION_COLUMNS = `id, title, source, file_name, to_char(published_on, 'YYYY-MM-DD') AS published_on, summary, actor, reason, recorded_at`;

function rowToVersion(r: VersionRow): CatalogueVersion {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    fileName: r.file_name,
    publishedOn: r.published_on,
    summary: r.summary,
    actor: r.actor,
    reason: r.reason,
    recordedAt: iso(r.recorded_at),
  };
}

/** false when the id is taken. */
export async function insertCatalogueVersion(
  tx: Queryable,
  v: Omit<CatalogueVersion, 'recordedAt'>,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO catalogue_versions (id, title, source, file_name, published_on, summary, actor, reason)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [v.id, v.title, v.source, v.fileName, v.publishedOn, JSON.stringify(v.summary), v.actor, v.reason],
  );
  return rows.length === 1;
}

export async function setVersionSummary(
  tx: Queryable,
  id: string,
  summary: NonNullable<CatalogueVersion['summary']>,
): Promise<void> {
  await tx.query('UPDATE catalogue_versions SET summary = $2::jsonb WHERE id = $1', [id, JSON.stringify(summary)]);
}

export async function catalogueVersion(db: Queryable, id: string): Promise<CatalogueVersion | undefined> {
  const rows = await db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM catalogue_versions WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : rowToVersion(rows[0]);
}

export async function listCatalogueVersions(db: Queryable): Promise<CatalogueVersion[]> {
  const rows = await db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM catalogue_versions ORDER BY recorded_at, id`);
  return rows.map(rowToVersion);
}
