// 月度结算与年终清算 (issue 14; PAYMENT_POLICY.md §1, §2, §8; PAYMENT_CONTRACT.md "Runs"): a run is
// made once and never changed. Refusals in the contract's order: no_policy_version (422),
// month_not_ended, previous_month_not_run (409); a year-end: months_not_run, then assessment_missing.
// "Today" is domain/today.ts's. A monthly run first closes its month on the payment clock (a short
// lock, store/payment/clock.ts), then computes over a month no write can reach any more, then inserts
// once (unique month): concurrent requests make one run, the others answer with it.
import {
  lastDayOf,
  monthKey,
  monthlyRun,
  paymentVersionOn,
  yearEndRun,
  type MonthlyRun,
  type PaymentPolicy,
  type YearEndInstitution,
  type YearEndRun,
} from '@yibao/engine';
import type { Database } from '../db/types.js';
import { Conflict, RuleRefused } from '../domain/errors.js';
import { today as businessToday } from '../domain/today.js';
import { newSettlementId } from '../settle/ids.js';
import { closeMonth, previousMonth } from '../store/payment/clock.js';
import {
  agreementsCovering,
  agreementsOfYear,
  monthContractDays,
  monthDeductions,
  monthRecords,
} from '../store/payment/month-inputs.js';
import {
  findMonthlyRun,
  findYearEndRun,
  insertMonthlyRun,
  insertYearEndRun,
  runMonthsOf,
  yearRows,
  type StoredMonthlyRun,
  type StoredYearEndRun,
} from '../store/payment/runs.js';
import { agreementScores, institutionKinds, insuredPersonDays } from '../store/payment/year-inputs.js';
import { checkIdentities } from './identities.js';

export interface Made<T> {
  status: 200 | 201;
  run: T;
}

/** The first month of the region's payment policy: runs start there (PAYMENT_POLICY §1: 2025-01). */
export function firstPaymentMonth(policy: PaymentPolicy): string {
  const first = policy.versions[0];
  if (first === undefined) throw new Error('a payment policy without versions');
  return first.from.slice(0, 7);
}

const percentOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** POST /payments/monthly-runs: the run of (year, month), made now or as made before. */
export async function runMonth(
  db: Database,
  policy: PaymentPolicy,
  year: number,
  month: number,
  onProgress: (step: string) => void = () => undefined,
  /** 制单人: who makes the run (identity.ts actorOf, or cli:<operator>); the release checks it. */
  madeBy = 'system',
): Promise<Made<StoredMonthlyRun>> {
  const made = await findMonthlyRun(db, { year, month });
  if (made !== undefined) return { status: 200, run: made };
  const key = monthKey(year, month);
  const last = lastDayOf(year, month);
  if (key < firstPaymentMonth(policy) || paymentVersionOn(policy, last) === null)
    throw new RuleRefused('R-E1', 'no_policy_version', `${key} 没有生效的支付政策`, 'month');
  const today = businessToday();
  if (today <= last)
    throw new Conflict(
      'month_not_ended',
      `${key} 尚未结束（今天 ${today}），月度结算须在月末之后进行`,
      'month',
    );
  if (key > firstPaymentMonth(policy)) {
    const prev = previousMonth(key);
    const p = await findMonthlyRun(db, { year: Number(prev.slice(0, 4)), month: Number(prev.slice(5, 7)) });
    if (p === undefined)
      throw new Conflict('previous_month_not_run', `上月 ${prev} 尚未结算，须按月依次结算`, 'month');
  }
  onProgress(`关闭 ${key} 的支付月份`);
  await closeMonth(db, key);
  onProgress(`汇总 ${key} 的结算记录`);
  const [records, deductions, contractDays, agreements] = await Promise.all([
    monthRecords(db, key),
    monthDeductions(db, key),
    monthContractDays(db, `${key}-01`, last),
    agreementsCovering(db, last),
  ]);
  const percents = new Map<string, number | null>();
  for (const [id, a] of agreements) percents.set(id, percentOrNull(a.terms['qualityDepositPercent']));
  const run = monthlyRun(policy, {
    year,
    month,
    records,
    deductions,
    contractDays,
    holdbackPercent: (id) => percents.get(id) ?? null,
  });
  checkIdentities.month(run, records, deductions);
  const id = newSettlementId();
  onProgress(`写入 ${key} 的拨付清单（${run.rows.length} 行）`);
  // Ruling 9: the run keeps what it read.
  const inputs = {
    records: records.length,
    deductions: deductions.map((d) => ({ ...d })),
    contractDays,
    agreements: [...agreements.values()].map((a) => ({
      agreementId: a.agreementId,
      institutionId: a.institutionId,
      qualityDepositPercent: percents.get(a.institutionId) ?? null,
    })),
  };
  const inserted = await insertMonthlyRun(db, id, run, inputs, madeBy);
  const stored = await findMonthlyRun(db, { year, month });
  if (stored === undefined) throw new Error(`the run of ${key} was not stored`);
  return { status: inserted ? 201 : 200, run: stored };
}

