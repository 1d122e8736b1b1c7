// No double spending (防重复支付): many concurrent settlements of one person — on two service
// instances with their own connection pools when PostgreSQL is there — never take the deductible
// twice nor pay past the year's cap.
import type { AccumulatorsBody, SettlementBody } from '../testing/json.js';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { hospitalVisit, registerFixtures } from '../testing/fixtures.js';

// REFERENCE_POLICY (policy/demo/employee-in-service.yaml): employee outpatient deductible 500 a
// year, 70% at a secondary hospital, cap 6000 a year.
const DEDUCTIBLE = 500;
const CAP = 6000;

describe.each(testDrivers())('no double spending on $kind', (driver) => {
  let t: TestApp;
  let apps: FastifyInstance[];
  beforeAll(async () => {
    t = await createTestApp(driver, { jitter: true });
    await registerFixtures(t.app);
    apps = driver.kind === 'postgres' ? [t.app, await t.another()] : [t.app];
  });
  afterAll(async () => t.dispose());

  it('takes one deductible and stops at the cap under 24 concurrent settlements', async () => {
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (apps[i % apps.length] as FastifyInstance).inject({
          method: 'POST',
          url: '/api/v1/settlements',
          payload: hospitalVisit(`ds-${i}`, 'E002', 1000),
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(24).fill(201));
    const results = answers.map(
      (a) => a.json<SettlementBody>() as { deductible: number; fundPay: number; inScope: number },
    );
    const deductibles = results.reduce((s, r) => s + r.deductible, 0);
    const fund = results.reduce((s, r) => s + r.fundPay, 0);
    expect(deductibles).toBe(DEDUCTIBLE);
    expect(fund).toBe(CAP); // 24 × 1000 in scope would pay far more without the cap
    const ytd = (
      await t.app.inject({ method: 'GET', url: '/api/v1/persons/E002/accumulators?year=2026' })
    ).json<AccumulatorsBody>().ytd;
    expect(ytd).toMatchObject({ outpatientDeductiblePaid: DEDUCTIBLE, outpatientFundPaid: CAP });
  });

  it.runIf(driver.kind === 'postgres')(
    'holds across two service processes settling the same person at once',
    async () => {
      const person = {
        id: 'E900',
        name: '跨进程',
        scheme: 'employee',
        category: 'in_service',
        region: 'demo',
      };
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/v1/persons', payload: person })).statusCode,
      ).toBe(201);
      const schema = (await t.db.query<{ s: string }>('SELECT current_schema() AS s'))[0]?.s ?? '';
      const child = fileURLToPath(new URL('../testing/settle-child.ts', import.meta.url));
      const run = (prefix: string): Promise<{ code: number | null; stderr: string }> =>
        new Promise((resolve) => {
          const p = spawn(process.execPath, ['--import', 'tsx', child], {
            env: {
              ...process.env,
              YIBAO_TEST_SCHEMA: schema,
              YIBAO_TEST_PERSON: 'E900',
              YIBAO_TEST_PREFIX: prefix,
              YIBAO_TEST_COUNT: '15',
            },
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let stderr = '';
          p.stderr.on('data', (chunk: Buffer) => {
            stderr += chunk.toString();
          });
          p.on('exit', (code) => {
            resolve({ code, stderr });
          });
        });
      const [a, b] = await Promise.all([run('proc-a'), run('proc-b')]);
      expect(a).toEqual({ code: 0, stderr: '' });
      expect(b).toEqual({ code: 0, stderr: '' });
      const [sums] = await t.db.query<{ n: number; deductible: number; fund: number }>(
        `SELECT count(*)::int AS n, sum(deductible_fen)::bigint AS deductible, sum(fund_pay_fen)::bigint AS fund
         FROM settlements WHERE person_id = 'E900'`,
      );
      expect(sums).toEqual({ n: 30, deductible: DEDUCTIBLE * 100, fund: CAP * 100 });
    },
    120_000,
  );
});
