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
import {
  ENTRY_ARRAY,
  ENTRY_COLUMN_NAMES,
  INSERT_HISTORY_UNNEST,
  INSERT_UNNEST,
  arrayToEntry,
  entryArrays,
} from './rows.js';

type Cell = string | number | boolean | null;

/** Rows per statement when writing in bulk (imports). */
const CHUNK = 20_000;

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
  const rows = await db.query<{ a: Cell[] }>(
    `SELECT ${ENTRY_ARRAY} AS a FROM catalogue_entries WHERE code = $1 ORDER BY valid_from`,
    [code],
  );
  return rows.map((r) => arrayToEntry(r.a));
}

/** The version in force on a date, if any. */
export async function entryOn(
  db: Queryable,
  code: string,
  date: string,
): Promise<CatalogueEntry | undefined> {
  const rows = await db.query<{ a: Cell[] }>(
    `SELECT ${ENTRY_ARRAY} AS a FROM catalogue_entries
     WHERE code = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)`,
    [code, date],
  );
  return rows[0] === undefined ? undefined : arrayToEntry(rows[0].a);
}

/** The whole catalogue, every version, ordered by code then validFrom (the cache's load). */
export async function allEntries(db: Queryable): Promise<CatalogueEntry[]> {
  // One json text for the whole table: 100,000 rows as row objects cost PGlite's thread seconds.
  const rows = await db.query<{ j: string | null }>(
    `SELECT json_agg(${ENTRY_ARRAY} ORDER BY code, valid_from)::text AS j FROM catalogue_entries`,
  );
  const j = rows[0]?.j ?? null;
  return j === null ? [] : (JSON.parse(j) as Cell[][]).map(arrayToEntry);
}

/** Entries in force on a date whose code starts with, or whose name contains, `q`. */
export async function searchEntries(
  db: Queryable,
  q: string,
  date: string,
  options: { kind?: string; limit?: number; offset?: number } = {},
): Promise<CatalogueEntry[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.query<{ a: Cell[] }>(
    `SELECT ${ENTRY_ARRAY} AS a FROM catalogue_entries
     WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date)
       AND (code ILIKE $2 OR name ILIKE $2 OR generic_name ILIKE $2)
       AND ($3::text IS NULL OR kind = $3)
     ORDER BY code LIMIT $4 OFFSET $5`,
    [date, like, options.kind ?? null, options.limit ?? 50, options.offset ?? 0],
  );
  return rows.map((r) => arrayToEntry(r.a));
}

/** How many entries `searchEntries` would find without paging. */
export async function countEntries(
  db: Queryable,
  q: string,
  date: string,
  options: { kind?: string } = {},
): Promise<number> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM catalogue_entries
     WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date)
       AND (code ILIKE $2 OR name ILIKE $2 OR generic_name ILIKE $2)
       AND ($3::text IS NULL OR kind = $3)`,
    [date, like, options.kind ?? null],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function insertEntries(tx: Queryable, entries: readonly CatalogueEntry[]): Promise<void> {
  for (const part of chunks(entries)) await tx.query(INSERT_UNNEST, entryArrays(part));
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

/** History events given one by one (ended versions, small changes). */
export async function appendHistory(
  tx: Queryable,
  events: readonly HistoryWrite[],
  changeVersion: string,
  change: CatalogueChange,
): Promise<void> {
  for (const part of chunks(events)) {
    await tx.query(INSERT_HISTORY_UNNEST, [
      ...entryArrays(part.map((h) => h.entry)),
      part.map((h) => h.action),
      changeVersion,
      change.actor,
      change.reason,
    ]);
  }
}

/**
 * History of every version this catalogue version wrote (its rows in catalogue_entries): 'changed'
 * for the codes named, 'added' for the others. Copies inside the database, ships nothing.
 */
export async function appendHistoryOfWritten(
  tx: Queryable,
  changeVersion: string,
  changedCodes: readonly string[],
  change: CatalogueChange,
): Promise<void> {
  await tx.query(
    `INSERT INTO catalogue_history (${ENTRY_COLUMN_NAMES}, action, change_version, actor, reason)
     SELECT ${ENTRY_COLUMN_NAMES.split(', ')
       .map((c) => `e.${c}`)
       .join(', ')},
       CASE WHEN c.code IS NULL THEN 'added' ELSE 'changed' END, $1, $3, $4
     FROM catalogue_entries e LEFT JOIN (SELECT DISTINCT unnest($2::text[]) AS code) c ON c.code = e.code
     WHERE e.catalogue_version = $1
     ORDER BY e.code, e.valid_from`,
    [changeVersion, changedCodes, change.actor, change.reason],
  );
}

/** Marks the catalogue version's last history event (the diff's "after this version"). */
export async function closeCatalogueVersion(
  tx: Queryable,
  id: string,
  summary: NonNullable<CatalogueVersion['summary']>,
): Promise<void> {
  await tx.query(
    `UPDATE catalogue_versions SET summary = $2::jsonb, last_history_id = (SELECT max(id) FROM catalogue_history) WHERE id = $1`,
    [id, JSON.stringify(summary)],
  );
}

interface HistoryRow {
  a: Cell[];
  action: HistoryAction;
  change_version: string;
  actor: string;
  reason: string;
  recorded_at: Date | string;
}

const iso = (v: Date | string): string => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export async function historyOf(db: Queryable, code: string): Promise<CatalogueHistoryEvent[]> {
  const rows = await db.query<HistoryRow>(
    `SELECT ${ENTRY_ARRAY} AS a, action, change_version, actor, reason, recorded_at
     FROM catalogue_history WHERE code = $1 ORDER BY id`,
    [code],
  );
  return rows.map((r) => {
    const data = arrayToEntry(r.a);
    return {
      code: data.code,
      validFrom: data.validFrom,
      action: r.action,
      data,
      catalogueVersion: r.change_version,
      actor: r.actor,
      reason: r.reason,
      recordedAt: iso(r.recorded_at),
    };
  });
}

/** The catalogue as it stood after a catalogue version: each (code, validFrom)'s latest history row. */
export async function snapshotAfter(db: Queryable, catalogueVersion: string): Promise<CatalogueEntry[]> {
  const rows = await db.query<{ j: string | null }>(
    `SELECT json_agg(${ENTRY_ARRAY})::text AS j FROM (
       SELECT DISTINCT ON (code, valid_from) * FROM catalogue_history
       WHERE id <= coalesce((SELECT last_history_id FROM catalogue_versions WHERE id = $1), 0)
       ORDER BY code, valid_from, id DESC) h`,
    [catalogueVersion],
  );
  const j = rows[0]?.j ?? null;
  return j === null ? [] : (JSON.parse(j) as Cell[][]).map(arrayToEntry);
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

export async function catalogueVersion(db: Queryable, id: string): Promise<CatalogueVersion | undefined> {
  const rows = await db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM catalogue_versions WHERE id = $1`, [
    id,
  ]);
  return rows[0] === undefined ? undefined : rowToVersion(rows[0]);
}

export async function listCatalogueVersions(db: Queryable): Promise<CatalogueVersion[]> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM catalogue_versions ORDER BY recorded_at, id`,
  );
  return rows.map(rowToVersion);
}
