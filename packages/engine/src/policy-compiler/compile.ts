// Policy compilation: YAML files -> a validated, frozen PolicyBook. Runs once at start; a broken file
// fails loudly with the file, the line, the parameter and the reason (ARCHITECTURE.md § the engine).
import { createHash } from 'node:crypto';
import { SCHEMES } from '../contract.js';
import type { Scheme } from '../contract.js';
import { compilePayment } from '../payment/compile.js';
import { PolicyError } from './error.js';
import { buildSegments } from './segments.js';
import type { DatedValue, ParameterDefinition } from './segments.js';
import { SPEC_BY_NAME, convertValue } from './schema.js';
import { SourceFile, asRecord, isRealDate } from './source.js';
import { compileSupervision } from '../supervision/compile.js';
import type {
  Citation,
  ParameterValue,
  PolicyBook,
  PolicyFile,
  PolicySegment,
  PolicyVersion,
  RegionPolicy,
} from './types.js';

function readCitation(file: SourceFile, path: (string | number)[], v: unknown, parameter: string): Citation {
  const r = asRecord(v);
  if (!r) file.fail(path, parameter, 'source must be { document, clause, requirement }');
  for (const key of ['document', 'clause', 'requirement'] as const) {
    if (typeof r[key] !== 'string' || r[key].trim() === '') {
      file.fail(
        [...path, key],
        parameter,
        `source.${key} is required (every value cites its document, clause and R- id)`,
      );
    }
  }
  if (!/^R-[A-H]\d+$/.test(r.requirement as string)) {
    file.fail(
      [...path, 'requirement'],
      parameter,
      `source.requirement '${String(r.requirement)}' is not an R- id like R-D2`,
    );
  }
  return Object.freeze({
    document: r.document as string,
    clause: r.clause as string,
    requirement: r.requirement as string,
  });
}

interface RegionHeader {
  code: string;
  name: string;
  versions: PolicyVersion[];
  schemes: Map<Scheme, string[]>;
}

function readRegionHeader(file: SourceFile, dir: string): RegionHeader {
  const r = asRecord(file.data);
  if (!r) file.fail([], null, 'region.yaml must be a mapping');
  if (r.region !== dir) file.fail(['region'], null, `region must be '${dir}', the name of its folder`);
  if (typeof r.name !== 'string') file.fail(['name'], null, 'name is required');
  if (!Array.isArray(r.versions) || r.versions.length === 0)
    file.fail(['versions'], null, 'versions must list at least one version');
  const versions: PolicyVersion[] = [];
  r.versions.forEach((v: unknown, i: number) => {
    const rv = asRecord(v);
    if (!rv || typeof rv.id !== 'string')
      file.fail(['versions', i, 'id'], null, `versions[${i}].id must be a string`);
    if (!isRealDate(rv.effectiveFrom))
      file.fail(
        ['versions', i, 'effectiveFrom'],
        null,
        `versions[${i}].effectiveFrom must be a date YYYY-MM-DD`,
      );
    const prev = versions[versions.length - 1];
    if (prev && rv.effectiveFrom <= prev.effectiveFrom)
      file.fail(['versions', i], null, `versions must be in date order without two on one date`);
    versions.push(
      Object.freeze({
        id: rv.id,
        effectiveFrom: rv.effectiveFrom,
        note: typeof rv.note === 'string' ? rv.note : '',
      }),
    );
  });
  const schemesRaw = asRecord(r.schemes);
  if (!schemesRaw) file.fail(['schemes'], null, 'schemes must map each scheme to its categories');
  const schemes = new Map<Scheme, string[]>();
  for (const [scheme, cats] of Object.entries(schemesRaw)) {
    if (!(SCHEMES as readonly string[]).includes(scheme))
      file.fail(['schemes', scheme], null, `unknown scheme '${scheme}'`);
    if (!Array.isArray(cats) || cats.length === 0 || !cats.every((c) => typeof c === 'string')) {
      file.fail(['schemes', scheme], null, `schemes.${scheme} must list its categories`);
    }
    schemes.set(scheme as Scheme, cats);
  }
  return { code: dir, name: r.name, versions, schemes };
}

