// The monthly settlement 月度结算 (PAYMENT_POLICY.md §2, §5, §6; R-E1, R-E3, R-E4, R-E5, R-E7, R-F5):
// per cell (institution, pool, fund) the month's terms and the payable, each explained. Pure: the
// server hands over the month's records, deductions, contract-days and agreements' percents.
import {
  daysInYear,
  lastDayOf,
  monthKey,
  percentOf,
  pointValueText,
  pointsText,
  roundQuotient,
  yuanText,
} from './arith.js';
import { paymentVersionOn } from './compile.js';
import type { PaymentFacts } from './facts.js';
import type { Fund, PaymentEvent, PaymentPolicy, PaymentVersion, Pool } from './types.js';

/** A confirmed audit deduction taken in this month (§2). Amount in fen, > 0. */
export interface MonthDeduction {
  institutionId: string;
  pool: Pool;
  fund: Fund;
  amount: number;
}

/** A centre's contract-days of the month for one pool (§5 heads: resident only; §6 fees: both pools). */
export interface MonthContractDays {
  centreId: string;
  pool: Pool;
  contractDays: number;
}

export interface MonthlyRunInput {
  year: number;
  month: number;
  records: readonly PaymentFacts[]; // those whose paymentMonth is this month
  deductions: readonly MonthDeduction[];
  contractDays: readonly MonthContractDays[];
  /** The quality-deposit percent of the agreement covering the month's last day, or null for the default. */
  holdbackPercent: (institutionId: string) => number | null;
}

/** Amounts in fen, points in hundredths. */
export interface MonthlyRow {
  institutionId: string;
  pool: Pool;
  fund: Fund;
  itemBased: number;
  capitationHead: number;
  capitationOutflow: number;
  capitationCovered: number;
  dipPoints: number;
  dip: number;
  bedDay: number;
  deduction: number;
  holdbackPercent: number;
  holdback: number;
  contractFee: number;
  contractFeeHeld: number;
  accountPay: number;
  payable: number;
  events: PaymentEvent[];
}

export interface MonthlyRun {
  year: number;
  month: number;
  policyVersion: string;
  rows: MonthlyRow[];
  totals: { pool: Pool; fund: Fund; payable: number }[];
}

export const CELL_ORDER: readonly (readonly [Pool, Fund])[] = [
  ['employee', 'outpatient'],
  ['employee', 'inpatient'],
  ['resident', 'outpatient'],
  ['resident', 'inpatient'],
];

type Sums = Omit<MonthlyRow, 'holdbackPercent' | 'holdback' | 'dip' | 'payable' | 'events'>;

const key = (i: string, p: Pool, f: Fund): string => `${i}\u0000${p}\u0000${f}`;

function cell(cells: Map<string, Sums>, institutionId: string, pool: Pool, fund: Fund): Sums {
  const k = key(institutionId, pool, fund);
  let c = cells.get(k);
  if (!c) {
    c = {
      institutionId,
      pool,
      fund,
      itemBased: 0,
      capitationHead: 0,
      capitationOutflow: 0,
      capitationCovered: 0,
      dipPoints: 0,
      bedDay: 0,
      deduction: 0,
      contractFee: 0,
      contractFeeHeld: 0,
      accountPay: 0,
    };
    cells.set(k, c);
  }
  return c;
}

/** §5 head = round(head rate × contract-days ÷ days in the year). */
export function capitationHead(version: PaymentVersion, contractDays: number, year: number): number {
  return roundQuotient([version.capitationHeadRate, contractDays], [daysInYear(year)]);
}

/** §6 contract fee = round(fee × contract-days ÷ days in the year); held = round(fee × held%). */
export function contractFee(
  version: PaymentVersion,
  contractDays: number,
  year: number,
): { fee: number; held: number } {
  const fee = roundQuotient([version.contractFeePerPersonYear, contractDays], [daysInYear(year)]);
  return { fee, held: percentOf(fee, version.contractFeeHeldPercent) };
}

/** §2 dip = round(points × point value); points in hundredths, point value in ten-thousandths. */
export function pointsToFen(points: number, pointValue: number): number {
  return roundQuotient([points, pointValue], [10_000]);
}

function cite(version: PaymentVersion, name: string, value: string) {
  const source = version.citations.get(name);
  return source ? [{ name, value, source }] : [];
}

