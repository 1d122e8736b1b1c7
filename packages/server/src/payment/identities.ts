// The identities of PAYMENT_POLICY §9, checked on every run before it is stored: a run that breaks
// one is a defect, never a payment list (the request fails with 500 and nothing is written).
import type { MonthDeduction, MonthlyRun, PaymentFacts, YearEndRun } from '@yibao/engine';

export class IdentityBroken extends Error {
  constructor(what: string) {
    super(`PAYMENT_POLICY §9 identity broken: ${what}`);
    this.name = 'IdentityBroken';
  }
}

const sum = <T>(xs: readonly T[], f: (x: T) => number): number => xs.reduce((s, x) => s + f(x), 0);

function equal(a: number, b: number, what: string): void {
  if (a !== b) throw new IdentityBroken(`${what}: ${a} ≠ ${b}`);
}

function month(
  run: MonthlyRun,
  records: readonly PaymentFacts[],
  deductions: readonly MonthDeduction[],
): void {
  const unitPaid = records.filter((r) => r.method !== 'item' && r.method !== 'capitation');
  equal(
    sum(records, (r) => r.fundPay),
    sum(run.rows, (r) => r.itemBased + r.capitationCovered) + sum(unitPaid, (r) => r.fundPay),
    'each fund pay in exactly one of itemBased, capitationCovered, or a DIP or bed-day record',
  );
  equal(
    sum(run.rows, (r) => r.capitationOutflow),
    sum(
      records.filter((r) => r.outflowCentreId !== null),
      (r) => r.fundPay,
    ),
    'Σ capitationOutflow = Σ fund pay of outflow records',
  );
  equal(
    sum(run.rows, (r) => r.deduction),
    sum(deductions, (d) => d.amount),
    'every deduction of the month taken once',
  );
  for (const r of run.rows) {
    const base = r.itemBased + r.capitationHead - r.capitationOutflow + r.dip + r.bedDay - r.deduction;
    equal(
      r.payable,
      base - r.holdback + r.contractFee - r.contractFeeHeld + r.accountPay,
      `payable of ${r.institutionId}/${r.pool}/${r.fund}`,
    );
  }
  for (const t of run.totals)
    equal(
      t.payable,
      sum(
        run.rows.filter((r) => r.pool === t.pool && r.fund === t.fund),
        (r) => r.payable,
      ),
      `totals ${t.pool}/${t.fund} = Σ rows`,
    );
}

function year(run: YearEndRun): void {
  for (const r of run.rows)
    equal(
      r.advanced + r.balance,
      r.itemBased +
        r.capitation +
        r.capitationAdjustment +
        r.dip +
        r.bedDay -
        r.deduction +
        r.budgetAdjustment -
        r.holdback +
        r.depositReleased +
        r.contractFee -
        r.contractFeeHeld +
        r.contractFeeReleased +
        r.accountPay,
      `year row ${r.institutionId}/${r.pool}/${r.fund}: advanced + balance`,
    );
  for (const line of run.institutions)
    equal(
      sum(
        run.rows.filter((r) => r.institutionId === line.institutionId),
        (r) => r.budgetAdjustment,
      ),
      line.budgetAdjustment,
      `Σ budgetAdjustment of ${line.institutionId}`,
    );
}

export const checkIdentities = { month, year };
