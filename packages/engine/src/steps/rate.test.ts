// Step 5 — the rate: the primary-care tier (R-D2), the inpatient adjustments (R-D6, R-B5) added up and
// clamped to 0–100, and the family bed (R-C4). REFERENCE_POLICY.md §3, §4, §8 "Tier", "Reported rate",
// "Inpatient adjustments", "Family bed".
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy-compiler/compile.js';
import {
  classA,
  IN_SERVICE,
  PRIMARY,
  policyFiles,
  RETIRED,
  SECONDARY,
  selfItem,
  settle,
  settleWith,
  TERTIARY,
  traceApplied,
  traceNotApplied,
  appliedEvents,
} from '../testing/demoPolicy.js';

describe('R-D2 primary-care tier (基层普通门诊分段支付): split at 1,500', () => {
  it('R-D2: a visit crossing the threshold is split — first part 60%, the rest 70%', () => {
    // ytd 0, in scope 1,600: 1,500 × 60% = 900.00 + 100 × 70% = 70.00 = 970.00; reported rate 60.
    const r = settle({ items: [classA(1600)] });
    expect(r.fundPay).toBe(970);
    expect(r.rate).toBe(60);
    expect(traceApplied(r, 'R-D2', '分段线')).toBe(true);
  });

  it('R-D2: "above 1,500" is strict — ytd exactly 1,500: all of this visit at 70%, reported rate 70', () => {
    const r = settle({ items: [classA(100)], ytd: { outpatientInScope: 1500 } });
    expect(r.fundPay).toBe(70);
    expect(r.rate).toBe(70);
  });

  it('R-D2: a visit that ends exactly at 1,500 stays at the base rate', () => {
    // ytd 1,400 + 100 = 1,500, nothing above: 100 × 60% = 60.
    const r = settle({ items: [classA(100)], ytd: { outpatientInScope: 1400 } });
    expect(r.fundPay).toBe(60);
    expect(r.rate).toBe(60);
  });

  it('R-D2: ytd 1,499.99 — one fen at 60%, the rest at 70%, reported rate 60', () => {
    // 0.01 × 60% = 0.006 → 0.01; 99.99 × 70% = 69.993 → 69.99; fund 70.00.
    const r = settle({ items: [classA(100)], ytd: { outpatientInScope: 1499.99 } });
    expect(r.fundPay).toBe(70);
    expect(r.rate).toBe(60);
  });

  it('R-D2: each part is rounded on its own', () => {
    // ytd 1,499.99, in scope 0.02: 0.01 × 60% = 0.006 → 0.01; 0.01 × 70% = 0.007 → 0.01; fund 0.02
    // (rounding the sum 0.013 once would give 0.01).
    const r = settle({ items: [classA(0.02)], ytd: { outpatientInScope: 1499.99 } });
    expect(r.fundPay).toBe(0.02);
    expect(r.pooledSelfPay).toBe(0);
  });

  it('R-D2 reported rate with a pool base of 0: base rate below the threshold, tier rate at/above it', () => {
    const below = settle({ items: [selfItem(10, { consent: true })], ytd: { outpatientInScope: 1400 } });
    expect(below.rate).toBe(60);
    const above = settle({ items: [selfItem(10, { consent: true })], ytd: { outpatientInScope: 1600 } });
    expect(above.rate).toBe(70);
  });

  it('R-D2: the 2025 version splits 55% / 65% at the same 1,500', () => {
    // ytd 1,400, in scope 200: 100 × 55% = 55 + 100 × 65% = 65 = 120.
    const r = settle({ date: '2025-06-01', items: [classA(200)], ytd: { outpatientInScope: 1400 } });
    expect(r.policyVersion).toBe('2025');
    expect(r.fundPay).toBe(120);
    expect(r.rate).toBe(55);
  });

  it('R-D2 negative: no tier at a secondary hospital — 50% however high the ytd', () => {
    // deductible 200 already paid; 300 × 50% = 150.
    const r = settle({
      institution: SECONDARY,
      visit: { referral: { fromLevel: 'primary', direction: 'up', filed: true } },
      items: [classA(300)],
      ytd: { outpatientInScope: 5000, outpatientDeductiblePaid: 200 },
    });
    expect(r.fundPay).toBe(150);
    expect(r.rate).toBe(50);
  });

  it('R-D2 negative: employees have no tier', () => {
    // in service primary, deductible paid, ytd 2,000: 100 × 80% = 80; retired 90.
    const a = settle({
      person: IN_SERVICE,
      items: [classA(100)],
      ytd: { outpatientInScope: 2000, outpatientDeductiblePaid: 500 },
    });
    expect([a.rate, a.fundPay]).toEqual([80, 80]);
    const b = settle({
      person: RETIRED,
      items: [classA(100)],
      ytd: { outpatientInScope: 2000, outpatientDeductiblePaid: 300 },
    });
    expect([b.rate, b.fundPay]).toEqual([90, 90]);
  });
});

