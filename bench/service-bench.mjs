#!/usr/bin/env node
// Settlement service benchmark (实时结算服务压测). Starts `yibao serve` against a fresh database on
// the local PostgreSQL (every core: cluster workers), registers the demo region, and drives it over
// HTTP with many connections (128): 10-item visits spread over many persons, each with its own
// requestId. The full-load runs use wrk (a C load generator, Debian's package `wrk`) when it is
// installed, because autocannon's own JavaScript takes about a seventh of this two-core machine
// away from what is measured; the fixed-rate runs need autocannon's pacing.
// Prints settlements/s and latency p50/p95/p99 at full load and at a fixed 1,000/s, and — in the
// same run — the database's ceiling for a bare single-statement insert of a settlement row
// (pgbench, many clients). Then the same full-load run once on the embedded PGlite.
//
//   npm run bench:service                    # DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres
//   BENCH_SECONDS=20 npm run bench:service   # longer runs
//   BENCH_DRIVER=autocannon npm run bench:service   # autocannon for the full-load runs too
//   BENCH_SIGNING=5 BENCH_SECONDS=8 npm run bench:service
//       # issue 13: what signing costs — alternating full-load runs, 5 open (`serve --open`) and 5
//       # signed (a credential per institution from `yibao credentials issue`, every request
//       # HMAC-signed with its own nonce), medians and their ratio
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { demoVisit } from './demo-visits.mjs';
import { signedHeaders } from '../packages/server/dist/testing/signed.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const yibao = join(root, 'packages/server/bin/yibao.mjs');
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const persons = Number(process.env.BENCH_PERSONS ?? 20000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 128);
const workers = process.env.BENCH_WORKERS; // default: one per core (yibao serve's own default)
const skipEmbedded = process.env.BENCH_SKIP_EMBEDDED === '1';
// BENCH_FULL_ONLY=1: the PostgreSQL full-load run alone (for A/B runs of two builds, alternated).
const fullOnly = process.env.BENCH_FULL_ONLY === '1';
// BENCH_SIGNING=N: issue 13's signed-against-open A/B alone, N runs of each (signingAB).
const signingRuns = Number(process.env.BENCH_SIGNING ?? 0);
const wrkInstalled = spawnSync('wrk', ['--version']).error === undefined;
const fullLoadDriver = process.env.BENCH_DRIVER ?? (wrkInstalled ? 'wrk' : 'autocannon');
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

