// The 事后 families (SUPERVISION_RULES.md §3.2, F-08…F-17): pure functions over the visible settlements
// of the people concerned, raising every alert of a rule; a run keeps those with evidence in its range
// (run.ts). Amounts at stake are the subject's fundPay or a line's fund share (facts.ts fundShares).
import type { VisitKind } from '../../contract.js';
import { formatYuan } from '../../money.js';
import { versionOn } from '../compile.js';
import { categoryOf, daysBetween, fundOf, fundShares, isStay, sceneOf } from '../facts.js';
import type { AlertDraft, ContractFact, SettlementFact, SupervisionRule } from '../types.js';
import type { BatchContext, BatchFamily } from './family.js';

// ---- shared terms ----------------------------------------------------------------------------------

/** Earlier: an earlier date, or the same date and settled first. */
export function isEarlier(a: SettlementFact, b: SettlementFact): boolean {
  return a.date < b.date || (a.date === b.date && a.order < b.order);
}

export function bySettlementOrder(a: SettlementFact, b: SettlementFact): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order;
}

export const admissionOf = (s: SettlementFact): string => s.admissionDate ?? s.date;

/** Stay order: admission, then discharge, then the order they were settled. */
function byStayOrder(a: SettlementFact, b: SettlementFact): number {
  const aa = admissionOf(a);
  const ba = admissionOf(b);
  if (aa !== ba) return aa < ba ? -1 : 1;
  return bySettlementOrder(a, b);
}

/** `proxy` counts on outpatient, chronic, special and pharmacy settlements; on emergencies and stays it is ignored. */
export function isProxy(s: SettlementFact): boolean {
  return s.proxy && s.visitKind !== 'emergency' && !isStay(s.visitKind);
}

function visibleShares(s: SettlementFact): number[] {
  return fundShares(
    s.fundPay,
    s.lines.map((l) => (l.refusedBy === null ? l.inScope : 0)),
  );
}

function inScene(rule: SupervisionRule, s: SettlementFact): boolean {
  return rule.scenes.includes(sceneOf(s.visitKind, s.institutionType));
}

interface AlertOptions {
  line: number | null;
  amount: number;
  evidence: readonly SettlementFact[];
  text: string;
  month?: string;
  contract?: ContractFact;
}

function alert(rule: SupervisionRule, subject: SettlementFact, o: AlertOptions): AlertDraft {
  const evidence = [...new Map([...o.evidence, subject].map((s) => [s.id, s])).values()].sort(
    bySettlementOrder,
  );
  const identity =
    o.month !== undefined
      ? `${rule.id}|${subject.personId}|${o.month}`
      : `${rule.id}|${subject.id}|${o.line ?? ''}`;
  return {
    identity,
    ruleId: rule.id,
    ruleName: rule.name,
    resultType: rule.resultType,
    requirement: rule.requirement,
    institutionId: o.contract ? o.contract.centreId : subject.institutionId,
    personId: subject.personId,
    settlementId: subject.id,
    line: o.line,
    date: subject.date,
    month: o.month ?? null,
    pool: subject.pool,
    fund: fundOf(subject.benefitKind),
    amount: o.amount,
    evidence: evidence.map((s) => s.id),
    evidenceDates: evidence.map((s) => s.date),
    contractId: o.contract?.id ?? null,
    doctor: o.contract?.doctor ?? null,
    text: `${rule.id} ${rule.name}：${o.text}`,
  };
}

function each<P>(
  rule: SupervisionRule<P>,
  ctx: BatchContext,
  judge: (own: readonly SettlementFact[], params: (s: SettlementFact) => P | null) => AlertDraft[],
): AlertDraft[] {
  const params = (s: SettlementFact): P | null => versionOn(rule, s.date)?.params ?? null;
  const out: AlertDraft[] = [];
  for (const own of ctx.byPerson.values()) out.push(...judge(own, params));
  return out;
}

