// The records the service reads and writes, in the contract's names and units (yuan).
import type { Accumulators, AccumulatorName, InstitutionType, Level, Scheme } from '@yibao/engine';

export interface Institution {
  id: string; // 定点医药机构编码
  name: string;
  type: InstitutionType;
  level: Level | null; // null for a pharmacy
  county: string;
  parentId: string | null;
}

export interface Person {
  id: string; // 个人编号
  name: string;
  scheme: Scheme;
  category: string;
  region: string;
  chronicDiseases: string[];
  familyDoctorContract: boolean;
  relocated: boolean;
  accountBalance: number; // 个人账户余额, yuan
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

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