/** Starts a Node program listening on `port` and waits until its /healthz answers. */
async function startListening(args, env, port) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (let i = 0; i < 600; i++) {
    if (exited) throw new Error(`${args[0]} exited during start`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${args[0]} did not start`);
}

function startServer(args, env, port, { open = true } = {}) {
  return startListening(
    [yibao, 'serve', '--port', String(port), '--no-seed', ...(open ? ['--open'] : []), ...args],
    env,
    port,
  );
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
    driver: 'autocannon',
    settlementsPerSecond: Math.round(ok / result.duration),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statuses,
    errors: result.errors + result.timeouts,
  };
}

/** The full-load run with wrk: the same visits, the same report as `load`. */
function loadWithWrk(
  port,
  run,
  institutions,
  { duration = seconds, conns = connections, population = persons } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-wrk-'));
  try {
    const visits = join(dir, 'visits.ndjson');
    const lines = Array.from({ length: population }, (_, i) =>
      JSON.stringify(demoVisit(i + 1, institutions, population)),
    );
    writeFileSync(visits, `${lines.join('\n')}\n`);
    const threads = 2;
    const r = spawnSync(
      'wrk',
      [
        `-t${threads}`,
        `-c${conns}`,
        `-d${duration}s`,
        '-s',
        join(root, 'bench/wrk-settle.lua'),
        `http://127.0.0.1:${port}`,
        '--',
        visits,
        `bench-${run}`,
      ],
      { env: { ...process.env, WRK_THREADS: String(threads) }, maxBuffer: 1 << 20 },
    );
    const out = r.stdout?.toString().trim().split('\n').at(-1) ?? '';
    if (r.status !== 0 || !out.startsWith('{'))
      throw new Error(`wrk failed: ${r.stderr?.toString().slice(0, 300)}`);
    const report = JSON.parse(out);
    return {
      driver: 'wrk',
      settlementsPerSecond: Math.round((report.statuses['201'] ?? 0) / report.seconds),
      p50: report.p50,
      p95: report.p95,
      p99: report.p99,
      statuses: report.statuses,
      errors: report.errors,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Full load: as many settlements as 128 connections can get, with the faster driver. */
function fullLoad(port, run, institutions, options) {
  return fullLoadDriver === 'wrk'
    ? loadWithWrk(port, run, institutions, options)
    : load(port, run, institutions, options);
}

async function primaryInstitutions(port) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/institutions?level=primary&pageSize=500`);
  const page = await res.json();
  // BENCH_INSTITUTION_TYPES=township_centre,village_clinic: only those types (an A/B of two builds
  // on the same work, e.g. institutions that hold no stock list, so neither build refuses a line).
  const types = process.env.BENCH_INSTITUTION_TYPES?.split(',');
  const candidates = page.items
    .filter((i) => i.type !== 'internet_hospital' && (types === undefined || types.includes(i.type)))
    .map((i) => i.id);
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

/**
 * pgbench: 32 clients each inserting one row per statement (prepared), for 10 s. `variables` are
 * passed with -D and reach the statement as parameters (`:name`), as the service sends its values.
 */
function pgbenchInserts(url, sql, variables = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-bare-'));
  const script = join(dir, 'insert.sql');
  writeFileSync(script, `${sql}\n`);
  const u = new URL(url);
  const args = ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];
  args.push('-n', '-f', script, '-c', '32', '-j', '2', '-T', String(Math.min(seconds, 10)), '-M', 'prepared');
  for (const [name, value] of Object.entries(variables)) args.push('-D', `${name}=${value}`);
  args.push(u.pathname.slice(1));
  const r = spawnSync('pgbench', args, {
    env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) },
  });
  rmSync(dir, { recursive: true, force: true });
  const tps = /tps = ([\d.]+)/.exec(r.stdout?.toString() ?? '');
  if (r.status !== 0 || tps === null)
    return { insertsPerSecond: NaN, note: `pgbench failed: ${r.stderr?.toString().slice(0, 200)}` };
  return { insertsPerSecond: Math.round(Number(tps[1])) };
}

// A new time-ordered id per insert, 36 characters like the service's UUIDv7 ids.
const ORDERED_ID = `to_hex((extract(epoch from clock_timestamp()) * 1000000)::bigint) || substr(gen_random_uuid()::text, 14)`;
const SOME_PERSON = `'DM' || lpad((1 + random() * ${persons - 1})::int::text, 8, '0')`;

/**
 * The ceiling for the row the service really writes: a table made LIKE settlements (its columns,
 * indexes, storage, compression and toast target), and the values of a settlement the load just
 * wrote, each insert with a new id and request id and some person. Everything a settlement is
 * besides this one row (reading the person, the engine, the account and accumulator updates, the
 * answer) is what the service adds to it.
 */
async function settlementRowCeiling(db, url) {
  const options = (await db.query(`SELECT reloptions FROM pg_class WHERE oid = 'settlements'::regclass`))
    .rows[0];
  await db.query('CREATE TABLE bare_settlement_rows (LIKE settlements INCLUDING ALL)');
  if (options.reloptions)
    await db.query(`ALTER TABLE bare_settlement_rows SET (${options.reloptions.join(', ')})`);
  const columns = (
    await db.query(
      `SELECT attname FROM pg_attribute WHERE attrelid = 'settlements'::regclass AND attnum > 0 AND NOT attisdropped
       AND attname NOT IN ('id', 'request_id', 'person_id', 'created_at') ORDER BY attnum`,
    )
  ).rows.map((r) => r.attname);
  const sample = (
    await db.query(
      `SELECT ${columns.map((c) => `${c}::text AS ${c}`).join(', ')} FROM settlements WHERE reverses IS NULL
       ORDER BY created_at DESC LIMIT 1`,
    )
  ).rows[0];
  const given = columns.filter((c) => sample[c] !== null);
  const sql = `INSERT INTO bare_settlement_rows (id, request_id, person_id, ${given.join(', ')})
    VALUES (${ORDERED_ID}, ${ORDERED_ID}, ${SOME_PERSON}, ${given.map((c) => `:${c}`).join(', ')});`;
  return {
    ...pgbenchInserts(url, sql, Object.fromEntries(given.map((c) => [c, sample[c]]))),
    bytes: rowBytes(sample),
  };
}

function rowBytes(row) {
  return Object.values(row).reduce((sum, v) => sum + (v === null ? 0 : Buffer.byteLength(String(v))), 0);
}

/**
 * The ceiling the first two sessions measured: a nine-column table with a 1.2 kB jsonb answer of
 * twelve synthetic trace entries, random UUID keys. Smaller than the real row; kept beside it so
 * the figures stay comparable with the earlier ones in docs/benchmarks.md.
 */
async function smallRowCeiling(db, url) {
  await db.query(`CREATE TABLE bare_settlements (id text PRIMARY KEY, person_id text NOT NULL, institution_id text NOT NULL,
      request_id text NOT NULL UNIQUE, date date NOT NULL, total_cost_fen bigint, fund_pay_fen bigint, cash_pay_fen bigint, result jsonb)`);
  const result = JSON.stringify({
    trace: Array.from({ length: 12 }, (_, i) => ({
      rule: 'R-D2',
      text: '基层普通门诊统筹按比例支付'.repeat(3),
      amount: i,
    })),
  });
  return pgbenchInserts(
    url,
    `INSERT INTO bare_settlements (id, person_id, institution_id, request_id, date, total_cost_fen, fund_pay_fen, cash_pay_fen, result)
     VALUES (gen_random_uuid()::text, 'DM' || (random() * 20000)::int, 'H0110000', gen_random_uuid()::text, '2026-03-01', 24000, 14000, 10000, '${result.replace(/'/g, "''")}'::jsonb);`,
  );
}

