// The parameters the engine reads, with their types. The numbers live in policy/<region>/*.yaml;
// this file says only which parameters exist and what shape each value has.
import { LEVELS } from '../contract.js';
import { RATIO_SCALE } from '../money.js';

export type Unit =
  | 'yuan' // an amount in yuan, at most two decimals
  | 'percent' // whole percentage points 0–100
  | 'points' // a signed whole number of percentage points (rate adjustments)
  | 'ratio' // 0–1, at most four decimals
  | 'yuanByLevel' // { primary, secondary, tertiary } in yuan
  | 'percentByLevel' // { primary, secondary, tertiary } in whole points
  | 'percentBySomeLevels' // some of the levels, in whole points
  | 'boolean'
  | 'codes'; // a list of diagnosis codes (ICD-10 prefixes)

export interface ParameterSpec {
  name: string;
  scope: 'group' | 'region'; // per scheme/category, or for the whole region
  unit: Unit;
  required: boolean;
}

const group = (name: string, unit: Unit, required = true): ParameterSpec => ({
  name,
  scope: 'group',
  unit,
  required,
});
const region = (name: string, unit: Unit): ParameterSpec => ({ name, scope: 'region', unit, required: true });

export const PARAMETER_SPECS: readonly ParameterSpec[] = [
  group('generalOutpatient.deductible', 'yuanByLevel'),
  group('generalOutpatient.rate', 'percentByLevel'),
  group('generalOutpatient.tierThreshold', 'yuan', false),
  group('generalOutpatient.tierRate', 'percentBySomeLevels', false),
  group('generalOutpatient.cap', 'yuan'),
  group('generalOutpatient.capRaised', 'yuan', false),
  group('generalOutpatient.referralGate', 'boolean'),
  group('chronicOutpatient.rate', 'percentByLevel'),
  group('chronicOutpatient.tuberculosisRate', 'percentBySomeLevels', false),
  group('chronicOutpatient.cap', 'yuan'),
  group('specialOutpatient.deductible', 'yuan'),
  group('inpatient.deductible', 'yuanByLevel'),
  group('inpatient.rate', 'percentByLevel'),
  group('inpatient.cap', 'yuan'),
  group('familyBed.deductible', 'yuan'),
  group('personalAccount', 'boolean'),
  region('classB.defaultSelfPayRatio', 'ratio'),
  region('inpatientAdjustment.downwardReferral', 'points'),
  region('inpatientAdjustment.crossCountyWithoutReferral', 'points'),
  region('inpatientAdjustment.outOfCityWithReferral', 'points'),
  region('inpatientAdjustment.outOfCityWithoutReferral', 'points'),
  region('inpatientAdjustment.outOfCityRelocated', 'points'),
  region('diseases.tuberculosis', 'codes'),
  region('diseases.chronic', 'codes'),
  region('diseases.special', 'codes'),
];

export const SPEC_BY_NAME: ReadonlyMap<string, ParameterSpec> = new Map(
  PARAMETER_SPECS.map((s) => [s.name, s]),
);

/** A value converted to the engine's units (fen, whole points, ten-thousandths), or why not. */
export type Converted = { ok: true; value: unknown } | { ok: false; reason: string };

const ok = (value: unknown): Converted => ({ ok: true, value });
const bad = (reason: string): Converted => ({ ok: false, reason });

function isYuan(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && Math.round(v * 100) / 100 === v;
}

function convertYuan(v: unknown): Converted {
  return isYuan(v)
    ? ok(Math.round(v * 100))
    : bad('must be an amount in yuan, non-negative, at most two decimals');
}

function convertPercent(v: unknown): Converted {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100
    ? ok(v)
    : bad('must be whole percentage points from 0 to 100');
}

function convertByLevel(v: unknown, each: (x: unknown) => Converted, allLevels: boolean): Converted {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return bad('must be a table by level (primary, secondary, tertiary)');
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    if (!(LEVELS as readonly string[]).includes(key)) return bad(`has an unknown level '${key}'`);
  }
  for (const level of LEVELS) {
    const raw = (v as Record<string, unknown>)[level];
    if (raw === undefined) {
      if (allLevels) return bad(`has no value for level '${level}'`);
      continue;
    }
    const c = each(raw);
    if (!c.ok) return bad(`${level} ${c.reason}`);
    out[level] = c.value;
  }
  return ok(Object.freeze(out));
}

export function convertValue(unit: Unit, v: unknown): Converted {
  switch (unit) {
    case 'yuan':
      return convertYuan(v);
    case 'percent':
      return convertPercent(v);
    case 'points':
      return Number.isInteger(v) && Math.abs(v as number) <= 100
        ? ok(v)
        : bad('must be whole percentage points from -100 to 100');
    case 'ratio': {
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) return bad('must be a ratio from 0 to 1');
      const scaled = Math.round(v * RATIO_SCALE);
      return scaled / RATIO_SCALE === v ? ok(scaled) : bad('must have at most four decimals');
    }
    case 'yuanByLevel':
      return convertByLevel(v, convertYuan, true);
    case 'percentByLevel':
      return convertByLevel(v, convertPercent, true);
    case 'percentBySomeLevels':
      return convertByLevel(v, convertPercent, false);
    case 'boolean':
      return typeof v === 'boolean' ? ok(v) : bad('must be true or false');
    case 'codes':
      return Array.isArray(v) && v.every((c) => typeof c === 'string' && /^[A-Z][0-9A-Z.]*$/.test(c))
        ? ok(Object.freeze([...(v as string[])]))
        : bad('must be a list of diagnosis codes (ICD-10, e.g. E11)');
  }
}
