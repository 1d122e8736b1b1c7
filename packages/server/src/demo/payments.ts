// The demo region's payments (issue 14 §4): after the demo year is settled, every month that has
// ended is run in order (so the console has payment lists and statements from the first start),
// and each year whose twelve months are run is cleared. A month already run is answered as made
// (idempotent), so a second start changes nothing.
import type { PaymentPolicy } from '@yibao/engine';
import { lastDayOf } from '@yibao/engine';
import type { Database } from '../db/types.js';
import { isDomainError } from '../domain/errors.js';
import { today as businessToday } from '../domain/today.js';
import { firstPaymentMonth, runMonth, runYear } from '../payment/runs.js';

export interface DemoPaymentsReport {
  months: number;
  years: number[];
  /** A clearing the demo could not make, with the refusal's code (e.g. assessment_missing). */
  refused: { year: number; code: string }[];
}

export async function runDemoPayments(
  db: Database,
  policy: PaymentPolicy,
  onMonth: (key: string) => void = () => undefined,
): Promise<DemoPaymentsReport> {
  const report: DemoPaymentsReport = { months: 0, years: [], refused: [] };
  const today = businessToday();
  const first = firstPaymentMonth(policy);
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  while (lastDayOf(year, month) < today) {
    await runMonth(db, policy, year, month, undefined, 'demo');
    report.months++;
    onMonth(`${year}-${String(month).padStart(2, '0')}`);
    if (month === 12) {
      try {
        await runYear(db, policy, year);
        report.years.push(year);
      } catch (err) {
        if (!isDomainError(err)) throw err;
        report.refused.push({ year, code: err.code });
      }
      year++;
      month = 1;
    } else month++;
  }
  return report;
}