/**
 * The same full load against bench/http-floor-server.mjs: HTTP, the JSON body and the recorded
 * answer, with nothing behind them.
 */
async function httpFloor(answer) {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-floor-'));
  const answerFile = join(dir, 'answer.json');
  writeFileSync(answerFile, answer);
  const port = await freePort();
  const floorServer = join(root, 'bench/http-floor-server.mjs');
  const processes = workers ?? String(availableParallelism());
  let child;
  try {
    child = await startListening([floorServer, String(port), answerFile, processes], {}, port);
    await fullLoad(port, 'floor-warm', ['H0000000'], { duration: 2 });
    const floor = await fullLoad(port, 'floor', ['H0000000'], { duration: Math.min(seconds, 10) });
    return {
      requestsPerSecond: floor.settlementsPerSecond,
      p50: floor.p50,
      p99: floor.p99,
      driver: floor.driver,
    };
  } finally {
    if (child !== undefined) await stopServer(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Issue 3's goals against this run's figures: each with what was measured and whether it is met. */
function goals(report) {
  const met = (ok) => (ok ? 'met' : 'NOT met');
  const lines = [
    `>= 3,000 settlements/s sustained: ${report.fullLoad.settlementsPerSecond}/s, ${met(report.fullLoad.settlementsPerSecond >= 3000)}`,
    `p99 <= 50 ms at 1,000/s: ${Math.round(report.at1000.p99)} ms over 32 connections, ${Math.round(report.at1000Bursty.p99)} ms over 64, ${met(Math.max(report.at1000.p99, report.at1000Bursty.p99) <= 50)}`,
    `>= 50 % of the bare-insert ceiling: ${report.shareOfCeiling} % of the settlement row's, ${met(report.shareOfCeiling >= 50)}`,
  ];
  if (report.embedded !== undefined)
    lines.push(
      `embedded >= 500/s: ${report.embedded.settlementsPerSecond}/s, ${met(report.embedded.settlementsPerSecond >= 500)}`,
    );
  return lines;
}

/**
 * Requests made before a run, so the load generator does the same little work per request in
 * both arms: the body (a new requestId each), and for a signed run the x-yibao-* headers, signed
 * as docs/access.md says with the credential of the visit's institution (a new nonce each; the
 * timestamps stay well inside the 300 s window for a run of this length).
 */
function preparedRequests(run, institutions, count, credentials) {
  const requests = new Array(count);
  for (let n = 1; n <= count; n++) {
    const visit = demoVisit(n, institutions, persons);
    const body = JSON.stringify({ requestId: `bench-${run}-${n}`, ...visit });
    const headers =
      credentials === undefined
        ? { 'content-type': 'application/json' }
        : signedHeaders('POST', '/api/v1/settlements', body, credentials.get(visit.institutionId));
    requests[n - 1] = { body, headers };
  }
  return requests;
}

/** A full-load run with autocannon over prepared requests (never the same one twice). */
async function preparedLoad(port, requests, duration) {
  let next = 0;
  const statuses = {};
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/settlements',
        setupRequest: (req) => {
          const r = requests[next++];
          // Out of prepared requests: the run was faster than planned for; say so in the statuses.
          if (r === undefined) return { ...req, body: '{}', headers: { 'content-type': 'application/json' } };
          return { ...req, body: r.body, headers: r.headers };
        },
      },
    ],
  });
  instance.on('response', (_client, status) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  return { settlementsPerSecond: Math.round((statuses[201] ?? 0) / result.duration), statuses };
}

