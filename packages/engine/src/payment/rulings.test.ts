// The rulings of PAYMENT_POLICY.md §10 that the pure computations decide (the others — runs final,
// today, contracts recorded — are the server's), and the months of §1 and §2.
import { describe, expect, it } from 'vitest';
import { deductionMonthOf, paymentMonthOf, settlementPaymentFacts } from './facts.js';
import { monthlyRun } from './monthly.js';
import { demoPayment, f, must, outpatient, stay } from '../testing/payment.js';

const P = demoPayment();

describe('§1 payment months and §2 deduction months', () => {
  it('a record counts in its month, or in the first open month when its month was run', () => {
    expect(paymentMonthOf('2026-02-20', '2026-02')).toBe('2026-02');
    expect(paymentMonthOf('2026-02-20', '2026-03')).toBe('2026-03');
    expect(paymentMonthOf('2026-04-02', '2026-03')).toBe('2026-04');
  });
  it('a deduction is taken the month after its confirmation, or in the first open month', () => {
    expect(deductionMonthOf(2026, 2, '2026-03')).toBe('2026-03');
    expect(deductionMonthOf(2026, 2, '2026-01')).toBe('2026-03');
    expect(deductionMonthOf(2026, 2, '2026-05')).toBe('2026-05');
    expect(deductionMonthOf(2025, 12, '2025-12')).toBe('2026-01');
  });
});

describe('§10 rulings', () => {
  it('2: units by the record’s date, money by its payment month', () => {
    const tcm = stay({
      date: '2025-12-20',
      diagnosis: 'M51.2',
      department: 'tcm',
      totalCost: f(8000),
      institution: { id: 'T', level: 'secondary', inRegion: true, centreId: null },
    });
    const r = settlementPaymentFacts(P, tcm, '2026-01');
    expect([r.paymentMonth, r.dipPoints]).toEqual(['2026-01', 36000]); // 2025's coefficient 1.00
    const run = monthlyRun(P, {
      year: 2026,
      month: 1,
      records: [r],
      deductions: [],
      contractDays: [],
      holdbackPercent: () => null,
    });
    const row = must(run.rows[0]);
    expect([row.dip, row.holdbackPercent, run.policyVersion]).toEqual([f(360 * 14), 5, '2026']); // 2026's 14.00 and 5 %
  });
  it('3: DIP is the fund-point form; T leaves out institution-borne charges', () => {
    const a = settlementPaymentFacts(
      P,
      stay({ diagnosis: 'K35.8', procedures: [{ code: '47.01', kind: 'surgery' }], totalCost: f(80000) }),
      '2026-03',
    );
    const b = settlementPaymentFacts(
      P,
      stay({
        diagnosis: 'K35.8',
        procedures: [{ code: '47.01', kind: 'surgery' }],
        totalCost: f(90000),
        institutionBorne: f(10000),
      }),
      '2026-03',
    );
    expect(b.dipPoints).toBe(a.dipPoints);
    expect(a.fundPay).toBe(f(12000)); // the patient's settlement is untouched
  });
  it('5: employees’ contracts earn fees, not heads; their visits are never covered nor outflow', () => {
    const r = settlementPaymentFacts(P, outpatient({ pool: 'employee', contractCentreId: 'C1' }), '2026-03');
    expect([r.method, r.capitationCentreId, r.outflowCentreId]).toEqual(['item', null, null]);
    const run = monthlyRun(P, {
      year: 2026,
      month: 3,
      records: [],
      deductions: [],
      contractDays: [{ centreId: 'C1', pool: 'employee', contractDays: 310 }],
      holdbackPercent: () => null,
    });
    expect(must(run.rows[0]).capitationHead).toBe(0);
  });
  it('5: a contract naming no centre earns nothing and covers nothing', () => {
    const r = settlementPaymentFacts(P, outpatient({ contractCentreId: null }), '2026-03');
    expect(r.method).toBe('item');
  });
  it('a deduction may make the month negative (no cap): a receivable, no holdback', () => {
    const run = monthlyRun(P, {
      year: 2026,
      month: 3,
      records: [],
      deductions: [{ institutionId: 'S1', pool: 'resident', fund: 'inpatient', amount: f(500) }],
      contractDays: [],
      holdbackPercent: () => 8,
    });
    const row = must(run.rows[0]);
    expect([row.holdback, row.payable, row.holdbackPercent]).toEqual([0, f(-500), 8]);
  });
});
