import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDrivers, type TestDatabase } from '../db/testing.js';
import type { Database } from '../db/types.js';
import { Conflict, Invalid, NotFound } from '../domain/errors.js';
import { CatalogueCache } from './cache.js';
import { diffVersions } from './diff.js';
import { endEntry, entryVersions, putApprovedItems, putEntry, readEntryOn } from './entries.js';
import { applyImport, ImportRejected, previewImport } from './import/import.js';
import { checkInstitutionLine } from './institution-lists.js';
import { resolveLine } from './resolve.js';
import { searchEntries } from '../store/catalogue/entries.js';
import { resolveVisitLines } from './visit-lines.js';

const who = { actor: '目录科 李', reason: '2026 年目录' };

const CSV = [
  'code,name,kind,class,selfPayRatio,paymentLimit,priceStandard,priceTertiary,stepDown,validFrom',
  'XA10BAA042A,二甲双胍片,drug,A,,,,,,2026-01-01',
  'XC10AAA158B,阿托伐他汀钙片,drug,乙,10%,45.50,,,,2026-01-01',
  '110200001,普通门诊诊查费,service,A,,,10.00,,,2026-01-01',
  '330803001,经皮冠状动脉支架置入术,service,甲,,,,3333.35,是,2026-01-01',
].join('\n');

