// 事中 inside the calculation (SUPERVISION_RULES.md §4, SUPERVISION_CONTRACT.md): the worked examples
// E01–E07 settled whole — the refused line marked (`refusedBy`, `refusedAmount`, inside its
// `institutionBorne`), one trace event naming the rule, the rest of the visit as before — and the
// property that a refusal never raises what the fund or the patient pays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from '../calculate.js';
import type { CalcResult, Level } from '../contract.js';
import type { PolicyBook } from '../policy-compiler/types.js';
import { demoBook } from '../testing/demoPolicy.js';

interface Item {
  code: string;
  unitPrice: number;
  quantity?: number;
  kind?: 'drug' | 'service';
  class?: 'A' | 'B' | 'self';
  days?: number;
  publicHealth?: boolean;
}

const 诊查费: Item = { code: '110200001', unitPrice: 10 };
const m = { sex: 'male', birthDate: '1970-05-10' };
const f = { sex: 'female', birthDate: '1985-02-01' };
const C1 = { level: 'primary', type: 'community_centre' };
const H2 = { level: 'secondary', type: 'general_hospital' };

function request(o: {
  person: { sex?: string; birthDate?: string; category?: string; chronicDiseases?: string[] };
  at: { level: string; type: string };
  date?: string;
  visit?: Record<string, unknown>;
  items: Item[];
}): Record<string, unknown> {
  return {
    region: 'demo',
    date: o.date ?? '2026-03-02',
    person: { scheme: 'resident', category: o.person.category ?? 'adult', ...o.person },
    institution: o.at,
    visit: { kind: 'outpatient', ...o.visit },
    items: o.items.map((i) => ({ kind: 'service', class: 'A', quantity: 1, ...i })),
  };
}

const refusals = (r: CalcResult): [number, string, number | undefined][] =>
  r.items.flatMap((item, i) => (item.refusedBy ? [[i, item.refusedBy, item.refusedAmount] as const] : []));

describe('事中 rules settle with the visit (E01–E07)', () => {
  it('E01: an unmarked public-health item is refused whole, institution-borne; fund 6.00', () => {
    const r = calculate(
      demoBook(),
      request({ person: m, at: C1, items: [{ code: 'PH0002', unitPrice: 50 }, 诊查费] }),
    );
    expect(refusals(r)).toEqual([[0, 'F-01', 50]]);
    expect(r.items[0]).toMatchObject({ total: 50, institutionBorne: 50, inScope: 0 });
    expect(r.items[1]?.refusedBy).toBeUndefined();
    expect(r.fundPay).toBe(6);
    expect(r.institutionBorne).toBe(50);
    const events = r.trace.filter((e) => e.supervisionRule !== undefined);
    expect(events).toEqual([
      expect.objectContaining({ rule: 'R-F1', supervisionRule: 'F-01', item: 0, amount: 50 }),
    ]);
    // One event for the refusal: the line step does not write a second.
    expect(r.trace.filter((e) => e.item === 0 && e.rule === 'F-01')).toEqual([]);
  });

  it('E02: the other sex refused (fund 6.00); the right sex pays (fund 54.00); no registered sex: 未适用', () => {
    const psa: Item = { code: '250404001', unitPrice: 80 };
    expect(calculate(demoBook(), request({ person: f, at: C1, items: [psa, 诊查费] })).fundPay).toBe(6);
    expect(calculate(demoBook(), request({ person: m, at: C1, items: [psa, 诊查费] })).fundPay).toBe(54);
    const unknown = calculate(demoBook(), request({ person: {}, at: C1, items: [psa, 诊查费] }));
    expect(refusals(unknown)).toEqual([]);
    expect(unknown.trace).toContainEqual(
      expect.objectContaining({ supervisionRule: 'F-02', applied: false, item: 0 }),
    );
  });

  it('E04 and E05: a level-limited drug at a centre, included lines beside their including item', () => {
    const meropenem: Item = { code: 'XJ01DHM001B', unitPrice: 120, kind: 'drug', class: 'B' };
    expect(calculate(demoBook(), request({ person: m, at: C1, items: [meropenem, 诊查费] })).fundPay).toBe(6);
    const r = calculate(
      demoBook(),
      request({
        person: m,
        at: C1,
        items: [
          { code: '110200010', unitPrice: 10 },
          { code: '120400001', unitPrice: 8 },
          诊查费,
          { code: 'XA10BAA001A', unitPrice: 12, kind: 'drug' },
        ],
      }),
    );
    expect(refusals(r)).toEqual([
      [1, 'F-05', 8],
      [2, 'F-05', 10],
    ]);
    expect(r.fundPay).toBe(13.2);
  });

  it('E06: days above the outpatient limit refused (fund 6.00), 7 days pass (fund 24.00); a bad days is named', () => {
    const amlodipine = (days: number): Item => ({
      code: 'XC08CAA001A',
      unitPrice: 15,
      quantity: 2,
      kind: 'drug',
      days,
    });
    expect(
      calculate(demoBook(), request({ person: m, at: C1, items: [诊查费, amlodipine(10)] })).fundPay,
    ).toBe(6);
    expect(
      calculate(demoBook(), request({ person: m, at: C1, items: [诊查费, amlodipine(7)] })).fundPay,
    ).toBe(24);
    expect(() => calculate(demoBook(), request({ person: m, at: C1, items: [amlodipine(366)] }))).toThrow(
      expect.objectContaining({ field: 'items[0].days' }),
    );
  });

  it('E07: the bed-days beyond the stay are cut, the rest priced as a line of its own quantity; fund 2,240.00', () => {
    const stay = (admissionDate?: string) =>
      request({
        person: m,
        at: H2,
        date: '2026-03-06',
        visit: { kind: 'inpatient', ...(admissionDate ? { admissionDate } : {}) },
        items: [
          { code: '110900001', unitPrice: 50, quantity: 6 },
          { code: '121500001', unitPrice: 30, quantity: 5 },
          { code: 'CHOLE', unitPrice: 3000 },
        ],
      });
    const r = calculate(demoBook(), stay('2026-03-01'));
    expect(refusals(r)).toEqual([[0, 'F-07', 50]]);
    expect(r.items[0]).toMatchObject({ total: 300, institutionBorne: 50, inScope: 250 });
    expect(r.fundPay).toBe(2240);
    expect(calculate(demoBook(), stay()).fundPay).toBe(2280);
    expect(() => calculate(demoBook(), stay('2026-03-07'))).toThrow(
      expect.objectContaining({ field: 'visit.admissionDate' }),
    );
  });
});

