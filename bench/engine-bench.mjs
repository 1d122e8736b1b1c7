#!/usr/bin/env node
// `npm run bench`: the benefit engine's speed, printed side by side in one run —
//   1. in process: calculate() per visit on one core, trace included;
//   2. `yibao calc --ndjson` over the same visits, against a bare JSON read-and-write of the same lines;
//   3. the same visits' benefit lookups as a ZEN decision table (@gorules/zen-engine).
// Usage: node bench/engine-bench.mjs [--visits N]   (default 100000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calculate } from '@yibao/engine';
import { loadPolicyBook, repositoryPolicyDir } from '../packages/server/dist/policy/load.js';
import { randomVisits } from './random-visits.mjs';
import { zenBenefitDecision, lookupKey } from './zen-benefits.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = process.argv.indexOf('--visits');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;
const rate = (count, ms) => Math.round(count / (ms / 1000));
const fmt = (n) => n.toLocaleString('en-US');

console.log(
  `Yibao engine benchmark — ${fmt(N)} random visits, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
);
const book = loadPolicyBook(repositoryPolicyDir());
const visits = randomVisits(N);
const itemsPerVisit = visits.reduce((a, v) => a + v.items.length, 0) / N;
console.log(`average ${itemsPerVisit.toFixed(2)} items a visit`);

// 1. In process. One warm-up pass, then the best and median of five.
let check = 0;
for (const v of visits) check += calculate(book, v).trace.length;
const passes = [];
for (let p = 0; p < 5; p++) {
  const t = performance.now();
  for (const v of visits) check += calculate(book, v).trace.length;
  passes.push(rate(N, performance.now() - t));
}
passes.sort((a, b) => a - b);
const inProcess = passes[passes.length - 1];
console.log(
  `\n1. engine in process (one core, trace included): best ${fmt(inProcess)} visits/s, median ${fmt(passes[2])} visits/s  [goal ≥ 200,000]`,
);

// 2. The ndjson command against a bare JSON read-and-write of the same lines.
const dir = mkdtempSync(join(tmpdir(), 'yibao-bench-'));
const input = join(dir, 'visits.ndjson');
writeFileSync(input, visits.map((v) => JSON.stringify(v)).join('\n') + '\n');
function timeCommand(args) {
  const best = [];
  for (let p = 0; p < 3; p++) {
    const inFd = openSync(input, 'r');
    const outPath = join(dir, 'out.ndjson');
    const outFd = openSync(outPath, 'w');
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: [inFd, outFd, 'inherit'], cwd: root });
    const ms = performance.now() - t;
    closeSync(inFd);
    closeSync(outFd);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    best.push({ ms, bytes: statSync(outPath).size });
  }
  return best.sort((a, b) => a.ms - b.ms)[0];
}
const bare = timeCommand([join(root, 'bench', 'bare-ndjson.mjs')]);
const yibao = join(root, 'packages', 'server', 'bin', 'yibao.mjs');
const calc = timeCommand([yibao, 'calc', '--ndjson']);
const calcOne = timeCommand([yibao, 'calc', '--ndjson', '--threads', '1']);
console.log(
  `\n2. bare JSON read+write of the same lines (one thread): ${fmt(Math.round(bare.ms))} ms (${fmt(rate(N, bare.ms))} lines/s)`,
);
console.log(
  `   yibao calc --ndjson (worker per core): ${fmt(Math.round(calc.ms))} ms (${fmt(rate(N, calc.ms))} visits/s, ${fmt(Math.round(calc.bytes / 1e6))} MB out)  cost ${(calc.ms / bare.ms).toFixed(2)}×  [goal ≤ 2×]`,
);
console.log(
  `   yibao calc --ndjson --threads 1: ${fmt(Math.round(calcOne.ms))} ms (${fmt(rate(N, calcOne.ms))} visits/s)  cost ${(calcOne.ms / bare.ms).toFixed(2)}×`,
);
rmSync(dir, { recursive: true, force: true });

// 3. ZEN decision table for the benefit lookup only (rate, deductible, cap), same visits.
const region = book.regions.get('demo');
const { decision, ruleCount } = zenBenefitDecision(region);
const keys = visits.map(lookupKey);
for (let i = 0; i < 1000; i++) await decision.evaluate(keys[i]); // warm-up
let t = performance.now();
for (const k of keys) check += (await decision.evaluate(k)).result?.rate ?? 0;
const zenSequential = rate(N, performance.now() - t);
t = performance.now();
for (let i = 0; i < N; i += 1000) {
  const batch = await Promise.all(keys.slice(i, i + 1000).map((k) => decision.evaluate(k)));
  check += batch.length;
}
const zenBatched = rate(N, performance.now() - t);
const zenBest = Math.max(zenSequential, zenBatched);
console.log(
  `\n3. ZEN decision table (${ruleCount} rules), benefit lookup only: ${fmt(zenSequential)} lookups/s awaited one by one, ${fmt(zenBatched)} lookups/s in batches of 1,000`,
);
console.log(
  `   the engine's whole settlement (lines, gate, deductible, tier, cap, account, trace) vs ZEN's lookup alone: ${(inProcess / zenBest).toFixed(1)}× faster`,
);
console.log(`\n(checksum ${check})`);
