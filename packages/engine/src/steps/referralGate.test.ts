// Step 3 — the referral gate (R-D3, 基层首诊转诊) with its exemptions: emergencies (R-D3) and
// TCM-department outpatient at a TCM hospital (R-D5). REFERENCE_POLICY.md §3, §8 "Referral gate".
// A refused visit: rate 0, no deductible, the whole in-scope amount pooled self-pay, no accumulator moves.
import { describe, expect, it } from 'vitest';
import type { CalcResult } from '../contract.js';
import {
  classA,
  IN_SERVICE,
  SECONDARY,
  settle,
  TCM_SECONDARY,
  TERTIARY,
  traceApplied,
  traceNotApplied,
  appliedEvents,
  notAppliedEvents,
} from '../testing/demoPolicy.js';

const YTD = { outpatientDeductiblePaid: 50, outpatientFundPaid: 10, outpatientInScope: 100 };
const YTD_FULL = { ...YTD, chronicFundPaid: 0, specialDeductiblePaid: 0, inpatientFundPaid: 0 };

/** A refused visit of in-scope 300.00 with the YTD above: nothing paid, nothing accumulated. */
function expectRefused(r: CalcResult, inScope = 300): void {
  expect(r.rate).toBe(0);
  expect(r.deductible).toBe(0);
  expect(r.fundPay).toBe(0);
  expect(r.inScope).toBe(inScope);
  expect(r.pooledSelfPay).toBe(inScope);
  expect(r.personalPart).toBe(inScope);
  expect(r.benefitGroup).toBe('none');
  expect(r.ytd).toEqual(YTD_FULL);
}

describe('R-D3 referral gate (非基层门诊须持基层转诊)', () => {
  it('R-D3 positive: resident outpatient at a secondary hospital without referral is refused', () => {
    const r = settle({ institution: SECONDARY, items: [classA(300)], ytd: YTD });
    expectRefused(r);
    expect(traceApplied(r, 'R-D3', '无基层医疗机构转诊', '不予支付')).toBe(true);
    expect(traceNotApplied(r, 'R-D3', '急诊', '普通门诊')).toBe(true);
  });

  it('R-D3 positive: resident outpatient at a tertiary hospital without referral is refused', () => {
    const r = settle({ institution: TERTIARY, items: [classA(300)], ytd: YTD });
    expectRefused(r);
  });

  it('R-D3 positive: an internet hospital set up by a secondary hospital has its level and is gated', () => {
    const r = settle({
      institution: { level: 'secondary', type: 'internet_hospital' },
      items: [classA(300)],
      ytd: YTD,
    });
    expectRefused(r);
  });

  it('R-D3 negative (opened): a filed referral from a primary institution opens the gate', () => {
    // secondary: remaining deductible 200 − 50 = 150; base 150 × 50% = 75.00.
    const r = settle({
      institution: SECONDARY,
      visit: { referral: { fromLevel: 'primary', direction: 'up', filed: true } },
      items: [classA(300)],
      ytd: YTD,
    });
    expect(r.benefitGroup).toBe('general_outpatient');
    expect(r.deductible).toBe(150);
    expect(r.rate).toBe(50);
    expect(r.fundPay).toBe(75);
    expect(traceApplied(r, 'R-D3', '已备案')).toBe(true);
  });

  it('R-D3: an unfiled referral is as none — refused, trace says it was not filed', () => {
    const r = settle({
      institution: TERTIARY,
      visit: { referral: { fromLevel: 'primary', direction: 'up', filed: false } },
      items: [classA(300)],
      ytd: YTD,
    });
    expectRefused(r);
    expect(traceApplied(r, 'R-D3', '未备案')).toBe(true);
  });

  it('R-D3: a filed referral from a secondary institution does not open it', () => {
    const r = settle({
      institution: TERTIARY,
      visit: { referral: { fromLevel: 'secondary', direction: 'up', filed: true } },
      items: [classA(300)],
      ytd: YTD,
    });
    expectRefused(r);
    expect(traceApplied(r, 'R-D3', '二级', '不是基层')).toBe(true);
  });

  it('R-D3 negative: employees have no referral gate', () => {
    // in service at tertiary, no referral: deductible 500; base 500 × 60% = 300.00.
    const r = settle({ person: IN_SERVICE, institution: TERTIARY, items: [classA(1000)] });
    expect(r.deductible).toBe(500);
    expect(r.rate).toBe(60);
    expect(r.fundPay).toBe(300);
    expect(traceNotApplied(r, 'R-D3', '不设门诊转诊限制')).toBe(true);
  });

  it('R-D3 negative: a primary institution needs no referral', () => {
    const r = settle({ items: [classA(300)] });
    expect(r.fundPay).toBe(180);
    expect(r.trace.some((e) => e.rule === 'R-D3')).toBe(false);
  });

  it('R-D3: a chronic visit falling back to general outpatient at a hospital is gated', () => {
    // diagnosis I10 not certified -> general outpatient (R-C10 says so) -> kind outpatient-like, secondary, no referral.
    const r = settle({
      institution: SECONDARY,
      visit: { kind: 'chronic_outpatient', diagnosis: 'I10' },
      items: [classA(300)],
      ytd: YTD,
    });
    expectRefused(r);
    expect(traceApplied(r, 'R-C10', '普通门诊')).toBe(true);
    expect(traceApplied(r, 'R-D3', '不予支付')).toBe(true);
  });

  it('R-D3: a special visit falling back to general outpatient at a hospital is gated', () => {
    const r = settle({
      institution: TERTIARY,
      visit: { kind: 'special_outpatient', diagnosis: 'N18' },
      items: [classA(300)],
      ytd: YTD,
    });
    expectRefused(r);
    expect(traceApplied(r, 'R-C8', '普通门诊')).toBe(true);
  });
});

