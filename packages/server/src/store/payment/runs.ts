// payment_monthly_runs, payment_run_rows, payment_year_end_runs (migration 018): a run is inserted
// once (unique month or year) and never updated; the rows travel with it in one transaction.
import type { MonthlyRow, MonthlyRun, YearEndRun } from '@yibao/engine';
import type { Database, Queryable } from '../../db/types.js';

export interface StoredMonthlyRun {
  id: string;
  createdAt: string;
  run: MonthlyRun;
}

export interface StoredYearEndRun {
  id: string;
  createdAt: string;
  run: YearEndRun;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
// json columns: PGlite answers parsed, some pg setups text
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export async function findMonthlyRun(
  db: Queryable,
  by: { id: string } | { year: number; month: number },
): Promise<StoredMonthlyRun | undefined> {
  const rows =
    'id' in by
      ? await db.query('SELECT id, created_at, run FROM payment_monthly_runs WHERE id = $1', [by.id])
      : await db.query(
          'SELECT id, created_at, run FROM payment_monthly_runs WHERE year = $1 AND month = $2',
          [by.year, by.month],
        );
  const r = rows[0];
  return r === undefined
    ? undefined
    : { id: r['id'] as string, createdAt: iso(r['created_at']), run: parsed(r['run']) as MonthlyRun };
}

export async function listMonthlyRuns(
  db: Queryable,
  year: number,
): Promise<{ id: string; year: number; month: number; createdAt: string }[]> {
  const rows = await db.query(
    'SELECT id, year, month, created_at FROM payment_monthly_runs WHERE year = $1 ORDER BY month',
    [year],
  );
  return rows.map((r) => ({
    id: r['id'] as string,
    year: Number(r['year']),
    month: Number(r['month']),
    createdAt: iso(r['created_at']),
  }));
}

/**
 * Inserts the run and its rows; false when the month already has one (a concurrent request made it
 * first: the caller answers with that one). The unique (year, month) decides, so only one is kept.
 */
export async function insertMonthlyRun(
  db: Database,
  id: string,
  run: MonthlyRun,
  inputs: object,
  madeBy: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const made = await tx.query(
      `INSERT INTO payment_monthly_runs (id, year, month, policy_version, run, inputs, made_by)
       VALUES ($1, $2, $3, $4, $5::json, $6::json, $7) ON CONFLICT (year, month) DO NOTHING RETURNING id`,
      [id, run.year, run.month, run.policyVersion, JSON.stringify(run), JSON.stringify(inputs), madeBy],
    );
    if (made.length === 0) return false;
    // one statement for every row of the month
    await tx.query(
      `INSERT INTO payment_run_rows (run_id, institution_id, pool, fund, year, month, row)
       SELECT $1, r.institution_id, r.pool, r.fund, $2, $3, r.row
       FROM json_to_recordset($4::json) AS r(institution_id text, pool text, fund text, row json)`,
      [
        id,
        run.year,
        run.month,
        JSON.stringify(
          run.rows.map((row) => ({ institution_id: row.institutionId, pool: row.pool, fund: row.fund, row })),
        ),
      ],
    );
    return true;
  });
}

/** The months of `year` that have a run. */
export async function runMonthsOf(db: Queryable, year: number): Promise<Set<number>> {
  const rows = await db.query<{ month: unknown }>('SELECT month FROM payment_monthly_runs WHERE year = $1', [
    year,
  ]);
  return new Set(rows.map((r) => Number(r.month)));
}

/** Every row of the year's runs (fen), with its month. */
export async function yearRows(
  db: Queryable,
  year: number,
  institutionId?: string,
): Promise<(MonthlyRow & { month: number })[]> {
  const rows = await db.query<{ month: unknown; row: unknown }>(
    institutionId === undefined
      ? 'SELECT month, row FROM payment_run_rows WHERE year = $1 ORDER BY month, institution_id'
      : 'SELECT month, row FROM payment_run_rows WHERE year = $1 AND institution_id = $2 ORDER BY month',
    institutionId === undefined ? [year] : [year, institutionId],
  );
  return rows.map((r) => ({ ...(parsed(r.row) as MonthlyRow), month: Number(r.month) }));
}

export async function findYearEndRun(
  db: Queryable,
  by: { id: string } | { year: number },
): Promise<StoredYearEndRun | undefined> {
  const rows =
    'id' in by
      ? await db.query('SELECT id, created_at, run FROM payment_year_end_runs WHERE id = $1', [by.id])
      : await db.query('SELECT id, created_at, run FROM payment_year_end_runs WHERE year = $1', [by.year]);
  const r = rows[0];
  return r === undefined
    ? undefined
    : { id: r['id'] as string, createdAt: iso(r['created_at']), run: parsed(r['run']) as YearEndRun };
}

export async function insertYearEndRun(
  db: Queryable,
  id: string,
  run: YearEndRun,
  inputs: object,
): Promise<boolean> {
  const made = await db.query(
    `INSERT INTO payment_year_end_runs (id, year, policy_version, run, inputs)
     VALUES ($1, $2, $3, $4::json, $5::json) ON CONFLICT (year) DO NOTHING RETURNING id`,
    [id, run.year, run.policyVersion, JSON.stringify(run), JSON.stringify(inputs)],
  );
  return made.length > 0;
}
