// Step 7 — the employee personal account (个人账户, R-D9): it pays min(balance, the whole personal
// part) when the visit asks for it; cash pays the rest. Residents have none. REFERENCE_POLICY.md §4, §8.
import { describe, expect, it } from 'vitest';
import {
  classA,
  IN_SERVICE,
  RETIRED,
  SECONDARY,
  selfItem,
  settle,
  traceApplied,
  traceNotApplied,
  appliedEvents,
} from '../testing/demoPolicy.js';

describe('R-D9 personal account (个人账户)', () => {
  it('R-D9: the balance is smaller than the personal part — account pays the balance, cash the rest', () => {
    // example 5: personal 160; account min(100, 160) = 100; cash 60.
    const r = settle({
      person: { ...IN_SERVICE, accountBalance: 100 },
      institution: SECONDARY,
      visit: { useAccount: true },
      items: [classA(300)],
      ytd: { outpatientDeductiblePaid: 400 },
    });
    expect([r.personalPart, r.accountPay, r.cashPay]).toEqual([160, 100, 60]);
    expect(traceApplied(r, 'R-D9', '个人账户')).toBe(true);
  });

  it('R-D9: the balance covers the personal part — account pays it all, cash 0', () => {
    const r = settle({
      person: { ...IN_SERVICE, accountBalance: 1000 },
      institution: SECONDARY,
      visit: { useAccount: true },
      items: [classA(300)],
      ytd: { outpatientDeductiblePaid: 400 },
    });
    expect([r.personalPart, r.accountPay, r.cashPay]).toEqual([160, 160, 0]);
  });

  it('R-D9: the whole personal part — full self-pay and over-limit self-pay included', () => {
    // retired primary, deductible paid: self 20 (consent) + A 100 limited to 90: over-limit 10;
    // in scope 90 × 90% = 81; pooled 9; personal 20 + 10 + 9 = 39; all from the account.
    const r = settle({
      person: { ...RETIRED, accountBalance: 1000 },
      visit: { useAccount: true },
      items: [selfItem(20, { consent: true }), classA(100, { paymentLimit: 90 })],
      ytd: { outpatientDeductiblePaid: 300 },
    });
    expect([r.fundPay, r.personalPart, r.accountPay, r.cashPay]).toEqual([81, 39, 39, 0]);
  });

  it('R-D9 negative: not asked (useAccount false) — the account pays nothing', () => {
    const r = settle({
      person: { ...IN_SERVICE, accountBalance: 1000 },
      institution: SECONDARY,
      items: [classA(300)],
      ytd: { outpatientDeductiblePaid: 400 },
    });
    expect([r.accountPay, r.cashPay]).toEqual([0, 160]);
    expect(r.trace.some((e) => e.rule === 'R-D9')).toBe(false);
  });

  it('R-D9 negative: a zero balance pays nothing', () => {
    const r = settle({
      person: IN_SERVICE,
      institution: SECONDARY,
      visit: { useAccount: true },
      items: [classA(300)],
      ytd: { outpatientDeductiblePaid: 400 },
    });
    expect([r.accountPay, r.cashPay]).toEqual([0, 160]);
  });

  it('R-D9 negative: a resident asking for the account — nothing paid, the trace says residents have none', () => {
    // primary resident: 100 × 60% = 60; personal 40 all cash, even with a balance given.
    const r = settle({ person: { accountBalance: 100 }, visit: { useAccount: true }, items: [classA(100)] });
    expect([r.personalPart, r.accountPay, r.cashPay]).toEqual([40, 0, 40]);
    expect(traceNotApplied(r, 'R-D9', '个人账户', '不设个人账户')).toBe(true);
  });
});

describe('R-D9 cites the personal-account parameter (引用参数)', () => {
  it('the account payment names personalAccount of the group, true, with its clause', () => {
    const r = settle({
      person: { ...IN_SERVICE, accountBalance: 50 },
      visit: { useAccount: true },
      items: [classA(100)],
    });
    expect(appliedEvents(r, 'R-D9')[0]?.params).toEqual([
      {
        name: 'employee/in_service:personalAccount',
        value: true,
        unit: 'boolean',
        source: {
          document: 'S4 本市医保进一步支持社区卫生服务能力提升的若干举措',
          clause: '一',
          requirement: 'R-D9',
        },
      },
    ]);
  });
});
