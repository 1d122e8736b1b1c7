// 事后 runs as records (SUPERVISION_RULES.md §5): started, progressing, done with what they raised,
// and what they covered — the watermark a later run of an overlapping range starts from. SQL only.
import type { Queryable } from '../../db/types.js';

export interface StoredRun {
  id: string;
  region: string;
  from: string;
  to: string;
  runOn: string;
  full: boolean;
  status: 'running' | 'done' | 'failed';
  raised: number | null;
  done: number;
  total: number | null;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

interface Row {
  id: string;
  region: string;
  from_date: string;
  to_date: string;
  run_on: string;
  full_run: boolean;
  status: StoredRun['status'];
  raised: number | null;
  done_persons: number;
  total_persons: number | null;
  started_by: string;
  started_at: Date | string;
  finished_at: Date | string | null;
  error: string | null;
}

const COLUMNS = `id, region, from_date::text AS from_date, to_date::text AS to_date, run_on::text AS run_on, full_run,
  status, raised, done_persons, total_persons, started_by, started_at, finished_at, error`;

const runOf = (r: Row): StoredRun => ({
  id: r.id,
  region: r.region,
  from: r.from_date,
  to: r.to_date,
  runOn: r.run_on,
  full: r.full_run,
  status: r.status,
  raised: r.raised,
  done: r.done_persons,
  total: r.total_persons,
  startedBy: r.started_by,
  startedAt: new Date(r.started_at).toISOString(),
  finishedAt: r.finished_at === null ? null : new Date(r.finished_at).toISOString(),
  error: r.error,
});

/**
 * Starts a run and answers with the database's clock less a margin: every settlement stored before
 * that instant is judged by this run (a settlement's created_at is its transaction's start, and one
 * still committing now started less than the margin ago).
 */
export async function insertRun(
  db: Queryable,
  run: {
    id: string;
    region: string;
    from: string;
    to: string;
    runOn: string;
    policyHash: string;
    full: boolean;
    by: string;
  },
  marginSeconds: number,
): Promise<{ watermark: string }> {
  const [row] = await db.query<{ watermark: Date | string }>(
    `INSERT INTO supervision_runs (id, region, from_date, to_date, run_on, policy_hash, full_run, status, started_by)
     VALUES ($1, $2, $3::date, $4::date, $5::date, $6, $7, 'running', $8)
     RETURNING started_at - make_interval(secs => $9) AS watermark`,
    [run.id, run.region, run.from, run.to, run.runOn, run.policyHash, run.full, run.by, marginSeconds],
  );
  if (row === undefined) throw new Error('run insert returned no row');
  return { watermark: new Date(row.watermark).toISOString() };
}

/**
 * What earlier runs covered of [from, to] with this rule library: for each day, the latest
 * watermark of a finished run over it; the range's is the earliest of its days', or null when a day
 * was never covered (the run judges every person settled in range).
 */
export async function coveredWatermark(
  db: Queryable,
  region: string,
  policyHash: string,
  from: string,
  to: string,
): Promise<string | null> {
  const [row] = await db.query<{ uncovered: string | number; watermark: Date | string | null }>(
    `WITH days AS (
       SELECT d::date AS day FROM generate_series($3::date, $4::date, interval '1 day') AS d
     ), per_day AS (
       SELECT days.day, (SELECT max(r.watermark) FROM supervision_runs r
                          WHERE r.region = $1 AND r.policy_hash = $2 AND r.status = 'done'
                            AND r.from_date <= days.day AND days.day <= r.to_date) AS watermark
       FROM days
     )
     SELECT count(*) FILTER (WHERE watermark IS NULL) AS uncovered, min(watermark) AS watermark FROM per_day`,
    [region, policyHash, from, to],
  );
  if (row === undefined || Number(row.uncovered) > 0 || row.watermark === null) return null;
  return new Date(row.watermark).toISOString();
}

export async function recordProgress(db: Queryable, id: string, done: number, total: number): Promise<void> {
  await db.query(`UPDATE supervision_runs SET done_persons = $2, total_persons = $3 WHERE id = $1`, [
    id,
    done,
    total,
  ]);
}

export async function finishRun(
  db: Queryable,
  id: string,
  outcome: { raised: number; watermark: string } | { error: string },
): Promise<void> {
  if ('error' in outcome)
    await db.query(
      `UPDATE supervision_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
      [id, outcome.error.slice(0, 2000)],
    );
  else
    await db.query(
      `UPDATE supervision_runs SET status = 'done', raised = $2, watermark = $3::timestamptz, finished_at = now()
       WHERE id = $1`,
      [id, outcome.raised, outcome.watermark],
    );
}

export async function readRun(db: Queryable, id: string): Promise<StoredRun | undefined> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM supervision_runs WHERE id = $1`, [id]);
  const row = rows[0];
  return row === undefined ? undefined : runOf(row);
}
