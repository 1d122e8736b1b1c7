// The embedded driver runs PGlite on a thread of its own: what the service relies on from it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from './pglite.js';
import { isPgError, UNIQUE_VIOLATION, type Database } from './types.js';

let db: Database;
beforeAll(async () => {
  db = await openPglite();
  await db.exec(`CREATE TABLE t (id integer PRIMARY KEY, day date, note text);
    CREATE UNIQUE INDEX t_note ON t (note)`);
});
afterAll(() => db.close());

describe('the embedded database on its own thread', () => {
  it("leaves the service's thread free while a statement runs", async () => {
    const sleeping = db.query('SELECT pg_sleep(0.4)');
    // On the calling thread this timer could only fire after the 400 ms statement.
    const started = performance.now();
    const timerLate = await new Promise<number>((resolve) => {
      setTimeout(() => {
        resolve(performance.now() - started - 20);
      }, 20);
    });
    await sleeping;
    expect(timerLate).toBeLessThan(200);
  });

  it('answers rows with dates as the contract writes them', async () => {
    await db.query('INSERT INTO t (id, day, note) VALUES ($1, $2, $3)', [1, '2026-03-01', 'a']);
    expect(await db.query('SELECT id, day, note FROM t WHERE id = $1', [1])).toEqual([
      { id: 1, day: '2026-03-01', note: 'a' },
    ]);
  });

  it("reports the database's error with its SQLSTATE and constraint", async () => {
    const err: unknown = await db
      .query('INSERT INTO t (id, note) VALUES (2, $1)', ['a'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(isPgError(err) && err.code).toBe(UNIQUE_VIOLATION);
    expect(isPgError(err) && err.constraint).toBe('t_note');
  });

  it('commits a transaction whose work resolves and rolls back one whose work throws', async () => {
    const seen = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (id, note) VALUES (10, $1)', ['kept']);
      return tx.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE id = 10');
    });
    expect(seen).toEqual([{ n: 1 }]);
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id, note) VALUES (11, $1)', ['dropped']);
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    const rows = await db.query<{ id: number }>('SELECT id FROM t WHERE id IN (10, 11) ORDER BY id');
    expect(rows).toEqual([{ id: 10 }]);
  });

  it('fails a transaction whose statement fails, and keeps none of it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id, note) VALUES (20, $1)', ['twenty']);
        await tx.query('INSERT INTO t (id, note) VALUES (21, $1)', ['a']); // note 'a' is taken
      }),
    ).rejects.toMatchObject({ code: UNIQUE_VIOLATION });
    expect(await db.query('SELECT id FROM t WHERE id IN (20, 21)')).toEqual([]);
  });

  it('lets a command that is done exit without closing the database, even a `node -e` one', () => {
    const driver = fileURLToPath(new URL('../../dist/db/pglite.js', import.meta.url));
    const script = `const { openPglite } = await import(${JSON.stringify(driver)});
      const db = await openPglite();
      console.log(JSON.stringify(await db.query('SELECT 1 AS one')));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 20_000 });
    expect(run.signal).toBeNull(); // not killed by the timeout: it exited by itself
    expect(run.stdout.toString().trim()).toBe('[{"one":1}]');
  });
});
