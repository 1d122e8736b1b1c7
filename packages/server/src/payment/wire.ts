// Runs on the wire (PAYMENT_CONTRACT.md): amounts in yuan with two decimals, points with two, point
// values with four; the stored runs keep fen, hundredths and ten-thousandths (the engine's units).
import type { MonthlyRow, YearEndRow } from '@yibao/engine';
import type { StoredMonthlyRun, StoredYearEndRun } from '../store/payment/runs.js';

const y = (fen: number): number => fen / 100;
const pv = (v: number): number => v / 10_000;

export function monthlyRowToWire(r: MonthlyRow) {
  return {
    institutionId: r.institutionId,
    pool: r.pool,
    fund: r.fund,
    itemBased: y(r.itemBased),
    capitationHead: y(r.capitationHead),
    capitationOutflow: y(r.capitationOutflow),
    capitationCovered: y(r.capitationCovered),
    dipPoints: y(r.dipPoints),
    dip: y(r.dip),
    bedDay: y(r.bedDay),
    deduction: y(r.deduction),
    holdbackPercent: r.holdbackPercent,
    holdback: y(r.holdback),
    contractFee: y(r.contractFee),
    contractFeeHeld: y(r.contractFeeHeld),
    accountPay: y(r.accountPay),
    payable: y(r.payable),
    events: r.events,
  };
}

export function monthlyRunToWire(s: StoredMonthlyRun) {
  const { run } = s;
  return {
    id: s.id,
    year: run.year,
    month: run.month,
    policyVersion: run.policyVersion,
    createdAt: s.createdAt,
    rows: run.rows.map(monthlyRowToWire),
    totals: run.totals.map((t) => ({ pool: t.pool, fund: t.fund, payable: y(t.payable) })),
  };
}

export function yearEndRowToWire(r: YearEndRow) {
  return {
    institutionId: r.institutionId,
    pool: r.pool,
    fund: r.fund,
    itemBased: y(r.itemBased),
    capitation: y(r.capitation),
    capitationAdjustment: y(r.capitationAdjustment),
    dipPoints: y(r.dipPoints),
    dipAdvanced: y(r.dipAdvanced),
    dip: y(r.dip),
    bedDay: y(r.bedDay),
    deduction: y(r.deduction),
    budgetAdjustment: y(r.budgetAdjustment),
    holdback: y(r.holdback),
    depositReleased: y(r.depositReleased),
    contractFee: y(r.contractFee),
    contractFeeHeld: y(r.contractFeeHeld),
    contractFeeReleased: y(r.contractFeeReleased),
    accountPay: y(r.accountPay),
    advanced: y(r.advanced),
    balance: y(r.balance),
  };
}

export function yearEndLineToWire(l: StoredYearEndRun['run']['institutions'][number]) {
  return {
    institutionId: l.institutionId,
    score: l.score,
    depositReleasePercent: l.depositReleasePercent,
    contractFeeReleasePercent: l.contractFeeReleasePercent,
    budget: l.budget === null ? null : y(l.budget),
    budgetBase: y(l.budgetBase),
    budgetAdjustment: y(l.budgetAdjustment),
    capitationBudget: y(l.capitationBudget),
    capitationSpend: y(l.capitationSpend),
    capitationAdjustment: y(l.capitationAdjustment),
    nextBudgetProposal: y(l.nextBudgetProposal),
    events: l.events,
  };
}

export function yearEndRunToWire(s: StoredYearEndRun) {
  const { run } = s;
  return {
    id: s.id,
    year: run.year,
    policyVersion: run.policyVersion,
    createdAt: s.createdAt,
    pools: run.pools.map((p) => ({
      pool: p.pool,
      insuredPersonDays: p.insuredPersonDays,
      dipBudget: y(p.dipBudget),
      dipPoints: y(p.dipPoints),
      budgetPointValue: pv(p.budgetPointValue),
      settlementPointValue: pv(p.settlementPointValue),
      events: p.events,
    })),
    institutions: run.institutions.map(yearEndLineToWire),
    rows: run.rows.map(yearEndRowToWire),
  };
}
