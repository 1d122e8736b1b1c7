// Properties of the 事中 rules over random visits built from the listed codes: at most one refusal per
// line, a refused amount never above the line's total (whole lines exactly their total), the same
// answer twice, and no refusal at all before the rules' first version.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTITUTION_TYPES, VISIT_KINDS } from '../contract.js';
import type { Level } from '../contract.js';
import { QUANTITY_SCALE, priceLine } from '../money.js';
import { demoBook } from '../testing/demoPolicy.js';
import { judgeVisit } from './judge.js';
import type { VisitCase } from './types.js';

const library = demoBook().regions.get('demo')?.supervision;
const CODES = [
  'PH0001',
  '311201001',
  '250404001',
  'ZA04BAX001B',
  '311504001',
  'XJ01DHM001B',
  '330803001',
  '110200010',
  '110200001',
  '120400001',
  '110900001',
  '121500001',
  'XC08CAA001A',
  'OTHER',
];

const lineArb = fc.record({
  code: fc.constantFrom(...CODES),
  kind: fc.constantFrom('drug' as const, 'service' as const),
  quantity: fc.integer({ min: 1, max: 20 }).map((q) => q * QUANTITY_SCALE),
  unitPrice: fc.integer({ min: 0, max: 100_000 }),
  publicHealth: fc.boolean(),
  days: fc.option(fc.integer({ min: 1, max: 365 }), { nil: null }),
});

const dateArb = fc
  .integer({ min: 0, max: 700 })
  .map((n) => new Date(Date.UTC(2025, 6, 1) + n * 86_400_000).toISOString().slice(0, 10));

const caseArb: fc.Arbitrary<VisitCase> = fc.record({
  date: dateArb,
  visitKind: fc.constantFrom(...VISIT_KINDS),
  benefitKind: fc.constantFrom(...VISIT_KINDS),
  institutionType: fc.constantFrom(...INSTITUTION_TYPES),
  institutionLevel: fc.option(fc.constantFrom<Level>('primary', 'secondary', 'tertiary'), { nil: null }),
  sex: fc.option(fc.constantFrom('male' as const, 'female' as const), { nil: null }),
  birthDate: fc.option(
    dateArb.map((d) => `19${d.slice(2)}`),
    { nil: null },
  ),
  admissionDate: fc.option(dateArb, { nil: null }),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
});

describe('事中 properties', () => {
  it('one refusal per line at most, never more than the line, deterministic; nothing before 2026', () => {
    if (!library) throw new Error('no library');
    fc.assert(
      fc.property(caseArb, (visit) => {
        const out = judgeVisit(library, visit);
        const items = out.refusals.map((r) => r.item);
        expect(new Set(items).size).toBe(items.length);
        for (const r of out.refusals) {
          const line = visit.lines[r.item];
          expect(line).toBeDefined();
          if (!line) continue;
          const total = priceLine(line.quantity, line.unitPrice);
          if (r.allowedQuantity === null) expect(r.refusedAmount).toBe(total);
          else {
            expect(r.ruleId).toBe('F-07');
            expect(r.allowedQuantity).toBeGreaterThan(0);
            expect(r.allowedQuantity).toBeLessThan(line.quantity);
            expect(r.refusedAmount).toBe(total - priceLine(r.allowedQuantity, line.unitPrice));
          }
          expect(r.event).toMatchObject({ rule: 'R-F1', supervisionRule: r.ruleId, item: r.item });
        }
        expect(judgeVisit(library, visit)).toEqual(out);
        if (visit.date < '2026-01-01') expect(out.events).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
