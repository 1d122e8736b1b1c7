// PAYMENT_POLICY §9 on the stored path, over random years (fast-check), both databases: random
// payment facts in random months (settlements, reversals as negatives, DIP, bed-day, covered and
// outflow records), random deductions, a random agreement with a budget and a score; the twelve runs
// and the clearing made by the domain functions the API calls. Each run checks the identities before
// it is stored (payment/identities.ts); this test checks them again from the database's side.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers, type TestDatabase } from '../db/testing.js';
import { migrate } from '../db/migrate.js';
import { repositoryPolicyDir } from '../policy-release/load.js';
import { loadPolicy } from '../settle/calculator.js';
import { payingPolicy, paymentPoliciesOf } from '../settle/payment-facts.js';
import { runMonth, runYear } from './runs.js';

const policy = payingPolicy(paymentPoliciesOf(loadPolicy(repositoryPolicyDir()).book));
const INSTS = [
  ['H1', 'general_hospital', 'tertiary'],
  ['H2', 'general_hospital', 'secondary'],
  ['C1', 'community_centre', 'primary'],
  ['P1', 'pharmacy', null],
] as const;

const factArb = fc.record({
  month: fc.integer({ min: 1, max: 12 }),
  inst: fc.constantFrom('H1', 'H2', 'C1', 'P1'),
  pool: fc.constantFrom('employee', 'resident'),
  fund: fc.constantFrom('outpatient', 'inpatient'),
  kind: fc.constantFrom('item', 'item', 'dip', 'bed_day', 'capitation', 'outflow'),
  fundPay: fc.integer({ min: -50_000, max: 2_000_000 }),
  accountPay: fc.integer({ min: 0, max: 100_000 }),
  units: fc.integer({ min: -100_000, max: 5_000_000 }),
});
const deductionArb = fc.record({
  month: fc.integer({ min: 1, max: 12 }),
  inst: fc.constantFrom('H1', 'H2', 'C1', 'P1'),
  pool: fc.constantFrom('employee', 'resident'),
  fund: fc.constantFrom('outpatient', 'inpatient'),
  amount: fc.integer({ min: 1, max: 500_000 }),
});
const yearArb = fc.record({
  facts: fc.array(factArb, { minLength: 1, maxLength: 40 }),
  deductions: fc.array(deductionArb, { maxLength: 6 }),
  budget: fc.integer({ min: 0, max: 50_000_000 }),
  score: fc.integer({ min: 0, max: 100 }),
});

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