describe.each(testDrivers())('catalogue storage on $kind', (driver) => {
  let t: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    t = await driver.create();
    db = t.db;
    await db.query(
      `INSERT INTO institutions (id, name, type, level, county) VALUES ('C1', '城东社区卫生服务中心', 'community_centre', 'primary', 'east')`,
    );
  });
  afterAll(async () => t.dispose());

  it('imports a CSV after a preview, in one catalogue version', async () => {
    const options = { fileName: 'demo.csv', effectiveFrom: '2026-01-01' };
    const preview = await previewImport(db, Buffer.from(CSV), options);
    expect(preview.added.map((a) => a.line)).toEqual([2, 3, 4, 5]);
    expect(preview.rejected).toEqual([]);
    expect(await entryVersions(db, 'XA10BAA042A').catch((e: unknown) => e)).toBeInstanceOf(NotFound);
    const result = await applyImport(db, Buffer.from(CSV), options, who);
    expect(result.summary).toEqual({ added: 4, changed: 0, ended: 0 });
    const e = await readEntryOn(db, 'XC10AAA158B', '2026-03-01');
    expect(e).toMatchObject({
      class: 'B',
      selfPayRatio: 1000,
      paymentLimit: 4550,
      catalogueVersion: result.version.id,
    });
    const pci = await readEntryOn(db, '330803001', '2026-03-01');
    expect(pci.priceStandard).toEqual({ primary: null, secondary: null, tertiary: 333335 });
    // The same file again changes nothing.
    const again = await applyImport(db, Buffer.from(CSV), options, who);
    expect(again.summary).toEqual({ added: 0, changed: 0, ended: 0 });
    expect(again.preview.unchanged).toBe(4);
    expect((await searchEntries(db, '他汀', '2026-03-01')).map((e) => e.code)).toEqual(['XC10AAA158B']);
    expect((await searchEntries(db, '1102', '2026-03-01', { kind: 'service' })).map((e) => e.code)).toEqual([
      '110200001',
    ]);
    expect(await searchEntries(db, '他汀', '2025-03-01')).toEqual([]);
  });

  it('refuses a file with a bad line whole, naming line and field', async () => {
    const bad = `${CSV}\nXN02BEB016A,对乙酰氨基酚片,drug,A,,,,,,2026-02-30\nXC10AAA158B,重复,drug,A,,,,,,2026-01-01`;
    const preview = await previewImport(db, Buffer.from(bad), {
      fileName: 'bad.csv',
      effectiveFrom: '2026-01-01',
    });
    expect(preview.rejected).toMatchObject([
      { line: 6, code: 'XN02BEB016A', field: 'validFrom' },
      { line: 7, code: 'XC10AAA158B', field: 'code' },
    ]);
    const err = await applyImport(
      db,
      Buffer.from(bad),
      { fileName: 'bad.csv', effectiveFrom: '2026-01-01' },
      who,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    await expect(readEntryOn(db, 'XN02BEB016A', '2026-03-01')).rejects.toBeInstanceOf(NotFound);
    const noColumns = await previewImport(db, Buffer.from('code,name\nX,Y'), {
      fileName: 'x.csv',
      effectiveFrom: '2026-01-01',
    }).catch((e: unknown) => e);
    expect(noColumns).toMatchObject({ field: 'file', code: 'missing_columns' });
  });

  it('keeps dated versions with history; the same body twice changes nothing', async () => {
    const body = {
      code: 'XC10AAA158B',
      name: '阿托伐他汀钙片',
      kind: 'drug',
      class: 'B',
      selfPayRatio: 0.1,
      paymentLimit: 40,
      validFrom: '2026-07-01',
    };
    const first = await putEntry(db, body, '2026-06-15', { actor: '李', reason: '集采降价' });
    expect(first.action).toBe('changed');
    expect((await putEntry(db, body, '2026-06-15', { actor: '李', reason: '再次' })).action).toBe(
      'unchanged',
    );
    expect((await readEntryOn(db, 'XC10AAA158B', '2026-06-30')).paymentLimit).toBe(4550);
    expect((await readEntryOn(db, 'XC10AAA158B', '2026-07-01')).paymentLimit).toBe(4000);
    const { versions, history } = await entryVersions(db, 'XC10AAA158B');
    expect(versions.map((v) => [v.validFrom, v.validTo])).toEqual([
      ['2026-01-01', '2026-06-30'],
      ['2026-07-01', null],
    ]);
    expect(history.map((h) => [h.action, h.actor])).toEqual([
      ['added', '目录科 李'],
      ['ended', '李'],
      ['changed', '李'],
    ]);
    const err = await putEntry(
      db,
      { ...body, paymentLimit: 1, validFrom: '2026-03-01' },
      '2026-06-15',
      who,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Conflict);
    const bad = await putEntry(db, { ...body, validFrom: '2026-02-30' }, '2026-06-15', who).catch(
      (e: unknown) => e,
    );
    expect(bad).toMatchObject({ field: 'validFrom' });
    expect(bad).toBeInstanceOf(Invalid);
    const diff = await diffVersions(db, versions[0]?.catalogueVersion ?? '', first.catalogueVersion ?? '');
    expect(diff.changed).toMatchObject([
      { code: 'XC10AAA158B', fields: [{ field: 'paymentLimit', before: 4550, after: 4000 }] },
    ]);
  });

  it('ends an entry, and a cache sees every change', async () => {
    const cache = new CatalogueCache(db, { maxAgeMs: 0 });
    await cache.refresh();
    expect(cache.entryOn('XA10BAA042A', '2026-12-31')?.class).toBe('A');
    expect(cache.entryOn('XA10BAA042A', '2025-12-31')).toBeUndefined();
    // Another process's change (no invalidate here): the generation moved.
    await endEntry(db, 'XA10BAA042A', '2026-09-30', who);
    await cache.refresh();
    expect(cache.entryOn('XA10BAA042A', '2026-09-30')).toBeDefined();
    expect(cache.entryOn('XA10BAA042A', '2026-10-01')).toBeUndefined();
    expect(
      resolveLine(
        { code: 'XA10BAA042A', kind: 'drug', quantity: 1, unitPrice: 12, class: 'A' },
        cache.entryOn('XA10BAA042A', '2026-10-01'),
        'primary',
      ).item.class,
    ).toBe('self');
  });

  it('holds approved items and reads the stock list from the old table', async () => {
    const cache = new CatalogueCache(db, { maxAgeMs: 0 });
    expect(await cache.listsOf('C1')).toEqual({ approvedServices: null, stockDrugs: null });
    await putApprovedItems(db, 'C1', ['110200001'], '2026-03-01', who, cache);
    await db.query(
      `INSERT INTO institution_catalogue (institution_id, list, code, name) VALUES ('C1', 'drug', 'XA10BAA042A', '二甲双胍片')`,
    );
    const lists = await cache.listsOf('C1');
    expect([...(lists.approvedServices ?? [])]).toEqual(['110200001']);
    expect([...(lists.stockDrugs ?? [])]).toEqual(['XA10BAA042A']);
    expect(checkInstitutionLine(lists, 'service', '330803001')?.refusedBy).toBe('R-D10');
    await expect(putApprovedItems(db, 'C1', ['XA10BAA042A'], '2026-03-01', who)).rejects.toMatchObject({
      field: 'codes[0]',
    });
    await expect(putApprovedItems(db, 'NOPE', [], '2026-03-01', who)).rejects.toBeInstanceOf(NotFound);
  });

  it('imports the national TSV layout and .xlsx', async () => {
    const tsv = [
      'hilist_code\thilist_name\tlist_type\tchrgitm_lv\tselfpay_prop\thilist_pric_uplmt_amt\tbegndate\tenddate\tvali_flag\tlmt_used_flag\tyb_restricted_scope',
      'XJ01DHM001B\t美罗培南注射剂\t101\t02\t0.2\t\t2026-01-01 00:00:00\t2099-12-31\t1\t1\t限二级及以上医疗机构重症感染',
      'XX0000000000\t作废\t101\t01\t0\t\t20260101\t\t0\t0\t',
      'HC0301\t一次性输液器\t301\t01\t0\t5.00\t20260101\t\t1\t0\t',
    ].join('\n');
    const r = await applyImport(
      db,
      Buffer.from(tsv),
      { fileName: 'hilist.tsv', effectiveFrom: '2026-01-01' },
      who,
    );
    expect(r.preview.skipped).toMatchObject([{ line: 3 }]);
    expect(r.summary.added).toBe(2);
    expect(await readEntryOn(db, 'XJ01DHM001B', '2026-05-01')).toMatchObject({
      class: 'B',
      selfPayRatio: 2000,
      validTo: null,
      restrictedScope: '限二级及以上医疗机构重症感染',
    });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('目录');
    sheet.addRow(['编码', '名称', '类别', '甲乙类', '价格标准', '开始日期', '基本公共卫生']);
    sheet.addRow([
      'PH0002',
      '65岁及以上老年人健康体检',
      '医疗服务',
      '甲',
      50,
      new Date(Date.UTC(2026, 0, 1)),
      '是',
    ]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const x = await applyImport(db, bytes, { fileName: 'ph.xlsx', effectiveFrom: '2026-01-01' }, who);
    expect(x.summary.added).toBe(1);
    expect(await readEntryOn(db, 'PH0002', '2026-01-01')).toMatchObject({
      publicHealth: true,
      priceStandard: { primary: 5000 },
    });
  });

  it('ends codes a full catalogue no longer lists', async () => {
    const csv =
      'code,name,kind,class,paymentLimit\nHC0301,一次性输液器,material,A,5.00\nHC1102,进口留置针,material,B,';
    const p = await previewImport(db, Buffer.from(csv), {
      fileName: 'm.csv',
      effectiveFrom: '2027-01-01',
      endMissing: true,
    });
    expect(p.added.map((a) => a.code)).toEqual(['HC1102']);
    expect(p.ended).toEqual([]); // HC0301 still listed, nothing else of kind material
    expect(p.unchanged).toBe(1);
    const drugs = 'code,name,kind,class\nXJ01DHM001B,美罗培南注射剂,drug,B';
    const q = await previewImport(db, Buffer.from(drugs), {
      fileName: 'd.csv',
      effectiveFrom: '2027-01-01',
      endMissing: true,
    });
    expect(q.ended.map((e) => e.code).sort()).toEqual(['XC10AAA158B']);
    expect(q.changed.map((c) => c.code)).toEqual(['XJ01DHM001B']); // restricted scope dropped in this file
  });
});

