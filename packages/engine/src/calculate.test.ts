// The whole pipeline: the accumulators after the visit for each benefit group (REFERENCE_POLICY.md
// §7, §8 "Accumulators") and the version boundary 2025-12-31 / 2026-01-01 (§1, §8 "Versions").
import { describe, expect, it } from 'vitest';
import {
  classA,
  classB,
  IN_SERVICE,
  PHARMACY,
  SECONDARY,
  selfItem,
  settle,
  TERTIARY,
} from './testing/demoPolicy.js';

// Every accumulator starts non-zero so that an unmoved one is visible.
const START = {
  outpatientDeductiblePaid: 10,
  outpatientFundPaid: 20,
  outpatientInScope: 30,
  chronicFundPaid: 40,
  specialDeductiblePaid: 50,
  inpatientFundPaid: 60,
};
const UP_FILED = { fromLevel: 'primary', direction: 'up', filed: true } as const;

describe('accumulators after the visit (§7, §8)', () => {
  it('general outpatient: deductible, fund pay and the whole in scope move; nothing else', () => {
    // resident secondary with referral: deductible 200 − 10 = 190; base 110 × 50% = 55.
    const r = settle({
      institution: SECONDARY,
      visit: { referral: UP_FILED },
      items: [classA(300)],
      ytd: START,
    });
    expect([r.deductible, r.fundPay]).toEqual([190, 55]);
    expect(r.ytd).toEqual({
      ...START,
      outpatientDeductiblePaid: 200,
      outpatientFundPaid: 75,
      outpatientInScope: 330,
    });
  });

  it('general outpatient, employee: outpatientInScope counts for either scheme', () => {
    // in service primary: deductible 490; base 10 × 80% = 8.
    const r = settle({ person: IN_SERVICE, items: [classA(500)], ytd: START });
    expect(r.ytd).toEqual({
      ...START,
      outpatientDeductiblePaid: 500,
      outpatientFundPaid: 28,
      outpatientInScope: 530,
    });
  });

  it('emergency at a hospital is a paid general-outpatient visit and accumulates as one', () => {
    // tertiary: deductible 190; base 10 × 40% = 4.
    const r = settle({
      institution: TERTIARY,
      visit: { kind: 'emergency' },
      items: [classA(200)],
      ytd: START,
    });
    expect(r.ytd).toEqual({
      ...START,
      outpatientDeductiblePaid: 200,
      outpatientFundPaid: 24,
      outpatientInScope: 230,
    });
  });

  it('pharmacy with an e-prescription accumulates as general outpatient', () => {
    // primary rules: 100 × 60% = 60.
    const r = settle({
      institution: PHARMACY,
      visit: { kind: 'pharmacy', ePrescription: { fromLevel: 'primary' } },
      items: [classA(100, { kind: 'drug' })],
      ytd: START,
    });
    expect(r.ytd).toEqual({ ...START, outpatientFundPaid: 80, outpatientInScope: 130 });
  });

  it('gate refusal and OTC purchase: no accumulator moves', () => {
    const refused = settle({ institution: SECONDARY, items: [classA(300)], ytd: START });
    expect(refused.ytd).toEqual(START);
    const otc = settle({
      institution: PHARMACY,
      visit: { kind: 'pharmacy' },
      items: [classA(100, { kind: 'drug' })],
      ytd: START,
    });
    expect(otc.ytd).toEqual(START);
  });

  it('chronic outpatient: only chronicFundPaid; its cost never counts in outpatientInScope', () => {
    const r = settle({
      person: { chronicDiseases: ['I10'] },
      visit: { kind: 'chronic_outpatient', diagnosis: 'I10' },
      items: [classA(100)],
      ytd: START,
    });
    expect(r.ytd).toEqual({ ...START, chronicFundPaid: 105 });
  });

  it('special outpatient: specialDeductiblePaid and inpatientFundPaid', () => {
    // primary: deductible 300 − 50 = 250; base 750 × 90% = 675.
    const r = settle({
      person: { chronicDiseases: ['N18'] },
      visit: { kind: 'special_outpatient', diagnosis: 'N18' },
      items: [classA(1000)],
      ytd: START,
    });
    expect([r.deductible, r.fundPay]).toEqual([250, 675]);
    expect(r.ytd).toEqual({ ...START, specialDeductiblePaid: 300, inpatientFundPaid: 735 });
  });

  it("inpatient: only inpatientFundPaid; the stay's deductible is not accumulated anywhere", () => {
    // primary stay: (1,000 − 200) × 90% = 720.
    const r = settle({ visit: { kind: 'inpatient' }, items: [classA(1000)], ytd: START });
    expect(r.deductible).toBe(200);
    expect(r.ytd).toEqual({ ...START, inpatientFundPaid: 780 });
  });

  it('family bed: only inpatientFundPaid', () => {
    // (1,100 − 100) × 90% = 900.
    const r = settle({ visit: { kind: 'family_bed' }, items: [classA(1100)], ytd: START });
    expect(r.ytd).toEqual({ ...START, inpatientFundPaid: 960 });
  });
});

