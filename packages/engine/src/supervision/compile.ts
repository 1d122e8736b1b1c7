// The `supervision` part of a region's policy (docs/supervision.md): its files' schema and compiler.
// Each file starts `part: supervision` and holds `rules` and/or `workflow`; every rule names a family
// known to families/index.ts, whose reader types its parameters and lists. Fails with the file and line.
import type { Citation } from '../contract.js';
import { asRecord, isRealDate } from '../policy-compiler/source.js';
import type { SourceFile } from '../policy-compiler/source.js';
import { FAMILIES } from './families/index.js';
import { VersionReader } from './reader.js';
import { RESULT_TYPES, SCENES, STAGES } from './types.js';
import type {
  IndicatorSettings,
  ResultType,
  RuleVersion,
  Scene,
  Stage,
  SupervisionLibrary,
  SupervisionRule,
  WorkflowSettings,
} from './types.js';

const RULE_FIELDS = [
  'id',
  'name',
  'family',
  'stage',
  'resultType',
  'scenes',
  'window',
  'requirement',
  'sources',
  'deducts',
  'versions',
] as const;
const R_ID = /^R-[A-H]\d+$/;
const RULE_ID = /^[A-Z]-\d{2,}$/;

function readCitation(
  file: SourceFile,
  path: (string | number)[],
  v: unknown,
  rule: string | null,
): Citation {
  const r = asRecord(v);
  if (!r) file.fail(path, rule, 'a source must be { document, clause, requirement }');
  file.onlyKeys(path, r, ['document', 'clause', 'requirement'], rule);
  for (const key of ['document', 'clause', 'requirement'] as const)
    if (typeof r[key] !== 'string' || r[key].trim() === '')
      file.fail(
        [...path, key],
        rule,
        `source.${key} is required (every rule cites its document, clause and R- id)`,
      );
  if (!R_ID.test(r.requirement as string))
    file.fail([...path, 'requirement'], rule, `'${String(r.requirement)}' is not an R- id like R-F1`);
  return Object.freeze({
    document: r.document as string,
    clause: r.clause as string,
    requirement: r.requirement as string,
  });
}

function oneOf<T extends string>(
  file: SourceFile,
  path: (string | number)[],
  v: unknown,
  allowed: readonly T[],
  rule: string,
): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    file.fail(path, rule, `${String(path[path.length - 1])} must be one of ${allowed.join(', ')}`);
  return v as T;
}

