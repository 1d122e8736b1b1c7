// Typed views of the service's JSON answers, for tests (light-my-request's json() is untyped).
import type { Accumulators } from '@yibao/engine';
import type { Amounts } from '../store/settlement-columns.js';

export interface ErrorBody {
  error: { code: string; message: string; field: string | null };
}

export type LineBody = { code: string } & Record<
  'total' | 'fullSelfPay' | 'overLimitSelfPay' | 'firstSelfPay' | 'inScope' | 'institutionBorne',
  number
>;

export type SettlementBody = Amounts & {
  settlementId: string;
  requestId: string;
  reverses: string | null;
  reversedBy?: string | null;
  personId: string;
  institutionId: string;
  date: string;
  policyHash: string;
  rate: number;
  items: LineBody[];
  ytd: Accumulators;
  trace: { rule: string; text: string; amount: number }[];
};

export interface AccumulatorsBody {
  personId: string;
  year: number;
  ytd: Accumulators;
}

export interface PageBody<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ReconciliationBody {
  settlements: { count: number; totals: Amounts };
  reversals: { count: number; totals: Amounts };
  net: { count: number; totals: Amounts };
  fundPayByBenefitGroup: Record<string, number>;
}