/** Reads one parameter file's definitions into `into`, keyed by "group|name" (group "" = region-wide). */
function readParameterFile(
  file: SourceFile,
  header: RegionHeader,
  into: Map<string, ParameterDefinition>,
): void {
  const r = file.record([], null, 'a benefits file');
  file.onlyKeys([], r, ['part', 'appliesTo', 'parameters'], null);
  let groups: string[] = [''];
  if (r.appliesTo !== undefined) {
    const a = asRecord(r.appliesTo);
    const scheme = a?.scheme;
    const known = typeof scheme === 'string' ? header.schemes.get(scheme as Scheme) : undefined;
    if (!a || !known)
      file.fail(['appliesTo', 'scheme'], null, `appliesTo.scheme must be one of the region's schemes`);
    const cats = a.categories ?? known;
    if (!Array.isArray(cats) || !cats.every((c) => typeof c === 'string' && known.includes(c))) {
      file.fail(
        ['appliesTo', 'categories'],
        null,
        `appliesTo.categories must be categories of ${String(scheme)}: ${known.join(', ')}`,
      );
    }
    groups = (cats as string[]).map((c) => `${String(scheme)}/${c}`);
  }
  const params = asRecord(r.parameters);
  if (!params) file.fail(['parameters'], null, 'parameters is required');
  for (const [name, rawDef] of Object.entries(params)) {
    const spec = SPEC_BY_NAME.get(name);
    if (!spec) file.fail(['parameters', name], name, 'unknown parameter (the engine reads no such name)');
    const isGroupFile = groups[0] !== '';
    if (spec.scope === 'group' && !isGroupFile)
      file.fail(['parameters', name], name, 'is per scheme and category: put it in a file with appliesTo');
    if (spec.scope === 'region' && isGroupFile)
      file.fail(['parameters', name], name, 'is region-wide: put it in a file without appliesTo');
    const def = asRecord(rawDef);
    if (!def) file.fail(['parameters', name], name, 'must be a mapping with unit, source and values');
    if (def.unit !== spec.unit) file.fail(['parameters', name, 'unit'], name, `unit must be '${spec.unit}'`);
    const description = typeof def.description === 'string' ? def.description : '';
    const defaultSource =
      def.source === undefined ? null : readCitation(file, ['parameters', name, 'source'], def.source, name);
    if (!Array.isArray(def.values) || def.values.length === 0)
      file.fail(['parameters', name, 'values'], name, 'values must list at least one dated value');
    const values: DatedValue[] = [];
    def.values.forEach((rawValue: unknown, i: number) => {
      const at = ['parameters', name, 'values', i];
      const v = asRecord(rawValue);
      if (!v) file.fail(at, name, `values[${i}] must be { effectiveFrom, value }`);
      if (!isRealDate(v.effectiveFrom))
        file.fail([...at, 'effectiveFrom'], name, `values[${i}].effectiveFrom must be a date YYYY-MM-DD`);
      const prev = values[values.length - 1];
      if (prev && v.effectiveFrom <= prev.effectiveFrom) {
        file.fail(
          [...at, 'effectiveFrom'],
          name,
          `values[${i}] starts ${v.effectiveFrom}, not after the previous value (${prev.effectiveFrom}): two values on one date`,
        );
      }
      const converted = convertValue(spec.unit, v.value);
      if (!converted.ok) file.fail([...at, 'value'], name, `values[${i}].value ${converted.reason}`);
      const source =
        v.source === undefined ? defaultSource : readCitation(file, [...at, 'source'], v.source, name);
      if (!source) file.fail(at, name, `values[${i}] has no source (document, clause, requirement)`);
      values.push({ effectiveFrom: v.effectiveFrom, value: converted.value, display: v.value, source });
    });
    const firstVersion = header.versions[0]?.effectiveFrom ?? '';
    const firstValue = values[0];
    if (firstValue && firstValue.effectiveFrom > firstVersion) {
      file.fail(
        ['parameters', name, 'values', 0, 'effectiveFrom'],
        name,
        `has no value from ${firstVersion} (the region's first version) to ${firstValue.effectiveFrom}`,
      );
    }
    for (const g of groups) {
      const key = `${g}|${name}`;
      const existing = into.get(key);
      if (existing)
        file.fail(
          ['parameters', name],
          name,
          `is defined twice for ${g || 'the region'}: here and in ${existing.file}`,
        );
      into.set(key, {
        name,
        group: g === '' ? null : g,
        description,
        unit: spec.unit,
        values,
        file: file.path,
        line: file.lineOf(['parameters', name]),
      });
    }
  }
}

