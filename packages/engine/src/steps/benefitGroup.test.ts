// Step 2 — the benefit group: chronic outpatient (R-C10, R-D4), special outpatient (R-C8, R-D7),
// pharmacy purchases with and without an e-prescription (R-D8, R-A12), and the fall-back of an
// uncertified diagnosis to general outpatient. REFERENCE_POLICY.md §3–§5, §8.
import { describe, expect, it } from 'vitest';
import {
  appliedEvents,
  classA,
  classB,
  IN_SERVICE,
  PHARMACY,
  RETIRED,
  SECONDARY,
  settle,
  TERTIARY,
  traceApplied,
  traceNotApplied,
} from '../testing/demoPolicy.js';

const ZERO = {
  outpatientDeductiblePaid: 0,
  outpatientFundPaid: 0,
  outpatientInScope: 0,
  chronicFundPaid: 0,
  specialDeductiblePaid: 0,
  inpatientFundPaid: 0,
};
const chronic = (diagnosis: string) => ({ kind: 'chronic_outpatient', diagnosis });
const special = (diagnosis: string) => ({ kind: 'special_outpatient', diagnosis });

describe('R-C10 / R-D4 chronic-disease outpatient (门诊慢性病)', () => {
  it('R-C10 certified: resident at primary 65%, no deductible, its own pool', () => {
    // 100 × 65% = 65; chronicFundPaid += 65; outpatient accumulators unmoved.
    const r = settle({ person: { chronicDiseases: ['I10'] }, visit: chronic('I10'), items: [classA(100)] });
    expect(r.benefitGroup).toBe('chronic_outpatient');
    expect([r.deductible, r.rate, r.fundPay]).toEqual([0, 65, 65]);
    expect(r.ytd).toEqual({ ...ZERO, chronicFundPaid: 65 });
    expect(traceApplied(r, 'R-C10', '已认定病种 I10')).toBe(true);
    expect(traceApplied(r, 'R-D4', '不设起付线')).toBe(true);
  });

  it('R-C10: certified E11 covers diagnosis E11.9', () => {
    const r = settle({ person: { chronicDiseases: ['E11'] }, visit: chronic('E11.9'), items: [classA(100)] });
    expect(r.benefitGroup).toBe('chronic_outpatient');
    expect(r.fundPay).toBe(65);
  });

  it('R-C10 negative: certified E11 does not cover E119 — general outpatient, and the trace says so', () => {
    // general outpatient at primary: 60%; a paid general visit adds its in scope to outpatientInScope.
    const r = settle({ person: { chronicDiseases: ['E11'] }, visit: chronic('E119'), items: [classA(100)] });
    expect(r.benefitGroup).toBe('general_outpatient');
    expect([r.rate, r.fundPay]).toEqual([60, 60]);
    expect(r.ytd).toEqual({ ...ZERO, outpatientFundPaid: 60, outpatientInScope: 100 });
    expect(traceApplied(r, 'R-C10', 'E119', '不在', '普通门诊')).toBe(true);
  });

  it('R-C10 negative: a certified E11.9 does not cover the broader E11', () => {
    const r = settle({ person: { chronicDiseases: ['E11.9'] }, visit: chronic('E11'), items: [classA(100)] });
    expect(r.benefitGroup).toBe('general_outpatient');
  });

  it('R-C10 negative: no certified disease at all — general outpatient', () => {
    const r = settle({ visit: chronic('I10'), items: [classA(100)] });
    expect(r.benefitGroup).toBe('general_outpatient');
    expect(r.fundPay).toBe(60);
  });

  it('R-D4 resident secondary 55%, tertiary 45%, no referral needed', () => {
    const s = settle({
      person: { chronicDiseases: ['I10'] },
      institution: SECONDARY,
      visit: chronic('I10'),
      items: [classA(100)],
    });
    expect([s.deductible, s.rate, s.fundPay]).toEqual([0, 55, 55]);
    const t = settle({
      person: { chronicDiseases: ['I10'] },
      institution: TERTIARY,
      visit: chronic('I10'),
      items: [classA(100)],
    });
    expect([t.deductible, t.rate, t.fundPay]).toEqual([0, 45, 45]);
    expect(t.trace.some((e) => e.rule === 'R-D3')).toBe(false);
  });

  it('R-D4 tuberculosis (A15–A19): resident at primary 75%', () => {
    // certified A16 covers A16.2: 100 × 75% = 75.
    const r = settle({ person: { chronicDiseases: ['A16'] }, visit: chronic('A16.2'), items: [classA(100)] });
    expect([r.rate, r.fundPay]).toEqual([75, 75]);
    expect(traceApplied(r, 'R-D4', '结核')).toBe(true);
  });

  it('R-D4 tuberculosis negative: at a secondary hospital the ordinary 55%, trace says primary only', () => {
    const r = settle({
      person: { chronicDiseases: ['A15'] },
      institution: SECONDARY,
      visit: chronic('A15'),
      items: [classA(100)],
    });
    expect([r.rate, r.fundPay]).toEqual([55, 55]);
    expect(traceNotApplied(r, 'R-D4', '结核', '基层')).toBe(true);
  });

  it('R-D4 tuberculosis negative: not for employees — in service primary 85%, trace says why', () => {
    const r = settle({
      person: { ...IN_SERVICE, chronicDiseases: ['A15'] },
      visit: chronic('A15'),
      items: [classA(100)],
    });
    expect([r.rate, r.fundPay]).toEqual([85, 85]);
    expect(traceNotApplied(r, 'R-D4', '结核', '不设')).toBe(true);
  });

  it('R-D4 employees: in service 85/75/65, retired 90/80/70, no deductible', () => {
    const levels = [
      [{ level: 'primary', type: 'community_centre' }, 85, 90],
      [SECONDARY, 75, 80],
      [TERTIARY, 65, 70],
    ] as const;
    for (const [institution, inService, retired] of levels) {
      const a = settle({
        person: { ...IN_SERVICE, chronicDiseases: ['I10'] },
        institution,
        visit: chronic('I10'),
        items: [classA(100)],
      });
      expect([a.deductible, a.fundPay]).toEqual([0, inService]);
      const b = settle({
        person: { ...RETIRED, chronicDiseases: ['I10'] },
        institution,
        visit: chronic('I10'),
        items: [classA(100)],
      });
      expect([b.deductible, b.fundPay]).toEqual([0, retired]);
    }
  });
});

