// Step 6 — yearly caps (年度最高支付限额) and over-cap (超限额): the general-outpatient cap and the
// raised cap (R-D2, R-D4), the chronic pool of its own (R-C10), the inpatient cap shared with special
// outpatient (R-D7). REFERENCE_POLICY.md §3, §4, §7, §8 "Raised cap", "Accumulators".
import { describe, expect, it } from 'vitest';
import {
  classA,
  IN_SERVICE,
  RETIRED,
  settle,
  traceApplied,
  traceNotApplied,
  appliedEvents,
} from '../testing/demoPolicy.js';

const chronicI10 = { kind: 'chronic_outpatient', diagnosis: 'I10' };

describe('R-D2 general-outpatient cap (普通门诊年度限额)', () => {
  it('R-D2 positive: resident 1,200 — fund pays only what is left, the rest is over-cap', () => {
    // computed 100 × 60% = 60; 1,200 − 1,180 = 20 left: fund 20, over-cap 40, pooled 40.
    const r = settle({ items: [classA(100)], ytd: { outpatientFundPaid: 1180 } });
    expect([r.fundPay, r.overCap, r.pooledSelfPay, r.personalPart]).toEqual([20, 40, 40, 80]);
    expect(traceApplied(r, 'R-D2', '超限额')).toBe(true);
  });

  it('R-D2: over-cap is never accumulated; the whole in scope still counts in outpatientInScope', () => {
    const r = settle({ items: [classA(100)], ytd: { outpatientFundPaid: 1180 } });
    expect(r.ytd.outpatientFundPaid).toBe(1200);
    expect(r.ytd.outpatientInScope).toBe(100);
  });

  it('R-D2: cap exhausted (or passed) — fund 0, floored at 0, the in scope still counts', () => {
    const at = settle({ items: [classA(100)], ytd: { outpatientFundPaid: 1200 } });
    expect([at.fundPay, at.overCap]).toEqual([0, 60]);
    expect(at.ytd.outpatientInScope).toBe(100);
    const past = settle({ items: [classA(100)], ytd: { outpatientFundPaid: 1300 } });
    expect([past.fundPay, past.overCap]).toEqual([0, 60]);
    expect(past.ytd.outpatientFundPaid).toBe(1300);
  });

  it('R-D2 negative: below the cap nothing is over-cap', () => {
    const r = settle({ items: [classA(100)], ytd: { outpatientFundPaid: 1140 } });
    expect([r.fundPay, r.overCap]).toEqual([60, 0]);
  });

  it('2025 version: resident cap 1,000', () => {
    // 100 × 55% = 55; 1,000 − 980 = 20: fund 20, over-cap 35.
    const r = settle({ date: '2025-06-01', items: [classA(100)], ytd: { outpatientFundPaid: 980 } });
    expect([r.fundPay, r.overCap]).toEqual([20, 35]);
  });

  it('employees: in service 6,000, retired 8,000', () => {
    // primary, deductible paid: 100 × 80% = 80; 6,000 − 5,950 = 50: fund 50, over-cap 30.
    const a = settle({
      person: IN_SERVICE,
      items: [classA(100)],
      ytd: { outpatientDeductiblePaid: 500, outpatientFundPaid: 5950 },
    });
    expect([a.fundPay, a.overCap]).toEqual([50, 30]);
    // retired 100 × 90% = 90; 8,000 − 7,950 = 50: fund 50, over-cap 40; at 5,950 the whole 90.
    const b = settle({
      person: RETIRED,
      items: [classA(100)],
      ytd: { outpatientDeductiblePaid: 300, outpatientFundPaid: 7950 },
    });
    expect([b.fundPay, b.overCap]).toEqual([50, 40]);
    const c = settle({
      person: RETIRED,
      items: [classA(100)],
      ytd: { outpatientDeductiblePaid: 300, outpatientFundPaid: 5950 },
    });
    expect([c.fundPay, c.overCap]).toEqual([90, 0]);
  });
});

