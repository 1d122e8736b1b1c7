// 合规校验 (§ H): the demo's 2025 version breaches R-H2 (55% at primary against 50% at secondary,
// REFERENCE_POLICY.md §1) and its 2026 version complies; a region breaching each rule is reported.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy-compiler/compile.js';
import type { PolicyFile } from '../policy-compiler/types.js';
import { checkCompliance } from './check.js';
import { compileGuidance } from './guidance.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const { guidance } = compileGuidance({
  path: 'guidance.yaml',
  text: readFileSync(join(root, 'policy', 'guidance.yaml'), 'utf8'),
});
const files = (region: string, dir: string, names: string[]): PolicyFile[] =>
  names.map((n) => ({ path: `${region}/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
const demoFiles = files('demo', join(root, 'policy', 'demo'), [
  'region.yaml',
  'region-wide.yaml',
  'resident.yaml',
  'employee-in-service.yaml',
  'employee-retired.yaml',
]);
const testcityDir = join(root, 'packages', 'engine', 'src', 'policy-compiler', 'fixtures', 'testcity');
const testcityFiles = files('testcity', testcityDir, [
  'region.yaml',
  'region-wide.yaml',
  'resident.yaml',
  'employee.yaml',
]);

function check(list: PolicyFile[], code: string) {
  const region = compilePolicy(list).regions.get(code);
  if (!region) throw new Error(`no region ${code}`);
  return checkCompliance(region, guidance);
}

describe('compliance check against the guidance (R-H1…R-H7)', () => {
  it("reports the demo 2025 version's R-H2 breach for every resident category, and nothing else", () => {
    const breaches = check(demoFiles, 'demo').filter((f) => !f.ok);
    expect(breaches.map((b) => [b.rule, b.version, b.group])).toEqual([
      ['R-H2', '2025', 'resident/adult'],
      ['R-H2', '2025', 'resident/minor'],
      ['R-H2', '2025', 'resident/elderly'],
    ]);
    expect(breaches[0]?.text).toBe('普通门诊基层55%与二级50%相差5个百分点，应不少于10个');
  });

  it('finds the 2026 version compliant on every rule, residents only', () => {
    const y2026 = check(demoFiles, 'demo').filter((f) => f.version === '2026');
    expect(y2026.every((f) => f.ok)).toBe(true);
    expect(new Set(y2026.map((f) => f.rule))).toEqual(
      new Set(['R-H1', 'R-H2', 'R-H3', 'R-H4', 'R-H5', 'R-H6', 'R-H7']),
    );
    expect(y2026.some((f) => f.group?.startsWith('employee'))).toBe(false);
  });

  it('reports each rule a region breaches', () => {
    const edit = (name: string, from: string, to: string): PolicyFile[] =>
      testcityFiles.map((f) =>
        f.path === `testcity/${name}` ? { ...f, text: f.text.replace(from, to) } : f,
      );
    const rules = (list: PolicyFile[]) => [
      ...new Set(
        check(list, 'testcity')
          .filter((f) => !f.ok)
          .map((f) => f.rule),
      ),
    ];
    expect(rules(testcityFiles)).toEqual([]);
    expect(
      rules(
        edit(
          'resident.yaml',
          '{ primary: 70, secondary: 55, tertiary: 45 }',
          '{ primary: 45, secondary: 35, tertiary: 25 }',
        ),
      ),
    ).toEqual(['R-H1']);
    expect(
      rules(
        edit(
          'resident.yaml',
          '{ primary: 92, secondary: 82, tertiary: 72 }',
          '{ primary: 92, secondary: 85, tertiary: 72 }',
        ),
      ),
    ).toEqual(['R-H2']);
    expect(
      rules(
        edit(
          'resident.yaml',
          '{ primary: 0, secondary: 300, tertiary: 300 }',
          '{ primary: 50, secondary: 300, tertiary: 300 }',
        ),
      ),
    ).toEqual(['R-H3']);
    expect(
      rules(
        edit(
          'resident.yaml',
          '{ primary: 80, secondary: 60, tertiary: 50 }',
          '{ primary: 65, secondary: 55, tertiary: 45 }',
        ),
      ),
    ).toEqual(['R-H4']);
    expect(rules(edit('region-wide.yaml', 'value: 2 }', 'value: 3 }'))).toEqual(['R-H5']);
    expect(rules(edit('region-wide.yaml', 'value: -8 }', 'value: -12 }'))).toEqual(['R-H6']);
    expect(rules(edit('resident.yaml', 'value: true }', 'value: false }'))).toEqual(['R-H7']);
  });
});