describe('R-D6 / R-B5 inpatient rate adjustments (住院支付比例调整)', () => {
  // Resident at a secondary hospital: deductible 600, rate 80%; in scope 1,600 -> pool base 1,000.
  const stay = (visit: Record<string, unknown>, person: Record<string, unknown> = {}) =>
    settle({ person, institution: SECONDARY, visit: { kind: 'inpatient', ...visit }, items: [classA(1600)] });
  const DOWN = { fromLevel: 'tertiary', direction: 'down', filed: true };
  const UP = { fromLevel: 'primary', direction: 'up', filed: true };

  it('in county, no referral: the base rate 80%', () => {
    const r = stay({});
    expect([r.rate, r.fundPay]).toEqual([80, 800]);
  });

  it('R-D6: downward referral +2 → 82%', () => {
    const r = stay({ referral: DOWN });
    expect([r.rate, r.fundPay]).toEqual([82, 820]);
    expect(traceApplied(r, 'R-D6', '向下转诊', '+2')).toBe(true);
  });

  it('R-D6 negative: an unfiled downward referral counts as none — 80%, trace says not filed', () => {
    const r = stay({ referral: { ...DOWN, filed: false } });
    expect(r.rate).toBe(80);
    expect(traceNotApplied(r, 'R-D6', '向下转诊', '未备案')).toBe(true);
  });

  it('R-D6: cross county without a filed referral −5 → 75%', () => {
    const r = stay({ scope: 'cross_county' });
    expect([r.rate, r.fundPay]).toEqual([75, 750]);
    expect(traceApplied(r, 'R-D6', '跨县', '-5')).toBe(true);
  });

  it('R-D6: cross county with an unfiled referral is still −5', () => {
    const r = stay({ scope: 'cross_county', referral: { ...UP, filed: false } });
    expect(r.rate).toBe(75);
  });

  it('R-D6 negative: cross county with a filed referral — no reduction, trace says why', () => {
    const r = stay({ scope: 'cross_county', referral: UP });
    expect(r.rate).toBe(80);
    expect(traceNotApplied(r, 'R-D6', '跨县', '已办理备案转诊')).toBe(true);
  });

  it('R-D6: out of city with a filed referral −10 → 70%', () => {
    const r = stay({ scope: 'out_of_city', referral: UP });
    expect([r.rate, r.fundPay]).toEqual([70, 700]);
    expect(traceNotApplied(r, 'R-B5', '异地安置', '未办理异地安置备案')).toBe(true);
  });

  it('R-D6: out of city without a filed referral −20 → 60%', () => {
    const r = stay({ scope: 'out_of_city' });
    expect([r.rate, r.fundPay]).toEqual([60, 600]);
  });

  it('R-B5: relocated (异地安置) out of city — 0, the base rate 80%', () => {
    const r = stay({ scope: 'out_of_city' }, { relocated: true });
    expect([r.rate, r.fundPay]).toEqual([80, 800]);
    expect(traceApplied(r, 'R-B5', '异地安置')).toBe(true);
  });

  it('R-B5: relocation cancels only the out-of-city adjustment — a downward referral still adds +2', () => {
    const r = stay({ scope: 'out_of_city', referral: DOWN }, { relocated: true });
    expect(r.rate).toBe(82);
  });

  it('adjustments add up: downward referral out of city with filing, 80 + 2 − 10 = 72%', () => {
    // 1,000 × 72% = 720.
    const r = stay({ scope: 'out_of_city', referral: DOWN });
    expect([r.rate, r.fundPay]).toEqual([72, 720]);
  });

  it('adjustments apply to employees too: retired tertiary 88 − 20 = 68%', () => {
    // deductible 600; base 1,000 × 68% = 680.
    const r = settle({
      person: RETIRED,
      institution: TERTIARY,
      visit: { kind: 'inpatient', scope: 'out_of_city' },
      items: [classA(1600)],
    });
    expect([r.rate, r.fundPay]).toEqual([68, 680]);
  });

  it('the adjusted rate is clamped to 0–100 (a policy copy with bigger adjustments)', () => {
    // The demo's numbers cannot leave 0–100, so this compiles a copy with +20 downward and −90 out of city.
    const files = policyFiles().map((f) =>
      f.path.endsWith('region-wide.yaml')
        ? {
            ...f,
            text: f.text
              .replace(/(inpatientAdjustment\.downwardReferral:[\s\S]*?value: )2 \}/, '$120 }')
              .replace(/(inpatientAdjustment\.outOfCityWithoutReferral:[\s\S]*?value: )-20 \}/, '$1-90 }'),
          }
        : f,
    );
    const book = compilePolicy(files);
    // employee retired at primary: 97 + 20 = 117 → 100; deductible 150; base 1,000 × 100% = 1,000.
    const high = settleWith(book, {
      person: RETIRED,
      institution: PRIMARY,
      visit: { kind: 'inpatient', referral: { fromLevel: 'secondary', direction: 'down', filed: true } },
      items: [classA(1150)],
    });
    expect([high.rate, high.fundPay]).toEqual([100, 1000]);
    expect(traceApplied(high, 'R-D6', '117%', '100%')).toBe(true);
    // resident tertiary out of city, no referral: 70 − 90 = −20 → 0; fund 0.
    const low = settleWith(book, {
      institution: TERTIARY,
      visit: { kind: 'inpatient', scope: 'out_of_city' },
      items: [classA(2000)],
    });
    expect([low.rate, low.fundPay]).toEqual([0, 0]);
    expect(low.pooledSelfPay).toBe(1000);
  });
});