// ---- F-08 重复开药 -----------------------------------------------------------------------------------
const repeatedDispensing: BatchFamily<{ minDaysLeft: number }> = {
  stage: '事后',
  read: (v) => ({ minDaysLeft: v.int('minDaysLeft', 0, 365) }),
  raise: (rule, ctx) =>
    each(rule, ctx, (own, paramsOn) => {
      const out: AlertDraft[] = [];
      const nonStays = own.filter((s) => !isStay(s.visitKind));
      for (const s of nonStays) {
        const p = paramsOn(s);
        if (!p || !inScene(rule, s)) continue;
        let shares: number[] | null = null; // only when a line is alerted: most settlements are clean
        s.lines.forEach((line, i) => {
          if (line.refusedBy !== null || line.kind !== 'drug' || line.days === null) return;
          const earlier: SettlementFact[] = [];
          let most = 0;
          for (const e of nonStays) {
            if (e === s || !isEarlier(e, s)) continue;
            for (const l of e.lines) {
              if (l.refusedBy !== null || l.code !== line.code || l.days === null) continue;
              const left = l.days - daysBetween(e.date, s.date);
              if (left > p.minDaysLeft) {
                earlier.push(e);
                most = Math.max(most, left);
                break;
              }
            }
          }
          if (earlier.length === 0) return;
          shares ??= visibleShares(s);
          const amount = shares[i] ?? 0;
          out.push(
            alert(rule, s, {
              line: i,
              amount,
              evidence: earlier,
              text: `${line.code}前次供药尚余${most}天（超过${p.minDaysLeft}天）又开药，本行基金分摊${formatYuan(amount)}`,
            }),
          );
        });
      }
      return out;
    }),
};

// ---- F-09 分解住院 -----------------------------------------------------------------------------------
interface SplitStayParams {
  withinDays: number;
  plannedDiagnoses: ReadonlySet<string>;
  plannedItems: ReadonlySet<string>;
}
const splitStay: BatchFamily<SplitStayParams> = {
  stage: '事后',
  read: (v) => ({
    withinDays: v.int('withinDays', 0, 365),
    plannedDiagnoses: v.codes('plannedDiagnoses'),
    plannedItems: v.codes('plannedItems'),
  }),
  raise: (rule, ctx) =>
    each(rule, ctx, (own, paramsOn) => {
      const out: AlertDraft[] = [];
      const stays = own.filter((s) => isStay(s.visitKind)).sort(byStayOrder);
      stays.forEach((t, k) => {
        const p = paramsOn(t);
        if (!p || t.diagnosis === null || !inScene(rule, t)) return;
        const cat = categoryOf(t.diagnosis);
        if (p.plannedDiagnoses.has(cat)) return;
        if (t.lines.some((l) => l.refusedBy === null && p.plannedItems.has(l.code))) return;
        const earlier = stays.slice(0, k).filter((prev) => {
          if (prev.institutionId !== t.institutionId || prev.diagnosis === null) return false;
          if (categoryOf(prev.diagnosis) !== cat) return false;
          const gap = daysBetween(prev.date, admissionOf(t));
          return gap >= 0 && gap <= p.withinDays;
        });
        if (earlier.length === 0) return;
        const last = earlier[earlier.length - 1];
        out.push(
          alert(rule, t, {
            line: null,
            amount: t.fundPay,
            evidence: earlier,
            text: `同一机构同类诊断（${cat}）出院${last ? last.date : ''}后${p.withinDays}日内再次入院（${admissionOf(t)}），本次基金支付${formatYuan(t.fundPay)}`,
          }),
        );
      });
      return out;
    }),
};

// ---- F-10 同时住院 -----------------------------------------------------------------------------------
const simultaneousStays: BatchFamily<null> = {
  stage: '事后',
  read: () => null,
  raise: (rule, ctx) => {
    const out: AlertDraft[] = [];
    for (const own of ctx.byPerson.values()) {
      const stays = own.filter((s) => isStay(s.visitKind)).sort(byStayOrder);
      stays.forEach((b, k) => {
        if (!versionOn(rule, b.date) || !inScene(rule, b)) return;
        const overlapping = stays
          .slice(0, k)
          .filter((a) => admissionOf(b) < a.date && admissionOf(a) < b.date);
        if (overlapping.length === 0) return;
        out.push(
          alert(rule, b, {
            line: null,
            amount: b.fundPay,
            evidence: overlapping,
            text: `住院期间（${admissionOf(b)}至${b.date}）与另一住院重叠，本次基金支付${formatYuan(b.fundPay)}`,
          }),
        );
      });
    }
    return out;
  },
};

