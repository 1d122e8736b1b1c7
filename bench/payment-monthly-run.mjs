#!/usr/bin/env node
// A monthly run (月度结算) over many settlements (issue 14 §6): creates a throw-away database on the
// local PostgreSQL, migrates it, registers INSTITUTIONS institutions, writes SETTLEMENTS payment-fact
// rows for January 2025 (the first payment month) straight into settlement_payment_facts — item,
// DIP, bed-day, covered and outflow records in realistic shares — and times `runMonth` (the same
// function POST /payments/monthly-runs calls): the close, the aggregate, the engine, the insert.
//
//   npm run build && SETTLEMENTS=1000000 node bench/payment-monthly-run.mjs
//   MODE=year SETTLEMENTS=1000000 node bench/payment-monthly-run.mjs   # spread over 2025, the
//     twelve runs, then the year-end clearing (runYear) timed on its own
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/server/dist');
const settlements = Number(process.env.SETTLEMENTS ?? 1_000_000);
const institutions = Number(process.env.INSTITUTIONS ?? 5000);
const year = process.env.MODE === 'year';
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `yibao_payrun_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  try {
    process.env.DATABASE_URL = dbUrl;
    const { openRuntime } = await import(join(dist, 'cli/runtime.js'));
    const { paymentPoliciesOf, payingPolicy } = await import(join(dist, 'settle/payment-facts.js'));
    const { runMonth, runYear } = await import(join(dist, 'payment/runs.js'));
    const runtime = await openRuntime(undefined, 4);
    const db = runtime.db;
    const policy = payingPolicy(paymentPoliciesOf(runtime.policy.book));
    await db.query(
      `INSERT INTO institutions (id, name, type, level, county)
       SELECT 'I' || g, 'I' || g, CASE WHEN g % 10 = 0 THEN 'community_centre' ELSE 'general_hospital' END,
         CASE WHEN g % 10 = 0 THEN 'primary' WHEN g % 3 = 0 THEN 'tertiary' ELSE 'secondary' END, '城关区'
       FROM generate_series(1, $1::int) g`,
      [institutions],
    );
    const t0 = performance.now();
    // 70 % item, 10 % DIP, 5 % bed-day, 10 % covered, 5 % outflow; amounts in fen
    await db.query(
      `INSERT INTO settlement_payment_facts (person_id, settlement_id, payment_month, institution_id, pool, fund, method,
         dip_points, bed_day_amount_fen, capitation_centre_id, outflow_centre_id, fund_pay_fen, account_pay_fen, events)
       SELECT 'P' || (g % 200000), 'S' || g,
         CASE WHEN $3 THEN '2025-' || lpad((1 + g % 12)::text, 2, '0') ELSE '2025-01' END, 'I' || (1 + g % $2::int),
         CASE WHEN (g / $2::int) % 2 = 0 THEN 'resident' ELSE 'employee' END,
         CASE WHEN (g / 3) % 20 < 3 THEN 'inpatient' ELSE 'outpatient' END,
         CASE WHEN (g / 3) % 20 IN (0, 1) THEN 'dip' WHEN (g / 3) % 20 = 2 THEN 'bed_day' WHEN (g / 3) % 20 IN (3, 4) THEN 'capitation' ELSE 'item' END,
         CASE WHEN (g / 3) % 20 IN (0, 1) THEN 50000 + g % 100000 END,
         CASE WHEN (g / 3) % 20 = 2 THEN 300000 + g % 50000 END,
         CASE WHEN (g / 3) % 20 IN (3, 4) THEN 'I' || (10 * (1 + g % ($2::int / 10))) END,
         CASE WHEN (g / 3) % 20 = 5 THEN 'I' || (10 * (1 + g % ($2::int / 10))) END,
         1000 + g % 50000, g % 7 * 100, '[]'
       FROM generate_series(1, $1::int) g`,
      [settlements, institutions, year],
    );
    await db.query('ANALYZE settlement_payment_facts');
    if (year) {
      // the region's insured: 200,000 persons, insured all year (no enrolment periods)
      await db.query(
        `INSERT INTO persons (id, name, scheme, category, region)
         SELECT 'P' || g, 'P', CASE WHEN g % 2 = 0 THEN 'resident' ELSE 'employee' END,
           CASE WHEN g % 2 = 0 THEN 'adult' ELSE 'in_service' END, 'demo' FROM generate_series(0, 199999) g`,
      );
      const monthsStarted = performance.now();
      for (let m = 1; m <= 12; m++) await runMonth(db, policy, 2025, m);
      const monthsSeconds = (performance.now() - monthsStarted) / 1000;
      const started = performance.now();
      const made = await runYear(db, policy, 2025);
      console.log(
        JSON.stringify({
          settlements,
          institutions,
          twelveRunsSeconds: Math.round(monthsSeconds * 10) / 10,
          yearEndRows: made.run.run.rows.length,
          yearEndSeconds: Math.round(((performance.now() - started) / 1000) * 10) / 10,
        }),
      );
      await db.close();
      return;
    }
    const loaded = performance.now();
    const progress = [];
    const started = performance.now();
    const made = await runMonth(db, policy, 2025, 1, (step) =>
      progress.push([step, Math.round(performance.now() - started)]),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      JSON.stringify({
        settlements,
        institutions,
        rows: made.run.run.rows.length,
        loadSeconds: Math.round((loaded - t0) / 100) / 10,
        runSeconds: Math.round(seconds * 10) / 10,
        steps: progress,
      }),
    );
    await db.close();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