/** The demo book with the 事中 rules taken out: what the visit would pay without them. */
function withoutRules(book: PolicyBook): PolicyBook {
  const regions = new Map(
    [...book.regions].map(([code, region]) => [
      code,
      { ...region, supervision: { ...region.supervision, rules: [] } },
    ]),
  );
  return { ...book, regions };
}

const CODES = [
  'PH0002',
  '250404001',
  'ZA04BAX001B',
  'XJ01DHM001B',
  '110200010',
  '120400001',
  '110200001',
  '110900001',
  'XC08CAA001A',
  'OTHER',
];

describe('事中 properties', () => {
  it('a refusal never raises what the fund or the patient pays, and the identities hold', () => {
    const plain = withoutRules(demoBook());
    const item = fc.record({
      code: fc.constantFrom(...CODES),
      unitPrice: fc.integer({ min: 0, max: 50_000 }).map((f) => f / 100),
      quantity: fc.integer({ min: 1, max: 8 }),
      kind: fc.constantFrom('drug' as const, 'service' as const),
      class: fc.constantFrom('A' as const, 'B' as const),
      days: fc.integer({ min: 1, max: 40 }),
    });
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 6 }),
        fc.constantFrom<Level>('primary', 'secondary', 'tertiary'),
        fc.constantFrom('male', 'female'),
        fc.boolean(),
        (items, level, sex, stay) => {
          const at = level === 'primary' ? C1 : { level, type: 'general_hospital' };
          const raw = request({
            person: { sex, birthDate: '1990-01-01' },
            at,
            date: '2026-04-10',
            visit: stay ? { kind: 'inpatient', admissionDate: '2026-04-08' } : { kind: 'outpatient' },
            items,
          });
          const judged = calculate(demoBook(), raw);
          const free = calculate(plain, raw);
          expect(judged.fundPay).toBeLessThanOrEqual(free.fundPay);
          expect(judged.personalPart).toBeLessThanOrEqual(free.personalPart);
          expect(judged.totalCost).toBe(free.totalCost);
          const fen = (y: number): number => Math.round(y * 100);
          expect(fen(judged.totalCost)).toBe(
            fen(judged.fullSelfPay) +
              fen(judged.overLimitSelfPay) +
              fen(judged.firstSelfPay) +
              fen(judged.inScope) +
              fen(judged.institutionBorne),
          );
          // Each refused amount sits inside its line's institution-borne part.
          for (const line of judged.items)
            if (line.refusedBy) expect(line.refusedAmount ?? -1).toBeLessThanOrEqual(line.institutionBorne);
        },
      ),
      { numRuns: 300 },
    );
  });
});
