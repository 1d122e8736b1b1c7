#!/usr/bin/env node
// 事后 batch runs on stored settlements (issue 15 §3's speed goals): a full run over a year of N
// settlements, then the incremental run over one day after that day's settlements are stored, and
// the same run again with nothing new. The settlements are written straight into a throw-away
// schema of the local PostgreSQL by generate_series, shaped as the settlement service stores them
// (the columns, `lines`, `visit` and the resolved `request` that store/supervision/facts.ts reads):
// settling a million visits through the service first would take longer than the run measured.
// A mix: outpatient visits with a dispensed drug (days 7–14), an exam line every 10th, a stay every
// 25th, a pharmacy purchase every 9th (a third of them by proxy), 1 person in 5 under a family-doctor
// contract with one of 20 centres; a person's settlements spread over the year, so most are clean
// and every rule still compares each of a person's settlements with the others.
//
//   npm run build && BENCH_SETTLEMENTS=200000 node bench/supervision-bench.mjs
//   (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; the schema is dropped after)
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/server/dist');
const { openPostgres } = await import(join(dist, 'db/postgres.js'));
const { migrate } = await import(join(dist, 'db/migrate.js'));
const { loadPolicy } = await import(join(dist, 'settle/calculator.js'));
const { repositoryPolicyDir } = await import(join(dist, 'policy-release/load.js'));
const { supervisedRegion } = await import(join(dist, 'supervision/library.js'));
const { prepareRun } = await import(join(dist, 'supervision/run.js'));

const N = Number(process.env.BENCH_SETTLEMENTS ?? 100_000);
const PER_PERSON = Number(process.env.BENCH_PER_PERSON ?? 10); // settlements a person a year
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const schema = `bench_sup_${randomBytes(4).toString('hex')}`;
const persons = Math.max(1, Math.round(N / PER_PERSON));

const admin = await openPostgres(url, { max: 1 });
await admin.exec(`CREATE SCHEMA ${schema}`);
const db = await openPostgres(url, { schema, max: 8 });
const seconds = (t) => ((performance.now() - t) / 1000).toFixed(1);

/** Settlements g in [first, last], person and date from g; `stored` is created_at's SQL. */
const settlementsSql = (first, last, date, stored) => `
INSERT INTO settlements (id, person_id, institution_id, request_id, request_hash, date, year, visit_kind, benefit_group,
  policy_version, policy_hash, total_cost_fen, full_self_pay_fen, over_limit_self_pay_fen, first_self_pay_fen,
  in_scope_fen, deductible_fen, fund_pay_fen, pooled_self_pay_fen, over_cap_fen, institution_borne_fen,
  personal_part_fen, account_pay_fen, cash_pay_fen, ytd_delta, visit, result, lines, request, created_at)
SELECT 'S' || lpad(g::text, 10, '0'), 'P' || (1 + g % ${persons}), inst, 'r' || g, 'h', d, 2026, kind,
  CASE WHEN kind IN ('outpatient', 'pharmacy') THEN 'general_outpatient' ELSE kind END, '2026', 'bench',
  cost, 0, 0, 0, cost, 0, fund, cost - fund, 0, 0, cost - fund, 0, cost - fund, '{}'::jsonb,
  jsonb_build_object('kind', kind), '{}'::json, lines, request, ${stored}
FROM (
  SELECT g, d, kind, inst, cost, (cost * 6 / 10) AS fund, lines,
    json_build_object('person', json_build_object('scheme', 'resident'),
      'visit', json_build_object('kind', kind, 'diagnosis', diag,
        'admissionDate', CASE WHEN kind = 'inpatient' THEN (d - 4)::text END,
        'proxy', kind = 'pharmacy' AND g % 3 = 0, 'referral', NULL),
      'items', json_build_array(json_build_object('class', 'A'), json_build_object('class', 'A', 'days', 7 + g % 8))) AS request
  FROM (
    SELECT g, d, kind, diag,
      CASE kind WHEN 'inpatient' THEN 'H' || (1 + g % 5) WHEN 'pharmacy' THEN 'D1' ELSE 'C' || (1 + g % 20) END AS inst,
      CASE kind WHEN 'inpatient' THEN 300000 ELSE 8000 END AS cost,
      json_build_array(
        json_build_object('line_no', 1, 'code', CASE WHEN g % 10 = 0 THEN '210103001' ELSE '110200001' END,
          'kind', 'service', 'class', 'A', 'in_scope_fen', 2000, 'total_fen', 2000),
        json_build_object('line_no', 2, 'code', 'XC08CAA001A', 'kind', 'drug', 'class', 'A',
          'in_scope_fen', 6000, 'total_fen', 6000, 'days', 7 + g % 8, 'refused_by', NULL)) AS lines
    FROM (
      SELECT g, ${date} AS d,
        CASE WHEN g % 25 = 0 THEN 'inpatient' WHEN g % 9 = 0 THEN 'pharmacy' ELSE 'outpatient' END AS kind,
        'J18.' || (g % 3) AS diag
      FROM generate_series(${first}, ${last}) AS g
    ) a
  ) b
) c`;

