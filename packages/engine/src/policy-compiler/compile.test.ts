// Policy as data (issue 2 §1): loading validates types, citations and dates, fails with the file, the
// line, the parameter and the reason; a second region is added by files alone.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calculate } from '../calculate.js';
import { compilePolicy } from './compile.js';
import { PolicyError } from './error.js';
import type { PolicyFile } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoPolicy = join(here, '..', '..', '..', '..', 'policy');

function filesOf(dir: string, region: string): PolicyFile[] {
  return readdirSync(join(dir, region))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ path: `${region}/${f}`, text: readFileSync(join(dir, region, f), 'utf8') }));
}

const demo = filesOf(repoPolicy, 'demo');
const testcity = filesOf(join(here, 'fixtures'), 'testcity');

/** The demo files with one file's text changed. */
function demoWith(path: string, change: (text: string) => string): PolicyFile[] {
  const found = demo.some((f) => f.path === path);
  if (!found) throw new Error(`no ${path}`);
  return demo.map((f) => (f.path === path ? { path, text: change(f.text) } : f));
}

function failure(files: PolicyFile[]): PolicyError {
  try {
    compilePolicy(files);
  } catch (err) {
    if (err instanceof PolicyError) return err;
    throw err;
  }
  throw new Error('the policy compiled, but it should not have');
}

const visit = (region: string, date: string, level: 'primary' | 'secondary', amount: number): unknown => ({
  region,
  date,
  person: { scheme: 'resident', category: 'adult' },
  institution: { level, type: level === 'primary' ? 'community_centre' : 'general_hospital' },
  visit: { kind: 'emergency' },
  items: [{ code: 'A', kind: 'service', class: 'A', quantity: 1, unitPrice: amount }],
});

describe('the demo policy', () => {
  const book = compilePolicy(demo);
  const region = book.regions.get('demo');

  it('has the 2025 and 2026 versions and a segment per version', () => {
    expect(region?.versions.map((v) => v.id)).toEqual(['2025', '2026']);
    expect(region?.segments.map((s) => [s.from, s.version])).toEqual([
      ['2025-01-01', '2025'],
      ['2026-01-01', '2026'],
    ]);
  });

  it('cites a document, a clause and an R- id for every value', () => {
    expect(region?.parameters.length).toBeGreaterThan(40);
    for (const p of region?.parameters ?? []) {
      expect(p.source.requirement).toMatch(/^R-[A-H]\d+$/);
      expect(p.source.document.length).toBeGreaterThan(0);
      expect(p.source.clause.length).toBeGreaterThan(0);
    }
  });

  it('identifies a release by a content hash that changes with any file', () => {
    const again = compilePolicy(demo).regions.get('demo')?.hash;
    const changed = compilePolicy(
      demoWith('demo/region.yaml', (t) => t.replace('name: 示范市', 'name: 示范市 ')),
    ).regions.get('demo')?.hash;
    expect(again).toBe(region?.hash);
    expect(changed).not.toBe(region?.hash);
  });
});

describe('a second region, by files only (测试市)', () => {
  const book = compilePolicy([...demo, ...testcity]);

  it('loads beside the demo region', () => {
    expect([...book.regions.keys()].sort()).toEqual(['demo', 'testcity']);
  });

  it('settles with its own numbers: resident primary 70% (demo: 60%)', () => {
    // 100.00 at a primary centre, emergency: testcity 70% -> 70.00; demo 2026 60% -> 60.00
    expect(calculate(book, visit('testcity', '2026-05-01', 'primary', 100)).fundPay).toBe(70);
    expect(calculate(book, visit('demo', '2026-05-01', 'primary', 100)).fundPay).toBe(60);
  });

  it('applies its own deductible and rate at secondary: (1000 − 300) × 55% = 385.00', () => {
    const r = calculate(book, visit('testcity', '2026-05-01', 'secondary', 1000));
    expect(r.deductible).toBe(300);
    expect(r.fundPay).toBe(385);
  });

  it('uses its own Class B default ratio of 20%', () => {
    const req = visit('testcity', '2026-05-01', 'secondary', 0) as { items: unknown[] };
    req.items = [{ code: 'B', kind: 'drug', class: 'B', quantity: 1, unitPrice: 100 }];
    expect(calculate(book, req).firstSelfPay).toBe(20);
  });

  it('knows no date before its first version', () => {
    expect(() => calculate(book, visit('testcity', '2025-12-31', 'primary', 10))).toThrow(
      /2025-12-31.*testcity/,
    );
  });
});

