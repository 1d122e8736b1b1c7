// The payment facts of one record (PAYMENT_POLICY.md §1–§5; PAYMENT_CONTRACT.md "Payment facts"):
// its payment month, cell, method, DIP group and ratio class and points, bed-days and amount, and
// capitation coverage or outflow — known when the record is written, from the settlement's facts.
import type { BenefitGroup, Level, VisitKind } from '../contract.js';
import { pointsText, yuanText } from './arith.js';
import { bedDayUnits } from './bedDay.js';
import { paymentVersionOn } from './compile.js';
import type { CaseRatio, Procedure } from './method.js';
import { CASE_METHODS } from './methods.js';
import type { CareType, Fund, PaymentEvent, PaymentPolicy, Pool } from './types.js';

/** What the payment facts read of a settlement. Amounts in fen; the rate in whole percent. */
export interface SettlementPaymentInput {
  date: string; // the settlement's date (discharge or interim date)
  pool: Pool; // the person's scheme
  benefitGroup: BenefitGroup; // of the benefit result
  visitKind: VisitKind;
  institution: {
    id: string;
    level: Level | null;
    inRegion: boolean; // ruling 7: another region's institutions are paid item by item
    /** The community or township centre the institution is part of: itself, or the parent of a station or village clinic; else null. */
    centreId: string | null;
  };
  careType: CareType;
  diagnosis: string | null;
  procedures: readonly Procedure[];
  department: 'general' | 'tcm';
  lengthOfStay: number | null;
  bedDaysBefore: number;
  totalCost: number;
  institutionBorne: number;
  fundPay: number;
  accountPay: number;
  rate: number; // the settled rate, whole percent
  /** The centre of the resident's family-doctor contract holding on the date (one naming a centre), else null. */
  contractCentreId: string | null;
  /** A referral that counted (the gate's exemption by referral applied). */
  referralCounted: boolean;
}

/** 'item' | 'bed_day' | 'capitation', or a case method's name ('dip'; 'drg' in a DRG region). */
export type PaymentMethodName = string;

/** Amounts in fen, points in hundredths (the wire form: paymentFactsToWire). */
export interface PaymentFacts {
  paymentMonth: string; // YYYY-MM
  institutionId: string;
  pool: Pool;
  fund: Fund;
  method: PaymentMethodName;
  dipGroup: string | null;
  dipRatio: CaseRatio | null;
  dipPoints: number | null;
  referenceCost: number | null;
  bedDays: number | null;
  bedDayAmount: number | null;
  capitationCentreId: string | null;
  outflowCentreId: string | null;
  fundPay: number;
  accountPay: number;
  events: PaymentEvent[];
}

const INPATIENT_FUND: ReadonlySet<BenefitGroup> = new Set(['inpatient', 'family_bed', 'special_outpatient']);

/** §1: the fund of a benefit group (inpatient, family bed and special outpatient draw the inpatient fund). */
export function fundOf(group: BenefitGroup): Fund {
  return INPATIENT_FUND.has(group) ? 'inpatient' : 'outpatient';
}

/**
 * §1 payment month: the month of the record's date (a reversal: its original's date), or, when that
 * month's run was already made when the record is written, the first month not yet run.
 */
export function paymentMonthOf(date: string, firstOpenMonth: string): string {
  const own = date.slice(0, 7);
  return own >= firstOpenMonth ? own : firstOpenMonth;
}

/**
 * §2 audit deductions: a deduction confirmed in (year, month) is taken in the run of the next month,
 * or in the first open month when that one is already run.
 */
export function deductionMonthOf(year: number, month: number, firstOpenMonth: string): string {
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return next >= firstOpenMonth ? next : firstOpenMonth;
}

