// The `payment` part's compiler (docs/payments.md): reads policy/<region>/payment-*.yaml (each
// `part: payment`) with the shared YAML reader, checks every parameter's name, unit, values, dates and
// citations with file and line, and builds the versions. The benefit compiler never sees these files.
import type { Citation } from '../contract.js';
import { PolicyError } from '../policy-compiler/error.js';
import type { SourceFile } from '../policy-compiler/source.js';
import { asRecord, isRealDate } from '../policy-compiler/source.js';
import type { PolicyVersion } from '../policy-compiler/types.js';
import { CASE_METHODS } from './methods.js';
import type { ParameterSpec } from './schema.js';
import { COMMON_SPECS } from './schema.js';
import type { PaymentParameterValue, PaymentParameters, PaymentPolicy, PaymentVersion } from './types.js';

interface Dated {
  effectiveFrom: string;
  value: unknown; // converted
  source: Citation;
}

interface Definition {
  spec: ParameterSpec;
  file: SourceFile;
  path: (string | number)[];
  values: Dated[];
}

const ALL_SPECS: ReadonlyMap<string, ParameterSpec> = new Map(
  [...COMMON_SPECS, ...Object.values(CASE_METHODS).flatMap((m) => m.specs)].map((s) => [s.name, s]),
);

function readCitation(file: SourceFile, path: (string | number)[], v: unknown, name: string): Citation {
  const r = asRecord(v);
  if (!r) file.fail(path, name, 'source must be { document, clause, requirement }');
  file.onlyKeys(path, r, ['document', 'clause', 'requirement'], name);
  for (const key of ['document', 'clause', 'requirement'] as const) {
    const x = r[key];
    if (typeof x !== 'string' || x.trim() === '')
      file.fail(
        [...path, key],
        name,
        `source.${key} is required (every value cites its document, clause and R- id)`,
      );
  }
  if (!/^R-[A-H]\d+$/.test(r.requirement as string))
    file.fail(
      [...path, 'requirement'],
      name,
      `source.requirement '${String(r.requirement)}' is not an R- id like R-E3`,
    );
  return Object.freeze({
    document: r.document as string,
    clause: r.clause as string,
    requirement: r.requirement as string,
  });
}

function readFile(file: SourceFile, into: Map<string, Definition>, raw: PaymentParameterValue[]): void {
  const r = file.record([], null, 'a payment file');
  file.onlyKeys([], r, ['part', 'parameters'], null);
  const params = file.record(['parameters'], null, 'parameters');
  for (const name of Object.keys(params)) {
    const path = ['parameters', name];
    const spec = ALL_SPECS.get(name);
    if (!spec) file.fail(path, name, 'unknown parameter (the payment computations read no such name)');
    const prior = into.get(name);
    if (prior)
      file.fail(
        path,
        name,
        `defined twice (also in ${prior.file.path}:${String(prior.file.lineOf(prior.path))})`,
      );
    const def = file.record(path, name, 'a parameter');
    file.onlyKeys(path, def, ['description', 'unit', 'source', 'values'], name);
    const description = file.text([...path, 'description'], name);
    if (def.unit !== spec.unit)
      file.fail([...path, 'unit'], name, `unit must be '${spec.unit}', not '${String(def.unit)}'`);
    const defaultSource =
      def.source === undefined ? null : readCitation(file, [...path, 'source'], def.source, name);
    if (!Array.isArray(def.values) || def.values.length === 0)
      file.fail([...path, 'values'], name, 'values must list at least one dated value');
    const values: Dated[] = [];
    def.values.forEach((v: unknown, i: number) => {
      const vp = [...path, 'values', i];
      const rv = asRecord(v);
      if (!rv) file.fail(vp, name, 'a value is { effectiveFrom, value, source? }');
      file.onlyKeys(vp, rv, ['effectiveFrom', 'value', 'source'], name);
      if (!isRealDate(rv.effectiveFrom))
        file.fail([...vp, 'effectiveFrom'], name, 'effectiveFrom must be a date YYYY-MM-DD');
      const prev = values[values.length - 1];
      if (prev && rv.effectiveFrom <= prev.effectiveFrom)
        file.fail([...vp, 'effectiveFrom'], name, 'values must be in date order without two on one date');
      if (!('value' in rv)) file.fail(vp, name, 'value is missing');
      const source =
        rv.source === undefined ? defaultSource : readCitation(file, [...vp, 'source'], rv.source, name);
      if (!source) file.fail(vp, name, 'source is required (on the value or the parameter)');
      const value = spec.read(file, [...vp, 'value'], rv.value, name);
      values.push({ effectiveFrom: rv.effectiveFrom, value, source });
      raw.push(
        Object.freeze({
          name,
          description,
          unit: spec.unit,
          value: rv.value,
          effectiveFrom: rv.effectiveFrom,
          source,
          file: file.path,
        }),
      );
    });
    into.set(name, { spec, file, path, values });
  }
}

