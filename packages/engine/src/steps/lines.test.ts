// Step 1 — the line items (REFERENCE_POLICY.md §6). Every expected amount is computed by hand from
// the policy text in the comment beside it. Default setting: resident adult, primary community
// centre, general outpatient (rate 60% in 2026, no deductible), 2026-03-01.
import { describe, expect, it } from 'vitest';
import {
  classA,
  classB,
  PHARMACY,
  PRIMARY,
  SECONDARY,
  selfItem,
  settle,
  traceApplied,
  traceNotApplied,
  appliedEvents,
} from '../testing/demoPolicy.js';

describe('R-C5 free public-health item (基本公共卫生服务)', () => {
  it('R-C5 positive: the whole line, quantity × unitPrice, is institution-borne; fund and patient pay nothing', () => {
    // 2 × 5.00 = 10.00 institution-borne; nothing in scope.
    const r = settle({ items: [classA(5, { quantity: 2, publicHealth: true })] });
    expect(r.totalCost).toBe(10);
    expect(r.institutionBorne).toBe(10);
    expect(r.items[0]?.institutionBorne).toBe(10);
    expect(r.inScope).toBe(0);
    expect(r.fundPay).toBe(0);
    expect(r.personalPart).toBe(0);
    expect(appliedEvents(r, 'R-C5').some((e) => e.item === 0 && e.amount === 10)).toBe(true);
  });

  it('R-C5 positive: it stops there — a price standard or a self-pay class does not change it', () => {
    // 12.00 above a 10.00 standard, class self without consent: still the whole 12.00 institution-borne by R-C5.
    const r = settle({ items: [selfItem(12, { priceStandard: 10, publicHealth: true })] });
    expect(r.institutionBorne).toBe(12);
    expect(r.fullSelfPay).toBe(0);
    expect(traceApplied(r, 'R-C3')).toBe(false);
    expect(traceApplied(r, 'R-B6')).toBe(false);
    expect(traceApplied(r, 'R-C5')).toBe(true);
  });

  it('R-C5 negative: the same line not flagged public-health is an ordinary Class A line', () => {
    // 10.00 in scope × 60% = 6.00 fund, 4.00 pooled self-pay.
    const r = settle({ items: [classA(5, { quantity: 2 })] });
    expect(r.institutionBorne).toBe(0);
    expect(r.inScope).toBe(10);
    expect(r.fundPay).toBe(6);
    expect(r.personalPart).toBe(4);
    expect(appliedEvents(r, 'R-C5')).toHaveLength(0);
  });
});

describe('R-C3 / R-D10 price-standard excess (超价格标准, institution-borne)', () => {
  it('R-C3 positive: the part above the price standard is borne by the institution, not the patient', () => {
    // P1 = 2 × 12.00 = 24.00; P2 = 2 × 10.00 = 20.00; institution 4.00; in scope 20.00; fund 12.00; personal 8.00.
    const r = settle({ items: [classA(12, { quantity: 2, priceStandard: 10 })] });
    expect(r.totalCost).toBe(24);
    expect(r.institutionBorne).toBe(4);
    expect(r.inScope).toBe(20);
    expect(r.fundPay).toBe(12);
    expect(r.personalPart).toBe(8);
    expect(r.items[0]).toMatchObject({ total: 24, institutionBorne: 4, inScope: 20 });
    expect(appliedEvents(r, 'R-C3').some((e) => e.amount === 4 && e.text.includes('价格标准'))).toBe(true);
  });

  it('R-C3 positive: each of the three prices is rounded to the fen on its own', () => {
    // quantity 0.3333 × 10.01 = 3.336333 → 3.34 (P1); × 10.00 = 3.333 → 3.33 (P2); institution 0.01.
    const r = settle({ items: [classA(10.01, { quantity: 0.3333, priceStandard: 10 })] });
    expect(r.totalCost).toBe(3.34);
    expect(r.institutionBorne).toBe(0.01);
    expect(r.inScope).toBe(3.33);
  });

  it('R-C3 negative: a price at or below the standard moves nothing to the institution', () => {
    // 10.00 with standard 12.00, and 10.00 with standard 10.00: all 20.00 in scope.
    const r = settle({ items: [classA(10, { priceStandard: 12 }), classA(10, { priceStandard: 10 })] });
    expect(r.institutionBorne).toBe(0);
    expect(r.inScope).toBe(20);
    expect(appliedEvents(r, 'R-C3')).toHaveLength(0);
  });
});

