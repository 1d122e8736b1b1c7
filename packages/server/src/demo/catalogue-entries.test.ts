import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryPolicyDir } from '../policy-release/load.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { priceAtLevel } from '../catalogue/price.js';
import { validateEntry } from '../catalogue/validate.js';
import { testDrivers, type TestDatabase } from '../db/testing.js';
import { entryOn } from '../store/catalogue/entries.js';
import * as demo from './catalogue.js';
import { demoApprovedServices, demoCatalogueEntries } from './catalogue-entries.js';
import { loadDemoCatalogue } from './catalogue-seed.js';

const entries = demoCatalogueEntries().map((e) => validateEntry(e, 'DEMO-2026'));
const byCode = new Map(entries.map((e) => [e.code, e]));

/**
 * Every code the region's supervision rules name (a code: digits, or letters and digits starting
 * X/Z/PH), read from its supervision policy files — the repository's copy of SUPERVISION_RULES.md's
 * lists (the same 26 codes), so the test needs nothing outside the checkout.
 */
function supervisionCodes(): string[] {
  const dir = join(repositoryPolicyDir(), 'demo');
  const text = readdirSync(dir)
    .filter((f) => f.startsWith('supervision-') && f.endsWith('.yaml'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  return [
    ...new Set(
      [...text.matchAll(/\b(\d{9}|PH\d{4}|[XZ][A-Z]\d{2}[A-Z0-9]{5,})\b/g)].map((m) => m[1] as string),
    ),
  ];
}

describe('the demo catalogue', () => {
  it('is a few hundred valid entries with unique codes', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
    expect(byCode.size).toBe(entries.length);
    expect(entries.filter((e) => e.restrictedScope !== null).length).toBeGreaterThan(30);
    expect(entries.some((e) => e.volumeProcurement)).toBe(true);
    expect(entries.some((e) => e.fixedSelfPay)).toBe(true);
    expect(
      entries.some(
        (e) => e.stepDown && priceAtLevel(e.priceStandard, true, 'primary').source === 'derived_step_down',
      ),
    ).toBe(true);
  });

  it("holds every code the supervision rules name (SUPERVISION_RULES.md, as the region's policy files list them)", () => {
    const codes = supervisionCodes();
    expect(codes).toContain('311400002');
    expect(codes.length).toBeGreaterThanOrEqual(26);
    expect(codes.filter((c) => !byCode.has(c))).toEqual([]);
    for (const c of ['PH0001', 'PH0002', 'PH0003', 'PH0004', 'PH0005'])
      expect(byCode.get(c)?.publicHealth).toBe(true);
  });

  it('holds every code the demo bills, with its class and ratio, priced at or above its range', () => {
    const items = Object.values(demo).flatMap((v) => (Array.isArray(v) ? v : [v])) as demo.CatalogueItem[];
    const registryCodes = [
      'XA10BAA199A001010101445',
      'XC08CAA047A001010100709',
      '120100001',
      '110200002',
      '250101001',
      'XJ01DCA',
      'XC08CAA',
    ];
    const moved = new Map([['311201001', '340200015']]); // 康复治疗: see catalogue-entries.ts
    for (const item of items) {
      const e = byCode.get(moved.get(item.code) ?? item.code);
      expect(e, item.code).toBeDefined();
      if (e === undefined) continue;
      expect([item.code, e.class, e.kind]).toEqual([item.code, item.class, item.kind]);
      expect([item.code, e.selfPayRatio]).toEqual([
        item.code,
        item.selfPayRatio === undefined ? null : Math.round(item.selfPayRatio * 10_000),
      ]);
      const max = Math.round(item.price[1] * 100);
      for (const level of ['primary', 'secondary', 'tertiary'] as const) {
        const p = priceAtLevel(e.priceStandard, e.stepDown, level).fen;
        if (p !== null) expect([item.code, level, p >= max]).toEqual([item.code, level, true]);
      }
      if (e.paymentLimit !== null) expect([item.code, e.paymentLimit >= max]).toEqual([item.code, true]);
    }
    for (const c of registryCodes) expect(byCode.has(c), c).toBe(true);
  });

  it('approves a community centre for primary care only', () => {
    const approved = new Set(demoApprovedServices());
    expect(approved.has('110200001')).toBe(true);
    expect(approved.has('PH0002')).toBe(true);
    expect(approved.has('210103001')).toBe(false);
    expect(approved.has('331303001')).toBe(false);
    expect([...approved].every((c) => byCode.get(c)?.kind === 'service')).toBe(true);
  });
});

describe.each(testDrivers())('loading the demo catalogue on $kind', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await driver.create();
  });
  afterAll(async () => t.dispose());
  it('writes it once as DEMO-2026', async () => {
    const who = { actor: 'demo', reason: '演示数据' };
    expect(await loadDemoCatalogue(t.db, who)).toEqual({ added: entries.length, changed: 0, ended: 0 });
    expect(await loadDemoCatalogue(t.db, who)).toEqual({ added: 0, changed: 0, ended: 0 });
    expect(await entryOn(t.db, '330803001', '2026-05-01')).toMatchObject({
      stepDown: true,
      catalogueVersion: 'DEMO-2026',
    });
  });
});
