// 事中 worked examples E01–E07 of SUPERVISION_RULES.md §9 with their near-misses, and the boundaries of
// F-01…F-07. The fund of each example is checked by settling what the rules leave: the refused lines
// are outside every other step (CALC_CONTRACT.md `refusedBy`), so the fund is the calculation of the
// other lines, with F-07's line at its allowed quantity.
import { describe, expect, it } from 'vitest';
import { calculate } from '../calculate.js';
import type { InstitutionType, ItemKind, Level, VisitKind } from '../contract.js';
import { QUANTITY_SCALE, toFen } from '../money.js';
import { demoBook } from '../testing/demoPolicy.js';
import { ageOn, fundShares } from './facts.js';
import { judgeVisit } from './judge.js';
import type { Sex, VisitCase, VisitOutcome } from './types.js';

const library = (() => {
  const lib = demoBook().regions.get('demo')?.supervision;
  if (!lib) throw new Error('no demo supervision library');
  return lib;
})();

interface Line {
  code: string;
  price: number; // yuan
  qty?: number;
  kind?: ItemKind;
  cls?: 'A' | 'B' | 'self';
  days?: number;
  publicHealth?: boolean;
}

const 诊查费: Line = { code: '110200001', price: 10 };
const 二甲双胍: Line = { code: 'XA10BAA001A', price: 12, kind: 'drug' };
const 氨氯地平 = (qty: number, price: number, days?: number): Line => ({
  code: 'XC08CAA001A',
  price,
  qty,
  kind: 'drug',
  ...(days === undefined ? {} : { days }),
});

interface Person {
  sex: Sex | null;
  birthDate: string | null;
  chronic?: string[];
}
const m: Person = { sex: 'male', birthDate: '1970-05-10' };
const f: Person = { sex: 'female', birthDate: '1985-02-01' };
const k: Person = { sex: 'male', birthDate: '2008-06-15' };
const c: Person = { sex: 'female', birthDate: '1950-03-03', chronic: ['I10'] };

interface Place {
  level: Level;
  type: InstitutionType;
}
const C1: Place = { level: 'primary', type: 'community_centre' };
const H2: Place = { level: 'secondary', type: 'general_hospital' };

interface Visit {
  person: Person;
  at: Place;
  date?: string;
  kind?: VisitKind;
  admissionDate?: string;
  diagnosis?: string;
  lines: Line[];
}

function caseOf(v: Visit): VisitCase {
  const kind = v.kind ?? 'outpatient';
  const certified = kind !== 'chronic_outpatient' || (v.person.chronic ?? []).includes(v.diagnosis ?? '');
  return {
    date: v.date ?? '2026-03-02',
    visitKind: kind,
    benefitKind: certified ? kind : 'outpatient',
    institutionType: v.at.type,
    institutionLevel: v.at.level,
    sex: v.person.sex,
    birthDate: v.person.birthDate,
    admissionDate: v.admissionDate ?? null,
    lines: v.lines.map((l) => ({
      code: l.code,
      kind: l.kind ?? 'service',
      quantity: Math.round((l.qty ?? 1) * QUANTITY_SCALE),
      unitPrice: toFen(l.price),
      publicHealth: l.publicHealth ?? false,
      days: l.days ?? null,
    })),
  };
}

/** The rules' outcome and the fund of what they leave (yuan). */
function settle(v: Visit): { outcome: VisitOutcome; fund: number } {
  const outcome = judgeVisit(library, caseOf(v));
  const refused = new Map(outcome.refusals.map((r) => [r.item, r]));
  const items = v.lines.flatMap((l, i) => {
    const r = refused.get(i);
    if (r && r.allowedQuantity === null) return [];
    const qty = r?.allowedQuantity != null ? r.allowedQuantity / QUANTITY_SCALE : (l.qty ?? 1);
    return [
      {
        code: l.code,
        name: l.code,
        kind: l.kind ?? 'service',
        class: l.cls ?? 'A',
        quantity: qty,
        unitPrice: l.price,
        publicHealth: l.publicHealth ?? false,
      },
    ];
  });
  const kind = v.kind ?? 'outpatient';
  const age = v.person.birthDate ? ageOn(v.person.birthDate, v.date ?? '2026-03-02') : 40;
  const request = {
    region: 'demo',
    date: v.date ?? '2026-03-02',
    person: {
      scheme: 'resident',
      category: age < 18 ? 'minor' : age >= 60 ? 'elderly' : 'adult',
      chronicDiseases: v.person.chronic ?? [],
    },
    institution: { level: v.at.level, type: v.at.type },
    visit: { kind, ...(v.diagnosis ? { diagnosis: v.diagnosis } : {}) },
    items:
      items.length > 0 ? items : [{ code: 'NONE', kind: 'service', class: 'A', quantity: 1, unitPrice: 0 }],
  };
  return { outcome, fund: calculate(demoBook(), request).fundPay };
}