describe('R-D3 emergency exemption (急诊不受转诊限制)', () => {
  it('R-D3 emergency positive: an emergency at a tertiary hospital without referral is paid at its level', () => {
    // deductible 200; base 300 × 40% = 120.00.
    const r = settle({ institution: TERTIARY, visit: { kind: 'emergency' }, items: [classA(500)] });
    expect(r.deductible).toBe(200);
    expect(r.rate).toBe(40);
    expect(r.fundPay).toBe(120);
    expect(traceApplied(r, 'R-D3', '急诊')).toBe(true);
  });

  it('R-D3 emergency negative: an ordinary outpatient visit is not an emergency — trace says why', () => {
    const r = settle({ institution: TERTIARY, items: [classA(500)] });
    expect(r.fundPay).toBe(0);
    expect(traceNotApplied(r, 'R-D3', '急诊不受转诊限制', '本次为普通门诊')).toBe(true);
  });
});

describe('R-D5 TCM exemption (中医医院中医科门诊免转诊)', () => {
  it('R-D5 positive: TCM department at a secondary TCM hospital passes, paid at its own level', () => {
    // deductible 200; base 100 × 50% (secondary) = 50.00.
    const r = settle({ institution: TCM_SECONDARY, visit: { department: 'tcm' }, items: [classA(300)] });
    expect(r.deductible).toBe(200);
    expect(r.rate).toBe(50);
    expect(r.fundPay).toBe(50);
    expect(traceApplied(r, 'R-D5', '二级')).toBe(true);
  });

  it('R-D5 positive: TCM department at a tertiary TCM hospital, paid at tertiary (40%)', () => {
    // deductible 200; base 300 × 40% = 120.00.
    const r = settle({
      institution: { level: 'tertiary', type: 'tcm_hospital' },
      visit: { department: 'tcm' },
      items: [classA(500)],
    });
    expect(r.rate).toBe(40);
    expect(r.fundPay).toBe(120);
    expect(traceApplied(r, 'R-D5', '三级')).toBe(true);
  });

  it('R-D5 negative: the general department of a TCM hospital is gated', () => {
    const r = settle({
      institution: TCM_SECONDARY,
      visit: { department: 'general' },
      items: [classA(300)],
      ytd: YTD,
    });
    expectRefused(r);
    expect(traceNotApplied(r, 'R-D5', '非中医科')).toBe(true);
  });

  it('R-D5 negative: a TCM department at a general hospital is gated', () => {
    const r = settle({
      institution: SECONDARY,
      visit: { department: 'tcm' },
      items: [classA(300)],
      ytd: YTD,
    });
    expectRefused(r);
    expect(traceNotApplied(r, 'R-D5', '不是中医医院')).toBe(true);
  });
});

describe('R-D3 cites the gate parameter (引用参数)', () => {
  it("a refusal cites generalOutpatient.referralGate of the person's group, true, with its clause", () => {
    const r = settle({ institution: SECONDARY, items: [classA(300)] });
    expect(appliedEvents(r, 'R-D3')[0]?.params).toEqual([
      {
        name: 'resident/adult:generalOutpatient.referralGate',
        value: true,
        unit: 'boolean',
        source: { document: 'S1 门诊医疗保险相关政策', clause: '二', requirement: 'R-D3' },
      },
    ]);
  });

  it('an employee\'s gate, not set, is cited on the "not applied" event; the exemptions cite nothing', () => {
    const r = settle({ person: IN_SERVICE, institution: SECONDARY, items: [classA(300)] });
    expect(notAppliedEvents(r, 'R-D3')[0]?.params?.map((p) => [p.name, p.value, p.source.clause])).toEqual([
      ['employee/in_service:generalOutpatient.referralGate', false, '§4 职工'],
    ]);
    const emergency = settle({ institution: SECONDARY, visit: { kind: 'emergency' }, items: [classA(300)] });
    expect(appliedEvents(emergency, 'R-D3')[0]?.params).toBeUndefined();
  });
});
