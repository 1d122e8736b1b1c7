#!/usr/bin/env node
// The engine's in-process speed for one checkout, for A/B comparisons of two builds of the engine
// (e.g. the trace's parameter citations against the commit before them). Run it alternately
// against both checkouts, at least five times each, and compare medians (docs/benchmarks.md):
//   node bench/engine-ab.mjs [ROOT] [--visits N]
// ROOT is a checkout whose packages are built (default: this one). Prints one line:
// visits/s median of five passes after a warm-up, and the trace's average length in events.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const visitsAt = args.indexOf('--visits');
const N = visitsAt >= 0 ? Number(args[visitsAt + 1]) : 50_000;
const root = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--visits') ?? here);
const load = (path) => import(pathToFileURL(join(root, path)).href);

const { calculate } = await load('packages/engine/dist/index.js');
const { loadPolicyBook } = await load('packages/server/dist/policy-release/load.js');
// The visits from this checkout, so both builds of an A/B settle the very same requests.
const { randomVisits } = await import(pathToFileURL(join(here, 'bench/random-visits.mjs')).href);
const book = loadPolicyBook(join(root, 'policy'));
const visits = randomVisits(N);

let events = 0;
for (const v of visits) events += calculate(book, v).trace.length;
// Wall time and this process's CPU time per pass: on a shared machine the CPU time is the steadier
// of the two (time spent waiting for a core is not counted), so both are printed.
const wall = [];
const cpu = [];
for (let p = 0; p < 5; p++) {
  const t = performance.now();
  const c = process.cpuUsage();
  for (const v of visits) calculate(book, v);
  const used = process.cpuUsage(c);
  wall.push(Math.round(N / ((performance.now() - t) / 1000)));
  cpu.push(Math.round(N / ((used.user + used.system) / 1e6)));
}
const median = (xs) => xs.sort((a, b) => a - b)[2];
console.log(
  `${root}\t${median(wall)} visits/s wall\t${median(cpu)} visits/s of CPU\t(medians of 5)\t${(events / N).toFixed(1)} events a visit`,
);