describe('payment-limit excess (超支付限价自付)', () => {
  it("positive: the part above the insurance payment limit is the patient's over-limit self-pay", () => {
    // P1 = P2 = 50.00; P3 = 40.00: over-limit 10.00; in scope 40.00 × 60% = 24.00; personal 10 + 16 = 26.00.
    const r = settle({ items: [classA(50, { kind: 'drug', paymentLimit: 40 })] });
    expect(r.overLimitSelfPay).toBe(10);
    expect(r.inScope).toBe(40);
    expect(r.fundPay).toBe(24);
    expect(r.personalPart).toBe(26);
    expect(r.institutionBorne).toBe(0);
    expect(appliedEvents(r, 'R-C3').some((e) => e.amount === 10 && e.text.includes('支付限价'))).toBe(true);
  });

  it('positive: standard and limit together — institution P1 − P2, over-limit P2 − P3', () => {
    // 2 × 50 = 100 (P1), 2 × 45 = 90 (P2), 2 × 40 = 80 (P3): institution 10, over-limit 10, in scope 80.
    const r = settle({ items: [classA(50, { quantity: 2, priceStandard: 45, paymentLimit: 40 })] });
    expect(r.items[0]).toMatchObject({ total: 100, institutionBorne: 10, overLimitSelfPay: 10, inScope: 80 });
  });

  it('negative: a `self` item has no payment limit (P3 = P2)', () => {
    // self 50.00 with consent and a 40.00 limit: no over-limit; the whole 50.00 is full self-pay.
    const r = settle({ items: [selfItem(50, { consent: true, paymentLimit: 40 })] });
    expect(r.overLimitSelfPay).toBe(0);
    expect(r.fullSelfPay).toBe(50);
    expect(traceApplied(r, 'R-C3', '支付限价')).toBe(false);
  });

  it('negative: a limit above the price moves nothing', () => {
    const r = settle({ items: [classA(30, { paymentLimit: 40 })] });
    expect(r.overLimitSelfPay).toBe(0);
    expect(r.inScope).toBe(30);
  });
});

describe('R-B6 self-pay items (丙类/目录外) and informed consent', () => {
  it('R-B6 with consent: fully self-paid', () => {
    const r = settle({ items: [selfItem(20, { consent: true })] });
    expect(r.fullSelfPay).toBe(20);
    expect(r.institutionBorne).toBe(0);
    expect(r.personalPart).toBe(20);
    expect(traceApplied(r, 'R-B6', '已签署')).toBe(true);
  });

  it('R-B6 without consent: institution-borne, the patient pays nothing for it', () => {
    const r = settle({ items: [selfItem(20, { consent: false })] });
    expect(r.fullSelfPay).toBe(0);
    expect(r.institutionBorne).toBe(20);
    expect(r.personalPart).toBe(0);
    expect(traceApplied(r, 'R-B6', '未签署')).toBe(true);
  });

  it('R-B6: consent absent means not signed', () => {
    const r = settle({ items: [selfItem(20)] });
    expect(r.institutionBorne).toBe(20);
    expect(r.fullSelfPay).toBe(0);
  });
});