describe('R-D4 raised general-outpatient cap (慢性病签约家庭医生提高限额)', () => {
  it('R-D4 positive: certified chronic disease AND family-doctor contract — 1,800', () => {
    // ytd 1,180: 60 fits under 1,800.
    const r = settle({
      person: { chronicDiseases: ['I10'], familyDoctorContract: true },
      items: [classA(100)],
      ytd: { outpatientFundPaid: 1180 },
    });
    expect([r.fundPay, r.overCap]).toEqual([60, 0]);
    expect(traceApplied(r, 'R-D4', '提高')).toBe(true);
    // ytd 1,780: 20 left, over-cap 40.
    const s = settle({
      person: { chronicDiseases: ['I10'], familyDoctorContract: true },
      items: [classA(100)],
      ytd: { outpatientFundPaid: 1780 },
    });
    expect([s.fundPay, s.overCap]).toEqual([20, 40]);
  });

  it('R-D4 negative: chronic disease without a contract — 1,200, trace says no contract', () => {
    const r = settle({
      person: { chronicDiseases: ['I10'], familyDoctorContract: false },
      items: [classA(100)],
      ytd: { outpatientFundPaid: 1180 },
    });
    expect([r.fundPay, r.overCap]).toEqual([20, 40]);
    expect(traceNotApplied(r, 'R-D4', '未签约家庭医生')).toBe(true);
  });

  it('R-D4 negative: a contract without a certified chronic disease — 1,200, trace says no disease', () => {
    const r = settle({
      person: { familyDoctorContract: true },
      items: [classA(100)],
      ytd: { outpatientFundPaid: 1180 },
    });
    expect([r.fundPay, r.overCap]).toEqual([20, 40]);
    expect(traceNotApplied(r, 'R-D4', '无已认定慢性病')).toBe(true);
  });

  it('R-D4 2025 version: raised cap 1,500', () => {
    // 100 × 55% = 55; 1,500 − 1,480 = 20: fund 20, over-cap 35.
    const r = settle({
      date: '2025-06-01',
      person: { chronicDiseases: ['I10'], familyDoctorContract: true },
      items: [classA(100)],
      ytd: { outpatientFundPaid: 1480 },
    });
    expect([r.fundPay, r.overCap]).toEqual([20, 35]);
  });

  it('R-D4: it raises the general-outpatient cap only — the chronic pool stays 3,000', () => {
    // chronic 100 × 65% = 65; 3,000 − 2,980 = 20: fund 20, over-cap 45.
    const r = settle({
      person: { chronicDiseases: ['I10'], familyDoctorContract: true },
      visit: chronicI10,
      items: [classA(100)],
      ytd: { chronicFundPaid: 2980 },
    });
    expect([r.fundPay, r.overCap]).toEqual([20, 45]);
  });
});

describe('R-C10 chronic pool of its own (门诊慢性病单独限额)', () => {
  it('resident 3,000 against chronicFundPaid, untouched by an exhausted general cap', () => {
    const r = settle({
      person: { chronicDiseases: ['I10'] },
      visit: chronicI10,
      items: [classA(100)],
      ytd: { outpatientFundPaid: 1200 },
    });
    expect([r.fundPay, r.overCap]).toEqual([65, 0]);
    const s = settle({
      person: { chronicDiseases: ['I10'] },
      visit: chronicI10,
      items: [classA(100)],
      ytd: { chronicFundPaid: 2980 },
    });
    expect([s.fundPay, s.overCap]).toEqual([20, 45]);
    expect(s.ytd.chronicFundPaid).toBe(3000);
    expect(traceApplied(s, 'R-C10', '超限额')).toBe(true);
  });

  it('employees 5,000', () => {
    // in service primary 85%: 85; 5,000 − 4,950 = 50: fund 50, over-cap 35.
    const r = settle({
      person: { ...IN_SERVICE, chronicDiseases: ['I10'] },
      visit: chronicI10,
      items: [classA(100)],
      ytd: { chronicFundPaid: 4950 },
    });
    expect([r.fundPay, r.overCap]).toEqual([50, 35]);
  });
});

describe('R-D7 inpatient cap shared with special outpatient (住院与门诊特殊病种共用限额)', () => {
  it('inpatient: resident 300,000 against inpatientFundPaid', () => {
    // primary stay: (1,200 − 200) × 90% = 900; 300,000 − 299,900 = 100: fund 100, over-cap 800.
    const r = settle({
      visit: { kind: 'inpatient' },
      items: [classA(1200)],
      ytd: { inpatientFundPaid: 299900 },
    });
    expect([r.fundPay, r.overCap, r.pooledSelfPay]).toEqual([100, 800, 100]);
    expect(r.ytd.inpatientFundPaid).toBe(300000);
    expect(traceApplied(r, 'R-D7', '超限额')).toBe(true);
  });

  it('special outpatient is limited by the same pool', () => {
    // special at primary, deductible already paid: 1,000 × 90% = 900; 100 left: fund 100, over-cap 800.
    const r = settle({
      person: { chronicDiseases: ['N18'] },
      visit: { kind: 'special_outpatient', diagnosis: 'N18' },
      items: [classA(1000)],
      ytd: { inpatientFundPaid: 299900, specialDeductiblePaid: 300 },
    });
    expect([r.fundPay, r.overCap]).toEqual([100, 800]);
  });

  it('employees 400,000', () => {
    // in service primary stay: (1,300 − 300) × 95% = 950; 400,000 − 399,500 = 500: fund 500, over-cap 450.
    const r = settle({
      person: IN_SERVICE,
      visit: { kind: 'inpatient' },
      items: [classA(1300)],
      ytd: { inpatientFundPaid: 399500 },
    });
    expect([r.fundPay, r.overCap]).toEqual([500, 450]);
    // resident at 299,900 would be capped; an employee there is not.
    const s = settle({
      person: IN_SERVICE,
      visit: { kind: 'inpatient' },
      items: [classA(1300)],
      ytd: { inpatientFundPaid: 299900 },
    });
    expect([s.fundPay, s.overCap]).toEqual([950, 0]);
  });
});

describe('the cap events cite the cap they applied (引用参数)', () => {
  it('R-D2 names generalOutpatient.cap, its value in yuan and its clause', () => {
    const r = settle({ items: [classA(100)] });
    expect(appliedEvents(r, 'R-D2').find((e) => e.text.includes('年度限额'))?.params).toEqual([
      {
        name: 'resident/adult:generalOutpatient.cap',
        value: 1200,
        unit: 'yuan',
        source: { document: '示范市医疗保障待遇政策', clause: '§3 普通门诊统筹', requirement: 'R-D2' },
      },
    ]);
  });
});