describe('a broken policy fails loudly with the file, the line, the parameter and the reason', () => {
  it('YAML syntax', () => {
    const e = failure(demoWith('demo/resident.yaml', (t) => t.replace('parameters:', 'parameters: [')));
    expect(e.file).toBe('policy/demo/resident.yaml');
    expect(e.line).toBeGreaterThan(0);
  });

  it('an unknown parameter name', () => {
    const e = failure(
      demoWith('demo/resident.yaml', (t) => t.replace('generalOutpatient.cap:', 'generalOutpatient.capp:')),
    );
    expect(e).toMatchObject({ file: 'policy/demo/resident.yaml', parameter: 'generalOutpatient.capp' });
    expect(e.reason).toMatch(/unknown parameter/);
    const text = demo.find((f) => f.path === 'demo/resident.yaml')?.text ?? '';
    expect(e.line).toBe(text.split('\n').findIndex((l) => l.includes('generalOutpatient.cap:')) + 1);
  });

  it('a value of the wrong type', () => {
    const e = failure(
      demoWith('demo/resident.yaml', (t) =>
        t.replace(
          '{ primary: 65, secondary: 55, tertiary: 45 }',
          '{ primary: 165, secondary: 55, tertiary: 45 }',
        ),
      ),
    );
    expect(e.parameter).toBe('chronicOutpatient.rate');
    expect(e.reason).toMatch(/primary must be whole percentage points from 0 to 100/);
    const text = demo.find((f) => f.path === 'demo/resident.yaml')?.text ?? '';
    expect(e.line).toBe(
      text.split('\n').findIndex((l) => l.includes('{ primary: 65, secondary: 55, tertiary: 45 }')) + 1,
    );
  });

  it('an amount with three decimals', () => {
    const e = failure(demoWith('demo/resident.yaml', (t) => t.replace('value: 3000 }', 'value: 3000.005 }')));
    expect(e.parameter).toBe('chronicOutpatient.cap');
  });

  it('a value without a citation', () => {
    const e = failure(
      demoWith('demo/resident.yaml', (t) =>
        t.replace(
          "    source: { document: 示范市医疗保障待遇政策, clause: '§3 门诊慢性病', requirement: R-C10 }\n",
          '',
        ),
      ),
    );
    expect(e.parameter).toBe('chronicOutpatient.cap');
    expect(e.reason).toMatch(/no source/);
  });

  it('a citation without an R- id', () => {
    const e = failure(
      demoWith('demo/region-wide.yaml', (t) => t.replace('requirement: R-C1 }', 'requirement: C1 }')),
    );
    expect(e.parameter).toBe('classB.defaultSelfPayRatio');
    expect(e.reason).toMatch(/R- id/);
  });

  it('two values on one date', () => {
    const e = failure(
      demoWith('demo/region-wide.yaml', (t) =>
        t.replace(
          '- { effectiveFrom: 2025-01-01, value: 0.10 }',
          '- { effectiveFrom: 2025-01-01, value: 0.10 }\n      - { effectiveFrom: 2025-01-01, value: 0.20 }',
        ),
      ),
    );
    expect(e.parameter).toBe('classB.defaultSelfPayRatio');
    expect(e.reason).toMatch(/two values on one date/);
  });

  it('a gap: no value from the first version on', () => {
    const e = failure(
      demoWith('demo/region-wide.yaml', (t) =>
        t.replace(
          '- { effectiveFrom: 2025-01-01, value: 0.10 }',
          '- { effectiveFrom: 2025-03-01, value: 0.10 }',
        ),
      ),
    );
    expect(e.parameter).toBe('classB.defaultSelfPayRatio');
    expect(e.reason).toMatch(/no value from 2025-01-01/);
  });

  it('one parameter defined in two files (ambiguous)', () => {
    const extra = {
      path: 'demo/extra.yaml',
      text: 'part: benefits\nparameters:\n  classB.defaultSelfPayRatio:\n    unit: ratio\n    source: { document: x, clause: y, requirement: R-C1 }\n    values: [{ effectiveFrom: 2025-01-01, value: 0.2 }]\n',
    };
    const e = failure([...demo, extra]);
    expect(e.reason).toMatch(/defined twice/);
  });

  it('a required parameter missing', () => {
    const e = failure(demo.filter((f) => f.path !== 'demo/employee-retired.yaml'));
    expect(e.reason).toMatch(/required for employee\/retired/);
  });

  it('a group parameter in a region-wide file', () => {
    const extra = {
      path: 'demo/extra.yaml',
      text: 'part: benefits\nparameters:\n  personalAccount:\n    unit: boolean\n    source: { document: x, clause: y, requirement: R-D9 }\n    values: [{ effectiveFrom: 2025-01-01, value: true }]\n',
    };
    expect(failure([...demo, extra]).reason).toMatch(/appliesTo/);
  });

  it('region.yaml missing or naming another region', () => {
    expect(failure(demo.filter((f) => f.path !== 'demo/region.yaml')).reason).toMatch(
      /region.yaml is missing/,
    );
    expect(
      failure(demoWith('demo/region.yaml', (t) => t.replace('region: demo', 'region: other'))).reason,
    ).toMatch(/must be 'demo'/);
  });

  it('a file that names no part, or an unknown one, or a field its part does not read', () => {
    const missing = failure(demoWith('demo/resident.yaml', (t) => t.replace(/^part: benefits.*\n/m, '')));
    expect(missing.file).toBe('policy/demo/resident.yaml');
    expect(missing.reason).toMatch(/part is missing.*benefits/);

    const unknown = failure(
      demoWith('demo/resident.yaml', (t) => t.replace(/^part: benefits.*$/m, 'part: paymnet')),
    );
    expect(unknown.message).toMatch(/^policy\/demo\/resident\.yaml:2: unknown part "paymnet"/);

    // Payment data in a benefits file is not silently read as (or next to) benefits.
    const stray = failure(
      demoWith(
        'demo/region-wide.yaml',
        (t) => `${t}\nholdback:\n  - { effectiveFrom: 2025-01-01, value: 10 }\n`,
      ),
    );
    expect(stray.reason).toMatch(/unknown field 'holdback'/);
    expect(stray.line).toBeGreaterThan(2);
  });
});