/** The payment facts of a settlement written when `firstOpenMonth` is the first month not yet run. */
export function settlementPaymentFacts(
  policy: PaymentPolicy,
  s: SettlementPaymentInput,
  firstOpenMonth: string,
): PaymentFacts {
  const version = paymentVersionOn(policy, s.date);
  if (!version) throw new RangeError(`no payment policy in force on ${s.date}`);
  const paymentMonth = paymentMonthOf(s.date, firstOpenMonth);
  const fund = fundOf(s.benefitGroup);
  const facts: PaymentFacts = {
    paymentMonth,
    institutionId: s.institution.id,
    pool: s.pool,
    fund,
    method: 'item',
    dipGroup: null,
    dipRatio: null,
    dipPoints: null,
    referenceCost: null,
    bedDays: null,
    bedDayAmount: null,
    capitationCentreId: null,
    outflowCentreId: null,
    fundPay: s.fundPay,
    accountPay: s.accountPay,
    events: [],
  };
  const ev = facts.events;
  ev.push({
    rule: 'R-E1',
    text:
      paymentMonth === s.date.slice(0, 7)
        ? `计入${paymentMonth}月度结算（结算日期${s.date}）`
        : `结算日期${s.date}所在月份已结算，计入第一个未结算月份${paymentMonth}`,
    amount: null,
  });
  ev.push({
    rule: 'R-F5',
    text: `核算单元：${s.pool === 'employee' ? '职工' : '居民'}${fund === 'inpatient' ? '住院' : '门诊'}基金`,
    amount: null,
  });
  const stay = s.visitKind === 'inpatient';
  if (!s.institution.inRegion) {
    ev.push({ rule: 'R-E1', text: `外地区机构：按项目付费，不纳入DIP及总额预算`, amount: s.fundPay / 100 });
    return facts;
  }
  if (stay && s.careType !== 'acute') {
    if (s.institution.level === null || s.lengthOfStay === null)
      throw new RangeError('a bed-day stay needs the institution level and lengthOfStay');
    const u = bedDayUnits(version, s.careType, s.institution.level, s.lengthOfStay, s.bedDaysBefore, s.rate);
    facts.method = 'bed_day';
    facts.bedDays = u.bedDays;
    facts.bedDayAmount = u.amount;
    ev.push(...u.events);
    ev.push({
      rule: 'R-E4',
      text: `按床日付费的住院，统筹基金支付${yuanText(s.fundPay)}元不再按项目支付`,
      amount: null,
    });
    return facts;
  }
  const method = CASE_METHODS[version.caseMethod];
  if (!method) throw new Error(`unknown case method ${version.caseMethod}`);
  if (stay && method.paysAt(version.caseSettings, s.institution.level)) {
    const level = s.institution.level as Level;
    const u = method.units(version, {
      diagnosis: s.diagnosis,
      procedures: s.procedures,
      department: s.department,
      level,
      totalCost: s.totalCost,
      institutionBorne: s.institutionBorne,
    });
    facts.method = method.name;
    facts.dipGroup = u.group;
    facts.dipRatio = u.ratio;
    facts.dipPoints = u.points;
    facts.referenceCost = u.referenceCost;
    ev.push(...u.events);
    ev.push({
      rule: 'R-E3',
      text: `按病种分值付费：${pointsText(u.points)}分按点值付费，统筹基金支付${yuanText(s.fundPay)}元不再按项目支付（患者结算不变）`,
      amount: null,
    });
    return facts;
  }
  if (s.benefitGroup === 'general_outpatient' && s.pool === 'resident' && s.contractCentreId !== null) {
    if (s.institution.centreId === s.contractCentreId) {
      facts.method = 'capitation';
      facts.capitationCentreId = s.contractCentreId;
      ev.push({
        rule: 'R-E5',
        text: `签约居民在签约机构（或其站点）普通门诊：由按人头费用覆盖，统筹基金支付${yuanText(s.fundPay)}元不另行支付`,
        amount: null,
      });
      return facts;
    }
    if (s.visitKind === 'emergency')
      ev.push({ rule: 'R-E5', text: '签约居民在签约机构外就诊，急诊不计外流', amount: null });
    else if (s.referralCounted)
      ev.push({ rule: 'R-E5', text: '签约居民在签约机构外就诊，经转诊不计外流', amount: null });
    else {
      facts.outflowCentreId = s.contractCentreId;
      ev.push({
        rule: 'R-E5',
        text: `签约居民未经转诊在签约机构外普通门诊：统筹基金支付${yuanText(s.fundPay)}元计入签约机构的外流费用`,
        amount: s.fundPay / 100,
      });
    }
  }
  ev.push({
    rule: 'R-E1',
    text: `按项目付费：统筹基金支付${yuanText(s.fundPay)}元`,
    amount: s.fundPay / 100,
  });
  return facts;
}

/** §1: a reversal carries its original's units negated (never recomputed), in its own payment month. */
export function reversalPaymentFacts(
  original: PaymentFacts,
  originalDate: string,
  firstOpenMonth: string,
): PaymentFacts {
  const neg = (x: number | null): number | null => (x === null ? null : x === 0 ? 0 : -x);
  const paymentMonth = paymentMonthOf(originalDate, firstOpenMonth);
  return {
    ...original,
    paymentMonth,
    dipPoints: neg(original.dipPoints),
    bedDays: neg(original.bedDays),
    bedDayAmount: neg(original.bedDayAmount),
    fundPay: -original.fundPay,
    accountPay: -original.accountPay,
    events: [
      {
        rule: 'R-E1',
        text: `冲销：原结算的单位取负（不重新计算），计入${paymentMonth}月度结算`,
        amount: -original.fundPay / 100,
      },
    ],
  };
}

/** The contract's wire form: yuan, points with two decimals. */
export function paymentFactsToWire(settlementId: string, f: PaymentFacts) {
  return {
    settlementId,
    paymentMonth: f.paymentMonth,
    pool: f.pool,
    fund: f.fund,
    method: f.method,
    dipGroup: f.dipGroup,
    dipRatio: f.dipRatio,
    dipPoints: f.dipPoints === null ? null : f.dipPoints / 100,
    referenceCost: f.referenceCost === null ? null : f.referenceCost / 100,
    bedDays: f.bedDays,
    bedDayAmount: f.bedDayAmount === null ? null : f.bedDayAmount / 100,
    capitationCentreId: f.capitationCentreId,
    outflowCentreId: f.outflowCentreId,
    explanation: f.events,
  };
}
