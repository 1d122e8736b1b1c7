#!/usr/bin/env node
// 目录导入压测: generates a 100,000-row catalogue (CSV, or the national TSV layout) and imports it
// into a fresh database — embedded PGlite in memory by default, PostgreSQL with DATABASE_URL (a
// throw-away schema) — then re-imports it with 1 % of the rows changed. Prints rows, file size and
// the time of each phase: read + preview, and apply (the import in one transaction). Target:
// apply of 100,000 rows ≤ 10 s (issue 12 §2).
//
//   npm run build && node bench/catalogue-import.mjs          # ROWS=100000 FORMAT=csv|national_tsv
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/server/dist');
const rows = Number(process.env.ROWS ?? 100_000);
const format = process.env.FORMAT === 'national_tsv' ? 'national_tsv' : 'csv';
const url = process.env.DATABASE_URL;

const { migrate } = await import(join(dist, 'db/migrate.js'));
const { openPglite } = await import(join(dist, 'db/pglite.js'));
const { openPostgres } = await import(join(dist, 'db/postgres.js'));
const { previewImport, applyImport } = await import(join(dist, 'catalogue/import/import.js'));

const DRUG_FORMS = ['片剂', '胶囊', '注射剂', '颗粒剂', '口服溶液'];

/** Row i of the generated catalogue; `bump` changes its payment limit (a second version). */
function row(i, bump) {
  const kind = i % 10 < 6 ? 'drug' : i % 10 < 9 ? 'service' : 'material';
  const cls = i % 7 === 0 ? 'self' : i % 3 === 0 ? 'B' : 'A';
  const price = ((i % 5000) + 100) / 10 + (bump ? 1 : 0);
  const code =
    kind === 'drug'
      ? `X${String(i).padStart(10, '0')}`
      : kind === 'service'
        ? String(100000000 + i)
        : `C${String(i).padStart(12, '0')}`;
  return {
    code,
    name: `${kind === 'drug' ? '药品' : kind === 'service' ? '项目' : '耗材'}${i}`,
    kind,
    cls,
    ratio: cls === 'B' ? '0.1' : '',
    limit: kind === 'service' ? '' : price.toFixed(2),
    price: kind === 'service' ? price.toFixed(2) : '',
    form: kind === 'drug' ? DRUG_FORMS[i % DRUG_FORMS.length] : '',
  };
}

function generate(changeEvery) {
  const lines = [];
  if (format === 'csv') {
    lines.push('code,name,kind,class,selfPayRatio,paymentLimit,priceStandard,dosageForm,validFrom');
    for (let i = 0; i < rows; i++) {
      const r = row(i, changeEvery > 0 && i % changeEvery === 0);
      lines.push([r.code, r.name, r.kind, r.cls, r.ratio, r.limit, r.price, r.form, '2026-01-01'].join(','));
    }
  } else {
    lines.push(
      'hilist_code\thilist_name\tlist_type\tchrgitm_lv\tselfpay_prop\thilist_pric_uplmt_amt\tyb_price\tdrug_dosform\tbegndate\tenddate\tvali_flag',
    );
    const type = { drug: '101', service: '201', material: '301' };
    const lv = { A: '01', B: '02', self: '03' };
    for (let i = 0; i < rows; i++) {
      const r = row(i, changeEvery > 0 && i % changeEvery === 0);
      lines.push(
        [
          r.code,
          r.name,
          type[r.kind],
          lv[r.cls],
          r.ratio,
          r.limit,
          r.price,
          r.form,
          '2026-01-01 00:00:00',
          '2099-12-31',
          '1',
        ].join('\t'),
      );
    }
  }
  return Buffer.from(lines.join('\n'));
}

async function open() {
  if (url === undefined || url === '') {
    const db = await openPglite();
    await migrate(db);
    return { db, kind: 'pglite', dispose: () => db.close() };
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = await openPostgres(url, { max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const db = await openPostgres(url, { schema, max: 2 });
  await migrate(db);
  return {
    db,
    kind: 'postgres',
    dispose: async () => {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

const who = { actor: 'bench', reason: 'catalogue import benchmark' };
const fileName = format === 'csv' ? 'bench.csv' : 'bench.tsv';
const { db, kind, dispose } = await open();
try {
  for (const [label, changeEvery] of [
    ['first import', 0],
    ['re-import, 1 % changed', 100],
  ]) {
    const t0 = performance.now();
    const bytes = generate(changeEvery);
    const t1 = performance.now();
    const preview = await previewImport(db, bytes, {
      fileName,
      effectiveFrom: changeEvery > 0 ? '2026-07-01' : '2026-01-01',
    });
    const t2 = performance.now();
    const result = await applyImport(
      db,
      bytes,
      { fileName, effectiveFrom: changeEvery > 0 ? '2026-07-01' : '2026-01-01' },
      who,
    );
    const t3 = performance.now();
    console.log(
      `${kind} ${format} ${label}: ${rows.toLocaleString('en')} rows, ${(bytes.length / 1e6).toFixed(1)} MB; ` +
        `generate ${((t1 - t0) / 1000).toFixed(2)} s, preview ${((t2 - t1) / 1000).toFixed(2)} s ` +
        `(added ${preview.added.length}, changed ${preview.changed.length}, unchanged ${preview.unchanged}), ` +
        `apply ${((t3 - t2) / 1000).toFixed(2)} s (added ${result.summary.added}, changed ${result.summary.changed})`,
    );
  }
} finally {
  await dispose();
}
