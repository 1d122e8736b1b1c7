// The year-end clearing 年终清算 (PAYMENT_POLICY.md §3 Prices, §5 Year-end, §6, §7, §8; R-E2, R-E3,
// R-E5, R-E7, R-A7): settlement point values per pool, the global budget's sharing (结余留用、合理超支
// 分担), the capitation sharing, deposit and contract-fee release, and each cell's balance.
import type { Level } from '../contract.js';
import { daysInYear, percentOf, pointValueText, pointsText, roundQuotient, yuanText } from './arith.js';
import { paymentVersionOn } from './compile.js';
import { CELL_ORDER, pointsToFen } from './monthly.js';
import type { MonthlyRow } from './monthly.js';
import type { Fund, PaymentEvent, PaymentPolicy, PaymentVersion, Pool, SharingSet } from './types.js';

function must<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('payment policy: a cited parameter has no citation');
  return x;
}

// ---- the sharing rule (§7) -----------------------------------------------------------------------

export interface SharingOutcome {
  result: number; // fen
  text: string;
}

/**
 * §7: surplus (S ≤ A) retained — S + min(d, T1) + round(α × max(0, d − T1)) when score ≥ the surplus
 * gate and S ≥ m × A, else S; overrun (S > A) shared — A + round(β × min(e, T2)) when score ≥ the
 * overrun gate, else A. A > 0.
 */
export function share(
  set: SharingSet,
  A: number,
  S: number,
  score: number,
  gates: { surplusMinScore: number; overrunMinScore: number },
): SharingOutcome {
  if (S <= A) {
    const d = A - S;
    const T1 = percentOf(A, set.fullBand);
    const scoreOk = score >= gates.surplusMinScore;
    const executionOk = S * 100 >= set.minExecution * A;
    if (!scoreOk || !executionOk)
      return {
        result: S,
        text: `结余${yuanText(d)}元不予留用（${!scoreOk ? `考核得分${score}低于${gates.surplusMinScore}` : `执行率低于${set.minExecution}%`}）`,
      };
    const full = Math.min(d, T1);
    const beyond = percentOf(Math.max(0, d - T1), set.beyondShare);
    return {
      result: S + full + beyond,
      text: `结余${yuanText(d)}元：${set.fullBand}%以内（${yuanText(T1)}元）全额留用${yuanText(full)}元，超出部分留用${set.beyondShare}%即${yuanText(beyond)}元`,
    };
  }
  const e = S - A;
  if (score < gates.overrunMinScore)
    return {
      result: A,
      text: `超支${yuanText(e)}元不予分担（考核得分${score}低于${gates.overrunMinScore}）`,
    };
  const T2 = percentOf(A, set.overrunBand);
  const shared = percentOf(Math.min(e, T2), set.fundShare);
  return {
    result: A + shared,
    text: `超支${yuanText(e)}元：${set.overrunBand}%以内（${yuanText(T2)}元）基金分担${set.fundShare}%即${yuanText(shared)}元`,
  };
}

/** §7: adj split over the cells with S_cell > 0 in CELL_ORDER, each rounded, the last the remainder. */
export function splitOverCells<T extends { pool: Pool; fund: Fund }>(
  adj: number,
  cells: readonly (T & { S: number })[],
): Map<T, number> {
  const ordered = CELL_ORDER.flatMap(([p, f]) =>
    cells.filter((c) => c.pool === p && c.fund === f && c.S > 0),
  );
  const total = ordered.reduce((s, c) => s + c.S, 0);
  const out = new Map<T, number>();
  let given = 0;
  ordered.forEach((c, i) => {
    const part = i === ordered.length - 1 ? adj - given : roundQuotient([adj, c.S], [total]);
    given += part;
    out.set(c, part);
  });
  return out;
}

// ---- the run -------------------------------------------------------------------------------------

export type InstitutionKind = Level | 'pharmacy';