describe('R-C8 / R-D7 special outpatient (门诊特殊病种)', () => {
  it('R-C8 certified: inpatient rate of the level, deductible 300, no gate; fund into the inpatient pool', () => {
    // tertiary 70%, C50 covers C50.9: (1,300 − 300) × 70% = 700.
    const r = settle({
      person: { chronicDiseases: ['C50'] },
      institution: TERTIARY,
      visit: special('C50.9'),
      items: [classA(1300)],
    });
    expect(r.benefitGroup).toBe('special_outpatient');
    expect([r.deductible, r.rate, r.fundPay]).toEqual([300, 70, 700]);
    expect(r.ytd).toEqual({ ...ZERO, specialDeductiblePaid: 300, inpatientFundPaid: 700 });
    expect(traceApplied(r, 'R-C8', '已认定病种 C50')).toBe(true);
    expect(r.trace.some((e) => e.rule === 'R-D3')).toBe(false);
  });

  it('R-D7: without the inpatient adjustments — out of city, no referral: still 70%', () => {
    const r = settle({
      person: { chronicDiseases: ['C50'] },
      institution: TERTIARY,
      visit: { ...special('C50'), scope: 'out_of_city' },
      items: [classA(1300)],
    });
    expect([r.rate, r.fundPay]).toEqual([70, 700]);
    expect(r.trace.some((e) => e.rule === 'R-D6' || e.rule === 'R-B5')).toBe(false);
  });

  it('R-D7 employee in service at secondary: deductible 300, 90%', () => {
    // (1,300 − 300) × 90% = 900.
    const r = settle({
      person: { ...IN_SERVICE, chronicDiseases: ['N18'] },
      institution: SECONDARY,
      visit: special('N18'),
      items: [classA(1300)],
    });
    expect([r.deductible, r.rate, r.fundPay]).toEqual([300, 90, 900]);
  });

  it('R-C8 negative: an uncertified diagnosis falls back to general outpatient, and the trace says so', () => {
    const r = settle({ person: { chronicDiseases: ['I10'] }, visit: special('C50'), items: [classA(100)] });
    expect(r.benefitGroup).toBe('general_outpatient');
    expect([r.deductible, r.rate, r.fundPay]).toEqual([0, 60, 60]);
    expect(traceApplied(r, 'R-C8', 'C50', '不在', '普通门诊')).toBe(true);
  });
});

