// Test support: the demo region's policy book, loaded once from the repository's policy/ folder, and
// a request builder with sensible defaults so that each test states only what matters to it.
// The defaults are a resident adult at a primary community centre, general outpatient, 2026-03-01,
// ytd all zero — the setting of REFERENCE_POLICY.md §9.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calculate } from '../calculate.js';
import type { CalcResult, TraceEvent } from '../contract.js';
import { compilePolicy } from '../policy-compiler/compile.js';
import type { GroupBenefits, PolicyBook, PolicyFile, PolicySegment } from '../policy-compiler/types.js';

/** The repository root: packages/engine/src/testing -> ../../../.. (never an absolute path). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const POLICY_DIR = join(REPO_ROOT, 'policy');

/** The YAML files of the region folders under policy/; files at the top (requirements.yaml) are not region policy. */
function readPolicyFiles(dir: string): PolicyFile[] {
  const files: PolicyFile[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (d !== dir && /\.ya?ml$/.test(name))
        files.push({ path: relative(dir, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return files;
}

let cached: PolicyBook | null = null;

/** The policy book of the repository's policy/ folder (the demo region among it), compiled once. */
export function demoBook(): PolicyBook {
  cached ??= compilePolicy(readPolicyFiles(POLICY_DIR));
  return cached;
}

/** The demo region's segment in force on a day, read from the policy book (never hard-coded). */
export function segmentOn(day: string): PolicySegment {
  const region = demoBook().regions.get('demo');
  if (!region) throw new Error('the policy book has no demo region');
  let found: PolicySegment | null = null;
  for (const s of region.segments) if (s.from <= day) found = s;
  if (!found) throw new Error(`no demo policy segment on ${day}`);
  return found;
}

/** The benefits (amounts in fen) of a person group on a day, from the policy book. */
export function benefitsOn(day: string, scheme: string, category: string): GroupBenefits {
  const g = segmentOn(day).groups.get(`${scheme}/${category}`);
  if (!g) throw new Error(`no benefits for ${scheme}/${category} on ${day}`);
  return g;
}

// ---------------------------------------------------------------- request builder (raw JSON, yuan)

export interface RawItem {
  code: string;
  name?: string;
  kind: 'drug' | 'service' | 'material';
  class: 'A' | 'B' | 'self';
  quantity: number;
  unitPrice: number;
  selfPayRatio?: number | null;
  priceStandard?: number | null;
  paymentLimit?: number | null;
  consent?: boolean;
  publicHealth?: boolean;
  fixedSelfPay?: boolean;
  refusedBy?: unknown;
}

export interface RawReferral {
  fromLevel: string;
  direction: string;
  filed?: boolean;
  linkedDeductiblePaid?: number;
}

export interface RawPerson {
  scheme?: string;
  category?: string;
  chronicDiseases?: string[];
  familyDoctorContract?: boolean;
  relocated?: boolean;
  accountBalance?: number;
}

export interface RawInstitution {
  level?: string | null;
  type: string;
}

export interface RawVisit {
  kind?: string;
  department?: string;
  diagnosis?: string | null;
  scope?: string;
  referral?: RawReferral | null;
  ePrescription?: { fromLevel: string; fromType?: string } | null;
  useAccount?: boolean;
}

export interface RawYtd {
  outpatientDeductiblePaid?: number;
  outpatientFundPaid?: number;
  outpatientInScope?: number;
  chronicFundPaid?: number;
  specialDeductiblePaid?: number;
  inpatientFundPaid?: number;
}

export interface RawRequest {
  region: string;
  date: string;
  person: RawPerson;
  institution: RawInstitution;
  visit: RawVisit;
  items: RawItem[];
  ytd: RawYtd;
}

export interface RequestOptions {
  region?: string;
  date?: string;
  person?: RawPerson; // merged over the default resident adult
  institution?: RawInstitution; // replaces the default primary community centre
  visit?: RawVisit; // merged over the default outpatient visit
  items?: RawItem[]; // replaces the default single Class A service of 100.00
  ytd?: RawYtd; // merged over all-zero accumulators
}

export const PRIMARY: RawInstitution = { level: 'primary', type: 'community_centre' };
export const SECONDARY: RawInstitution = { level: 'secondary', type: 'general_hospital' };
export const TERTIARY: RawInstitution = { level: 'tertiary', type: 'general_hospital' };
export const PHARMACY: RawInstitution = { type: 'pharmacy' };
export const TCM_SECONDARY: RawInstitution = { level: 'secondary', type: 'tcm_hospital' };

export const RESIDENT: RawPerson = { scheme: 'resident', category: 'adult' };
export const IN_SERVICE: RawPerson = { scheme: 'employee', category: 'in_service' };
export const RETIRED: RawPerson = { scheme: 'employee', category: 'retired' };

let codeCounter = 0;
const nextCode = (prefix: string): string => `${prefix}${String(++codeCounter)}`;

/** A Class A line (甲类), quantity 1 unless given. */
export function classA(unitPrice: number, extra: Partial<RawItem> = {}): RawItem {
  return { code: nextCode('A'), kind: 'service', class: 'A', quantity: 1, unitPrice, ...extra };
}

/** A Class B line (乙类); a drug unless `kind` is given; the policy's default ratio unless given. */
export function classB(unitPrice: number, extra: Partial<RawItem> = {}): RawItem {
  return { code: nextCode('B'), kind: 'drug', class: 'B', quantity: 1, unitPrice, ...extra };
}

/** A self-pay line (丙类/自费). */
export function selfItem(unitPrice: number, extra: Partial<RawItem> = {}): RawItem {
  return { code: nextCode('S'), kind: 'drug', class: 'self', quantity: 1, unitPrice, ...extra };
}

/** A full request with the defaults above; each test states only what matters. */
export function request(o: RequestOptions = {}): RawRequest {
  return {
    region: o.region ?? 'demo',
    date: o.date ?? '2026-03-01',
    person: { ...RESIDENT, ...o.person },
    institution: o.institution ?? PRIMARY,
    visit: { kind: 'outpatient', ...o.visit },
    items: o.items ?? [classA(100)],
    ytd: { ...o.ytd },
  };
}

/** Settles a request built from the options against the demo policy book. */
export function settle(o: RequestOptions = {}): CalcResult {
  return calculate(demoBook(), request(o));
}

/** Settles a raw request (already built) against the demo policy book. */
export function settleRaw(raw: unknown): CalcResult {
  return calculate(demoBook(), raw);
}

// ---------------------------------------------------------------- trace helpers

/** Events of a rule that were applied (not the "considered and not applied" ones). */
export function appliedEvents(r: CalcResult, rule: string): TraceEvent[] {
  return r.trace.filter((e) => e.rule === rule && e.applied !== false);
}

/** Events of a rule considered and not applied (`applied: false`). */
export function notAppliedEvents(r: CalcResult, rule: string): TraceEvent[] {
  return r.trace.filter((e) => e.rule === rule && e.applied === false);
}

/** True when the trace holds an applied event of the rule whose text contains every fragment. */
export function traceApplied(r: CalcResult, rule: string, ...fragments: string[]): boolean {
  return appliedEvents(r, rule).some((e) => fragments.every((f) => e.text.includes(f)));
}

/** True when the trace holds a not-applied event of the rule whose text says why (every fragment). */
export function traceNotApplied(r: CalcResult, rule: string, ...fragments: string[]): boolean {
  return notAppliedEvents(r, rule).some(
    (e) => e.text.startsWith('未适用') && fragments.every((f) => e.text.includes(f)),
  );
}

/** Yuan to integer fen, for comparisons to the fen. */
export function fen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** The policy files of the repository's policy/ folder, for tests that compile an edited copy. */
export function policyFiles(): PolicyFile[] {
  return readPolicyFiles(POLICY_DIR);
}

/** Settles a request built from the options against another policy book (an edited copy). */
export function settleWith(book: PolicyBook, o: RequestOptions = {}): CalcResult {
  return calculate(book, request(o));
}
