// Resolves dated parameter values into segments: date ranges over which every value is constant.
// A settlement finds its segment by date and reads plain frozen objects — no lookups by name.
import type { Scheme } from '../contract.js';
import { PolicyError } from './error.js';
import { PARAMETER_SPECS } from './schema.js';
import type { Unit } from './schema.js';
import type {
  ByLevel,
  Citation,
  GroupBenefits,
  ParameterValue,
  PartialByLevel,
  PolicySegment,
  PolicyVersion,
  RegionWide,
} from './types.js';

export interface DatedValue {
  effectiveFrom: string;
  value: unknown; // converted to engine units
  display: unknown; // as written in the file
  source: Citation;
}

export interface ParameterDefinition {
  name: string;
  group: string | null;
  description: string;
  unit: Unit;
  values: DatedValue[];
  file: string;
  line: number | null;
}

function valueOn(def: ParameterDefinition, date: string): DatedValue | undefined {
  let found: DatedValue | undefined;
  for (const v of def.values) if (v.effectiveFrom <= date) found = v;
  return found;
}

export function buildSegments(
  regionPath: string,
  versions: readonly PolicyVersion[],
  schemes: ReadonlyMap<Scheme, readonly string[]>,
  definitions: ReadonlyMap<string, ParameterDefinition>,
): { segments: PolicySegment[]; parameters: ParameterValue[] } {
  const groupKeys = [...schemes].flatMap(([scheme, cats]) => cats.map((c) => `${scheme}/${c}`));
  for (const spec of PARAMETER_SPECS) {
    if (!spec.required) continue;
    for (const g of spec.scope === 'group' ? groupKeys : ['']) {
      if (!definitions.has(`${g}|${spec.name}`)) {
        throw new PolicyError(
          regionPath,
          null,
          spec.name,
          `is required${g ? ` for ${g}` : ''} and defined in no file`,
        );
      }
    }
  }
  const first = versions[0]?.effectiveFrom ?? '';
  const starts = new Set<string>(versions.map((v) => v.effectiveFrom));
  for (const def of definitions.values())
    for (const v of def.values) if (v.effectiveFrom > first) starts.add(v.effectiveFrom);
  const dates = [...starts].sort();

  const segments = dates.map((from, i): PolicySegment => {
    const version = [...versions].reverse().find((v) => v.effectiveFrom <= from);
    const citations = new Map<string, Citation>();
    const read = (group: string, name: string): unknown => {
      const def = definitions.get(`${group}|${name}`);
      if (!def) return undefined;
      const v = valueOn(def, from);
      if (!v) return undefined;
      citations.set(group ? `${group}:${name}` : name, v.source);
      return v.value;
    };
    const groups = new Map<string, GroupBenefits>();
    for (const g of groupKeys)
      groups.set(
        g,
        resolveGroup(regionPath, g, from, (name) => read(g, name)),
      );
    const region = resolveRegion((name) => read('', name));
    return Object.freeze({
      from,
      until: dates[i + 1] ?? null,
      version: version?.id ?? '',
      groups,
      region,
      citations,
    });
  });

  const parameters: ParameterValue[] = [];
  for (const def of definitions.values()) {
    for (const v of def.values) {
      parameters.push(
        Object.freeze({
          name: def.name,
          group: def.group,
          description: def.description,
          unit: def.unit,
          value: v.display,
          effectiveFrom: v.effectiveFrom,
          source: v.source,
          file: def.file,
        }),
      );
    }
  }
  return { segments, parameters };
}

function resolveGroup(
  regionPath: string,
  group: string,
  from: string,
  read: (name: string) => unknown,
): GroupBenefits {
  const tierRate = (read('generalOutpatient.tierRate') ?? {}) as PartialByLevel;
  const tierThreshold = (read('generalOutpatient.tierThreshold') ?? null) as number | null;
  if (Object.keys(tierRate).length > 0 && tierThreshold === null) {
    throw new PolicyError(
      regionPath,
      null,
      'generalOutpatient.tierRate',
      `for ${group} on ${from} needs generalOutpatient.tierThreshold`,
    );
  }
  return Object.freeze({
    generalOutpatient: Object.freeze({
      deductible: read('generalOutpatient.deductible') as ByLevel,
      rate: read('generalOutpatient.rate') as ByLevel,
      tierThreshold,
      tierRate,
      cap: read('generalOutpatient.cap') as number,
      capRaised: (read('generalOutpatient.capRaised') ?? null) as number | null,
      referralGate: read('generalOutpatient.referralGate') as boolean,
    }),
    chronicOutpatient: Object.freeze({
      rate: read('chronicOutpatient.rate') as ByLevel,
      tuberculosisRate: read('chronicOutpatient.tuberculosisRate') ?? {},
      cap: read('chronicOutpatient.cap') as number,
    }),
    specialOutpatient: Object.freeze({ deductible: read('specialOutpatient.deductible') as number }),
    inpatient: Object.freeze({
      deductible: read('inpatient.deductible') as ByLevel,
      rate: read('inpatient.rate') as ByLevel,
      cap: read('inpatient.cap') as number,
    }),
    familyBed: Object.freeze({ deductible: read('familyBed.deductible') as number }),
    personalAccount: read('personalAccount') as boolean,
  });
}

function resolveRegion(read: (name: string) => unknown): RegionWide {
  return Object.freeze({
    classBDefaultSelfPayRatio: read('classB.defaultSelfPayRatio') as number,
    inpatientAdjustment: Object.freeze({
      downwardReferral: read('inpatientAdjustment.downwardReferral') as number,
      crossCountyWithoutReferral: read('inpatientAdjustment.crossCountyWithoutReferral') as number,
      outOfCityWithReferral: read('inpatientAdjustment.outOfCityWithReferral') as number,
      outOfCityWithoutReferral: read('inpatientAdjustment.outOfCityWithoutReferral') as number,
      outOfCityRelocated: read('inpatientAdjustment.outOfCityRelocated') as number,
    }),
    tuberculosisCodes: read('diseases.tuberculosis') as string[],
    chronicDiseaseCodes: read('diseases.chronic') as string[],
    specialDiseaseCodes: read('diseases.special') as string[],
  });
}