export interface YearEndInstitution {
  institutionId: string;
  kind: InstitutionKind; // its level, or pharmacy (no level)
  budget: number | null; // totalControlAmount (fen) of the year's agreement; null or 0: no budget step
  score: number; // the year's assessment, or the standing-agreement score
}

export interface YearEndInput {
  year: number;
  months: readonly MonthlyRow[]; // every row of the year's twelve runs
  insuredPersonDays: Readonly<Record<Pool, number>>;
  institutions: readonly YearEndInstitution[]; // every institution with a row
}

export interface PoolPrice {
  pool: Pool;
  insuredPersonDays: number;
  dipBudget: number; // fen
  dipPoints: number; // hundredths
  budgetPointValue: number; // ten-thousandths
  settlementPointValue: number;
  events: PaymentEvent[];
}

export interface YearEndInstitutionLine {
  institutionId: string;
  score: number;
  depositReleasePercent: number;
  contractFeeReleasePercent: number;
  budget: number | null;
  budgetBase: number;
  budgetAdjustment: number;
  capitationBudget: number;
  capitationSpend: number;
  capitationAdjustment: number;
  nextBudgetProposal: number;
  events: PaymentEvent[];
}

export interface YearEndRow {
  institutionId: string;
  pool: Pool;
  fund: Fund;
  itemBased: number;
  capitation: number;
  capitationAdjustment: number;
  dipPoints: number;
  dipAdvanced: number;
  dip: number;
  bedDay: number;
  deduction: number;
  budgetAdjustment: number;
  holdback: number;
  depositReleased: number;
  contractFee: number;
  contractFeeHeld: number;
  contractFeeReleased: number;
  accountPay: number;
  advanced: number;
  balance: number;
  // carried for the capitation step and the identities
  capitationCovered: number;
  capitationOutflow: number;
}

export interface YearEndRun {
  year: number;
  policyVersion: string;
  pools: PoolPrice[];
  institutions: YearEndInstitutionLine[];
  rows: YearEndRow[];
}

/** §3 Prices: the settlement point value of a pool. */
export function settlementPointValue(
  version: PaymentVersion,
  pool: Pool,
  year: number,
  insuredPersonDays: number,
  dipPoints: number,
): PoolPrice {
  const budgetPointValue = version.budgetPointValue[pool];
  const dipBudget = roundQuotient(
    [version.dipBudgetPerPersonYear[pool], insuredPersonDays],
    [daysInYear(year)],
  );
  const cap = roundQuotient([budgetPointValue, version.settlementPointValueCapPercent], [100]);
  const events: PaymentEvent[] = [
    {
      rule: 'R-E3',
      text: `${pool === 'employee' ? '职工' : '居民'}DIP年度预算：${yuanText(version.dipBudgetPerPersonYear[pool])}元/人年 × ${insuredPersonDays}参保人日 ÷ ${daysInYear(year)} = ${yuanText(dipBudget)}元`,
      amount: dipBudget / 100,
      params: [
        {
          name: 'dip.budgetPerPersonYear',
          value: yuanText(version.dipBudgetPerPersonYear[pool]),
          source: must(version.citations.get('dip.budgetPerPersonYear')),
        },
      ],
    },
  ];
  let value: number;
  if (dipPoints <= 0) {
    value = budgetPointValue;
    events.push({
      rule: 'R-E3',
      text: `全年总分值不为正，结算点值取预算点值${pointValueText(value)}元`,
      amount: null,
    });
  } else {
    const raw = roundQuotient([dipBudget, 10_000], [dipPoints]);
    value = Math.min(raw, cap);
    events.push({
      rule: 'R-E3',
      text: `结算点值 = ${yuanText(dipBudget)}元 ÷ ${pointsText(dipPoints)}分 = ${pointValueText(raw)}元${raw > cap ? `，超过预算点值的${version.settlementPointValueCapPercent}%，取${pointValueText(cap)}元` : ''}`,
      amount: null,
      params: [
        {
          name: 'dip.settlementPointValueCapPercent',
          value: `${version.settlementPointValueCapPercent}%`,
          source: must(version.citations.get('dip.settlementPointValueCapPercent')),
        },
      ],
    });
  }
  return {
    pool,
    insuredPersonDays,
    dipBudget,
    dipPoints,
    budgetPointValue,
    settlementPointValue: value,
    events,
  };
}

