// Step 4 — deductibles (起付线): the yearly general-outpatient deductible and its accumulator, the
// special-outpatient yearly deductible, the per-stay inpatient deductible (never accumulated) and the
// linked referral deductible (R-D6). REFERENCE_POLICY.md §3, §4, §7, §8.
import { describe, expect, it } from 'vitest';
import {
  classA,
  IN_SERVICE,
  PRIMARY,
  RETIRED,
  SECONDARY,
  settle,
  TERTIARY,
  traceApplied,
  traceNotApplied,
  appliedEvents,
} from '../testing/demoPolicy.js';

const UP_FILED = { fromLevel: 'primary', direction: 'up', filed: true } as const;

describe('general outpatient yearly deductible (普通门诊起付线, R-D2 / R-H3)', () => {
  it('R-H3: resident at primary has no deductible; the accumulator does not move', () => {
    const r = settle({ institution: PRIMARY, items: [classA(100)] });
    expect(r.deductible).toBe(0);
    expect(r.fundPay).toBe(60);
    expect(r.ytd.outpatientDeductiblePaid).toBe(0);
    expect(traceApplied(r, 'R-H3', '不设起付线')).toBe(true);
  });

  it('R-D2: resident — one deductible of 200 shared by secondary and tertiary', () => {
    // 150 already taken at a secondary hospital: tertiary visit takes the remaining 50; base 250 × 40% = 100.
    const r = settle({
      institution: TERTIARY,
      visit: { referral: UP_FILED },
      items: [classA(300)],
      ytd: { outpatientDeductiblePaid: 150 },
    });
    expect(r.deductible).toBe(50);
    expect(r.fundPay).toBe(100);
    expect(r.ytd.outpatientDeductiblePaid).toBe(200);
    expect(traceApplied(r, 'R-D2', '起付线')).toBe(true);
  });

  it('R-D2: resident — deductible fully paid this year: none taken', () => {
    // base 300 × 50% = 150.
    const r = settle({
      institution: SECONDARY,
      visit: { referral: UP_FILED },
      items: [classA(300)],
      ytd: { outpatientDeductiblePaid: 200 },
    });
    expect(r.deductible).toBe(0);
    expect(r.fundPay).toBe(150);
  });

  it('employee in service: 500 at every level, primary included', () => {
    // primary: 300 in scope all deductible, fund 0; the accumulator grows by 300.
    const r = settle({ person: IN_SERVICE, items: [classA(300)] });
    expect(r.deductible).toBe(300);
    expect(r.fundPay).toBe(0);
    expect(r.ytd.outpatientDeductiblePaid).toBe(300);
  });

  it('employee in service: partial remaining deductible', () => {
    // 500 − 400 = 100 remaining; base 200 × 80% (primary) = 160.
    const r = settle({ person: IN_SERVICE, items: [classA(300)], ytd: { outpatientDeductiblePaid: 400 } });
    expect(r.deductible).toBe(100);
    expect(r.fundPay).toBe(160);
    expect(r.ytd.outpatientDeductiblePaid).toBe(500);
  });

  it('employee retired: 300; tertiary 70%', () => {
    // deductible 300; base 200 × 70% = 140.
    const r = settle({ person: RETIRED, institution: TERTIARY, items: [classA(500)] });
    expect(r.deductible).toBe(300);
    expect(r.fundPay).toBe(140);
  });

  it('the deductible taken never exceeds the in-scope amount', () => {
    // 450 paid of 500; this visit's in scope is 30: deductible 30, fund 0, 20 still remaining afterwards.
    const r = settle({
      person: IN_SERVICE,
      institution: SECONDARY,
      items: [classA(30)],
      ytd: { outpatientDeductiblePaid: 450 },
    });
    expect(r.deductible).toBe(30);
    expect(r.fundPay).toBe(0);
    expect(r.pooledSelfPay).toBe(0);
    expect(r.ytd.outpatientDeductiblePaid).toBe(480);
  });
});