// ---- F-11 住院期间门诊或购药 -------------------------------------------------------------------------
const visitDuringStay: BatchFamily<null> = {
  stage: '事后',
  read: () => null,
  raise: (rule, ctx) => {
    const out: AlertDraft[] = [];
    for (const own of ctx.byPerson.values()) {
      const stays = own.filter((s) => isStay(s.visitKind));
      if (stays.length === 0) continue;
      for (const n of own) {
        if (isStay(n.visitKind) || !versionOn(rule, n.date) || !inScene(rule, n)) continue;
        const during = stays.filter((st) => admissionOf(st) < n.date && n.date < st.date);
        if (during.length === 0) continue;
        out.push(
          alert(rule, n, {
            line: null,
            amount: n.fundPay,
            evidence: during,
            text: `${n.date}在住院期间另行门诊或购药结算，基金支付${formatYuan(n.fundPay)}`,
          }),
        );
      }
    }
    return out;
  },
};

// ---- F-12 频繁就诊 -----------------------------------------------------------------------------------
const frequentVisits: BatchFamily<{ perDay: number; visitKinds: ReadonlySet<VisitKind> }> = {
  stage: '事后',
  read: (v) => ({ perDay: v.int('perDay', 1, 100), visitKinds: new Set(v.visitKinds('visitKinds')) }),
  raise: (rule, ctx) =>
    each(rule, ctx, (own, paramsOn) => {
      const out: AlertDraft[] = [];
      const byDay = new Map<string, SettlementFact[]>();
      for (const s of own) {
        const p = paramsOn(s);
        if (!p || !p.visitKinds.has(s.visitKind)) continue;
        const day = byDay.get(s.date) ?? [];
        day.push(s);
        byDay.set(s.date, day);
        if (day.length >= p.perDay && inScene(rule, s))
          out.push(
            alert(rule, s, {
              line: null,
              amount: s.fundPay,
              evidence: day.slice(),
              text: `${s.date}当日第${day.length}次门诊结算（达到${p.perDay}次），基金支付${formatYuan(s.fundPay)}`,
            }),
          );
      }
      return out;
    }),
};

// ---- F-13 重复检查 -----------------------------------------------------------------------------------
const repeatedExam: BatchFamily<{ exams: ReadonlyMap<string, number> }> = {
  stage: '事后',
  read: (v) => ({
    exams: new Map(
      v.list('exams', (row) => [row.code(), row.int('windowDays', 0, 365) ?? 0] as const, [
        'code',
        'name',
        'windowDays',
      ]),
    ),
  }),
  raise: (rule, ctx) =>
    each(rule, ctx, (own, paramsOn) => {
      const out: AlertDraft[] = [];
      const eligible = own.filter((s) => !isStay(s.visitKind) && s.visitKind !== 'pharmacy');
      for (const s of eligible) {
        const p = paramsOn(s);
        if (!p || !inScene(rule, s)) continue;
        let shares: number[] | null = null; // only when a line is alerted: most settlements are clean
        s.lines.forEach((line, i) => {
          const window = p.exams.get(line.code);
          if (window === undefined || line.refusedBy !== null) return;
          const earlier = eligible.filter(
            (e) =>
              e !== s &&
              isEarlier(e, s) &&
              daysBetween(e.date, s.date) <= window &&
              e.lines.some((l) => l.refusedBy === null && l.code === line.code),
          );
          if (earlier.length === 0) return;
          shares ??= visibleShares(s);
          const amount = shares[i] ?? 0;
          out.push(
            alert(rule, s, {
              line: i,
              amount,
              evidence: earlier,
              text: `${line.code}在${window}日内重复检查，本行基金分摊${formatYuan(amount)}`,
            }),
          );
        });
      }
      return out;
    }),
};

// ---- 家医 F-14…F-17: contracted persons, on days a contract is in force --------------------------------

export function contractOn(
  contracts: readonly ContractFact[] | undefined,
  date: string,
): ContractFact | null {
  for (const c of contracts ?? [])
    if (c.validFrom <= date && date <= c.validTo && (c.endedOn === null || date < c.endedOn)) return c;
  return null;
}

interface MonthlyParams {
  perMonth: number;
  visitKinds: ReadonlySet<VisitKind>;
}

