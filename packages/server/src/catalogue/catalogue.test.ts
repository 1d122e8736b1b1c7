import { describe, expect, it } from 'vitest';
import { parseRequest } from '@yibao/engine';
import { Invalid } from '../domain/errors.js';
import { checkInstitutionLine, NO_LISTS } from './institution-lists.js';
import { planEnd, planEntry } from './plan.js';
import { priceAtLevel, stepDownOnce } from './price.js';
import { claimNotes, resolveLine } from './resolve.js';
import type { CatalogueEntryInput } from './types.js';
import { isCalendarDate, validateEntry } from './validate.js';
import { loadPolicyBook, repositoryPolicyDir } from '../policy-release/load.js';

const drug: CatalogueEntryInput = {
  code: 'XC10AAA158B',
  name: '阿托伐他汀钙片',
  kind: 'drug',
  class: 'B',
  selfPayRatio: 0.1,
  paymentLimit: 45.5,
  genericName: '阿托伐他汀钙',
  dosageForm: '片剂',
  volumeProcurement: true,
  validFrom: '2026-01-01',
};
const pci: CatalogueEntryInput = {
  code: '330803001',
  name: '经皮冠状动脉支架置入术',
  kind: 'service',
  class: 'A',
  stepDown: true,
  priceStandard: { tertiary: 3333.35 },
  unit: '次',
  validFrom: '2026-01-01',
};

describe('validateEntry', () => {
  it('converts to fen and ten-thousandths', () => {
    const e = validateEntry(drug, 'v1');
    expect(e).toMatchObject({
      selfPayRatio: 1000,
      paymentLimit: 4550,
      volumeProcurement: true,
      validTo: null,
    });
  });
  it.each([
    [{ ...drug, validFrom: '2026-02-30' }, 'validFrom'],
    [{ ...drug, validTo: '2025-12-31' }, 'validTo'],
    [{ ...drug, class: 'C' }, 'class'],
    [{ ...drug, kind: 'food' }, 'kind'],
    [{ ...drug, selfPayRatio: 1.5 }, 'selfPayRatio'],
    [{ ...drug, class: 'A' }, 'selfPayRatio'],
    [{ ...drug, paymentLimit: 1.234 }, 'paymentLimit'],
    [{ ...drug, priceStandard: 10 }, 'priceStandard'],
    [{ ...drug, publicHealth: true }, 'publicHealth'],
    [{ ...drug, code: '' }, 'code'],
    [{ ...drug, code: 'a b' }, 'code'],
    [{ ...pci, volumeProcurement: true }, 'volumeProcurement'],
    [{ ...pci, stepDown: false }, 'priceStandard.primary'],
    [{ ...pci, priceStandard: { quaternary: 1 } }, 'priceStandard.quaternary'],
    [{ ...pci, fixedSelfPay: true }, 'fixedSelfPay'],
  ] as [CatalogueEntryInput, string][])('refuses %# naming %s', (input, field) => {
    try {
      validateEntry(input, 'v1');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(Invalid);
      expect((err as Invalid).field).toBe(field);
    }
  });
  it('knows real calendar days', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
  });
});

describe('price by level (R-C11)', () => {
  it('steps down 10 % per level from the level above, half up to the fen', () => {
    const p = validateEntry(pci, 'v1').priceStandard;
    expect(priceAtLevel(p, true, 'tertiary')).toEqual({ fen: 333335, source: 'catalogue' });
    // 333335 × 0.9 = 300001.5 → 300002; × 0.9 = 270001.8 → 270002
    expect(priceAtLevel(p, true, 'secondary')).toEqual({
      fen: 300002,
      source: 'derived_step_down',
      from: 'tertiary',
      steps: 1,
    });
    expect(priceAtLevel(p, true, 'primary')).toEqual({
      fen: 270002,
      source: 'derived_step_down',
      from: 'tertiary',
      steps: 2,
    });
    expect(stepDownOnce(5)).toBe(5); // 4.5 → 5
    expect(stepDownOnce(15)).toBe(14); // 13.5 → 14
  });
  it('uses an explicit lower level over the derivation', () => {
    const p = validateEntry({ ...pci, priceStandard: { tertiary: 1000, primary: 700 } }, 'v1').priceStandard;
    expect(priceAtLevel(p, true, 'primary')).toEqual({ fen: 70000, source: 'catalogue' });
    expect(priceAtLevel(p, true, 'secondary').fen).toBe(90000);
  });
  it('derives nothing for other items', () => {
    expect(priceAtLevel({ primary: null, secondary: null, tertiary: 100 }, false, 'primary')).toEqual({
      fen: null,
      source: 'none',
    });
  });
});