describe.each(testDrivers())('§9 identities over random stored years on $kind', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await driver.create();
    await migrate(t.db);
    for (const [id, type, level] of INSTS)
      await t.db.query(
        `INSERT INTO institutions (id, name, type, level, county) VALUES ($1, $1, $2, $3, '城关区')`,
        [id, type, level],
      );
    await t.db.query(`INSERT INTO persons (id, name, scheme, category, region) VALUES
      ('R1', 'r', 'resident', 'adult', 'demo'), ('E1', 'e', 'employee', 'in_service', 'demo')`);
  });
  afterAll(async () => t.dispose());

  it('every run of a random year keeps the identities, and every record and deduction counts once', async () => {
    if (policy === null) throw new Error('the demo region has a payment policy');
    await fc.assert(
      fc.asyncProperty(yearArb, async (year) => {
        const db = t.db;
        for (const table of [
          'payment_run_rows',
          'payment_monthly_runs',
          'payment_year_end_runs',
          'payment_deductions',
          'settlement_payment_facts',
          'assessments',
          'agreement_state_changes',
          'agreements',
        ])
          await db.query(`DELETE FROM ${table}`);
        await db.query(`UPDATE payment_clock SET first_open_month = '2025-01'`);
        let i = 0;
        for (const f of year.facts) {
          i++;
          const m = `2025-${String(f.month).padStart(2, '0')}`;
          const covered = f.kind === 'capitation';
          await db.query(
            `INSERT INTO settlement_payment_facts (person_id, settlement_id, payment_month, institution_id, pool, fund,
               method, dip_points, bed_day_amount_fen, capitation_centre_id, outflow_centre_id, fund_pay_fen, account_pay_fen, events)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, '[]')`,
            [
              f.pool === 'resident' ? 'R1' : 'E1',
              `S${i}`,
              m,
              f.inst,
              covered || f.kind === 'outflow' ? 'resident' : f.pool,
              covered || f.kind === 'outflow' ? 'outpatient' : f.fund,
              f.kind === 'outflow' ? 'item' : f.kind,
              f.kind === 'dip' ? f.units : null,
              f.kind === 'bed_day' ? f.units : null,
              covered ? 'C1' : null,
              f.kind === 'outflow' ? 'C1' : null,
              f.fundPay,
              f.accountPay,
            ],
          );
        }
        let d = 0;
        for (const x of year.deductions) {
          d++;
          await db.query(
            `INSERT INTO payment_deductions (id, request_id, request_hash, institution_id, year, month, pool, fund,
               amount_fen, reason, payment_month) VALUES ($1, $1, 'h', $2, 2025, 1, $3, $4, $5, 'r', $6)`,
            [`D${d}`, x.inst, x.pool, x.fund, x.amount, `2025-${String(x.month).padStart(2, '0')}`],
          );
        }
        await db.query(
          `INSERT INTO agreements (id, institution_id, year, valid_from, valid_to, signed_on, indicators, settlement_terms)
           VALUES ('AG', 'H2', 2025, '2025-01-01', '2025-12-31', '2024-12-20', $1::jsonb, '{"method": "monthly", "paymentDays": 30}')`,
          [JSON.stringify({ totalControlAmount: year.budget / 100 })],
        );
        await db.query(
          `INSERT INTO assessments (id, agreement_id, institution_id, period_from, period_to, measured, findings, score, rating, assessed_on)
           VALUES ('AS', 'AG', 'H2', '2025-01-01', '2025-12-31', '{}', '[]', $1, 'B', '2026-01-10')`,
          [year.score],
        );

        const months = [];
        for (let m = 1; m <= 12; m++) {
          const made = await runMonth(db, policy, 2025, m);
          expect(made.status).toBe(201);
          const run = made.run.run;
          const mine = year.facts.filter((f) => f.month === m);
          // each fund pay in exactly one of itemBased, capitationCovered, or a DIP or bed-day record
          expect(sum(run.rows.map((r) => r.itemBased + r.capitationCovered))).toBe(
            sum(mine.filter((f) => f.kind !== 'dip' && f.kind !== 'bed_day').map((f) => f.fundPay)),
          );
          expect(sum(run.rows.map((r) => r.capitationOutflow))).toBe(
            sum(mine.filter((f) => f.kind === 'outflow').map((f) => f.fundPay)),
          );
          expect(sum(run.rows.map((r) => r.deduction))).toBe(
            sum(year.deductions.filter((x) => x.month === m).map((x) => x.amount)),
          );
          for (const tot of run.totals)
            expect(tot.payable).toBe(
              sum(run.rows.filter((r) => r.pool === tot.pool && r.fund === tot.fund).map((r) => r.payable)),
            );
          months.push(run);
        }
        const cleared = (await runYear(db, policy, 2025)).run.run;
        const rows = months.flatMap((r) => r.rows);
        expect(sum(cleared.rows.map((r) => r.advanced))).toBe(sum(rows.map((r) => r.payable)));
        expect(sum(cleared.rows.map((r) => r.deduction))).toBe(sum(year.deductions.map((x) => x.amount)));
        for (const r of cleared.rows)
          expect(r.advanced + r.balance).toBe(
            r.itemBased +
              r.capitation +
              r.capitationAdjustment +
              r.dip +
              r.bedDay -
              r.deduction +
              r.budgetAdjustment -
              r.holdback +
              r.depositReleased +
              r.contractFee -
              r.contractFeeHeld +
              r.contractFeeReleased +
              r.accountPay,
          );
        for (const line of cleared.institutions)
          expect(
            sum(
              cleared.rows
                .filter((r) => r.institutionId === line.institutionId)
                .map((r) => r.budgetAdjustment),
            ),
          ).toBe(line.budgetAdjustment);
      }),
      { numRuns: 6 },
    );
  }, 300_000);
});
