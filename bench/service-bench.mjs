#!/usr/bin/env node
// Settlement service benchmark (实时结算服务压测). Starts `yibao serve` against a fresh database on
// the local PostgreSQL (every core: cluster workers), registers the demo region, and drives it over
// HTTP with autocannon (128 connections): 10-item visits spread over many persons, each with its
// own requestId.
// Prints settlements/s and latency p50/p95/p99 at full load and at a fixed 1,000/s, and — in the
// same run — the database's ceiling for a bare single-statement insert of a settlement row
// (pgbench, many clients). Then the same full-load run once on the embedded PGlite.
//
//   npm run bench:service                    # DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres
//   BENCH_SECONDS=20 npm run bench:service   # longer runs
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { demoVisit } from './demo-visits.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const yibao = join(root, 'packages/server/bin/yibao.mjs');
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const persons = Number(process.env.BENCH_PERSONS ?? 20000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 128);
const workers = process.env.BENCH_WORKERS; // default: one per core (yibao serve's own default)
const skipEmbedded = process.env.BENCH_SKIP_EMBEDDED === '1';
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchDb = `yibao_bench_${process.pid}`;
const benchUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${benchDb}`;
  return u.toString();
})();

const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function run(args, env) {
  const r = spawnSync(process.execPath, [yibao, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`yibao ${args.join(' ')} failed`);
  return r.stdout.toString();
}

/** A port nobody listens on now (other services on this machine may hold any fixed one). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(args, env, port) {
  const child = spawn(process.execPath, [yibao, 'serve', '--port', String(port), '--no-seed', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (let i = 0; i < 600; i++) {
    if (exited) throw new Error('the service exited during start');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service did not start');
}

async function stopServer(child) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  children.delete(child);
}

function visitFactory(run, institutions, population) {
  let n = 0;
  return () => {
    n++;
    return JSON.stringify({ requestId: `bench-${run}-${n}`, ...demoVisit(n, institutions, population) });
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function load(
  port,
  run,
  institutions,
  { rate, duration = seconds, conns = connections, population = persons } = {},
) {
  const next = visitFactory(run, institutions, population);
  const latencies = [];
  const statuses = {};
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: conns,
    duration,
    ...(rate === undefined ? {} : { overallRate: rate }),
    requests: [
      {
        method: 'POST',
        path: '/api/v1/settlements',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: next() }),
      },
    ],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const ok = statuses[201] ?? 0;
  return {
    settlementsPerSecond: Math.round(ok / result.duration),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statuses,
    errors: result.errors + result.timeouts,
  };
}

async function primaryInstitutions(port) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/institutions?level=primary&pageSize=500`);
  const page = await res.json();
  const candidates = page.items.filter((i) => i.type !== 'internet_hospital').map((i) => i.id);
  // Keep the institutions that settle today: the demo registry has one whose agreement was
  // terminated and one suspended (422 by design), which would only measure refusals.
  const probe = visitFactory('probe', candidates, persons);
  const settling = [];
  for (const id of candidates) {
    const body = { ...JSON.parse(probe()), institutionId: id };
    delete body.requestId;
    const answer = await fetch(`http://127.0.0.1:${port}/api/v1/settlements/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const refused = answer.status === 422 && (await answer.json()).error?.field === 'institutionId';
    if (!refused) settling.push(id);
  }
  return settling;
}

/** pgbench: many clients each inserting one settlement-sized row per statement. */
function bareInsertCeiling(url) {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-bare-'));
  const result = JSON.stringify({
    trace: Array.from({ length: 12 }, (_, i) => ({
      rule: 'R-D2',
      text: '基层普通门诊统筹按比例支付'.repeat(3),
      amount: i,
    })),
  });
  const script = join(dir, 'insert.sql');
  writeFileSync(
    script,
    `INSERT INTO bare_settlements (id, person_id, institution_id, request_id, date, total_cost_fen, fund_pay_fen, cash_pay_fen, result)
     VALUES (gen_random_uuid()::text, 'DM' || (random() * 20000)::int, 'H0110000', gen_random_uuid()::text, '2026-03-01', 24000, 14000, 10000, '${result.replace(/'/g, "''")}'::jsonb);\n`,
  );
  const u = new URL(url);
  const args = [
    '-h',
    u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    decodeURIComponent(u.username || 'postgres'),
    '-n',
    '-f',
    script,
    '-c',
    '32',
    '-j',
    '2',
    '-T',
    String(Math.min(seconds, 10)),
    '-M',
    'prepared',
    u.pathname.slice(1),
  ];
  const r = spawnSync('pgbench', args, {
    env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) },
  });
  rmSync(dir, { recursive: true, force: true });
  const text = r.stdout?.toString() ?? '';
  const tps = /tps = ([\d.]+)/.exec(text);
  if (r.status !== 0 || tps === null)
    return { insertsPerSecond: NaN, note: `pgbench failed: ${r.stderr?.toString().slice(0, 200)}` };
  return { insertsPerSecond: Math.round(Number(tps[1])) };
}