describe('inpatient per-stay deductible (住院每次起付线), never accumulated', () => {
  it('resident tertiary: 1,000 per stay, 70%', () => {
    // base 4000 × 70% = 2800.
    const r = settle({ institution: TERTIARY, visit: { kind: 'inpatient' }, items: [classA(5000)] });
    expect(r.deductible).toBe(1000);
    expect(r.rate).toBe(70);
    expect(r.fundPay).toBe(2800);
    expect(r.ytd).toEqual({
      outpatientDeductiblePaid: 0,
      outpatientFundPaid: 0,
      outpatientInScope: 0,
      chronicFundPaid: 0,
      specialDeductiblePaid: 0,
      inpatientFundPaid: 2800,
    });
    expect(traceApplied(r, 'R-D1', '起付线')).toBe(true);
  });

  it('a second stay in the year pays its deductible again (per stay, not yearly)', () => {
    const r = settle({
      institution: TERTIARY,
      visit: { kind: 'inpatient' },
      items: [classA(5000)],
      ytd: { inpatientFundPaid: 2800 },
    });
    expect(r.deductible).toBe(1000);
    expect(r.fundPay).toBe(2800);
    expect(r.ytd.inpatientFundPaid).toBe(5600);
  });

  it('employee in service secondary 800 / 90%; retired tertiary 600 / 88%', () => {
    // 4200 × 90% = 3780; 4400 × 88% = 3872.
    const a = settle({
      person: IN_SERVICE,
      institution: SECONDARY,
      visit: { kind: 'inpatient' },
      items: [classA(5000)],
    });
    expect([a.deductible, a.rate, a.fundPay]).toEqual([800, 90, 3780]);
    const b = settle({
      person: RETIRED,
      institution: TERTIARY,
      visit: { kind: 'inpatient' },
      items: [classA(5000)],
    });
    expect([b.deductible, b.rate, b.fundPay]).toEqual([600, 88, 3872]);
  });

  it('in scope below the deductible: the deductible taken is the in-scope amount', () => {
    const r = settle({ visit: { kind: 'inpatient' }, items: [classA(150)] });
    expect(r.deductible).toBe(150);
    expect(r.fundPay).toBe(0);
    expect(r.personalPart).toBe(150);
  });
});

describe('R-D6 linked referral deductible (转诊连续住院只付一次起付线)', () => {
  it('R-D6 positive: filed referral within the county — max(0, 600 − 400) = 200', () => {
    // down from tertiary: rate 80 + 2 = 82; base 1000 × 82% = 820.
    const r = settle({
      institution: SECONDARY,
      visit: {
        kind: 'inpatient',
        referral: { fromLevel: 'tertiary', direction: 'down', filed: true, linkedDeductiblePaid: 400 },
      },
      items: [classA(1200)],
    });
    expect(r.deductible).toBe(200);
    expect(r.rate).toBe(82);
    expect(r.fundPay).toBe(820);
    expect(traceApplied(r, 'R-D6', '起付线')).toBe(true);
  });

  it('R-D6 positive: filed referral cross county within the city — 600 − 250 = 350, no −5', () => {
    // base 1000 × 80% = 800.
    const r = settle({
      institution: SECONDARY,
      visit: {
        kind: 'inpatient',
        scope: 'cross_county',
        referral: { ...UP_FILED, linkedDeductiblePaid: 250 },
      },
      items: [classA(1350)],
    });
    expect(r.deductible).toBe(350);
    expect(r.rate).toBe(80);
    expect(r.fundPay).toBe(800);
  });

  it('R-D6 positive: employees too — in service tertiary 1,200 − 800 = 400', () => {
    // base 1000 × 85% = 850.
    const r = settle({
      person: IN_SERVICE,
      institution: TERTIARY,
      visit: {
        kind: 'inpatient',
        referral: { fromLevel: 'secondary', direction: 'up', filed: true, linkedDeductiblePaid: 800 },
      },
      items: [classA(1400)],
    });
    expect(r.deductible).toBe(400);
    expect(r.fundPay).toBe(850);
  });

  it('R-D6 negative: an unfiled referral does not link — full deductible, trace says not filed', () => {
    // 600; base 1000 × 80% = 800.
    const r = settle({
      institution: SECONDARY,
      visit: {
        kind: 'inpatient',
        referral: { fromLevel: 'primary', direction: 'up', filed: false, linkedDeductiblePaid: 400 },
      },
      items: [classA(1600)],
    });
    expect(r.deductible).toBe(600);
    expect(r.fundPay).toBe(800);
    expect(traceNotApplied(r, 'R-D6', '转诊前后两次住院只付一次起付线', '未备案')).toBe(true);
  });

  it('R-D6 negative: never out of the city — full deductible, trace says why', () => {
    // 600; out of city with filed referral: 80 − 10 = 70; base 1000 × 70% = 700.
    const r = settle({
      institution: SECONDARY,
      visit: {
        kind: 'inpatient',
        scope: 'out_of_city',
        referral: { ...UP_FILED, linkedDeductiblePaid: 400 },
      },
      items: [classA(1600)],
    });
    expect(r.deductible).toBe(600);
    expect(r.rate).toBe(70);
    expect(r.fundPay).toBe(700);
    expect(traceNotApplied(r, 'R-D6', '起付线', '市外')).toBe(true);
  });
});

