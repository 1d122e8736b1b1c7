// Monthly indicators (SUPERVISION_RULES.md §8, R-F2, R-F5) as one pure definition, so the supervision
// answer and the agreement assessment (R-A7) read the same numbers: per institution (or the region)
// and calendar month, outpatient (non-stay kinds) and inpatient (stays) accounted apart.
import type { ItemClass, Level } from '../contract.js';
import { daysBetween, isStay } from './facts.js';
import type { SettlementFact, SettlementLineFact } from './types.js';

/** A settlement as the indicators read it: 事中-refused lines count here (§10 further rulings). */
export interface IndicatorFact extends Omit<SettlementFact, 'lines'> {
  institutionLevel: Level | null;
  fullSelfPay: number; // fen
  overLimitSelfPay: number;
  personalPart: number;
  lines: readonly (SettlementLineFact & { total: number; class: ItemClass })[];
}

interface Block {
  count: number;
  totalCost: number; // fen
  fundPay: number; // fen
  costPerCount: number | null; // fen
  drugShare: number | null; // percent, one decimal
  selfPaidDrugShare: number | null;
  outOfScopeShare: number | null;
  personalBurdenShare: number | null;
  referralRate: number | null;
}

export interface OutpatientIndicators extends Omit<Block, 'count' | 'costPerCount'> {
  visits: number;
  costPerVisit: number | null;
}
export interface InpatientIndicators extends Omit<Block, 'count' | 'costPerCount'> {
  stays: number;
  costPerStay: number | null;
  readmissionRate: number | null;
}
export interface MonthIndicators {
  outpatient: OutpatientIndicators;
  inpatient: InpatientIndicators;
  primaryShare?: { outpatient: number | null; inpatient: number | null };
}

/** a ÷ b as a percent with one decimal, half up; null when b is 0. */
export function percentShare(a: number, b: number): number | null {
  if (b === 0) return null;
  return Math.floor((2000 * a + b) / (2 * b)) / 10;
}

/** a ÷ b to the fen, half up; null when b is 0. */
function perCount(a: number, b: number): number | null {
  return b === 0 ? null : Math.floor((2 * a + b) / (2 * b));
}

function block(list: readonly IndicatorFact[]): Block {
  let totalCost = 0;
  let fundPay = 0;
  let drugs = 0;
  let selfDrugs = 0;
  let outOfScope = 0;
  let personal = 0;
  let referred = 0;
  for (const s of list) {
    totalCost += s.totalCost;
    fundPay += s.fundPay;
    outOfScope += s.fullSelfPay + s.overLimitSelfPay;
    personal += s.personalPart;
    if (s.referralCounted) referred++;
    for (const l of s.lines) {
      if (l.kind !== 'drug') continue;
      drugs += l.total;
      if (l.class === 'self') selfDrugs += l.total;
    }
  }
  return {
    count: list.length,
    totalCost,
    fundPay,
    costPerCount: perCount(totalCost, list.length),
    drugShare: percentShare(drugs, totalCost),
    selfPaidDrugShare: percentShare(selfDrugs, drugs),
    outOfScopeShare: percentShare(outOfScope, totalCost),
    personalBurdenShare: percentShare(personal, totalCost),
    referralRate: percentShare(referred, list.length),
  };
}

export interface IndicatorQuery {
  year: number;
  month: number;
  institutionId: string | null; // null: the region, with primaryShare
  readmissionWithinDays: number; // indicatorSettingsOn(library, first day of the month)
}

/**
 * The month's indicators from the visible settlements. For the readmission rate pass the persons'
 * earlier stays too (an earlier stay in another month still makes a readmission).
 */
export function monthIndicators(settlements: readonly IndicatorFact[], q: IndicatorQuery): MonthIndicators {
  const month = `${String(q.year)}-${String(q.month).padStart(2, '0')}`;
  const visible = settlements.filter((s) => !s.reversed);
  const inMonth = visible.filter((s) => s.date.startsWith(month));
  const mine =
    q.institutionId === null ? inMonth : inMonth.filter((s) => s.institutionId === q.institutionId);
  const out = block(mine.filter((s) => !isStay(s.visitKind)));
  const stays = mine.filter((s) => isStay(s.visitKind));
  const inp = block(stays);

  const adm = (s: IndicatorFact): string => s.admissionDate ?? s.date;
  const stayOrder = (a: IndicatorFact, b: IndicatorFact): number =>
    adm(a) !== adm(b)
      ? adm(a) < adm(b)
        ? -1
        : 1
      : a.date !== b.date
        ? a.date < b.date
          ? -1
          : 1
        : a.order - b.order;
  const allStays = visible.filter((s) => isStay(s.visitKind)).sort(stayOrder);
  const readmitted = stays.filter((t) => {
    const k = allStays.indexOf(t);
    return allStays.slice(0, k).some((p) => {
      if (p.personId !== t.personId || p.institutionId !== t.institutionId) return false;
      const gap = daysBetween(p.date, adm(t));
      return gap >= 0 && gap <= q.readmissionWithinDays;
    });
  }).length;

  const { count: visits, costPerCount: costPerVisit, ...outRest } = out;
  const { count: stayCount, costPerCount: costPerStay, ...inRest } = inp;
  const answer: MonthIndicators = {
    outpatient: { visits, ...outRest, costPerVisit },
    inpatient: {
      stays: stayCount,
      ...inRest,
      costPerStay,
      readmissionRate: percentShare(readmitted, stayCount),
    },
  };
  if (q.institutionId === null) {
    const share = (list: readonly IndicatorFact[]): number | null => {
      const levelled = list.filter((s) => s.institutionLevel !== null);
      return percentShare(levelled.filter((s) => s.institutionLevel === 'primary').length, levelled.length);
    };
    answer.primaryShare = {
      outpatient: share(inMonth.filter((s) => !isStay(s.visitKind))),
      inpatient: share(inMonth.filter((s) => isStay(s.visitKind))),
    };
  }
  return answer;
}