describe('R-C1 Class B first self-pay (乙类先行自付)', () => {
  it('explicit ratio: first self-pay = left × selfPayRatio, half up; in scope the rest', () => {
    // Class B service at primary (services keep first self-pay): 50.00 × 20% = 10.00; in scope 40.00; fund 24.00.
    const r = settle({ items: [classB(50, { kind: 'service', selfPayRatio: 0.2 })] });
    expect(r.firstSelfPay).toBe(10);
    expect(r.inScope).toBe(40);
    expect(r.fundPay).toBe(24);
    expect(traceApplied(r, 'R-C1')).toBe(true);
  });

  it('default ratio: absent selfPayRatio uses the policy default of 10%', () => {
    // 50.00 × 10% = 5.00; in scope 45.00; fund 27.00.
    const r = settle({ items: [classB(50, { kind: 'service' })] });
    expect(r.firstSelfPay).toBe(5);
    expect(r.inScope).toBe(45);
    expect(r.fundPay).toBe(27);
  });

  it('rounding half up and a four-decimal ratio used exactly', () => {
    // 33.33 × 15% = 4.9995 → 5.00; 100.00 × 12.34% = 12.34.
    const r = settle({
      items: [
        classB(33.33, { kind: 'service', selfPayRatio: 0.15 }),
        classB(100, { kind: 'material', selfPayRatio: 0.1234 }),
      ],
    });
    expect(r.items[0]).toMatchObject({ firstSelfPay: 5, inScope: 28.33 });
    expect(r.items[1]).toMatchObject({ firstSelfPay: 12.34, inScope: 87.66 });
  });

  it('first self-pay is taken after the payment limit (on what is left)', () => {
    // B drug at secondary hospital, emergency: P3 = 80.00; 10% = 8.00; over-limit 20.00; in scope 72.00.
    const r = settle({
      institution: SECONDARY,
      visit: { kind: 'emergency' },
      items: [classB(100, { paymentLimit: 80 })],
    });
    expect(r.items[0]).toMatchObject({ overLimitSelfPay: 20, firstSelfPay: 8, inScope: 72 });
  });
});

describe('R-C2 Class B drug paid as Class A at a primary institution (基层乙类药品参照甲类)', () => {
  it('R-C2 positive: a Class B drug at primary has no first self-pay', () => {
    // 100.00 all in scope × 60% = 60.00.
    const r = settle({ items: [classB(100, { selfPayRatio: 0.1 })] });
    expect(r.firstSelfPay).toBe(0);
    expect(r.inScope).toBe(100);
    expect(r.fundPay).toBe(60);
    expect(appliedEvents(r, 'R-C2').some((e) => e.item === 0)).toBe(true);
  });

  it('R-C2 positive: any visit kind at primary — a primary inpatient stay too', () => {
    // primary inpatient: B drug 1,000.00 all in scope; deductible 200; 800 × 90% = 720.
    const r = settle({ visit: { kind: 'inpatient' }, items: [classB(1000)] });
    expect(r.firstSelfPay).toBe(0);
    expect(r.inScope).toBe(1000);
    expect(r.fundPay).toBe(720);
  });

  it('R-C2 positive: an internet hospital set up by a primary institution is primary', () => {
    const r = settle({ institution: { level: 'primary', type: 'internet_hospital' }, items: [classB(100)] });
    expect(r.firstSelfPay).toBe(0);
    expect(r.fundPay).toBe(60);
    expect(traceApplied(r, 'R-C2')).toBe(true);
  });

  it('R-C2 negative: a Class B service at primary keeps its first self-pay, trace says only drugs qualify', () => {
    const r = settle({ items: [classB(100, { kind: 'service' })] });
    expect(r.firstSelfPay).toBe(10);
    expect(traceNotApplied(r, 'R-C2', '仅药品')).toBe(true);
  });

  it('R-C2 negative: a Class B material at primary keeps its first self-pay', () => {
    const r = settle({ items: [classB(100, { kind: 'material' })] });
    expect(r.firstSelfPay).toBe(10);
    expect(traceNotApplied(r, 'R-C2', '仅药品')).toBe(true);
  });

  it('R-C2 exception: a drug with a fixed self-pay standard (fixedSelfPay) keeps its first self-pay', () => {
    // 100.00 × 10% = 10.00; in scope 90.00; fund 54.00.
    const r = settle({ items: [classB(100, { fixedSelfPay: true })] });
    expect(r.firstSelfPay).toBe(10);
    expect(r.inScope).toBe(90);
    expect(r.fundPay).toBe(54);
    expect(traceNotApplied(r, 'R-C2', '定额')).toBe(true);
    expect(appliedEvents(r, 'R-C2')).toHaveLength(0);
  });

  it('R-C2 negative: not at a pharmacy, even with an e-prescription from a primary institution', () => {
    const r = settle({
      institution: PHARMACY,
      visit: { kind: 'pharmacy', ePrescription: { fromLevel: 'primary', fromType: 'community_centre' } },
      items: [classB(100)],
    });
    expect(r.firstSelfPay).toBe(10);
    expect(traceNotApplied(r, 'R-C2', '药店')).toBe(true);
  });

  it('R-C2 negative: not at a secondary hospital', () => {
    // emergency at secondary (no gate): first self-pay 10.00.
    const r = settle({ institution: SECONDARY, visit: { kind: 'emergency' }, items: [classB(100)] });
    expect(r.firstSelfPay).toBe(10);
    expect(traceNotApplied(r, 'R-C2', '二级')).toBe(true);
  });

  it('R-C2 with R-C4: a family bed run by a secondary hospital uses the real level — first self-pay applies', () => {
    // B drug 100 → first self 10, in scope 90; A 1,000; in scope 1,090; family-bed deductible 100;
    // primary inpatient rate 90%: 990 × 90% = 891.00.
    const r = settle({
      institution: SECONDARY,
      visit: { kind: 'family_bed' },
      items: [classB(100), classA(1000)],
    });
    expect(r.firstSelfPay).toBe(10);
    expect(r.inScope).toBe(1090);
    expect(r.deductible).toBe(100);
    expect(r.rate).toBe(90);
    expect(r.fundPay).toBe(891);
    expect(traceNotApplied(r, 'R-C2', '二级')).toBe(true);
  });

  it('R-C2 with R-C4: a family bed run by a primary institution pays the drug as Class A', () => {
    const r = settle({ institution: PRIMARY, visit: { kind: 'family_bed' }, items: [classB(100)] });
    expect(r.firstSelfPay).toBe(0);
    expect(traceApplied(r, 'R-C2')).toBe(true);
  });
});