function readRule(file: SourceFile, raw: unknown, i: number): SupervisionRule {
  const at = ['rules', i];
  const r = asRecord(raw);
  if (!r) file.fail(at, null, `rules[${i}] must be a mapping`);
  const id = r.id;
  if (typeof id !== 'string' || !RULE_ID.test(id))
    file.fail([...at, 'id'], null, `rules[${i}].id must be a rule id like F-01`);
  file.onlyKeys(at, r, RULE_FIELDS, id);
  const text = (key: string): string => {
    const v = r[key];
    if (typeof v !== 'string' || v.trim() === '')
      file.fail([...at, key], id, `${key} must be a non-empty text`);
    return v;
  };
  const name = text('name');
  const window = text('window');
  const family = text('family');
  const impl = FAMILIES.get(family);
  if (!impl)
    file.fail(
      [...at, 'family'],
      id,
      `unknown family '${family}' (an evaluator exists for: ${[...FAMILIES.keys()].join(', ')})`,
    );
  const stage = oneOf<Stage>(file, [...at, 'stage'], r.stage, STAGES, id);
  if (stage !== impl.stage)
    file.fail([...at, 'stage'], id, `family '${family}' is ${impl.stage}, not ${stage}`);
  const resultType = oneOf<ResultType>(file, [...at, 'resultType'], r.resultType, RESULT_TYPES, id);
  if ((stage === '事中') !== (resultType === '明确违规'))
    file.fail(
      [...at, 'resultType'],
      id,
      `a ${stage} rule's result type is ${stage === '事中' ? '明确违规' : '可疑'}`,
    );
  if (!Array.isArray(r.scenes) || r.scenes.length === 0)
    file.fail([...at, 'scenes'], id, `scenes must list at least one of ${SCENES.join(', ')}`);
  const scenes = r.scenes.map((s: unknown, k: number) =>
    oneOf<Scene>(file, [...at, 'scenes', k], s, SCENES, id),
  );
  const requirement = text('requirement');
  if (!R_ID.test(requirement))
    file.fail([...at, 'requirement'], id, `'${requirement}' is not an R- id like R-F1`);
  if (!Array.isArray(r.sources) || r.sources.length === 0)
    file.fail([...at, 'sources'], id, 'sources must cite at least one document, clause and R- id');
  const sources = r.sources.map((s: unknown, k: number) => readCitation(file, [...at, 'sources', k], s, id));
  if (stage === '事后' && typeof r.deducts !== 'boolean')
    file.fail(
      [...at, 'deducts'],
      id,
      'deducts (true | false) is required: does an upheld alert with an amount deduct?',
    );
  if (stage === '事中' && r.deducts !== undefined)
    file.fail(
      [...at, 'deducts'],
      id,
      'deducts is for 事后 rules: a 事中 refusal is never paid, so never deducted',
    );
  const deducts = r.deducts === true;
  if (!Array.isArray(r.versions) || r.versions.length === 0)
    file.fail([...at, 'versions'], id, 'versions must list at least one dated version');
  const versions: RuleVersion[] = [];
  r.versions.forEach((raw: unknown, k: number) => {
    const vat = [...at, 'versions', k];
    const v = asRecord(raw);
    if (!v) file.fail(vat, id, `versions[${k}] must be { effectiveFrom, parameters?, lists? }`);
    file.onlyKeys(vat, v, ['effectiveFrom', 'parameters', 'lists'], id);
    if (!isRealDate(v.effectiveFrom))
      file.fail([...vat, 'effectiveFrom'], id, `versions[${k}].effectiveFrom must be a date YYYY-MM-DD`);
    const prev = versions[versions.length - 1];
    if (prev && v.effectiveFrom <= prev.effectiveFrom)
      file.fail(
        [...vat, 'effectiveFrom'],
        id,
        `versions[${k}] starts ${v.effectiveFrom}, not after the previous version (${prev.effectiveFrom})`,
      );
    const reader = new VersionReader(file, vat, v, id);
    const params = impl.read(reader);
    reader.done();
    const display: Record<string, unknown> = {};
    if (v.parameters !== undefined) display.parameters = v.parameters;
    if (v.lists !== undefined) display.lists = v.lists;
    versions.push(Object.freeze({ effectiveFrom: v.effectiveFrom, params, display: Object.freeze(display) }));
  });
  return Object.freeze({
    id,
    name,
    family,
    stage,
    resultType,
    scenes: Object.freeze(scenes),
    window,
    requirement,
    sources: Object.freeze(sources),
    deducts,
    versions: Object.freeze(versions),
    file: file.path,
    line: file.lineOf(at),
  });
}

/** A section of dated settings holding one whole number of days each (workflow, indicators). */
interface DaysSection {
  section: 'workflow' | 'indicators';
  field: 'appealWindowDays' | 'readmissionWithinDays';
  noun: string; // "workflow settings" / "indicator settings", for the order error
  daysRule: string; // the error when the days are not a whole number in range
}

function readDatedDays(
  file: SourceFile,
  raw: unknown,
  d: DaysSection,
): { effectiveFrom: string; days: number; source: Citation }[] {
  if (!Array.isArray(raw) || raw.length === 0)
    file.fail([d.section], null, `${d.section} must list dated settings`);
  const out: { effectiveFrom: string; days: number; source: Citation }[] = [];
  raw.forEach((item: unknown, k: number) => {
    const at = [d.section, k];
    const r = asRecord(item);
    if (!r) file.fail(at, null, `${d.section}[${k}] must be { effectiveFrom, ${d.field}, source }`);
    file.onlyKeys(at, r, ['effectiveFrom', d.field, 'source'], null);
    if (!isRealDate(r.effectiveFrom))
      file.fail([...at, 'effectiveFrom'], null, 'effectiveFrom must be a date YYYY-MM-DD');
    const prev = out[out.length - 1];
    if (prev && r.effectiveFrom <= prev.effectiveFrom)
      file.fail([...at, 'effectiveFrom'], null, `${d.noun} must be in date order without two on one date`);
    const days = r[d.field];
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 365)
      file.fail([...at, d.field], null, d.daysRule);
    out.push({
      effectiveFrom: r.effectiveFrom,
      days,
      source: readCitation(file, [...at, 'source'], r.source, null),
    });
  });
  return out;
}