try {
  await migrate(db);
  console.log(
    `Yibao supervision benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, PostgreSQL schema ${schema}`,
  );
  let t = performance.now();
  await db.query(`INSERT INTO institutions (id, name, type, level, county)
    SELECT 'C' || g, '社区中心' || g, 'community_centre', 'primary', '区' || (g % 4) FROM generate_series(1, 20) g
    UNION ALL SELECT 'H' || g, '医院' || g, 'general_hospital', 'secondary', '区' || (g % 4) FROM generate_series(1, 5) g
    UNION ALL SELECT 'D1', '药房', 'pharmacy', NULL, '区0'`);
  await db.query(`INSERT INTO persons (id, name, scheme, category, region)
    SELECT 'P' || g, '参保人' || g, 'resident', 'adult', 'demo' FROM generate_series(1, ${persons}) g`);
  await db.query(`INSERT INTO family_doctor_contracts (id, person_id, community_centre_id, doctor, identity_verified, valid_from, valid_to)
    SELECT 'K' || g, 'P' || g, 'C' || (1 + g % 20), '医生' || (g % 20), true, '2026-01-01', '2026-12-31'
    FROM generate_series(1, ${persons}, 5) g`);
  // A year: person g mod P's k-th settlement (k = g div P) about every 364/PER_PERSON days, a little
  // jitter by g, so most settlements are clean and the rules still compare every pair; stored an hour ago.
  const chunk = 200_000;
  for (let first = 1; first <= N; first += chunk)
    await db.query(
      settlementsSql(
        first,
        Math.min(N, first + chunk - 1),
        `date '2026-01-01' + ((g / ${persons}) * ${Math.floor(364 / PER_PERSON)} + g % 11) % 364`,
        `now() - interval '1 hour'`,
      ),
    );
  await db.exec('ANALYZE');
  console.log(
    `${N.toLocaleString('en-US')} settlements of ${persons.toLocaleString('en-US')} persons stored in ${seconds(t)} s`,
  );

  const policy = loadPolicy(repositoryPolicyDir());
  const region = supervisedRegion(policy.book);
  const run = async (label, from, to, full) => {
    const started = performance.now();
    const prepared = await prepareRun(db, region, { from, to, runOn: '2027-01-05', full }, 'bench');
    let total = 0;
    const raised = await prepared.execute((_done, n) => {
      total = n;
    });
    const s = (performance.now() - started) / 1000;
    console.log(
      `${label}: ${s.toFixed(1)} s, ${total.toLocaleString('en-US')} persons judged, ${raised.toLocaleString('en-US')} alerts raised` +
        `${prepared.incremental ? ' (incremental)' : ''}`,
    );
    return s;
  };
  const full = await run('full run over 2026', '2026-01-01', '2026-12-31', true);
  // One more day: its settlements stored now (a day's share of the year), then the incremental run.
  const day = Math.max(1, Math.round(N / 364));
  await db.query(settlementsSql(N + 1, N + day, `date '2026-12-31'`, 'now()'));
  const incremental = await run(
    `one day (${day.toLocaleString('en-US')} new settlements)`,
    '2026-12-31',
    '2026-12-31',
    false,
  );
  const again = await run('the same day again, nothing new', '2026-12-31', '2026-12-31', false);
  console.log(
    JSON.stringify({
      settlements: N,
      persons,
      fullSeconds: full,
      perSecond: Math.round(N / full),
      oneDaySeconds: incremental,
      againSeconds: again,
    }),
  );
} finally {
  await db.close();
  if (process.env.BENCH_KEEP === '1') console.log(`kept schema ${schema}`);
  else await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
  await admin.close();
}