function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Issue 13: signed against open settlement throughput, on the same database and the same visits'
 * shape, alternating (open, signed), (signed, open), … so drift of the machine falls on both arms.
 * Each run starts its own server (`--open` or not) and warms it for 2 s.
 */
async function signingAB(runs) {
  const env = { DATABASE_URL: benchUrl };
  const probePort = await freePort();
  const probe = await startServer(workers === undefined ? [] : ['--workers', workers], env, probePort);
  // A few institutions, each with a credential of its own.
  const institutions = (await primaryInstitutions(probePort)).slice(
    0,
    Number(process.env.BENCH_SIGNING_INSTITUTIONS ?? 12),
  );
  await stopServer(probe);
  const credentials = new Map();
  for (const id of institutions) {
    const issued = JSON.parse(
      run(['credentials', 'issue', '--institution', id, '--label', 'bench', '--json'], env),
    );
    credentials.set(id, { keyId: issued.keyId, secret: issued.secret });
  }
  console.log(
    `signing A/B: ${runs} runs each, ${seconds} s, ${institutions.length} institutions with a credential each`,
  );
  const perRun = Math.max(20000, 9000 * seconds);
  const results = { open: [], signed: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['open', 'signed'] : ['signed', 'open'];
    for (const arm of order) {
      const port = await freePort();
      const server = await startServer(workers === undefined ? [] : ['--workers', workers], env, port, {
        open: arm === 'open',
      });
      const creds = arm === 'signed' ? credentials : undefined;
      await preparedLoad(port, preparedRequests(`${arm}-warm-${i}`, institutions, 20000, creds), 2);
      const measured = await preparedLoad(
        port,
        preparedRequests(`${arm}-${i}`, institutions, perRun, creds),
        seconds,
      );
      await stopServer(server);
      results[arm].push(measured.settlementsPerSecond);
      console.log(`${arm} #${i + 1}: ${measured.settlementsPerSecond}/s`, JSON.stringify(measured.statuses));
    }
  }
  const open = median(results.open);
  const signed = median(results.signed);
  const cost = Math.round((1000 * (open - signed)) / open) / 10;
  console.log(
    `SIGNING_AB ${JSON.stringify({ open: results.open, signed: results.signed, medianOpen: open, medianSigned: signed, costPercent: cost })}`,
  );
  console.log(
    `signing costs ${cost} % of settlement throughput (goal <= 5 %): ${cost <= 5 ? 'met' : 'NOT met'}`,
  );
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
    if (signingRuns > 0) {
      await signingAB(signingRuns);
      return;
    }
    const port = await freePort();
    const server = await startServer(
      workers === undefined ? [] : ['--workers', workers],
      { DATABASE_URL: benchUrl },
      port,
    );
    const institutions = await primaryInstitutions(port);
    await fullLoad(port, 'warm', institutions, { duration: 3 });
    report.fullLoad = await fullLoad(port, 'full', institutions);
    console.log('full load', report.fullLoad);
    if (fullOnly) {
      await stopServer(server);
      console.log(`FULL_ONLY ${JSON.stringify(report.fullLoad)}`);
      return;
    }
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
    const answer = (await db.query(`SELECT result::text AS answer FROM settlements LIMIT 1`)).rows[0].answer;
    report.ceiling = await settlementRowCeiling(db, benchUrl);
    console.log('bare insert ceiling, the settlement row as stored', report.ceiling);
    report.smallRowCeiling = await smallRowCeiling(db, benchUrl);
    console.log('bare insert ceiling, the earlier 1.2 kB synthetic row', report.smallRowCeiling);
    await db.end();
    report.shareOfCeiling = Math.round(
      (100 * report.fullLoad.settlementsPerSecond) / report.ceiling.insertsPerSecond,
    );
    report.shareOfSmallRowCeiling = Math.round(
      (100 * report.fullLoad.settlementsPerSecond) / report.smallRowCeiling.insertsPerSecond,
    );
    report.httpFloor = await httpFloor(answer);
    console.log('HTTP floor (no engine, no database)', report.httpFloor);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
    await admin.end();
  }

  // The embedded database: one process.
  if (skipEmbedded) {
    console.log(JSON.stringify(report, null, 2));
    console.log(goals(report).join('\n'));
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
    await fullLoad(port, 'pglite-warm', institutions, { duration: 2, population: embeddedPersons });
    report.embedded = await fullLoad(port, 'pglite', institutions, { population: embeddedPersons });
    console.log('embedded (PGlite) full load', report.embedded);
    await stopServer(server);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(report, null, 2));
  console.log(goals(report).join('\n'));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
