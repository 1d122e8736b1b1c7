// The terms of SUPERVISION_RULES.md §1 as small pure functions: scene, stay, days, age, category,
// fund, and the attribution of a settlement's fund pay to its lines (基金分摊).
import type { InstitutionType, VisitKind } from '../contract.js';
import type { Fund, Scene } from './types.js';

const STAYS: ReadonlySet<VisitKind> = new Set(['inpatient', 'family_bed']);
const INPATIENT_FUND: ReadonlySet<VisitKind> = new Set(['special_outpatient', 'inpatient', 'family_bed']);

export function isStay(kind: VisitKind): boolean {
  return STAYS.has(kind);
}

/** 场景: a stay is `inpatient` wherever settled; else `internet` at an internet hospital; else `pharmacy`; else `outpatient`. */
export function sceneOf(kind: VisitKind, institutionType: InstitutionType): Scene {
  if (STAYS.has(kind)) return 'inpatient';
  if (institutionType === 'internet_hospital') return 'internet';
  if (kind === 'pharmacy') return 'pharmacy';
  return 'outpatient';
}

/** R-F5: the fund a settlement draws on, by its benefit kind. */
export function fundOf(benefitKind: VisitKind): Fund {
  return INPATIENT_FUND.has(benefitKind) ? 'inpatient' : 'outpatient';
}

const DAY_MS = 86_400_000;

/**
 * Day numbers of the dates seen, kept because a batch run compares every pair of a person's
 * settlements (F-08, F-13, F-17) and Date.parse was the run's largest cost. Bounded: cleared when large.
 */
const dayNumbers = new Map<string, number>();

function dayNumber(d: string): number {
  let n = dayNumbers.get(d);
  if (n === undefined) {
    n = Math.round(Date.parse(`${d}T00:00:00Z`) / DAY_MS);
    if (dayNumbers.size >= 100_000) dayNumbers.clear();
    dayNumbers.set(d, n);
  }
  return n;
}

/** b − a in calendar days. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The date n calendar days after d. */
export function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 周岁 on a date: a birthday counts on the day; 02-29 is reached on 03-01 in a common year. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const before = m < bm || (m === bm && d < bd);
  return y - by - (before ? 1 : 0);
}

/** A diagnosis category: its first three characters (J18.9 → J18). */
export function categoryOf(diagnosis: string): string {
  return diagnosis.slice(0, 3).toUpperCase();
}

/**
 * 基金分摊: the settlement's fund pay F shared over its lines by inScope s_i (S = Σ s_i). Each line gets
 * ⌊F·s_i/S⌋; the fen left go one each to the lines with the largest remainders, ties to the lower
 * index. S = 0 or F = 0: every share 0. Exact in BigInt.
 */
export function fundShares(fundPay: number, inScope: readonly number[]): number[] {
  const total = inScope.reduce((a, b) => a + b, 0);
  if (fundPay <= 0 || total <= 0) return inScope.map(() => 0);
  const F = BigInt(fundPay);
  const S = BigInt(total);
  const base = inScope.map((s) => (F * BigInt(s)) / S);
  const rem = inScope.map((s, i) => ({ i, r: (F * BigInt(s)) % S }));
  let left = Number(F - base.reduce((a, b) => a + b, 0n));
  rem.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const out = base.map(Number);
  for (const { i } of rem) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}