const refusedOf = (o: VisitOutcome): [number, string, number][] =>
  o.refusals.map((r) => [r.item, r.ruleId, r.refusedAmount / 100]);

describe('E01 F-01 free public-health item charged', () => {
  const ph = { code: 'PH0002', price: 50 };
  it('refuses line 0 (50.00 institution-borne); fund 6.00', () => {
    const { outcome, fund } = settle({ person: m, at: C1, lines: [ph, 诊查费] });
    expect(refusedOf(outcome)).toEqual([[0, 'F-01', 50]]);
    expect(fund).toBe(6);
    expect(outcome.events).toEqual([
      expect.objectContaining({ rule: 'R-F1', supervisionRule: 'F-01', item: 0, amount: 50 }),
    ]);
    expect(outcome.events[0]?.params?.[0]?.source.requirement).toBe('R-C5');
  });
  it('near-miss: marked publicHealth — R-C5 as usual, no refusal, fund 6.00', () => {
    const { outcome, fund } = settle({ person: m, at: C1, lines: [{ ...ph, publicHealth: true }, 诊查费] });
    expect(outcome.refusals).toEqual([]);
    expect(fund).toBe(6);
  });
});

describe('E02 F-02 sex-limited item', () => {
  const psa = { code: '250404001', price: 80 };
  it('f: refuses 80.00; fund 6.00', () => {
    const { outcome, fund } = settle({ person: f, at: C1, lines: [psa, 诊查费] });
    expect(refusedOf(outcome)).toEqual([[0, 'F-02', 80]]);
    expect(fund).toBe(6);
  });
  it('near-miss: m, the same: fund 54.00', () => {
    const { outcome, fund } = settle({ person: m, at: C1, lines: [psa, 诊查费] });
    expect(outcome.refusals).toEqual([]);
    expect(fund).toBe(54);
  });
  it('no registered sex: not judged, a 未适用 event', () => {
    const { outcome } = settle({ person: { sex: null, birthDate: null }, at: C1, lines: [psa] });
    expect(outcome.refusals).toEqual([]);
    expect(outcome.events).toEqual([
      expect.objectContaining({ supervisionRule: 'F-02', applied: false, item: 0, amount: 0 }),
    ]);
    expect(outcome.events[0]?.text).toMatch(/^未适用：F-02/);
  });
});