/** Finishes one cell: dip at the budget point value, base, holdback, payable, with the explanation. */
export function finishMonthlyRow(
  version: PaymentVersion,
  c: Sums,
  agreementPercent: number | null,
): MonthlyRow {
  const pv = version.budgetPointValue[c.pool];
  const dip = pointsToFen(c.dipPoints, pv);
  const base = c.itemBased + c.capitationHead - c.capitationOutflow + dip + c.bedDay - c.deduction;
  const p = agreementPercent ?? version.holdbackDefaultPercent;
  const holdback = percentOf(Math.max(0, base), p);
  const payable = base - holdback + c.contractFee - c.contractFeeHeld + c.accountPay;
  const events: PaymentEvent[] = [];
  const y = (f: number): number => f / 100;
  if (c.itemBased !== 0)
    events.push({
      rule: 'R-E1',
      text: `按项目付费：统筹基金支付合计${yuanText(c.itemBased)}元`,
      amount: y(c.itemBased),
    });
  if (c.capitationHead !== 0)
    events.push({
      rule: 'R-E5',
      text: `按人头付费：${yuanText(c.capitationHead)}元`,
      amount: y(c.capitationHead),
      params: cite(version, 'capitation.headRate', `${yuanText(version.capitationHeadRate)}元`),
    });
  if (c.capitationOutflow !== 0)
    events.push({
      rule: 'R-E5',
      text: `签约居民未经转诊外流费用扣减${yuanText(c.capitationOutflow)}元`,
      amount: y(-c.capitationOutflow),
    });
  if (c.capitationCovered !== 0)
    events.push({
      rule: 'R-E5',
      text: `签约居民在本机构普通门诊统筹支付${yuanText(c.capitationCovered)}元由人头费覆盖，不另行支付`,
      amount: 0,
    });
  if (c.dipPoints !== 0)
    events.push({
      rule: 'R-E3',
      text: `DIP：${pointsText(c.dipPoints)}分 × 预算点值${pointValueText(pv)}元 = ${yuanText(dip)}元`,
      amount: y(dip),
      params: cite(version, 'dip.budgetPointValue', `${c.pool} ${pointValueText(pv)}`),
    });
  if (c.bedDay !== 0)
    events.push({ rule: 'R-E4', text: `按床日付费：${yuanText(c.bedDay)}元`, amount: y(c.bedDay) });
  if (c.deduction !== 0)
    events.push({
      rule: 'R-E1',
      text: `审核扣款（下月结算时扣除）${yuanText(c.deduction)}元`,
      amount: y(-c.deduction),
    });
  events.push({
    rule: 'R-E1',
    text: `质量保证金：max(0, ${yuanText(base)}) × ${p}%${agreementPercent === null ? '（默认比例）' : '（协议约定）'} = ${yuanText(holdback)}元`,
    amount: y(-holdback),
    ...(agreementPercent === null ? { params: cite(version, 'holdback.defaultPercent', `${p}%`) } : {}),
  });
  if (c.contractFee !== 0)
    events.push({
      rule: 'R-E7',
      text: `家庭医生签约服务费${yuanText(c.contractFee)}元，暂扣${version.contractFeeHeldPercent}% ${yuanText(c.contractFeeHeld)}元与签约质量挂钩`,
      amount: y(c.contractFee - c.contractFeeHeld),
      params: cite(version, 'contractFee.perPersonYear', `${yuanText(version.contractFeePerPersonYear)}元`),
    });
  if (c.accountPay !== 0)
    events.push({
      rule: 'R-E1',
      text: `个人账户支付${yuanText(c.accountPay)}元全额拨付`,
      amount: y(c.accountPay),
    });
  events.push({
    rule: 'R-E1',
    text: `应拨付${yuanText(payable)}元${payable < 0 ? '（应收回）' : ''}`,
    amount: y(payable),
  });
  return { ...c, dip, holdbackPercent: p, holdback, payable, events };
}

const isZero = (r: MonthlyRow): boolean =>
  r.itemBased === 0 &&
  r.capitationHead === 0 &&
  r.capitationOutflow === 0 &&
  r.capitationCovered === 0 &&
  r.dipPoints === 0 &&
  r.bedDay === 0 &&
  r.deduction === 0 &&
  r.contractFee === 0 &&
  r.accountPay === 0 &&
  r.payable === 0;

/** One month's run over the whole region: the payment list (拨付清单), one row per cell. */
export function monthlyRun(policy: PaymentPolicy, input: MonthlyRunInput): MonthlyRun {
  const { year, month } = input;
  const version = paymentVersionOn(policy, lastDayOf(year, month));
  if (!version) throw new RangeError(`no payment policy in force in ${monthKey(year, month)}`);
  const cells = new Map<string, Sums>();
  for (const r of input.records) {
    const c = cell(cells, r.institutionId, r.pool, r.fund);
    c.accountPay += r.accountPay;
    if (r.method === 'bed_day') c.bedDay += r.bedDayAmount ?? 0;
    else if (r.method === 'capitation') {
      if (r.capitationCentreId === null) throw new Error('a capitation record names its centre');
      cell(cells, r.capitationCentreId, 'resident', 'outpatient').capitationCovered += r.fundPay;
    } else if (r.dipPoints !== null) c.dipPoints += r.dipPoints;
    else {
      c.itemBased += r.fundPay;
      if (r.outflowCentreId !== null)
        cell(cells, r.outflowCentreId, 'resident', 'outpatient').capitationOutflow += r.fundPay;
    }
  }
  for (const d of input.deductions) cell(cells, d.institutionId, d.pool, d.fund).deduction += d.amount;
  for (const cd of input.contractDays) {
    const c = cell(cells, cd.centreId, cd.pool, 'outpatient');
    if (cd.pool === 'resident') c.capitationHead += capitationHead(version, cd.contractDays, year);
    const f = contractFee(version, cd.contractDays, year);
    c.contractFee += f.fee;
    c.contractFeeHeld += f.held;
  }
  const rows = [...cells.values()]
    .map((c) => finishMonthlyRow(version, c, input.holdbackPercent(c.institutionId)))
    .filter((r) => !isZero(r))
    .sort((a, b) =>
      a.institutionId !== b.institutionId
        ? a.institutionId < b.institutionId
          ? -1
          : 1
        : CELL_ORDER.findIndex(([p, f]) => p === a.pool && f === a.fund) -
          CELL_ORDER.findIndex(([p, f]) => p === b.pool && f === b.fund),
    );
  const totals = CELL_ORDER.map(([pool, fund]) => ({
    pool,
    fund,
    payable: rows.filter((r) => r.pool === pool && r.fund === fund).reduce((s, r) => s + r.payable, 0),
  }));
  return { year, month, policyVersion: version.version, rows, totals };
}