describe.each(testDrivers())('a visit resolved against the catalogue on $kind', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await driver.create();
    await t.db.query(
      `INSERT INTO institutions (id, name, type, level, county) VALUES ('C1', '社区中心', 'community_centre', 'primary', 'east'), ('H3', '三甲', 'general_hospital', 'tertiary', 'east')`,
    );
    await applyImport(t.db, Buffer.from(CSV), { fileName: 'demo.csv', effectiveFrom: '2026-01-01' }, who);
  });
  afterAll(async () => t.dispose());

  it('takes facts from the catalogue and refuses what the institution may not bill (R-D10)', async () => {
    const cache = new CatalogueCache(t.db);
    await putApprovedItems(t.db, 'C1', ['110200001'], '2026-03-01', who, cache);
    const lines = [
      {
        code: '110200001',
        name: '诊查费',
        kind: 'service' as const,
        quantity: 1,
        unitPrice: 10,
        class: 'self',
      },
      { code: '330803001', name: 'PCI', kind: 'service' as const, quantity: 1, unitPrice: 3000 },
      { code: 'NOT-LISTED', name: '保健品', kind: 'drug' as const, quantity: 1, unitPrice: 30, class: 'A' },
    ];
    const atCentre = await resolveVisitLines(cache, lines, {
      date: '2026-03-01',
      institutionId: 'C1',
      level: 'primary',
    });
    expect(atCentre.map((l) => [l.item.class, l.item.refusedBy ?? null])).toEqual([
      ['A', null],
      ['A', 'R-D10'],
      ['self', null],
    ]);
    expect(atCentre[1]?.item.priceStandard).toBe(2700.02);
    expect(atCentre[2]?.notes[0]).toContain('目录外');
    const atHospital = await resolveVisitLines(cache, lines, {
      date: '2026-03-01',
      institutionId: 'H3',
      level: 'tertiary',
    });
    expect(atHospital.map((l) => l.item.refusedBy ?? null)).toEqual([null, null, null]);
    expect(atHospital[1]?.item.priceStandard).toBe(3333.35);
  });
});