function inForce(def: Definition, date: string): Dated | undefined {
  let found: Dated | undefined;
  for (const v of def.values) if (v.effectiveFrom <= date) found = v;
  return found;
}

function parametersOf(values: ReadonlyMap<string, unknown>): PaymentParameters {
  // Every value was read and checked by its spec's reader; `never` lets it fill the typed field.
  const v = (name: string): never => values.get(name) as never;
  const sharing: PaymentParameters['sharing'] = v('budget.sharing');
  return {
    caseMethod: v('case.method'),
    holdbackDefaultPercent: v('holdback.defaultPercent'),
    budgetPointValue: v('dip.budgetPointValue'),
    dipBudgetPerPersonYear: v('dip.budgetPerPersonYear'),
    settlementPointValueCapPercent: v('dip.settlementPointValueCapPercent'),
    tcmCoefficient: v('dip.tcmCoefficient'),
    capitationHeadRate: v('capitation.headRate'),
    contractFeePerPersonYear: v('contractFee.perPersonYear'),
    contractFeeHeldPercent: v('contractFee.heldPercent'),
    bedDayStandards: v('bedDay.standards'),
    bedDayPhases: v('bedDay.phases'),
    sharing,
    surplusMinScore: v('budget.surplusMinScore'),
    overrunMinScore: v('budget.overrunMinScore'),
    budgetGrowthPercent: v('budget.growthPercent'),
    depositRelease: v('clearing.depositRelease'),
    contractFeeReleaseMinScore: v('clearing.contractFeeReleaseMinScore'),
    scoreWithoutAgreement: v('clearing.scoreWithoutAgreement'),
  };
}

/**
 * Compiles a region's payment files into versions, or null when the region has none (a region may
 * pay by no policy of Yibao's). Every parameter needs a value in force from the region's first version.
 */
export function compilePayment(
  region: string,
  regionVersions: readonly PolicyVersion[],
  files: readonly SourceFile[],
): PaymentPolicy | null {
  if (files.length === 0) return null;
  const defs = new Map<string, Definition>();
  const raw: PaymentParameterValue[] = [];
  for (const f of files) readFile(f, defs, raw);
  const first = regionVersions[0]?.effectiveFrom;
  if (first === undefined) throw new PolicyError(`policy/${region}`, null, null, 'the region has no version');
  const where = `policy/${region}/payment-*.yaml`;
  const dates = new Set<string>(regionVersions.map((v) => v.effectiveFrom));
  for (const d of defs.values())
    for (const v of d.values) if (v.effectiveFrom > first) dates.add(v.effectiveFrom);
  const sorted = [...dates].filter((d) => d >= first).sort();
  const versions: PaymentVersion[] = [];
  sorted.forEach((from, i) => {
    const values = new Map<string, unknown>();
    const citations = new Map<string, Citation>();
    for (const [name, d] of defs) {
      const v = inForce(d, from);
      if (v) {
        values.set(name, v.value);
        citations.set(name, v.source);
      }
    }
    const requireAll = (specs: readonly ParameterSpec[], why: string): void => {
      for (const s of specs) {
        if (values.has(s.name)) continue;
        const d = defs.get(s.name);
        if (d) d.file.fail(d.path, s.name, `no value in force on ${from} (values must start by ${first})`);
        throw new PolicyError(where, null, s.name, `missing: ${why} reads it from ${from}`);
      }
    };
    requireAll(COMMON_SPECS, 'the payment computations');
    const methodName = values.get('case.method') as string;
    const method = CASE_METHODS[methodName];
    if (!method) {
      const d = defs.get('case.method');
      const known = Object.keys(CASE_METHODS).join(', ');
      if (d) {
        const i = d.values.findIndex((x) => x.value === methodName);
        d.file.fail(
          [...d.path, 'values', i, 'value'],
          'case.method',
          `unknown case method '${methodName}' (known: ${known})`,
        );
      }
      throw new PolicyError(where, null, 'case.method', `unknown case method '${methodName}'`);
    }
    requireAll(method.specs, `the case method '${method.name}'`);
    const version = regionVersions.filter((v) => v.effectiveFrom <= from).at(-1)?.id ?? '';
    versions.push(
      Object.freeze({
        ...parametersOf(values),
        from,
        until: sorted[i + 1] ?? null,
        version,
        caseSettings: method.settings(values),
        citations,
      }),
    );
  });
  return Object.freeze({ region, versions: Object.freeze(versions), parameters: Object.freeze(raw) });
}

/** The payment version in force on a date (YYYY-MM-DD), or null before the first. */
export function paymentVersionOn(policy: PaymentPolicy, date: string): PaymentVersion | null {
  let found: PaymentVersion | null = null;
  for (const v of policy.versions) if (v.from <= date) found = v;
  return found;
}