describe('R-C1 cites the parameter it used (引用参数)', () => {
  it('a Class B line without a ratio of its own cites the policy default: name, value in percent, clause', () => {
    const r = settle({ institution: SECONDARY, items: [classB(100), classB(100, { selfPayRatio: 0.2 })] });
    const [own, given] = appliedEvents(r, 'R-C1');
    expect(own?.params).toEqual([
      {
        name: 'classB.defaultSelfPayRatio',
        value: 10,
        unit: 'percent',
        source: { document: '示范市医疗保障待遇政策', clause: '§6 第3步 乙类', requirement: 'R-C1' },
      },
    ]);
    expect(given?.params).toBeUndefined(); // the line's own ratio is no policy parameter
  });
});

describe('refusedBy: a line refused before the benefit (CALC_CONTRACT.md, R-D10 / F-05)', () => {
  it('refusedBy positive: the whole line is institution-borne, outside every other step, and the trace cites the rule', () => {
    // 3 × 199.80 = 599.40, Class A: refused by R-D10, so 599.40 institution-borne; the other line
    // (10.00 Class A) is untouched: 10.00 in scope × 60% = 6.00 fund.
    const r = settle({
      items: [classA(199.8, { quantity: 3, kind: 'drug', refusedBy: 'R-D10' }), classA(10)],
    });
    expect(r.totalCost).toBe(609.4);
    expect(r.items[0]?.institutionBorne).toBe(599.4);
    expect(r.items[0]?.inScope).toBe(0);
    expect(r.institutionBorne).toBe(599.4);
    expect(r.inScope).toBe(10);
    expect(r.fundPay).toBe(6);
    expect(r.personalPart).toBe(4);
    const ev = appliedEvents(r, 'R-D10').find((e) => e.item === 0);
    expect(ev?.amount).toBe(599.4);
    expect(ev?.text).toContain('R-D10');
  });

  it('refusedBy positive: it overrides public health, a price standard, a limit and a self-pay class', () => {
    const r = settle({
      items: [selfItem(12, { priceStandard: 10, publicHealth: true, consent: true, refusedBy: 'F-05' })],
    });
    expect(r.institutionBorne).toBe(12);
    expect(r.fullSelfPay).toBe(0);
    expect(r.overLimitSelfPay).toBe(0);
    expect(traceApplied(r, 'F-05')).toBe(true);
    expect(traceApplied(r, 'R-C5')).toBe(false);
    expect(traceApplied(r, 'R-C3')).toBe(false);
    expect(traceApplied(r, 'R-B6')).toBe(false);
  });

  it('refusedBy negative: null or absent settles the line as before', () => {
    const line = classA(5, { quantity: 2 });
    const a = settle({ items: [{ ...line, refusedBy: null }] });
    const b = settle({ items: [line] });
    expect(a).toEqual(b);
    expect(a.institutionBorne).toBe(0);
  });
});