describe('R-D8 / R-A12 pharmacy purchases (定点药店购药)', () => {
  const rx = (fromLevel: string, fromType: string) => ({
    kind: 'pharmacy',
    ePrescription: { fromLevel, fromType },
  });

  it('R-D8: with an e-prescription from a secondary hospital — secondary general-outpatient rules, no gate', () => {
    // deductible 200; 100 × 50% = 50; accumulators as a paid general-outpatient visit.
    const r = settle({
      institution: PHARMACY,
      visit: rx('secondary', 'general_hospital'),
      items: [classA(300, { kind: 'drug' })],
    });
    expect(r.benefitGroup).toBe('general_outpatient');
    expect([r.deductible, r.rate, r.fundPay]).toEqual([200, 50, 50]);
    expect(r.ytd).toEqual({
      ...ZERO,
      outpatientDeductiblePaid: 200,
      outpatientFundPaid: 50,
      outpatientInScope: 300,
    });
    expect(traceApplied(r, 'R-D8', '电子处方')).toBe(true);
    expect(appliedEvents(r, 'R-D3')).toHaveLength(0);
  });

  it('R-D8: with an e-prescription from primary the primary tier applies (ytd 1,500 → 70%)', () => {
    const r = settle({
      institution: PHARMACY,
      visit: rx('primary', 'community_centre'),
      items: [classA(100, { kind: 'drug' })],
      ytd: { outpatientInScope: 1500 },
    });
    expect([r.rate, r.fundPay]).toEqual([70, 70]);
  });

  it('R-A12: without an e-prescription the fund pays 0; Class B first self-pay still applies; nothing accumulates', () => {
    // B 100: first self 10, in scope 90 all pooled self-pay; personal 100.
    const r = settle({
      institution: PHARMACY,
      visit: { kind: 'pharmacy' },
      items: [classB(100)],
      ytd: { outpatientInScope: 100 },
    });
    expect(r.benefitGroup).toBe('none');
    expect([r.rate, r.deductible, r.fundPay]).toEqual([0, 0, 0]);
    expect([r.firstSelfPay, r.inScope, r.pooledSelfPay, r.personalPart]).toEqual([10, 90, 90, 100]);
    expect(r.ytd).toEqual({ ...ZERO, outpatientInScope: 100 });
    expect(traceApplied(r, 'R-A12', '统筹基金不予支付')).toBe(true);
  });

  it('R-A12 with R-D9: an employee may still pay an OTC purchase from the personal account', () => {
    // personal 100; account min(500, 100) = 100; cash 0.
    const r = settle({
      person: { ...IN_SERVICE, accountBalance: 500 },
      institution: PHARMACY,
      visit: { kind: 'pharmacy', useAccount: true },
      items: [classA(100, { kind: 'drug' })],
    });
    expect([r.fundPay, r.personalPart, r.accountPay, r.cashPay]).toEqual([0, 100, 100, 0]);
    expect(r.ytd).toEqual(ZERO);
  });
});

describe('the benefit group reads no policy parameter', () => {
  it('its events cite nothing (the tuberculosis codes are cited where the rate uses them)', () => {
    const r = settle({
      person: { chronicDiseases: ['A15'] },
      visit: { kind: 'chronic_outpatient', diagnosis: 'A15' },
    });
    expect(appliedEvents(r, 'R-C10')[0]?.params).toBeUndefined();
    expect(
      appliedEvents(r, 'R-D4')
        .find((e) => e.text.startsWith('结核病'))
        ?.params?.map((p) => p.name),
    ).toEqual(['resident/adult:chronicOutpatient.tuberculosisRate', 'diseases.tuberculosis']);
  });
});