function hashFiles(files: readonly PolicyFile[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1)))
    h.update(f.path).update('\0').update(f.text).update('\0');
  return h.digest('hex').slice(0, 16);
}

// ---- The parts of a region's policy -------------------------------------------------------------

/**
 * The parts of a region's policy. Every file of policy/<region>/ but region.yaml says which part it
 * is (`part: benefits`), and each part has its own schema and compiler: a new kind of policy data
 * (payment, PAYMENT_POLICY.md; supervision, SUPERVISION_RULES.md) is a new entry here with its own
 * reader, never a surprise to another part's. A file naming no part, or one not listed, fails with
 * its file and line.
 */
export const POLICY_PARTS = ['benefits', 'payment', 'supervision'] as const;
export type PolicyPart = (typeof POLICY_PARTS)[number];

function partOf(file: SourceFile): PolicyPart {
  const r = file.record([], null, 'a policy file');
  const part = r['part'];
  const known = POLICY_PARTS.join(', ');
  if (part === undefined)
    file.fail([], null, `part is missing: say which part of the region's policy this file holds (${known})`);
  if (typeof part !== 'string' || !(POLICY_PARTS as readonly string[]).includes(part))
    file.fail(['part'], null, `unknown part ${JSON.stringify(part)} (the parts are: ${known})`);
  return part as PolicyPart;
}

/** Benefits (待遇): the dated parameters the benefit engine reads, as segments by version. */
function compileBenefits(
  dir: string,
  header: RegionHeader,
  files: readonly SourceFile[],
): { segments: readonly PolicySegment[]; parameters: readonly ParameterValue[] } {
  const definitions = new Map<string, ParameterDefinition>();
  for (const f of files) readParameterFile(f, header, definitions);
  return buildSegments(`policy/${dir}`, header.versions, header.schemes, definitions);
}

function compileRegion(dir: string, files: PolicyFile[]): RegionPolicy {
  const headerFile = files.find((f) => f.path === `${dir}/region.yaml`);
  if (!headerFile) throw new PolicyError(`policy/${dir}`, null, null, 'region.yaml is missing');
  const header = readRegionHeader(new SourceFile(headerFile), dir);
  const parts: Record<PolicyPart, SourceFile[]> = { benefits: [], payment: [], supervision: [] };
  for (const f of files) {
    if (f === headerFile) continue;
    const source = new SourceFile(f);
    parts[partOf(source)].push(source);
  }
  const { segments, parameters } = compileBenefits(dir, header, parts.benefits);
  // Paying institutions (docs/payments.md): its own schema and compiler; null when the region has none.
  const payment = compilePayment(dir, header.versions, parts.payment);
  const supervision = compileSupervision(parts.supervision);
  return Object.freeze({
    code: dir,
    name: header.name,
    hash: hashFiles(files),
    versions: Object.freeze(header.versions),
    schemes: header.schemes,
    segments,
    parameters,
    payment,
    supervision,
  });
}

/** Compiles every region found in the files (the first folder of each path is the region code). */
export function compilePolicy(files: readonly PolicyFile[]): PolicyBook {
  const byRegion = new Map<string, PolicyFile[]>();
  for (const f of files) {
    if (!/\.ya?ml$/.test(f.path)) continue;
    const slash = f.path.indexOf('/');
    if (slash <= 0)
      throw new PolicyError(`policy/${f.path}`, null, null, 'a policy file must be inside its region folder');
    const dir = f.path.slice(0, slash);
    byRegion.set(dir, [...(byRegion.get(dir) ?? []), f]);
  }
  const regions = new Map<string, RegionPolicy>();
  for (const [dir, regionFiles] of byRegion) regions.set(dir, compileRegion(dir, regionFiles));
  return Object.freeze({ hash: hashFiles(files), regions });
}

export { PolicyError };