describe('R-C4 family bed (家庭病床): primary inpatient rate, its own deductible', () => {
  it('R-C4 resident at primary: deductible 100, 90%', () => {
    // 1,000 × 90% = 900.
    const r = settle({ visit: { kind: 'family_bed' }, items: [classA(1100)] });
    expect([r.deductible, r.rate, r.fundPay]).toEqual([100, 90, 900]);
    expect(traceApplied(r, 'R-C4', '家庭病床')).toBe(true);
  });

  it('R-C4 run by a tertiary hospital: still the primary rate 90% and deductible 100 (not 1,000 / 70%)', () => {
    const r = settle({ institution: TERTIARY, visit: { kind: 'family_bed' }, items: [classA(1100)] });
    expect([r.deductible, r.rate, r.fundPay]).toEqual([100, 90, 900]);
  });

  it('R-C4 employee in service 100 / 95%; retired 50 / 97%', () => {
    // 1,000 × 95% = 950; 1,000 × 97% = 970.
    const a = settle({
      person: IN_SERVICE,
      institution: SECONDARY,
      visit: { kind: 'family_bed' },
      items: [classA(1100)],
    });
    expect([a.deductible, a.rate, a.fundPay]).toEqual([100, 95, 950]);
    const b = settle({
      person: RETIRED,
      institution: SECONDARY,
      visit: { kind: 'family_bed' },
      items: [classA(1050)],
    });
    expect([b.deductible, b.rate, b.fundPay]).toEqual([50, 97, 970]);
  });

  it('R-C4 with R-D6: the adjustments and the linked deductible apply as for any stay', () => {
    // down from tertiary, filed, linked 60: deductible 100 − 60 = 40; rate 90 + 2 = 92; 1,000 × 92% = 920.
    const r = settle({
      visit: {
        kind: 'family_bed',
        referral: { fromLevel: 'tertiary', direction: 'down', filed: true, linkedDeductiblePaid: 60 },
      },
      items: [classA(1040)],
    });
    expect([r.deductible, r.rate, r.fundPay]).toEqual([40, 92, 920]);
    // cross county, no referral: 90 − 5 = 85; deductible 100; 1,000 × 85% = 850.
    const c = settle({ visit: { kind: 'family_bed', scope: 'cross_county' }, items: [classA(1100)] });
    expect([c.rate, c.fundPay]).toEqual([85, 850]);
  });

  it('R-C4: its deductible is not accumulated; fund pay goes to the inpatient pool', () => {
    const r = settle({ visit: { kind: 'family_bed' }, items: [classA(1100)] });
    expect(r.ytd).toEqual({
      outpatientDeductiblePaid: 0,
      outpatientFundPaid: 0,
      outpatientInScope: 0,
      chronicFundPaid: 0,
      specialDeductiblePaid: 0,
      inpatientFundPaid: 900,
    });
  });
});

describe('the rate events cite the rates and adjustments they used (引用参数)', () => {
  it("R-D2 cites the rate in force on the date, with that value's own clause (2025 version)", () => {
    const r = settle({ date: '2025-12-31', items: [classA(10)] });
    // 2025 has the primary tier: the event cites the rate, the threshold and the rate above it.
    const cited = appliedEvents(r, 'R-D2').find((e) => e.text.includes('×'))?.params;
    expect(cited?.map((p) => p.name)).toEqual([
      'resident/adult:generalOutpatient.rate',
      'resident/adult:generalOutpatient.tierThreshold',
      'resident/adult:generalOutpatient.tierRate',
    ]);
    expect(cited?.[0]).toEqual({
      name: 'resident/adult:generalOutpatient.rate',
      value: 55,
      unit: 'percent',
      level: 'primary',
      source: { document: '示范市医疗保障待遇政策', clause: '§1 2025版', requirement: 'R-D2' },
    });
  });

  it('R-D6: an out-of-city stay cites its adjustment, and the payment cites the rate and the adjustment', () => {
    const r = settle({
      institution: SECONDARY,
      visit: { kind: 'inpatient', scope: 'out_of_city' },
      items: [classA(5000)],
    });
    const adjustment = appliedEvents(r, 'R-D6')[0]?.params?.[0];
    expect(adjustment?.name).toBe('inpatientAdjustment.outOfCityWithoutReferral');
    expect(adjustment?.source).toEqual({
      document: '示范市医疗保障待遇政策',
      clause: '§3 住院调整表',
      requirement: 'R-D6',
    });
    const pay = appliedEvents(r, 'R-D1').find((e) => e.text.startsWith('住院统筹支付'));
    expect(pay?.params?.map((p) => p.name)).toEqual([
      'resident/adult:inpatient.rate',
      'inpatientAdjustment.outOfCityWithoutReferral',
    ]);
  });
});