describe('resolveLine', () => {
  const line = { code: 'XC10AAA158B', name: '阿托伐他汀', kind: 'drug' as const, quantity: 2, unitPrice: 30 };
  it('takes every fact from the catalogue and sets the caller claims aside', () => {
    const r = resolveLine(
      { ...line, class: 'A', selfPayRatio: 0, paymentLimit: 99, fixedSelfPay: false },
      validateEntry(drug, 'v1'),
      'tertiary',
    );
    expect(r.item).toEqual({
      code: 'XC10AAA158B',
      name: '阿托伐他汀',
      kind: 'drug',
      class: 'B',
      selfPayRatio: 0.1,
      quantity: 2,
      unitPrice: 30,
      priceStandard: null,
      paymentLimit: 45.5,
      consent: false,
      publicHealth: false,
      fixedSelfPay: false,
    });
    expect(r.facts.filter((f) => 'claimed' in f).map((f) => f.field)).toEqual([
      'class',
      'selfPayRatio',
      'paymentLimit',
    ]);
    expect(claimNotes(r)[0]).toContain('不予采信');
    expect(r.entry).toEqual({
      code: 'XC10AAA158B',
      validFrom: '2026-01-01',
      catalogueVersion: 'v1',
      name: '阿托伐他汀钙片',
    });
  });
  it('makes a code without an entry 目录外: fully self-paid, consent as sent', () => {
    const r = resolveLine({ ...line, class: 'A', consent: true }, undefined, 'primary');
    expect(r.entry).toBeNull();
    expect(r.item).toMatchObject({ class: 'self', selfPayRatio: null, paymentLimit: null, consent: true });
    expect(r.facts.find((f) => f.field === 'class')).toEqual({
      field: 'class',
      used: 'self',
      source: 'out_of_catalogue',
      claimed: 'A',
    });
  });
  it('prices a pharmacy at primary and says when the price was derived', () => {
    const r = resolveLine(
      { code: '330803001', kind: 'service', quantity: 1, unitPrice: 3000 },
      validateEntry(pci, 'v1'),
      null,
    );
    expect(r.priceLevel).toBe('primary');
    expect(r.item.priceStandard).toBe(2700.02);
    expect(r.item.name).toBe('经皮冠状动脉支架置入术');
    expect(r.facts.find((f) => f.field === 'priceStandard')?.source).toBe('derived_step_down');
  });
  it('yields an item the engine parser accepts as is', () => {
    const book = loadPolicyBook(repositoryPolicyDir());
    const r = resolveLine(line, validateEntry(drug, 'v1'), 'primary');
    const parsed = parseRequest(book, {
      region: 'demo',
      date: '2026-03-01',
      person: { scheme: 'resident', category: 'adult' },
      institution: { level: 'primary', type: 'community_centre' },
      visit: { kind: 'outpatient' },
      items: [r.item],
    });
    expect(parsed.input.items[0]).toMatchObject({
      class: 'B',
      selfPayRatio: 1000,
      paymentLimit: 4550,
      unitPrice: 3000,
      quantity: 20000,
    });
  });
});

describe('institution lists (R-D10)', () => {
  const lists = { approvedServices: new Set(['110200001']), stockDrugs: new Set(['XA10BAA042A']) };
  it('refuses what is not on a list on record, and checks nothing without one', () => {
    expect(checkInstitutionLine(lists, 'service', '110200001')).toBeNull();
    expect(checkInstitutionLine(lists, 'service', '210103001')).toMatchObject({
      refusedBy: 'R-D10',
      list: 'approved_services',
    });
    expect(checkInstitutionLine(lists, 'drug', 'XC10AAA158B')).toMatchObject({
      refusedBy: 'R-D10',
      list: 'stock_list',
    });
    expect(checkInstitutionLine(lists, 'material', 'HC0301')).toBeNull();
    expect(checkInstitutionLine(NO_LISTS, 'drug', 'XC10AAA158B')).toBeNull();
  });
});

describe('planEntry', () => {
  const v1 = validateEntry(drug, 'v1');
  it('adds, leaves the same body alone, changes from a later day, corrects the same day', () => {
    expect(planEntry([], v1).action).toBe('added');
    expect(planEntry([v1], { ...v1, catalogueVersion: 'v2' }).action).toBe('unchanged');
    const later = { ...v1, paymentLimit: 4000, validFrom: '2026-07-01', catalogueVersion: 'v2' };
    const p = planEntry([v1], later);
    expect(p).toMatchObject({ action: 'changed', closed: { validTo: '2026-06-30' } });
    expect(p.action === 'changed' && p.fields).toEqual([
      { field: 'paymentLimit', before: 4550, after: 4000 },
    ]);
    expect(planEntry([v1], { ...v1, paymentLimit: 4000 })).toMatchObject({ action: 'changed', closed: null });
    expect(planEntry([v1], { ...v1, validFrom: '2026-03-01', validTo: '2026-12-31' })).toMatchObject({
      action: 'ended',
      entry: { validFrom: '2026-01-01', validTo: '2026-12-31' },
    });
  });
  it('refuses to change history before the latest version', () => {
    const v2 = { ...v1, paymentLimit: 4000, validFrom: '2026-07-01' };
    expect(
      planEntry([{ ...v1, validTo: '2026-06-30' }, v2], { ...v1, paymentLimit: 1, validFrom: '2026-03-01' }),
    ).toMatchObject({
      action: 'rejected',
      field: 'validFrom',
    });
    expect(planEntry([{ ...v1, validTo: '2026-06-30' }, v2], { ...v1, validFrom: '2026-03-01' }).action).toBe(
      'unchanged',
    );
    expect(planEnd([v1], '2026-12-31')).toMatchObject({ action: 'ended', entry: { validTo: '2026-12-31' } });
    expect(planEnd([v1], '2025-12-31')).toMatchObject({ action: 'rejected' });
  });
});

describe('export', () => {
  it('writes a CSV the importer reads back to the same entries', async () => {
    const { demoCatalogueEntries } = await import('../demo/catalogue-entries.js');
    const { catalogueToCsv } = await import('./import/export.js');
    const { readCatalogueFile } = await import('./import/read.js');
    const { rowToInput } = await import('./import/fields.js');
    const entries = demoCatalogueEntries().map((e) => validateEntry(e, 'DEMO-2026'));
    const file = await readCatalogueFile(Buffer.from(catalogueToCsv(entries)), 'csv');
    const back = file.rows.map((r) => {
      const input = rowToInput(r.cells, { validFrom: '2026-01-01' });
      if (input === undefined) throw new Error('skipped');
      return validateEntry(input, 'DEMO-2026');
    });
    expect(back).toEqual(entries);
  });
});