/** §8: the deposit release percent of a score. */
export function depositReleasePercent(version: PaymentVersion, score: number): number {
  return version.depositRelease.find((b) => score >= b.minScore)?.percent ?? 0;
}

/** The year-end run over the twelve months' rows. */
export function yearEndRun(policy: PaymentPolicy, input: YearEndInput): YearEndRun {
  const { year } = input;
  const version = paymentVersionOn(policy, `${year}-12-31`);
  if (!version) throw new RangeError(`no payment policy in force on ${year}-12-31`);
  const pools = (['employee', 'resident'] as const).map((pool) =>
    settlementPointValue(
      version,
      pool,
      year,
      input.insuredPersonDays[pool],
      input.months.filter((r) => r.pool === pool).reduce((s, r) => s + r.dipPoints, 0),
    ),
  );
  const spvByPool = new Map(pools.map((p) => [p.pool, p.settlementPointValue]));
  const spv = (pool: Pool): number => spvByPool.get(pool) ?? version.budgetPointValue[pool];

  // the year row of each cell: the month fields summed
  const cells = new Map<string, YearEndRow>();
  for (const m of input.months) {
    const k = `${m.institutionId}\u0000${m.pool}\u0000${m.fund}`;
    let r = cells.get(k);
    if (!r) {
      r = {
        institutionId: m.institutionId,
        pool: m.pool,
        fund: m.fund,
        itemBased: 0,
        capitation: 0,
        capitationAdjustment: 0,
        dipPoints: 0,
        dipAdvanced: 0,
        dip: 0,
        bedDay: 0,
        deduction: 0,
        budgetAdjustment: 0,
        holdback: 0,
        depositReleased: 0,
        contractFee: 0,
        contractFeeHeld: 0,
        contractFeeReleased: 0,
        accountPay: 0,
        advanced: 0,
        balance: 0,
        capitationCovered: 0,
        capitationOutflow: 0,
      };
      cells.set(k, r);
    }
    r.itemBased += m.itemBased;
    r.capitation += m.capitationHead - m.capitationOutflow;
    r.capitationCovered += m.capitationCovered;
    r.capitationOutflow += m.capitationOutflow;
    r.dipPoints += m.dipPoints;
    r.dipAdvanced += m.dip;
    r.bedDay += m.bedDay;
    r.deduction += m.deduction;
    r.holdback += m.holdback;
    r.contractFee += m.contractFee;
    r.contractFeeHeld += m.contractFeeHeld;
    r.accountPay += m.accountPay;
    r.advanced += m.payable;
  }
  const heads = new Map<string, number>();
  for (const m of input.months)
    heads.set(m.institutionId, (heads.get(m.institutionId) ?? 0) + m.capitationHead);
  for (const r of cells.values()) r.dip = pointsToFen(r.dipPoints, spv(r.pool));

  const byId = new Map(input.institutions.map((i) => [i.institutionId, i]));
  const ids = [...new Set([...cells.values()].map((r) => r.institutionId))].sort();
  const lines: YearEndInstitutionLine[] = [];
  const gates = { surplusMinScore: version.surplusMinScore, overrunMinScore: version.overrunMinScore };
  for (const id of ids) {
    const inst = byId.get(id);
    if (!inst) throw new Error(`year-end: no institution facts for ${id}`);
    const own = CELL_ORDER.map(([p, f]) => cells.get(`${id}\u0000${p}\u0000${f}`)).filter(
      (r): r is YearEndRow => r !== undefined,
    );
    const events: PaymentEvent[] = [];
    // §5 capitation step, in the centre's resident/outpatient cell
    const H = heads.get(id) ?? 0;
    const capCell = own.find((r) => r.pool === 'resident' && r.fund === 'outpatient');
    const capSpend = capCell ? capCell.capitationCovered + capCell.capitationOutflow : 0;
    let capAdj = 0;
    if (H !== 0 && capCell) {
      const o = share(version.sharing.capitation, H, capSpend, inst.score, gates);
      capAdj = o.result - H;
      capCell.capitationAdjustment = capAdj;
      events.push({
        rule: 'R-E5',
        text: `按人头年度清算：人头费${yuanText(H)}元，覆盖及外流费用${yuanText(capSpend)}元；${o.text}；调整${yuanText(capAdj)}元`,
        amount: capAdj / 100,
      });
    }
    // §7 budget step
    const S = own.reduce((s, r) => s + r.itemBased + r.dip + r.bedDay - r.deduction, 0);
    const A = inst.budget !== null && inst.budget !== 0 ? inst.budget : null;
    let budgetAdj = 0;
    if (A !== null) {
      const set = inst.kind === 'primary' ? version.sharing.primary : version.sharing.others;
      const o = share(set, A, S, inst.score, gates);
      budgetAdj = o.result - S;
      const parts = splitOverCells(
        budgetAdj,
        own.map((row) => ({
          pool: row.pool,
          fund: row.fund,
          row,
          S: row.itemBased + row.dip + row.bedDay - row.deduction,
        })),
      );
      for (const [c, part] of parts) c.row.budgetAdjustment = part;
      events.push({
        rule: 'R-E2',
        text: `总额预算${yuanText(A)}元，决算基数${yuanText(S)}元（${inst.kind === 'primary' ? '基层倾斜参数' : '一般参数'}）：${o.text}；调整${yuanText(budgetAdj)}元`,
        amount: budgetAdj / 100,
      });
    } else events.push({ rule: 'R-E2', text: '无年度总额控制指标，不做总额清算', amount: null });
    // §8 releases
    const depPct = depositReleasePercent(version, inst.score);
    const feePct = inst.score >= version.contractFeeReleaseMinScore ? inst.score : 0;
    for (const r of own) {
      r.depositReleased = percentOf(r.holdback, depPct);
      r.contractFeeReleased = percentOf(r.contractFeeHeld, feePct);
      r.balance =
        r.dip -
        r.dipAdvanced +
        r.capitationAdjustment +
        r.budgetAdjustment +
        r.depositReleased +
        r.contractFeeReleased;
    }
    events.push({
      rule: 'R-A7',
      text: `考核得分${inst.score}：质量保证金返还${depPct}%，暂扣签约服务费返还${feePct}%`,
      amount: own.reduce((s, r) => s + r.depositReleased + r.contractFeeReleased, 0) / 100,
    });
    const growth = version.budgetGrowthPercent[inst.kind];
    const proposal = roundQuotient([Math.max(0, S), 100 + growth], [100]);
    events.push({
      rule: 'R-E2',
      text: `下一年度预算建议：max(0, ${yuanText(S)}) × (1 + ${growth}%) = ${yuanText(proposal)}元`,
      amount: null,
    });
    lines.push({
      institutionId: id,
      score: inst.score,
      depositReleasePercent: depPct,
      contractFeeReleasePercent: feePct,
      budget: A,
      budgetBase: S,
      budgetAdjustment: budgetAdj,
      capitationBudget: H,
      capitationSpend: capSpend,
      capitationAdjustment: capAdj,
      nextBudgetProposal: proposal,
      events,
    });
  }
  const rows = [...cells.values()];
  rows.sort((a, b) =>
    a.institutionId !== b.institutionId
      ? a.institutionId < b.institutionId
        ? -1
        : 1
      : CELL_ORDER.findIndex(([p, f]) => p === a.pool && f === a.fund) -
        CELL_ORDER.findIndex(([p, f]) => p === b.pool && f === b.fund),
  );
  return { year, policyVersion: version.version, pools, institutions: lines, rows };
}