async function main() {
  const machine = `${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`machine: ${machine}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.query(`CREATE DATABASE ${benchDb}`);
  const report = {
    machine,
    postgres: version,
    seconds,
    connections,
    persons,
    workers: workers ?? String(availableParallelism()),
  };
  try {
    console.log(`PostgreSQL ${version}: database ${benchDb}, ${persons} persons`);
    run(['demo', '--persons', String(persons), '--visits', '0'], { DATABASE_URL: benchUrl });
    const port = await freePort();
    const server = await startServer(
      workers === undefined ? [] : ['--workers', workers],
      { DATABASE_URL: benchUrl },
      port,
    );
    const institutions = await primaryInstitutions(port);
    await load(port, 'warm', institutions, { duration: 3 });
    report.fullLoad = await load(port, 'full', institutions);
    console.log('full load', report.fullLoad);
    // autocannon paces a fixed rate per connection, and the connections fire together: the more
    // connections, the bigger the synchronized bursts. 32 connections carry 1,000/s with room to
    // spare; 64 show what bursts of 64 simultaneous visits cost.
    report.at1000 = await load(port, 'rate32', institutions, { rate: 1000, conns: 32 });
    console.log('fixed 1,000/s over 32 connections', report.at1000);
    report.at1000Bursty = await load(port, 'rate64', institutions, { rate: 1000, conns: 64 });
    console.log('fixed 1,000/s over 64 connections', report.at1000Bursty);
    await stopServer(server);

    const db = new pg.Client({ connectionString: benchUrl });
    await db.connect();
    await db.query(`CREATE TABLE bare_settlements (id text PRIMARY KEY, person_id text NOT NULL, institution_id text NOT NULL,
      request_id text NOT NULL UNIQUE, date date NOT NULL, total_cost_fen bigint, fund_pay_fen bigint, cash_pay_fen bigint, result jsonb)`);
    await db.end();
    report.bareInsert = bareInsertCeiling(benchUrl);
    console.log('bare insert ceiling', report.bareInsert);
    report.shareOfCeiling = Math.round(
      (100 * report.fullLoad.settlementsPerSecond) / report.bareInsert.insertsPerSecond,
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
    await admin.end();
  }

  // The embedded database: one process.
  if (skipEmbedded) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'yibao-bench-pglite-'));
  try {
    const embeddedPersons = Math.min(persons, 5000);
    run(['demo', '--persons', String(embeddedPersons), '--visits', '0', '--data', dataDir], {
      DATABASE_URL: '',
    });
    const port = await freePort();
    const server = await startServer(['--data', dataDir], { DATABASE_URL: '' }, port);
    const institutions = await primaryInstitutions(port);
    await load(port, 'pglite-warm', institutions, { duration: 2, population: embeddedPersons });
    report.embedded = await load(port, 'pglite', institutions, { population: embeddedPersons });
    console.log('embedded (PGlite) full load', report.embedded);
    await stopServer(server);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(report, null, 2));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