/** POST /payments/year-end-runs: the clearing of `year`, made now or as made before. */
export async function runYear(
  db: Database,
  policy: PaymentPolicy,
  year: number,
  onProgress: (step: string) => void = () => undefined,
): Promise<Made<StoredYearEndRun>> {
  const made = await findYearEndRun(db, { year });
  if (made !== undefined) return { status: 200, run: made };
  if (paymentVersionOn(policy, `${year}-12-31`) === null || `${year}-12` < firstPaymentMonth(policy))
    throw new RuleRefused('R-A7', 'no_policy_version', `${year} 年没有生效的支付政策`, 'year');
  const months = await runMonthsOf(db, year);
  for (let m = 1; m <= 12; m++)
    if (!months.has(m))
      throw new Conflict(
        'months_not_run',
        `${monthKey(year, m)} 尚未月度结算，年终清算须在十二个月结算之后`,
        'month',
      );
  onProgress(`读取 ${year} 年十二个月的拨付清单`);
  const rows = await yearRows(db, year);
  const ids = [...new Set(rows.map((r) => r.institutionId))].sort();
  const [kinds, agreements, days] = await Promise.all([
    institutionKinds(db, ids),
    agreementsOfYear(db, year),
    insuredPersonDays(db, policy.region, year),
  ]);
  const scores = await agreementScores(
    db,
    [...agreements.values()].map((a) => a.agreementId),
  );
  const version = paymentVersionOn(policy, `${year}-12-31`);
  if (version === null) throw new Error('unreachable');
  // §8: an institution with a nonzero year (its sums, not its months) whose year's agreement has no
  // assessment refuses the run; one without an agreement for the year scores as a standing agreement.
  const nonzero = new Set<string>();
  const sums = new Map<string, number[]>();
  for (const r of rows) {
    const s = sums.get(r.institutionId) ?? new Array<number>(12).fill(0);
    const f = [
      r.itemBased,
      r.capitationHead,
      r.capitationOutflow,
      r.capitationCovered,
      r.dipPoints,
      r.bedDay,
      r.deduction,
      r.holdback,
      r.contractFee,
      r.contractFeeHeld,
      r.accountPay,
      r.payable,
    ];
    f.forEach((v, i) => (s[i] = (s[i] ?? 0) + v));
    sums.set(r.institutionId, s);
  }
  for (const [id, s] of sums) if (s.some((v) => v !== 0)) nonzero.add(id);
  const institutions: YearEndInstitution[] = [];
  for (const id of ids) {
    const a = agreements.get(id);
    let score = version.scoreWithoutAgreement;
    let budget: number | null = null;
    if (a !== undefined) {
      const s = scores.get(a.agreementId);
      if (s === undefined) {
        if (nonzero.has(id))
          throw new Conflict(
            'assessment_missing',
            `机构 ${id} 的 ${year} 年度协议 ${a.agreementId} 尚无考核结果，不能年终清算`,
            'institutionId',
          );
      } else score = s;
      const amount = a.indicators['totalControlAmount'];
      budget = typeof amount === 'number' && amount > 0 ? Math.round(amount * 100) : null;
    }
    institutions.push({ institutionId: id, kind: kinds.get(id) ?? 'pharmacy', budget, score });
  }
  onProgress(`计算 ${year} 年终清算（${ids.length} 家机构）`);
  const run = yearEndRun(policy, { year, months: rows, insuredPersonDays: days, institutions });
  checkIdentities.year(run);
  const inputs = {
    insuredPersonDays: days,
    institutions: institutions.map((i) => ({
      ...i,
      agreementId: agreements.get(i.institutionId)?.agreementId ?? null,
    })),
  };
  const inserted = await insertYearEndRun(db, newSettlementId(), run, inputs);
  const stored = await findYearEndRun(db, { year });
  if (stored === undefined) throw new Error(`the year-end run of ${year} was not stored`);
  return { status: inserted ? 201 : 200, run: stored };
}

export type { MonthlyRun, YearEndRun };