function readWorkflow(file: SourceFile, raw: unknown): WorkflowSettings[] {
  return readDatedDays(file, raw, {
    section: 'workflow',
    field: 'appealWindowDays',
    noun: 'workflow settings',
    daysRule: 'appealWindowDays must be a whole number of calendar days (0–365)',
  }).map((v) =>
    Object.freeze({ effectiveFrom: v.effectiveFrom, appealWindowDays: v.days, source: v.source }),
  );
}

function readIndicators(file: SourceFile, raw: unknown): IndicatorSettings[] {
  return readDatedDays(file, raw, {
    section: 'indicators',
    field: 'readmissionWithinDays',
    noun: 'indicator settings',
    daysRule: 'readmissionWithinDays must be a whole number of days (0–365)',
  }).map((v) =>
    Object.freeze({ effectiveFrom: v.effectiveFrom, readmissionWithinDays: v.days, source: v.source }),
  );
}

/** Compiles the `supervision` files of one region into its rule library (empty when it has none). */
export function compileSupervision(files: readonly SourceFile[]): SupervisionLibrary {
  const rules = new Map<string, SupervisionRule>();
  let workflow: WorkflowSettings[] | null = null;
  let workflowFile = '';
  let indicators: IndicatorSettings[] | null = null;
  let indicatorsFile = '';
  for (const file of files) {
    const r = file.record([], null, 'a supervision file');
    file.onlyKeys([], r, ['part', 'rules', 'workflow', 'indicators'], null);
    if (r.rules !== undefined) {
      if (!Array.isArray(r.rules)) file.fail(['rules'], null, 'rules must be a list of rules');
      r.rules.forEach((raw: unknown, i: number) => {
        const rule = readRule(file, raw, i);
        const existing = rules.get(rule.id);
        if (existing)
          file.fail(
            ['rules', i, 'id'],
            rule.id,
            `is defined twice: here and in ${existing.file}:${existing.line ?? '?'}`,
          );
        rules.set(rule.id, rule);
      });
    }
    if (r.indicators !== undefined) {
      if (indicators) file.fail(['indicators'], null, `indicators is already set in ${indicatorsFile}`);
      indicators = readIndicators(file, r.indicators);
      indicatorsFile = file.path;
    }
    if (r.workflow !== undefined) {
      if (workflow) file.fail(['workflow'], null, `workflow is already set in ${workflowFile}`);
      workflow = readWorkflow(file, r.workflow);
      workflowFile = file.path;
    }
  }
  const ordered = [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Object.freeze({
    rules: Object.freeze(ordered),
    workflow: Object.freeze(workflow ?? []),
    indicators: Object.freeze(indicators ?? []),
  });
}

/** The version of a rule in force on a date, or null before its first version (not judged). */
export function versionOn<P>(rule: SupervisionRule<P>, date: string): RuleVersion<P> | null {
  let found: RuleVersion<P> | null = null;
  for (const v of rule.versions) if (v.effectiveFrom <= date) found = v;
  return found;
}

/** The appeal window in force on a date (the alert's raisedOn), or null when none is set. */
export function appealWindowOn(library: SupervisionLibrary, date: string): WorkflowSettings | null {
  let found: WorkflowSettings | null = null;
  for (const w of library.workflow) if (w.effectiveFrom <= date) found = w;
  return found;
}

/** The indicator settings in force on a date (the month's first day), or null when none is set. */
export function indicatorSettingsOn(library: SupervisionLibrary, date: string): IndicatorSettings | null {
  let found: IndicatorSettings | null = null;
  for (const w of library.indicators) if (w.effectiveFrom <= date) found = w;
  return found;
}