/** Per person and month (date order, then settlement order): the first settlement where `reached` holds. */
function monthly<P>(
  rule: SupervisionRule<P>,
  ctx: BatchContext,
  counts: (s: SettlementFact, c: ContractFact, p: P) => boolean,
  reached: (counted: readonly SettlementFact[], p: P) => string | null,
): AlertDraft[] {
  const out: AlertDraft[] = [];
  for (const [personId, own] of ctx.byPerson) {
    const contracts = ctx.contractsByPerson.get(personId);
    if (!contracts || contracts.length === 0) continue;
    const months = new Map<string, { counted: SettlementFact[]; done: boolean }>();
    for (const s of own) {
      const c = contractOn(contracts, s.date);
      const p = versionOn(rule, s.date)?.params;
      if (!c || p === undefined || !counts(s, c, p)) continue;
      const month = s.date.slice(0, 7);
      const m = months.get(month) ?? { counted: [], done: false };
      months.set(month, m);
      m.counted.push(s);
      if (m.done || !inScene(rule, s)) continue;
      const why = reached(m.counted, p);
      if (why === null) continue;
      m.done = true;
      out.push(
        alert(rule, s, { line: null, amount: 0, evidence: m.counted.slice(), text: why, month, contract: c }),
      );
    }
  }
  return out;
}

const monthlyParams = (v: Parameters<BatchFamily<MonthlyParams>['read']>[0]): MonthlyParams => ({
  perMonth: v.int('perMonth', 1, 1000),
  visitKinds: new Set(v.visitKinds('visitKinds')),
});

const unreferredOutflow: BatchFamily<MonthlyParams> = {
  stage: '事后',
  read: monthlyParams,
  raise: (rule, ctx) =>
    monthly(
      rule,
      ctx,
      (s, c, p) =>
        p.visitKinds.has(s.visitKind) && !c.ownInstitutionIds.includes(s.institutionId) && !s.referralCounted,
      (counted, p) =>
        counted.length >= p.perMonth ? `签约居民本月第${p.perMonth}次未经转诊到签约机构以外就诊` : null,
    ),
};

const frequentContractVisits: BatchFamily<MonthlyParams> = {
  stage: '事后',
  read: monthlyParams,
  raise: (rule, ctx) =>
    monthly(
      rule,
      ctx,
      (s, _c, p) => p.visitKinds.has(s.visitKind),
      (counted, p) => (counted.length >= p.perMonth ? `签约居民本月第${p.perMonth}次门诊结算` : null),
    ),
};

const monthlyCost: BatchFamily<{ monthlyCost: number; visitKinds: ReadonlySet<VisitKind> }> = {
  stage: '事后',
  read: (v) => ({ monthlyCost: v.yuan('monthlyCost'), visitKinds: new Set(v.visitKinds('visitKinds')) }),
  raise: (rule, ctx) =>
    monthly(
      rule,
      ctx,
      (s, _c, p) => p.visitKinds.has(s.visitKind),
      (counted, p) => {
        const sum = counted.reduce((a, s) => a + s.totalCost, 0);
        return sum > p.monthlyCost
          ? `签约居民本月门诊费用累计${formatYuan(sum)}，超过${formatYuan(p.monthlyCost)}`
          : null;
      },
    ),
};

const proxyDispensing: BatchFamily<{ withinDays: number; visitKinds: ReadonlySet<VisitKind> }> = {
  stage: '事后',
  read: (v) => ({
    withinDays: v.int('withinDays', 0, 3650),
    visitKinds: new Set(v.visitKinds('visitKinds')),
  }),
  raise: (rule, ctx) => {
    const out: AlertDraft[] = [];
    for (const [personId, own] of ctx.byPerson) {
      const contracts = ctx.contractsByPerson.get(personId);
      if (!contracts || contracts.length === 0) continue;
      for (const s of own) {
        const p = versionOn(rule, s.date)?.params;
        const c = contractOn(contracts, s.date);
        if (!p || !c || !isProxy(s) || !p.visitKinds.has(s.visitKind) || !inScene(rule, s)) continue;
        const seen = own.some((o) => {
          if (isProxy(o) || o.visitKind === 'pharmacy') return false;
          const d = daysBetween(o.date, s.date);
          return d >= 0 && d <= p.withinDays;
        });
        if (seen) continue;
        out.push(
          alert(rule, s, {
            line: null,
            amount: 0,
            evidence: [],
            contract: c,
            text: `签约居民代配药，此前${p.withinDays}日内无本人就诊`,
          }),
        );
      }
    }
    return out;
  },
};

export const BATCH_FAMILIES = {
  重复开药: repeatedDispensing,
  分解住院: splitStay,
  同时住院: simultaneousStays,
  住院期间门诊或购药: visitDuringStay,
  频繁就诊: frequentVisits,
  检查重复: repeatedExam,
  '家医·就诊流向': unreferredOutflow,
  '家医·频次': frequentContractVisits,
  '家医·费用': monthlyCost,
  '家医·代配药': proxyDispensing,
} as const;
