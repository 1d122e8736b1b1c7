// The payment part's schema: every parameter name the payment computations read, its unit, and the
// reader that checks a value written in a file and converts it (yuan to fen, point values to
// ten-thousandths, coefficients to hundredths). A case method (DIP, a DRG one day) declares its own
// parameters the same way (methods.ts); a name declared by neither is an error with file and line.
import { LEVELS } from '../contract.js';
import type { Level } from '../contract.js';
import type { SourceFile } from '../policy-compiler/source.js';
import { asRecord } from '../policy-compiler/source.js';
import type { BedDayCareType, BedDayStandard, Phase, ScoreBand, SharingSet } from './types.js';

export type Path = (string | number)[];

/** Reads one value at `path` of `file` (for the parameter `name`), or fails with file and line. */
export type ValueReader<T> = (file: SourceFile, path: Path, v: unknown, name: string) => T;

export interface ParameterSpec {
  name: string;
  unit: string;
  read: ValueReader<unknown>;
}

// ---- value readers --------------------------------------------------------------------------------

function scaled(scale: number, what: string, min = 0): ValueReader<number> {
  return (file: SourceFile, path: Path, v: unknown, name: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min)
      file.fail(path, name, `must be ${what} (a number ≥ ${min})`);
    const s = Math.round(v * scale);
    if (!Number.isSafeInteger(s) || Math.abs(s / scale - v) > 1e-9)
      file.fail(path, name, `must be ${what} with at most ${String(Math.log10(scale))} decimals, not ${v}`);
    return s;
  };
}

export const readYuan = scaled(100, 'an amount in yuan'); // -> fen
export const readPointValue = scaled(10_000, 'a point value in yuan'); // -> ten-thousandths
export const readCoefficient = scaled(100, 'a coefficient'); // -> hundredths
export const readWhole = scaled(1, 'a whole number');

export function readPercent(file: SourceFile, path: Path, v: unknown, name: string): number {
  const p = readWhole(file, path, v, name);
  if (p > 1000) file.fail(path, name, `must be a percentage, not ${p}`);
  return p;
}

export function readScore(file: SourceFile, path: Path, v: unknown, name: string): number {
  const s = readWhole(file, path, v, name);
  if (s > 100) file.fail(path, name, `must be an assessment score 0–100, not ${s}`);
  return s;
}

export function readMapping(
  file: SourceFile,
  path: Path,
  v: unknown,
  name: string,
  keys: readonly string[],
): Record<string, unknown> {
  const r = asRecord(v);
  if (!r) file.fail(path, name, `must be a mapping of ${keys.join(', ')}`);
  file.onlyKeys(path, r, keys, name);
  for (const k of keys) if (!(k in r)) file.fail(path, name, `${k} is missing`);
  return r;
}

function byKeys<T>(keys: readonly string[], each: ValueReader<T>): ValueReader<Readonly<Record<string, T>>> {
  return (file: SourceFile, path: Path, v: unknown, name: string): Readonly<Record<string, T>> => {
    const r = readMapping(file, path, v, name, keys);
    const out: Record<string, T> = {};
    for (const k of keys) out[k] = each(file, [...path, k], r[k], name);
    return Object.freeze(out);
  };
}

export const POOLS = ['employee', 'resident'] as const;
export const BED_DAY_CARE_TYPES = ['rehabilitation', 'hospice', 'chronic_care'] as const;

function readStandard(file: SourceFile, path: Path, v: unknown, name: string): BedDayStandard {
  const r = readMapping(file, path, v, name, [...LEVELS, 'capDays']);
  const perDay = {} as Record<Level, number>;
  for (const l of LEVELS) perDay[l] = readYuan(file, [...path, l], r[l], name);
  const capDays = readWhole(file, [...path, 'capDays'], r.capDays, name);
  if (capDays < 1) file.fail([...path, 'capDays'], name, 'capDays must be at least 1');
  return Object.freeze({ perDay: Object.freeze(perDay), capDays });
}

