// The records the service reads and writes, in the contract's names and units (yuan).
import type { Accumulators, AccumulatorName } from '@yibao/engine';

// The wire records are the contract's (@yibao/api): one shape, stored and answered.
export type { Institution, Page } from '@yibao/api';
import type { Person as PersonAnswer } from '@yibao/api';

/**
 * 参保人员 as stored: the name and 身份证号 in clear. Never answered as it is — access/masking.ts
 * turns it into the wire's Person, masked unless the answer is the full view (R-B7).
 */
export type Person = Omit<PersonAnswer, 'idNumber' | 'revealed'> & { idNumber?: string | null };

/** The accumulator names with their storage columns, one list so reads and writes agree. */
export const ACCUMULATOR_COLUMNS: ReadonlyArray<readonly [AccumulatorName, string]> = [
  ['outpatientDeductiblePaid', 'outpatient_deductible_paid_fen'],
  ['outpatientFundPaid', 'outpatient_fund_paid_fen'],
  ['outpatientInScope', 'outpatient_in_scope_fen'],
  ['chronicFundPaid', 'chronic_fund_paid_fen'],
  ['specialDeductiblePaid', 'special_deductible_paid_fen'],
  ['inpatientFundPaid', 'inpatient_fund_paid_fen'],
];

/** Accumulators in fen, as stored. */
export type AccumulatorsFen = Accumulators;