describe('R-D7 special outpatient deductible (门诊特殊病种起付线, own accumulator)', () => {
  const special = { kind: 'special_outpatient', diagnosis: 'N18' } as const;

  it('R-D7 resident: yearly 300 against specialDeductiblePaid; fund into the inpatient pool', () => {
    // 300 − 100 = 200 remaining; base 800 × 80% (secondary inpatient rate) = 640.
    const r = settle({
      person: { chronicDiseases: ['N18'] },
      institution: SECONDARY,
      visit: special,
      items: [classA(1000)],
      ytd: { specialDeductiblePaid: 100 },
    });
    expect(r.deductible).toBe(200);
    expect(r.rate).toBe(80);
    expect(r.fundPay).toBe(640);
    expect(r.ytd).toMatchObject({
      specialDeductiblePaid: 300,
      inpatientFundPaid: 640,
      outpatientDeductiblePaid: 0,
      outpatientInScope: 0,
    });
    expect(traceApplied(r, 'R-D7', '起付线')).toBe(true);
  });

  it('R-D7 employee retired: yearly 150; tertiary inpatient rate 88%', () => {
    // base 850 × 88% = 748.
    const r = settle({
      person: { ...RETIRED, chronicDiseases: ['N18'] },
      institution: TERTIARY,
      visit: special,
      items: [classA(1000)],
    });
    expect(r.deductible).toBe(150);
    expect(r.fundPay).toBe(748);
  });

  it("R-D7: no deductible left once the year's 300 is paid", () => {
    // primary inpatient rate 90%: 1000 × 90% = 900.
    const r = settle({
      person: { chronicDiseases: ['N18'] },
      visit: special,
      items: [classA(1000)],
      ytd: { specialDeductiblePaid: 300 },
    });
    expect(r.deductible).toBe(0);
    expect(r.fundPay).toBe(900);
  });
});

describe('R-D2 cites the deductible it took (引用参数)', () => {
  it("the yearly deductible event names the parameter, the level's value in yuan and the clause", () => {
    const r = settle({ person: IN_SERVICE, institution: SECONDARY, items: [classA(300)] });
    expect(appliedEvents(r, 'R-D2')[0]?.params).toEqual([
      {
        name: 'employee/in_service:generalOutpatient.deductible',
        value: 500,
        unit: 'yuan',
        level: 'secondary',
        source: { document: '示范市医疗保障待遇政策', clause: '§4 职工', requirement: 'R-D9' },
      },
    ]);
  });
});
