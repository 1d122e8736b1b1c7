// 医保目录 over HTTP (issue 12): one entry, search, versions and history, the catalogue versions and
// their diff, imports as a raw body (preview, apply, a bad file changing nothing), and per
// institution the approved items and the stock list with its old path as an alias.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { registerFixtures } from '../../testing/fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const metformin = {
  code: 'XA10BAA042A',
  name: '二甲双胍片',
  kind: 'drug',
  class: 'A',
  paymentLimit: 0.35,
  genericName: '二甲双胍',
  dosageForm: '片剂',
  volumeProcurement: true,
  validFrom: '2026-01-01',
};
const appendectomy = {
  code: '331003001',
  name: '阑尾切除术',
  kind: 'service',
  class: 'A',
  priceStandard: { tertiary: 3333.35 },
  stepDown: true,
  unit: '次',
  validFrom: '2026-01-01',
};
const consult = {
  code: '110200001',
  name: '普通门诊诊查费',
  kind: 'service',
  class: 'A',
  priceStandard: 10,
  validFrom: '2026-01-01',
};

const CSV_HEADER = 'code,name,kind,class,selfPayRatio,paymentLimit,validFrom';

describe.each(testDrivers())('catalogue routes on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
    await registerFixtures(t.app);
  });
  afterAll(async () => t.dispose());

  const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { 'x-yibao-actor': 'catalogue-officer' },
      ...(payload === undefined ? {} : { payload }),
    });
  const upload = (url: string, body: string | Buffer, contentType = 'text/csv') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { 'content-type': contentType, 'x-yibao-actor': 'importer' },
      payload: body,
    });

  it('adds an entry (201), answers the same body again unchanged (200), reads it by date', async () => {
    const first = await send('POST', '/catalogue', metformin);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      code: 'XA10BAA042A',
      class: 'A',
      paymentLimit: 0.35,
      priceStandard: null,
      volumeProcurement: true,
      validFrom: '2026-01-01',
      validTo: null,
    });
    const again = await send('POST', '/catalogue', metformin);
    expect(again.statusCode).toBe(200);
    expect(again.json().catalogueVersion).toBe(first.json().catalogueVersion);

    const read = await send('GET', '/catalogue/XA10BAA042A?date=2026-03-01');
    expect(read.statusCode).toBe(200);
    expect(read.json().name).toBe('二甲双胍片');
    expect((await send('GET', '/catalogue/XA10BAA042A?date=2025-12-31')).statusCode).toBe(404);
    expect((await send('GET', '/catalogue/NOPE?date=2026-03-01')).json().error.field).toBe('code');
    const bad = await send('GET', '/catalogue/XA10BAA042A?date=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('date');
  });

  it('derives the step-down levels and takes one number for every level', async () => {
    const surgery = await send('POST', '/catalogue', appendectomy);
    expect(surgery.statusCode).toBe(201);
    // Stored as given; the step-down is derived when a line is resolved (docs/catalogue.md).
    expect(surgery.json().priceStandard).toEqual({ primary: null, secondary: null, tertiary: 3333.35 });
    expect((await send('POST', '/catalogue', consult)).json().priceStandard).toEqual({
      primary: 10,
      secondary: 10,
      tertiary: 10,
    });
  });

  it('refuses what no record could make acceptable, naming the field', async () => {
    const ratioOnA = await send('POST', '/catalogue', { ...metformin, code: 'X1', selfPayRatio: 0.1 });
    expect(ratioOnA.statusCode).toBe(400);
    expect(ratioOnA.json().error.field).toBe('selfPayRatio');
    const unknownField = await send('POST', '/catalogue', { ...metformin, code: 'X2', colour: 'red' });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.field).toBe('colour');
    const impossible = await send('POST', '/catalogue', {
      ...metformin,
      code: 'X3',
      validFrom: '2026-13-01',
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.field).toBe('validFrom');
  });

  it('keeps versions and history: a later validFrom closes the version in force', async () => {
    const v2 = await send('POST', '/catalogue', { ...metformin, paymentLimit: 0.3, validFrom: '2026-07-01' });
    expect(v2.statusCode).toBe(201);
    const versions = (await send('GET', '/catalogue/XA10BAA042A/versions')).json();
    expect(versions.versions.map((v: Json) => [v.validFrom, v.validTo, v.paymentLimit])).toEqual([
      ['2026-01-01', '2026-06-30', 0.35],
      ['2026-07-01', null, 0.3],
    ]);
    expect(versions.history.map((h: Json) => h.actor)).toContain('open:catalogue-officer');
    expect((await send('GET', '/catalogue/XA10BAA042A?date=2026-06-30')).json().paymentLimit).toBe(0.35);
    expect((await send('GET', '/catalogue/NOPE/versions')).statusCode).toBe(404);
    // An earlier validFrom that does not restate the facts then in force is a conflict.
    const earlier = await send('POST', '/catalogue', {
      ...metformin,
      paymentLimit: 0.2,
      validFrom: '2026-03-01',
    });
    expect(earlier.statusCode).toBe(409);
  });

  it('searches by code or name in force on a date, paged', async () => {
    const byName = (await send('GET', `/catalogue?q=${encodeURIComponent('阑尾')}&date=2026-03-01`)).json();
    expect(byName.items.map((e: Json) => e.code)).toEqual(['331003001']);
    expect(byName.total).toBe(1);
    const services = (await send('GET', '/catalogue?kind=service&date=2026-03-01&pageSize=1')).json();
    expect(services).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(services.items).toHaveLength(1);
    const page2 = (await send('GET', '/catalogue?kind=service&date=2026-03-01&pageSize=1&page=2')).json();
    expect(page2.items[0].code).not.toBe(services.items[0].code);
    expect((await send('GET', '/catalogue?q=XA10&date=2025-01-01')).json().total).toBe(0);
  });

  it('previews an import without writing, applies it as one catalogue version, and diffs versions', async () => {
    const csv = [
      CSV_HEADER,
      'XA10BAA042A,二甲双胍片,drug,A,,0.30,2026-07-01', // changed: the file holds no generic name
      'XC10AAA158B,阿托伐他汀钙片,drug,B,0.1,1.20,2026-01-01', // added
      '110200001,普通门诊诊查费,service,B,0.05,,2026-01-01', // changed: class A → B (same validFrom)
    ].join('\n');
    const before = (await send('GET', '/catalogue-versions')).json<{ items: { id: string }[] }>().items;
    const preview = await upload('/catalogue-imports/preview?fileName=cat.csv&effectiveFrom=2026-01-01', csv);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.added).toEqual([{ line: 3, code: 'XC10AAA158B', name: '阿托伐他汀钙片' }]);
    const consultChange = p.changed.find((c: Json) => c.code === '110200001');
    expect(consultChange).toMatchObject({ line: 4, validFrom: '2026-01-01' });
    expect(consultChange.fields).toContainEqual({ field: 'selfPayRatio', before: null, after: 0.05 });
    expect(p.rejected).toEqual([]);
    expect((await send('GET', '/catalogue/XC10AAA158B?date=2026-03-01')).statusCode).toBe(404);

    const applied = await upload('/catalogue-imports?fileName=cat.csv&effectiveFrom=2026-01-01', csv);
    expect(applied.statusCode).toBe(201);
    const r = applied.json();
    expect(r.version).toMatchObject({ source: 'csv', fileName: 'cat.csv', actor: 'open:importer' });
    expect((await send('GET', '/catalogue/XC10AAA158B?date=2026-03-01')).json().selfPayRatio).toBe(0.1);

    const after = (await send('GET', '/catalogue-versions')).json().items;
    expect(after).toHaveLength(before.length + 1);
    const diff = await send(
      'GET',
      `/catalogue-versions/diff?from=${before.at(-1)?.id ?? ''}&to=${r.version.id}`,
    );
    expect(diff.statusCode).toBe(200);
    const d = diff.json();
    expect(d.added.map((e: Json) => e.code)).toEqual(['XC10AAA158B']);
    expect(d.changed.map((c: Json) => c.code)).toEqual(['110200001', 'XA10BAA042A']);
    expect((await send('GET', `/catalogue-versions/diff?from=NOPE&to=${r.version.id}`)).statusCode).toBe(404);
  });

  it('refuses a file with a rejected line whole: 400 with every rejected line, nothing written', async () => {
    const csv = [
      CSV_HEADER,
      'XJ01CAA040A,阿莫西林胶囊,drug,A,,0.50,2026-01-01',
      'XJ01CAA040A,阿莫西林胶囊,drug,A,,0.50,2026-01-01',
      'BAD1,某药,drug,Z,,,2026-01-01',
    ].join('\n');
    const count = (await send('GET', '/catalogue-versions')).json().items.length;
    const res = await upload('/catalogue-imports?fileName=bad.csv', csv);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.field).toBe('file');
    expect(body.preview.rejected.map((x: Json) => [x.line, x.field])).toEqual([
      [3, 'code'],
      [4, 'class'],
    ]);
    expect((await send('GET', '/catalogue/XJ01CAA040A')).statusCode).toBe(404);
    expect((await send('GET', '/catalogue-versions')).json().items).toHaveLength(count);

    const unreadable = await upload('/catalogue-imports/preview?fileName=x.csv', 'just,one\n');
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().error.field).toBe('file');
    const empty = await upload('/catalogue-imports/preview?fileName=x.csv', '');
    expect(empty.statusCode).toBe(400);
    const unreadableApply = await upload('/catalogue-imports?fileName=x.csv', 'just,one\n');
    expect(unreadableApply.statusCode).toBe(400);
    expect(unreadableApply.json().error.field).toBe('file');
    const badDate = await upload('/catalogue-imports?fileName=x.csv&effectiveFrom=2026-02-30', csv);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.field).toBe('effectiveFrom');
  });

  it('reads a national TSV sent as octet-stream', async () => {
    const tsv = [
      'hilist_code\thilist_name\tlist_type\tchrgitm_lv\tselfpay_prop\tbegndate\tenddate',
      'XR05CBA133A\t氨溴索口服溶液\t101\t02\t0.1\t2026-01-01 00:00:00\t2099-12-31 00:00:00',
    ].join('\n');
    const res = await upload(
      '/catalogue-imports/preview?fileName=hilist.txt&format=national_tsv',
      Buffer.from(tsv),
      'application/octet-stream',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      format: 'national_tsv',
      added: [{ line: 2, code: 'XR05CBA133A' }],
    });
  });

  it('records an institution’s approved service items, checked against the catalogue', async () => {
    expect((await send('GET', '/institutions/C001/approved-items')).json()).toEqual({
      institutionId: 'C001',
      codes: null,
    });
    const put = await send('PUT', '/institutions/C001/approved-items', {
      codes: ['331003001', '110200001'],
      date: '2026-03-01',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().codes).toEqual(['110200001', '331003001']);
    const drug = await send('PUT', '/institutions/C001/approved-items', {
      codes: ['XA10BAA042A'],
      date: '2026-03-01',
    });
    expect(drug.statusCode).toBe(400);
    expect(drug.json().error.field).toBe('codes[0]');
    expect((await send('PUT', '/institutions/NOPE/approved-items', { codes: [] })).statusCode).toBe(404);
    expect((await send('GET', '/institutions/C001/approved-items')).json().codes).toEqual([
      '110200001',
      '331003001',
    ]);
  });

  it('keeps the drug stock list at …/stock-list with …/catalogue as its alias', async () => {
    const body = { drugs: [{ code: 'XA10BAA042A', name: '二甲双胍片' }], services: [] };
    expect((await send('PUT', '/institutions/C001/stock-list', body)).statusCode).toBe(200);
    const viaOld = (await send('GET', '/institutions/C001/catalogue')).json();
    const viaNew = (await send('GET', '/institutions/C001/stock-list')).json();
    expect(viaNew).toEqual(viaOld);
    expect(viaNew.drugs.map((d: Json) => d.code)).toEqual(['XA10BAA042A']);
    expect((await send('GET', '/institutions/NOPE/stock-list')).statusCode).toBe(404);
  });

  it('describes the catalogue endpoints in the OpenAPI document (/docs)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, unknown>;
    }>();
    for (const path of [
      '/api/v1/catalogue',
      '/api/v1/catalogue/{code}',
      '/api/v1/catalogue/{code}/versions',
      '/api/v1/catalogue-versions',
      '/api/v1/catalogue-versions/diff',
      '/api/v1/catalogue-imports/preview',
      '/api/v1/catalogue-imports',
      '/api/v1/institutions/{id}/approved-items',
      '/api/v1/institutions/{id}/stock-list',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});