describe('version boundary 2025-12-31 / 2026-01-01 (§1)', () => {
  it('resident primary outpatient: 55% on the last day of 2025, 60% on the first day of 2026', () => {
    // 10.00 × 55% = 5.50; 10.00 × 60% = 6.00.
    const a = settle({ date: '2025-12-31', items: [classA(10)] });
    expect([a.policyVersion, a.rate, a.fundPay]).toEqual(['2025', 55, 5.5]);
    const b = settle({ date: '2026-01-01', items: [classA(10)] });
    expect([b.policyVersion, b.rate, b.fundPay]).toEqual(['2026', 60, 6]);
  });

  it('the first day of the 2025 version is in force', () => {
    const r = settle({ date: '2025-01-01', items: [classA(10)] });
    expect([r.policyVersion, r.fundPay]).toEqual(['2025', 5.5]);
  });

  it('resident cap: 1,000 on 2025-12-31, 1,200 on 2026-01-01', () => {
    // ytd 990: 2025 — 100 × 55% = 55, 10 left; 2026 — 100 × 60% = 60, all of it.
    const a = settle({ date: '2025-12-31', items: [classA(100)], ytd: { outpatientFundPaid: 990 } });
    expect([a.fundPay, a.overCap]).toEqual([10, 45]);
    const b = settle({ date: '2026-01-01', items: [classA(100)], ytd: { outpatientFundPaid: 990 } });
    expect([b.fundPay, b.overCap]).toEqual([60, 0]);
  });

  it('rules that did not change give the same amounts on both sides (secondary 50%, inpatient, employees)', () => {
    const cases = [
      { institution: SECONDARY, visit: { referral: UP_FILED }, items: [classA(300)] },
      { institution: TERTIARY, visit: { kind: 'inpatient' }, items: [classA(5000)] },
      { person: IN_SERVICE, items: [classA(800)] },
    ];
    for (const c of cases) {
      const a = settle({ ...c, date: '2025-12-31' });
      const b = settle({ ...c, date: '2026-01-01' });
      expect(a.policyVersion).toBe('2025');
      expect(b.policyVersion).toBe('2026');
      expect({ ...a, policyVersion: '', trace: [] }).toEqual({ ...b, policyVersion: '', trace: [] });
    }
  });
});

describe('the trace follows the order of §6–§7', () => {
  it('line rules first (by line), then group, gate, deductible, rate, cap, account, and the settlement last', () => {
    // employee in service, secondary (no gate for employees): public-health line, a line above its standard,
    // a self line without consent, a Class B service; account asked for.
    const r = settle({
      person: { ...IN_SERVICE, accountBalance: 50 },
      institution: SECONDARY,
      visit: { useAccount: true },
      items: [
        classA(5, { publicHealth: true }),
        classA(12, { priceStandard: 10 }),
        selfItem(30),
        classB(100, { kind: 'service' }),
      ],
    });
    const rules = r.trace.map((e) => e.rule);
    const first = (rule: string): number => rules.indexOf(rule);
    const lineEvents = r.trace.filter((e) => e.item !== undefined).map((e) => e.item ?? -1);
    expect(lineEvents).toEqual([...lineEvents].sort((a, b) => a - b));
    expect(rules.slice(0, 4)).toEqual(['R-C5', 'R-C3', 'R-B6', 'R-C1']);
    const lastLine = r.trace.reduce((m, e, i) => (e.item !== undefined ? i : m), -1);
    const gate = first('R-D3'); // employees: the gate considered and not applied
    const deductible = r.trace.findIndex((e) => e.rule === 'R-D2' && e.text.includes('起付线'));
    const rate = r.trace.findIndex((e) => e.rule === 'R-D2' && e.text.includes('支付比例'));
    const cap = r.trace.findIndex((e) => e.rule === 'R-D2' && e.text.includes('年度限额'));
    const account = first('R-D9');
    expect(lastLine).toBeLessThan(gate);
    expect([gate, deductible, rate, cap, account].every((i) => i >= 0)).toBe(true);
    expect(gate).toBeLessThan(deductible);
    expect(deductible).toBeLessThan(rate);
    expect(rate).toBeLessThan(cap);
    expect(cap).toBeLessThan(account);
    expect(rules[rules.length - 1]).toBe('R-D11');
  });
});
