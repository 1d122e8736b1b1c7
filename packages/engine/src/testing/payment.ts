// Test support for the payment computations: the demo region's payment policy and input builders.
import { demoBook } from './demoPolicy.js';
import { paymentVersionOn } from '../payment/compile.js';
import type { SettlementPaymentInput } from '../payment/facts.js';
import type { MonthlyRow } from '../payment/monthly.js';
import type { PaymentPolicy, PaymentVersion } from '../payment/types.js';

export function demoPayment(): PaymentPolicy {
  const p = demoBook().regions.get('demo')?.payment;
  if (!p) throw new Error('the demo region has no payment part');
  return p;
}

export function versionOn(date: string): PaymentVersion {
  const v = paymentVersionOn(demoPayment(), date);
  if (!v) throw new Error(`no payment version on ${date}`);
  return v;
}

/** Yuan to fen for test literals. */
export const f = (yuan: number): number => Math.round(yuan * 100);

export function stay(o: Partial<SettlementPaymentInput> = {}): SettlementPaymentInput {
  return {
    date: '2026-03-10',
    pool: 'resident',
    benefitGroup: 'inpatient',
    visitKind: 'inpatient',
    institution: { id: 'H1', level: 'tertiary', inRegion: true, centreId: null },
    careType: 'acute',
    diagnosis: 'K80.1',
    procedures: [],
    department: 'general',
    lengthOfStay: null,
    bedDaysBefore: 0,
    totalCost: f(20000),
    institutionBorne: 0,
    fundPay: f(12000),
    accountPay: 0,
    rate: 80,
    contractCentreId: null,
    referralCounted: false,
    ...o,
  };
}

export function outpatient(o: Partial<SettlementPaymentInput> = {}): SettlementPaymentInput {
  return stay({
    benefitGroup: 'general_outpatient',
    visitKind: 'outpatient',
    institution: { id: 'C1', level: 'primary', inRegion: true, centreId: 'C1' },
    diagnosis: 'J06',
    totalCost: f(100),
    fundPay: f(60),
    ...o,
  });
}

export function emptyRow(
  o: Partial<MonthlyRow> & Pick<MonthlyRow, 'institutionId' | 'pool' | 'fund'>,
): MonthlyRow {
  return {
    itemBased: 0,
    capitationHead: 0,
    capitationOutflow: 0,
    capitationCovered: 0,
    dipPoints: 0,
    dip: 0,
    bedDay: 0,
    deduction: 0,
    holdbackPercent: 5,
    holdback: 0,
    contractFee: 0,
    contractFeeHeld: 0,
    accountPay: 0,
    payable: 0,
    events: [],
    ...o,
  };
}

/** The value, or a test failure when it is missing. */
export function must<T>(x: T | null | undefined): T {
  if (x === null || x === undefined) throw new Error('expected a value');
  return x;
}
