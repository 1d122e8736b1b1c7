// The guidance's fixed numbers (policy/guidance.yaml), read like the region's policy files: every
// constraint R-H1…R-H7 present with its text, its source and exactly the numbers the check reads, so
// a misspelt `minimum` fails at start with the file and the line instead of printing "undefined%".
import { SourceFile } from '../policy-compiler/source.js';
import type { PolicyFile } from '../policy-compiler/types.js';
import type { Guidance } from './check.js';

export interface GuidanceFile {
  guidance: Guidance;
  texts: Record<keyof Guidance, { text: string; source: string }>;
}

type FieldKind = 'points' | 'boolean';

/** What each constraint holds besides its text and source: the shape of the engine's Guidance. */
const FIELDS: { readonly [R in keyof Guidance]: { readonly [F in keyof Guidance[R]]: FieldKind } } = {
  'R-H1': { minimum: 'points' },
  'R-H2': { minimumGap: 'points' },
  'R-H3': { maximum: 'points' },
  'R-H4': { minimum: 'points', tuberculosisMinimum: 'points' },
  'R-H5': { equals: 'points' },
  'R-H6': { maximumMagnitude: 'points' },
  'R-H7': { gateRequired: 'boolean' },
};

const RULES = Object.keys(FIELDS) as (keyof Guidance)[];

/** Reads and validates guidance.yaml (`file.path` relative to the policy root, e.g. "guidance.yaml"). */
export function compileGuidance(file: PolicyFile): GuidanceFile {
  const source = new SourceFile(file);
  const top = source.record([], null, 'guidance.yaml');
  source.onlyKeys([], top, ['constraints'], null);
  const constraints = source.record(['constraints'], null, 'constraints');
  source.onlyKeys(['constraints'], constraints, RULES, null);
  const guidance: Record<string, Record<string, number | boolean>> = {};
  const texts: Record<string, { text: string; source: string }> = {};
  for (const rule of RULES) {
    const at = ['constraints', rule];
    if (constraints[rule] === undefined) source.fail(['constraints'], rule, `${rule} is missing`);
    const c = source.record(at, rule, rule);
    const fields = FIELDS[rule] as Record<string, FieldKind>;
    source.onlyKeys(at, c, ['text', 'source', ...Object.keys(fields)], rule);
    texts[rule] = { text: source.text([...at, 'text'], rule), source: source.text([...at, 'source'], rule) };
    const values: Record<string, number | boolean> = {};
    for (const [name, kind] of Object.entries(fields)) {
      const v = c[name];
      if (v === undefined) source.fail(at, rule, `${name} is missing`);
      if (kind === 'boolean' && typeof v !== 'boolean')
        source.fail([...at, name], rule, `${name} must be true or false`);
      if (kind === 'points' && !(Number.isInteger(v) && Math.abs(v as number) <= 100))
        source.fail([...at, name], rule, `${name} must be whole percentage points from -100 to 100`);
      values[name] = v as number | boolean;
    }
    guidance[rule] = values;
  }
  return {
    guidance: guidance as unknown as Guidance,
    texts: texts,
  };
}