describe('E03 F-03 age-limited item', () => {
  const syrup = { code: 'ZA04BAX001B', price: 30, kind: 'drug' as const };
  it('k on 06-15 (turns 18): refused; fund 0', () => {
    const { outcome, fund } = settle({ person: k, at: C1, date: '2026-06-15', lines: [syrup] });
    expect(refusedOf(outcome)).toEqual([[0, 'F-03', 30]]);
    expect(fund).toBe(0);
  });
  it('near-miss: 06-14 (17): fund 18.00', () => {
    const { outcome, fund } = settle({ person: k, at: C1, date: '2026-06-14', lines: [syrup] });
    expect(outcome.refusals).toEqual([]);
    expect(fund).toBe(18);
  });
  it('60 and above: 59 refused, 60 on the birthday passes; 02-29 is reached on 03-01', () => {
    const assess = { code: '311504001', price: 20 };
    const p = { sex: 'female' as const, birthDate: '1966-03-02' };
    expect(settle({ person: p, at: C1, date: '2026-03-01', lines: [assess] }).outcome.refusals).toHaveLength(
      1,
    );
    expect(settle({ person: p, at: C1, date: '2026-03-02', lines: [assess] }).outcome.refusals).toHaveLength(
      0,
    );
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
  it('no birth date: not judged', () => {
    const { outcome } = settle({ person: { sex: 'male', birthDate: null }, at: C1, lines: [syrup] });
    expect(outcome.refusals).toEqual([]);
    expect(outcome.events[0]).toMatchObject({ supervisionRule: 'F-03', applied: false });
  });
});

describe('E04 F-04 level-limited item', () => {
  const meropenem = (qty = 1): Line => ({ code: 'XJ01DHM001B', price: 120, qty, kind: 'drug', cls: 'B' });
  it('m at C1: refuses 120.00; fund 6.00', () => {
    const { outcome, fund } = settle({ person: m, at: C1, lines: [meropenem(), 诊查费] });
    expect(refusedOf(outcome)).toEqual([[0, 'F-04', 120]]);
    expect(fund).toBe(6);
  });
  it('near-miss: H2 stay 03-05–03-10, 美罗培南 5 × 120.00, 床位费 5 × 50.00: fund 152.00', () => {
    const { outcome, fund } = settle({
      person: m,
      at: H2,
      kind: 'inpatient',
      date: '2026-03-10',
      admissionDate: '2026-03-05',
      lines: [meropenem(5), { code: '110900001', price: 50, qty: 5 }],
    });
    expect(outcome.refusals).toEqual([]);
    expect(fund).toBe(152);
  });
});

describe('E05 F-05 duplicate charging', () => {
  const general = { code: '110200010', price: 10 };
  const drip = { code: '120400001', price: 8 };
  it('refuses lines 1 and 2; fund 13.20', () => {
    const { outcome, fund } = settle({ person: m, at: C1, lines: [general, drip, 诊查费, 二甲双胍] });
    expect(refusedOf(outcome)).toEqual([
      [1, 'F-05', 8],
      [2, 'F-05', 10],
    ]);
    expect(fund).toBe(13.2);
  });
  it('near-miss: 静脉输液 + 诊查费 alone: fund 10.80', () => {
    const { outcome, fund } = settle({ person: m, at: C1, lines: [drip, 诊查费] });
    expect(outcome.refusals).toEqual([]);
    expect(fund).toBe(10.8);
  });
  it('an including line refused by an earlier rule includes nothing', () => {
    const vent = { code: '310603001', price: 100 };
    const oxygen = { code: '120300001', price: 5 };
    expect(refusedOf(settle({ person: m, at: C1, lines: [vent, oxygen] }).outcome)).toEqual([[1, 'F-05', 5]]);
  });
});

describe('E06 F-06 over-long prescription', () => {
  it('m outpatient days 10: refuses line 1; fund 6.00', () => {
    const { outcome, fund } = settle({ person: m, at: C1, lines: [诊查费, 氨氯地平(2, 15, 10)] });
    expect(refusedOf(outcome)).toEqual([[1, 'F-06', 30]]);
    expect(fund).toBe(6);
  });
  it('near-miss: days 7 (equal passes): fund 24.00', () => {
    const { outcome, fund } = settle({ person: m, at: C1, lines: [诊查费, 氨氯地平(2, 15, 7)] });
    expect(outcome.refusals).toEqual([]);
    expect(fund).toBe(24);
  });
  it('c chronic I10 days 30: fund 26.00; days 31: refused', () => {
    const chronic = (days: number): Visit => ({
      person: c,
      at: C1,
      kind: 'chronic_outpatient',
      diagnosis: 'I10',
      lines: [诊查费, 氨氯地平(2, 15, days)],
    });
    const ok = settle(chronic(30));
    expect(ok.outcome.refusals).toEqual([]);
    expect(ok.fund).toBe(26);
    expect(refusedOf(settle(chronic(31)).outcome)).toEqual([[1, 'F-06', 30]]);
  });
  it('a chronic visit not certified is outpatient: 7 days', () => {
    const v: Visit = {
      person: m,
      at: C1,
      kind: 'chronic_outpatient',
      diagnosis: 'I10',
      lines: [诊查费, 氨氯地平(2, 15, 8)],
    };
    expect(refusedOf(settle(v).outcome)).toEqual([[1, 'F-06', 30]]);
  });
  it('emergency 3 days; no days: not judged', () => {
    expect(
      refusedOf(settle({ person: m, at: H2, kind: 'emergency', lines: [氨氯地平(1, 15, 4)] }).outcome),
    ).toEqual([[0, 'F-06', 15]]);
    expect(settle({ person: m, at: C1, lines: [氨氯地平(1, 15)] }).outcome.events).toEqual([]);
  });
});

describe('E07 F-07 per-day items beyond the length of stay', () => {
  const stay = (admissionDate?: string): Visit => ({
    person: m,
    at: H2,
    kind: 'inpatient',
    date: '2026-03-06',
    ...(admissionDate ? { admissionDate } : {}),
    lines: [
      { code: '110900001', price: 50, qty: 6 },
      { code: '121500001', price: 30, qty: 5 },
      { code: 'CHOLE', price: 3000 },
    ],
  });
  it('LOS 5: refuses 50.00 of line 0; fund 2,240.00', () => {
    const { outcome, fund } = settle(stay('2026-03-01'));
    expect(refusedOf(outcome)).toEqual([[0, 'F-07', 50]]);
    expect(outcome.refusals[0]?.allowedQuantity).toBe(5 * QUANTITY_SCALE);
    expect(fund).toBe(2240);
  });
  it('near-miss: without admissionDate not judged, fund 2,280.00', () => {
    const { outcome, fund } = settle(stay());
    expect(outcome.refusals).toEqual([]);
    expect(outcome.events.map((e) => [e.supervisionRule, e.item, e.applied])).toEqual([
      ['F-07', 0, false],
      ['F-07', 1, false],
    ]);
    expect(fund).toBe(2280);
  });
  it('the lines of one item share the stay, in line order; a same-day stay counts 1 day', () => {
    const v: Visit = {
      person: m,
      at: H2,
      kind: 'inpatient',
      date: '2026-03-03',
      admissionDate: '2026-03-01',
      lines: [
        { code: '110900001', price: 50, qty: 1 },
        { code: '110900001', price: 60, qty: 2 },
      ],
    };
    expect(refusedOf(settle(v).outcome)).toEqual([[1, 'F-07', 60]]);
    const sameDay: Visit = { ...v, date: '2026-03-01', lines: [{ code: '110900001', price: 50, qty: 2 }] };
    expect(refusedOf(settle(sameDay).outcome)).toEqual([[0, 'F-07', 50]]);
    const none = settle({
      ...v,
      lines: [
        { code: '110900001', price: 50, qty: 2 },
        { code: '110900001', price: 50, qty: 1 },
      ],
    });
    expect(refusedOf(none.outcome)).toEqual([[1, 'F-07', 50]]);
    expect(none.outcome.refusals[0]?.allowedQuantity).toBeNull();
  });
});

describe('order and scope', () => {
  it('the first rule that refuses a line decides', () => {
    // Events come in rule order, refusals in line order.
    const { outcome } = settle({
      person: f,
      at: C1,
      lines: [
        { code: '250404001', price: 80 },
        { code: 'PH0001', price: 5 },
      ],
    });
    expect(refusedOf(outcome)).toEqual([
      [0, 'F-02', 80],
      [1, 'F-01', 5],
    ]);
    expect(outcome.events.map((e) => e.supervisionRule)).toEqual(['F-01', 'F-02']);
  });
  it('nothing dated before 2026 is refused', () => {
    expect(
      settle({ person: f, at: C1, date: '2025-12-31', lines: [{ code: '250404001', price: 80 }] }).outcome
        .refusals,
    ).toEqual([]);
  });
  it('F-01 is not judged at a pharmacy (its scenes)', () => {
    const o = judgeVisit(library, {
      ...caseOf({ person: m, at: C1, lines: [{ code: 'PH0001', price: 5 }] }),
      visitKind: 'pharmacy',
      benefitKind: 'pharmacy',
      institutionType: 'pharmacy',
      institutionLevel: null,
    });
    expect(o.refusals).toEqual([]);
  });
});

describe('fund share (基金分摊)', () => {
  it('1.00 over three equal lines: 0.34, 0.33, 0.33; S = 0 or F = 0: all 0', () => {
    expect(fundShares(100, [10, 10, 10])).toEqual([34, 33, 33]);
    expect(fundShares(0, [10, 10])).toEqual([0, 0]);
    expect(fundShares(100, [0, 0])).toEqual([0, 0]);
  });
  it('E08: 45.50 × 60/70 = 39.00', () => {
    expect(fundShares(4550, [1000, 6000])).toEqual([650, 3900]);
  });
  it('largest remainders first, ties to the lower index', () => {
    expect(fundShares(5, [1, 1, 1])).toEqual([2, 2, 1]);
    expect(fundShares(10, [1, 2, 3, 4]).reduce((a, b) => a + b, 0)).toBe(10);
  });
});
