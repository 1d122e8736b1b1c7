#!/usr/bin/env node
// What the 事中 rules (F-01…F-07) cost the engine: the same random visits calculated with the demo
// region's rules and with its rule list emptied, alternately in one process (the machine's speed
// drifts from minute to minute: alternation cancels it), seven passes each, medians of CPU time.
//   npm run build && node bench/supervision-ab.mjs [--visits N]
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--visits');
const N = at >= 0 ? Number(process.argv[at + 1]) : 30_000;
const load = (path) => import(pathToFileURL(join(root, path)).href);
const { calculate } = await load('packages/engine/dist/index.js');
const { loadPolicyBook } = await load('packages/server/dist/policy-release/load.js');
const { randomVisits } = await load('bench/random-visits.mjs');

const withRules = loadPolicyBook(join(root, 'policy'));
const withoutRules = {
  ...withRules,
  regions: new Map(
    [...withRules.regions].map(([code, r]) => [code, { ...r, supervision: { ...r.supervision, rules: [] } }]),
  ),
};
const visits = randomVisits(N);

let refused = 0;
for (const v of visits) refused += calculate(withRules, v).items.filter((i) => i.refusedBy).length;

/** Visits per second of this process's CPU for one pass. */
function pass(book) {
  const c = process.cpuUsage();
  for (const v of visits) calculate(book, v);
  const used = process.cpuUsage(c);
  return Math.round(N / ((used.user + used.system) / 1e6));
}
pass(withRules);
pass(withoutRules); // warm both
const a = [];
const b = [];
for (let i = 0; i < 7; i++) {
  a.push(pass(withRules));
  b.push(pass(withoutRules));
}
const median = (xs) => [...xs].sort((x, y) => x - y)[3];
const cost = (1 - median(a) / median(b)) * 100;
console.log(
  `with rules ${median(a)} visits/s of CPU\twithout ${median(b)}\tcost ${cost.toFixed(1)} %\t` +
    `(medians of 7; ${N} visits, ${refused} lines refused)`,
);