function readPhases(file: SourceFile, path: Path, v: unknown, name: string): readonly Phase[] {
  if (!Array.isArray(v) || v.length === 0)
    file.fail(path, name, 'must list the phases [{ fromDay, percent }]');
  const phases = v.map((p: unknown, i: number): Phase => {
    const r = readMapping(file, [...path, i], p, name, ['fromDay', 'percent']);
    return {
      fromDay: readWhole(file, [...path, i, 'fromDay'], r.fromDay, name),
      percent: readPercent(file, [...path, i, 'percent'], r.percent, name),
    };
  });
  phases.forEach((p, i) => {
    if (i === 0 ? p.fromDay !== 1 : p.fromDay <= (phases[i - 1]?.fromDay ?? 0))
      file.fail([...path, i, 'fromDay'], name, 'phases start on day 1 and go up');
  });
  return Object.freeze(phases);
}

const SET_KEYS = ['minExecution', 'fullBand', 'beyondShare', 'overrunBand', 'fundShare'] as const;
const readSharingSet: ValueReader<SharingSet> = (file, path, v, name) =>
  byKeys(SET_KEYS, readPercent)(file, path, v, name) as unknown as SharingSet;

function readScoreBands(file: SourceFile, path: Path, v: unknown, name: string): readonly ScoreBand[] {
  if (!Array.isArray(v) || v.length === 0)
    file.fail(path, name, 'must list the bands [{ minScore, percent }]');
  const bands = v.map((b: unknown, i: number): ScoreBand => {
    const r = readMapping(file, [...path, i], b, name, ['minScore', 'percent']);
    return {
      minScore: readScore(file, [...path, i, 'minScore'], r.minScore, name),
      percent: readPercent(file, [...path, i, 'percent'], r.percent, name),
    };
  });
  bands.forEach((b, i) => {
    if (i > 0 && b.minScore >= (bands[i - 1]?.minScore ?? 101))
      file.fail([...path, i, 'minScore'], name, 'bands go from the highest score down');
  });
  if (bands[bands.length - 1]?.minScore !== 0)
    file.fail([...path, bands.length - 1], name, 'the last band starts at score 0');
  return Object.freeze(bands);
}

/** The parameters of every payment version, whatever the case method. */
export const COMMON_SPECS: readonly ParameterSpec[] = [
  {
    name: 'case.method',
    unit: 'method',
    read: (file, path, v, name) => {
      if (typeof v !== 'string' || v === '') file.fail(path, name, 'must name a case method (e.g. dip)');
      return v;
    },
  },
  { name: 'holdback.defaultPercent', unit: 'percent', read: readPercent },
  { name: 'dip.budgetPointValue', unit: 'pointValueByPool', read: byKeys(POOLS, readPointValue) },
  { name: 'dip.budgetPerPersonYear', unit: 'yuanByPool', read: byKeys(POOLS, readYuan) },
  { name: 'dip.settlementPointValueCapPercent', unit: 'percent', read: readPercent },
  { name: 'dip.tcmCoefficient', unit: 'coefficient', read: readCoefficient },
  { name: 'capitation.headRate', unit: 'yuan', read: readYuan },
  { name: 'contractFee.perPersonYear', unit: 'yuan', read: readYuan },
  { name: 'contractFee.heldPercent', unit: 'percent', read: readPercent },
  { name: 'bedDay.standards', unit: 'bedDayStandards', read: byKeys(BED_DAY_CARE_TYPES, readStandard) },
  { name: 'bedDay.phases', unit: 'phases', read: readPhases },
  {
    name: 'budget.sharing',
    unit: 'sharingSets',
    read: byKeys(['primary', 'others', 'capitation'], readSharingSet),
  },
  { name: 'budget.surplusMinScore', unit: 'score', read: readScore },
  { name: 'budget.overrunMinScore', unit: 'score', read: readScore },
  {
    name: 'budget.growthPercent',
    unit: 'percentByLevel',
    read: byKeys([...LEVELS, 'pharmacy'], readPercent),
  },
  { name: 'clearing.depositRelease', unit: 'scoreBands', read: readScoreBands },
  { name: 'clearing.contractFeeReleaseMinScore', unit: 'score', read: readScore },
  { name: 'clearing.scoreWithoutAgreement', unit: 'score', read: readScore },
];

export type BedDayStandards = Readonly<Record<BedDayCareType, BedDayStandard>>;
