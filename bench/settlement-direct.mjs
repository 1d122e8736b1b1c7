#!/usr/bin/env node
// The settlement service without HTTP (结算服务进程内压测): where the CPU of a settlement goes.
// Creates a throw-away database on the local PostgreSQL, registers the demo region (20,000
// persons), and calls SettlementService.settle from many concurrent loops in this process — the
// same 10-line visits as bench/service-bench.mjs. Prints settlements per second, the CPU each
// settlement costs in PostgreSQL (all its processes, from /proc) and in this Node process (user
// and system), and the wall time of each batched statement. The VM this runs on drifts in speed
// from minute to minute: compare two versions by alternating them, not by one run each.
//
//   npm run build && node bench/settlement-direct.mjs            # BENCH_SECONDS=8 BENCH_LOOPS=64
//   MODE=preview node bench/settlement-direct.mjs                 # the reads alone
//   SUPERVISION=off | PAYMENT_FACTS=off                           # without the 事中 rules | payment facts
//   PAYMENT_FACTS=off node bench/settlement-direct.mjs            # without writing payment facts (issue 14)
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { demoVisit } from './demo-visits.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/server/dist');
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const loops = Number(process.env.BENCH_LOOPS ?? 64);
const mode = process.env.MODE === 'preview' ? 'preview' : 'settle';
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `yibao_direct_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

/** CPU seconds used so far by every PostgreSQL process on this machine. */
function postgresCpuSeconds() {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* the process ended */
    }
  }
  return ticks / 100;
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  try {
    const seeded = spawnSync(
      process.execPath,
      [join(root, 'packages/server/bin/yibao.mjs'), 'demo', '--persons', '20000', '--visits', '0'],
      { env: { ...process.env, DATABASE_URL: dbUrl }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (seeded.status !== 0) throw new Error('yibao demo failed');
    process.env.DATABASE_URL = dbUrl;
    const { openRuntime } = await import(join(dist, 'cli/runtime.js'));
    const { SettlementService } = await import(join(dist, 'settle/service.js'));
    const runtime = await openRuntime(undefined, 10);
    // Issue 14: each settlement written with its payment facts, as `serve` does (PAYMENT_FACTS=off: none).
    let paymentOptions = {};
    if (process.env.PAYMENT_FACTS !== 'off') {
      try {
        const { paymentPoliciesOf } = await import(join(dist, 'settle/payment-facts.js'));
        paymentOptions = { payment: paymentPoliciesOf(runtime.policy.book) };
      } catch {
        // a build from before issue 14: no payment facts to write
      }
    }

    // Wall time of each statement, by name (a batch's size is the name's suffix).
    let stats = {};
    const query = runtime.db.query.bind(runtime.db);
    runtime.db.query = async (sql, params, name) => {
      const started = performance.now();
      try {
        return await query(sql, params, name);
      } finally {
        const key = (name ?? 'unnamed').replace(/_\d+$/, '');
        const s = (stats[key] ??= { statements: 0, ms: 0 });
        s.statements++;
        s.ms += performance.now() - started;
      }
    };
    // Issue 15 §2: SUPERVISION=off settles with the region's 事中 rules taken out, to measure their cost.
    let calculator = runtime.policy.calculate;
    if (process.env.SUPERVISION === 'off') {
      const { calculate } = await import(join(root, 'packages/engine/dist/index.js'));
      const book = runtime.policy.book;
      const regions = new Map(
        [...book.regions].map(([code, r]) => [code, { ...r, supervision: { ...r.supervision, rules: [] } }]),
      );
      const plain = { ...book, regions };
      calculator = (raw) => calculate(plain, raw);
    }
    const service = new SettlementService(runtime.db, calculator, paymentOptions);
    const institutions = (
      await runtime.db.query(
        "SELECT id FROM institutions WHERE level = 'primary' AND type <> 'internet_hospital' ORDER BY id",
      )
    ).map((r) => r.id);

    const run = Date.now();
    let n = 0;
    const visit = () => {
      n++;
      const body = demoVisit(n, institutions, 20000);
      return mode === 'settle' ? { requestId: `direct-${run}-${n}`, ...body } : body;
    };
    let ok = 0;
    let refused = 0;
    let stop = false;
    const loop = async () => {
      while (!stop) {
        try {
          if (mode === 'preview') await service.preview(visit());
          else if ((await service.settle(visit())).status !== 201) throw new Error('not a new settlement');
          ok++;
        } catch {
          refused++; // 422s: the demo registry's ended enrolments and terminated agreements
        }
      }
    };
    const pass = async (ms) => {
      stop = false;
      setTimeout(() => {
        stop = true;
      }, ms);
      await Promise.all(Array.from({ length: loops }, loop));
    };
    await pass(2000); // warm-up
    ok = 0;
    refused = 0;
    stats = {};
    const pg0 = postgresCpuSeconds();
    const me0 = process.cpuUsage();
    const t0 = performance.now();
    await pass(seconds * 1000);
    const elapsed = (performance.now() - t0) / 1000;
    const pgCpu = postgresCpuSeconds() - pg0;
    const me = process.cpuUsage(me0);
    const all = ok + refused;
    console.log(
      JSON.stringify({
        mode,
        perSecond: Math.round(ok / elapsed),
        refused,
        // Per request answered (refusals cost their reads too).
        postgresUs: Math.round((pgCpu / all) * 1e6),
        nodeUserUs: Math.round(me.user / all),
        nodeSystemUs: Math.round(me.system / all),
      }),
    );
    for (const [name, s] of Object.entries(stats))
      console.log(`${name}: ${s.statements} statements, ${(s.ms / s.statements).toFixed(2)} ms each (wall)`);
    await runtime.db.close();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
