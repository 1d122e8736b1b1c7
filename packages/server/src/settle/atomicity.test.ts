// A settlement is one transaction: a failure in the middle of its writes, or the death of the
// process, leaves all of it or none of it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AccumulatorsBody, ErrorBody } from '../testing/json.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { ACCUMULATOR_COLUMNS } from '../store/records.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { hospitalVisit, registerFixtures } from '../testing/fixtures.js';

describe.each(testDrivers())('atomic settlement on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
    await registerFixtures(t.app);
  });
  afterAll(async () => t.dispose());

  it('writes nothing when the last write of a settlement fails', async () => {
    // The settlement row is written after the account and the accumulators have moved; make the
    // database refuse the row of a settlement that holds a line coded BOOM.
    await t.db.exec(`
      CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.lines::text LIKE '%"BOOM"%' THEN RAISE EXCEPTION 'injected failure'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_boom BEFORE INSERT ON settlements FOR EACH ROW EXECUTE FUNCTION refuse_boom();`);
    const ytdBefore = (
      await t.app.inject({ url: '/api/v1/persons/E001/accumulators?year=2026' })
    ).json<AccumulatorsBody>();
    const balanceBefore = (await t.app.inject({ url: '/api/v1/persons/E001' })).json<{
      accountBalance: number;
    }>().accountBalance;
    const body = hospitalVisit('boom-1', 'E001', 400, true);
    body.items.push({
      code: 'BOOM',
      name: '故障注入',
      kind: 'service',
      class: 'A',
      quantity: 1,
      unitPrice: 5,
    });

    const res = await t.app.inject({ method: 'POST', url: '/api/v1/settlements', payload: body });
    expect(res.statusCode).toBe(500);
    const error = res.json<ErrorBody>().error;
    expect(error.code).toBe('internal');
    expect(error.field).toBeNull();
    expect(error.message.length).toBeGreaterThan(0);
    expect(res.body).not.toContain('injected failure');

    const leftovers = await t.db.query(
      `SELECT 'settlement' FROM settlements WHERE request_id = 'boom-1'
       UNION ALL SELECT 'line' FROM settlement_items WHERE code = 'BOOM'`,
    );
    expect(leftovers).toEqual([]);
    expect(
      (await t.app.inject({ url: '/api/v1/persons/E001/accumulators?year=2026' })).json<AccumulatorsBody>(),
    ).toEqual(ytdBefore);
    expect(
      (await t.app.inject({ url: '/api/v1/persons/E001' })).json<{ accountBalance: number }>().accountBalance,
    ).toBe(balanceBefore);
    await t.db.exec('DROP TRIGGER refuse_boom ON settlements');
  });

  it.runIf(driver.kind === 'postgres')(
    'leaves only whole settlements when the process is killed mid-flight',
    async () => {
      const persons = 4;
      for (let k = 0; k < persons; k++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/persons',
          payload: {
            id: `K${k}`,
            name: `测试${k}`,
            scheme: 'employee',
            category: 'in_service',
            region: 'demo',
            accountBalance: 100000,
          },
        });
        expect(res.statusCode).toBe(201);
      }
      const schema = (await t.db.query<{ s: string }>('SELECT current_schema() AS s'))[0]?.s ?? '';
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(new URL('../testing/crash-child.ts', import.meta.url))],
        {
          env: { ...process.env, YIBAO_TEST_SCHEMA: schema, YIBAO_TEST_PERSONS: String(persons) },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const exited = new Promise<void>((resolve) => {
        child.on('exit', () => {
          resolve();
        });
      });
      // Wait for the child to be well into its stream of settlements, then kill it without warning.
      for (let i = 0; i < 600; i++) {
        const [row] = await t.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM settlements WHERE request_id LIKE 'crash-%'",
        );
        if ((row?.n ?? 0) >= 60 || child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      child.kill('SIGKILL');
      await exited;
      expect(stderr).toBe('');
      // Let PostgreSQL finish or abort what the dead connections left.
      await new Promise((resolve) => setTimeout(resolve, 300));

      const [count] = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM settlements WHERE request_id LIKE 'crash-%'",
      );
      expect(count?.n).toBeGreaterThanOrEqual(60);
      // Every settlement has all its lines, its answer and its request hash.
      const broken = await t.db.query(
        `SELECT s.id FROM settlements s
         WHERE s.request_id LIKE 'crash-%' AND (length(s.request_hash) <> 64 OR
           (SELECT count(*) FROM settlement_items i WHERE i.settlement_id = s.id) <> json_array_length(s.result->'items'))`,
      );
      expect(broken).toEqual([]);
      // Every person's accumulators, account and version are exactly the sum of their settlements.
      const sums = ACCUMULATOR_COLUMNS.map(
        ([name, column]) =>
          `(y.${column} - coalesce(sum((s.ytd_delta->>'${name}')::bigint), 0))::bigint AS ${column}`,
      );
      const rows = await t.db.query<Record<string, number>>(
        `SELECT a.person_id, (a.balance_fen - (10000000 - coalesce(sum(s.account_pay_fen), 0)))::bigint AS balance_gap,
           (a.version - count(s.id))::bigint AS version_gap, ${sums.join(', ')}
         FROM person_accounts a
         JOIN person_year_accumulators y ON y.person_id = a.person_id AND y.year = 2026
         LEFT JOIN settlements s ON s.person_id = a.person_id
         WHERE a.person_id LIKE 'K%'
         GROUP BY a.person_id, a.balance_fen, a.version, ${ACCUMULATOR_COLUMNS.map(([, c]) => `y.${c}`).join(', ')}`,
      );
      expect(rows).toHaveLength(persons);
      for (const row of rows)
        for (const [key, value] of Object.entries(row)) if (key !== 'person_id') expect(value, key).toBe(0);
    },
    60_000,
  );
});
