#!/usr/bin/env node
// The console's speed on a year of demo data: the dashboard endpoint's answer time (with the
// summary of migration 002, and the same figures computed straight from the settlements for
// comparison), and how long the built console takes to show the dashboard with its charts.
//
//   npx yibao demo --persons 5000 --visits 100000 --data /tmp/yibao-bench   # once, a few minutes
//   node bench/dashboard-bench.mjs --data /tmp/yibao-bench [--runs 20]
//
// Needs `npm run build` (server dist and console dist); the browser part needs /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { migrate } from '../packages/server/dist/db/migrate.js';
import { openPglite } from '../packages/server/dist/db/pglite.js';
import { build } from '../packages/server/dist/http/app.js';
import { defaultConsoleDir } from '../packages/server/dist/http/console-static.js';
import { repositoryPolicyDir } from '../packages/server/dist/policy/load.js';
import { loadPolicy } from '../packages/server/dist/settle/calculator.js';

const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dataDir = flag('data', undefined);
const runs = Number(flag('runs', '20'));
if (dataDir === undefined) {
  console.error(
    'usage: node bench/dashboard-bench.mjs --data DIR [--runs N]   (DIR made by `yibao demo --data DIR`)',
  );
  process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x) => `${x.toFixed(1)} ms`;

console.log(
  `Yibao console benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, PGlite ${dataDir}`,
);
const db = await openPglite(dataDir);
let t = performance.now();
const applied = await migrate(db);
console.log(
  `migrations applied now: [${applied.join(', ')}] in ${ms(performance.now() - t)} (002 summarises the settlements already there)`,
);
const [{ n, reversals }] = await db.query(
  'SELECT count(*)::int AS n, count(*) FILTER (WHERE reverses IS NOT NULL)::int AS reversals FROM settlements',
);
const [{ years }] = await db.query("SELECT string_agg(DISTINCT year::text, ', ') AS years FROM settlements");
console.log(`${n.toLocaleString('en-US')} settlements (${reversals} reversals), years ${years}`);

const policy = loadPolicy(repositoryPolicyDir());
const consoleDir = defaultConsoleDir();
const app = await build({
  db,
  calculate: policy.calculate,
  regions: policy.regions,
  policy,
  consoleDir,
  open: true,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.server.address().port}`;

// Each query: a first (cold) call, then `runs` timed calls over HTTP, as the console makes them.
const queries = [
  ['a year (2026)', '/api/v1/dashboard?from=2026-01-01&to=2026-12-31'],
  [
    'a year, one county',
    `/api/v1/dashboard?from=2026-01-01&to=2026-12-31&county=${encodeURIComponent('青山县')}`,
  ],
  ['two years (2025–2026)', '/api/v1/dashboard?from=2025-01-01&to=2026-12-31'],
  ['one month', '/api/v1/dashboard?from=2026-06-01&to=2026-06-30'],
  ['partial months (01-15 … 06-10)', '/api/v1/dashboard?from=2026-01-15&to=2026-06-10'],
  // The other reads the console's first pages make, on the same data.
  ['settlements, first page, newest first', '/api/v1/settlements?page=1&pageSize=20'],
  [
    'settlements of one institution and a month',
    '/api/v1/settlements?institutionId=H0110000&from=2026-06-01&to=2026-06-30&page=1&pageSize=20',
  ],
  ['settlements of one person', '/api/v1/settlements?personId=DM00000042&page=1&pageSize=20'],
  ['policy region with parameters', '/api/v1/policy/regions/demo'],
];
const rows = [];
for (const [name, path] of queries) {
  const timed = async () => {
    const start = performance.now();
    const res = await fetch(base + path);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    await res.json();
    return performance.now() - start;
  };
  const first = await timed();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await timed());
  rows.push({ name, first, median: median(times), p95: p95(times), max: Math.max(...times) });
}

// The same cube straight from the settlements (what the summary saves), timed in process.
const direct = [];
for (let i = 0; i < Math.min(5, runs); i++) {
  const start = performance.now();
  await db.query(`SELECT to_char(s.date, 'YYYY-MM'), coalesce(i.level, 'pharmacy'), p.scheme, s.benefit_group,
      s.reverses IS NOT NULL, count(*), sum(s.fund_pay_fen), sum(s.institution_borne_fen), sum(s.total_cost_fen)
    FROM settlements s JOIN institutions i ON i.id = s.institution_id JOIN persons p ON p.id = s.person_id
    WHERE s.date >= '2026-01-01' AND s.date <= '2026-12-31' GROUP BY 1, 2, 3, 4, 5`);
  direct.push(performance.now() - start);
}

console.log('\n| query | first call | median | p95 | max |');
console.log('|---|---|---|---|---|');
for (const r of rows)
  console.log(`| ${r.name} | ${ms(r.first)} | ${ms(r.median)} | ${ms(r.p95)} | ${ms(r.max)} |`);
console.log(
  `| (same year straight from settlements, no summary) | | ${ms(median(direct))} | | ${ms(Math.max(...direct))} |`,
);

// The console: a warm browser, a fresh profile each time (cold cache), navigation to the
// dashboard with all its charts drawn.
const chromiumPath = process.env.YIBAO_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath) || !existsSync(`${consoleDir}/index.html`)) {
  console.log(
    `\n(console load not measured: ${existsSync(chromiumPath) ? 'console not built' : `no Chromium at ${chromiumPath}`})`,
  );
} else {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const charts = ['chart-primary-share', 'chart-fund-level', 'chart-fund-scheme', 'chart-fund-group'];
  const load = async (context) => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page
      .locator('[data-testid="chart-primary-share"][data-rendered="true"]')
      .waitFor({ timeout: 30_000 });
    const firstChart = await page.evaluate(() => performance.now());
    for (const c of charts)
      await page.locator(`[data-testid="${c}"][data-rendered="true"]`).waitFor({ timeout: 30_000 });
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        rendered: performance.now(),
        domContentLoaded: nav.domContentLoadedEventEnd,
        firstContentfulPaint: fcp ? fcp.startTime : NaN,
        transferred:
          performance.getEntriesByType('resource').reduce((a, r) => a + (r.transferSize || 0), 0) +
          nav.transferSize,
      };
    });
    await page.close();
    return { ...timing, firstChart };
  };
  // One warm-up so the browser's own first-start costs are not counted as the console's.
  const warm = await browser.newContext();
  await load(warm);
  const cold = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    cold.push(await load(context));
    await context.close();
  }
  const again = [];
  for (let i = 0; i < 5; i++) again.push(await load(warm));
  await warm.close();
  await browser.close();
  const kb = Math.round(median(cold.map((c) => c.transferred)) / 1024);
  const row = (label, xs) =>
    `| ${label} | ${ms(median(xs.map((c) => c.domContentLoaded)))} | ${ms(median(xs.map((c) => c.firstContentfulPaint)))} | ${ms(median(xs.map((c) => c.firstChart)))} | ${ms(median(xs.map((c) => c.rendered)))} | ${ms(Math.max(...xs.map((c) => c.rendered)))} |`;
  console.log(
    '\n| console at / (medians of 5; times from navigation start) | DOMContentLoaded | first paint | monthly chart drawn | all charts drawn | all charts, worst |',
  );
  console.log('|---|---|---|---|---|---|');
  console.log(row(`fresh profile (cold cache, ${kb} KiB transferred)`, cold));
  console.log(row('same profile again (cached)', again));
}

await app.close();
await db.close();
