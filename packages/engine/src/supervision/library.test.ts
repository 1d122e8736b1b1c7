// The supervision part loads from policy/demo, is validated with file and line, and stays apart from
// the benefits part (docs/supervision.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy-compiler/compile.js';
import { PolicyError } from '../policy-compiler/error.js';
import { compileRequirements } from '../policy-compiler/requirements.js';
import type { PolicyFile } from '../policy-compiler/types.js';
import { POLICY_DIR } from '../testing/demoPolicy.js';
import { appealWindowOn, versionOn } from './compile.js';
import { rulesOn } from './view.js';

const demo: PolicyFile[] = readdirSync(join(POLICY_DIR, 'demo'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ path: `demo/${f}`, text: readFileSync(join(POLICY_DIR, 'demo', f), 'utf8') }));

const BATCH = 'demo/supervision-2026-batch.yaml';
const DURING = 'demo/supervision-2026-in-settlement.yaml';

function withChange(path: string, change: (t: string) => string): PolicyFile[] {
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

describe('the demo rule library', () => {
  const lib = compilePolicy(demo).regions.get('demo')?.supervision;

  it('holds F-01…F-17 in id order, 事中 then 事后, each cited', () => {
    expect(lib?.rules.map((r) => r.id)).toEqual(
      Array.from({ length: 17 }, (_, i) => `F-${String(i + 1).padStart(2, '0')}`),
    );
    expect(lib?.rules.filter((r) => r.stage === '事中').map((r) => r.id)).toEqual([
      'F-01',
      'F-02',
      'F-03',
      'F-04',
      'F-05',
      'F-06',
      'F-07',
    ]);
    for (const r of lib?.rules ?? []) {
      expect(r.sources.length).toBeGreaterThan(0);
      expect(r.resultType).toBe(r.stage === '事中' ? '明确违规' : '可疑');
      expect(r.file).toMatch(/^policy\/demo\/supervision-2026-/);
    }
  });

  it('is in force from 2026-01-01 only, with the document thresholds', () => {
    const f09 = lib?.rules.find((r) => r.id === 'F-09');
    expect(f09 && versionOn(f09, '2025-12-31')).toBeNull();
    expect(f09 && versionOn(f09, '2026-01-01')?.params).toMatchObject({ withinDays: 15 });
    const f16 = lib?.rules.find((r) => r.id === 'F-16');
    expect(f16 && versionOn(f16, '2026-06-01')?.params).toMatchObject({ monthlyCost: 200000 });
    expect(lib && appealWindowOn(lib, '2026-07-01')?.appealWindowDays).toBe(10);
  });

  it('names the file and line of a bad value', () => {
    const e = failure(withChange(BATCH, (t) => t.replace('perDay: 3', 'perDay: three')));
    expect(e.file).toBe(`policy/${BATCH}`);
    expect(e.parameter).toBe('F-12');
    expect(e.reason).toMatch(/perDay must be a whole number/);
    expect(e.line).toBe(
      t(BATCH)
        .split('\n')
        .findIndex((l) => l.includes('perDay: 3')) + 1,
    );
  });

  it('refuses an unknown family, a misspelt field, a numeric code, a rule twice', () => {
    expect(failure(withChange(DURING, (t) => t.replace('family: 限性别', 'family: 限姓别'))).reason).toMatch(
      /unknown family '限姓别'/,
    );
    expect(
      failure(withChange(DURING, (t) => t.replace('window: 本次住院', 'windw: 本次住院'))).reason,
    ).toMatch(/unknown field 'windw'/);
    expect(
      failure(withChange(DURING, (t) => t.replace("code: '110900001'", 'code: 110900001'))).reason,
    ).toMatch(/quote a numeric code/);
    expect(failure(withChange(BATCH, (t) => t.replace('id: F-17', 'id: F-16'))).reason).toMatch(
      /defined twice/,
    );
    expect(
      failure(withChange(BATCH, (t) => t.replace('minDaysLeft: 7', 'minDaysLeft: 7\n          extra: 1')))
        .reason,
    ).toMatch(/unknown parameter 'extra'/);
    expect(
      failure(
        withChange(DURING, (t) =>
          t.replace(
            'stage: 事中\n    resultType: 明确违规\n    scenes: [inpatient]',
            'stage: 事后\n    resultType: 可疑\n    scenes: [inpatient]',
          ),
        ),
      ).reason,
    ).toMatch(/family '超标准收费' is 事中/);
  });

  it('a supervision key in a benefits file is an error, not skipped', () => {
    const e = failure(withChange('demo/region-wide.yaml', (t) => `${t}\nrules: []\n`));
    expect(e.reason).toMatch(/unknown field 'rules'/);
  });

  it('a new rule of an existing family is a file change', () => {
    const extra = `part: supervision\nrules:\n  - id: F-18\n    name: 限性别项目（补充）\n    family: 限性别\n    stage: 事中\n    resultType: 明确违规\n    scenes: [outpatient]\n    window: 本次结算\n    requirement: R-F1\n    sources: [{ document: d, clause: c, requirement: R-F1 }]\n    versions:\n      - effectiveFrom: 2026-07-01\n        lists:\n          sexItems: [{ code: X1, name: x, sex: female }]\n`;
    const lib2 = compilePolicy([
      ...demo,
      { path: 'demo/supervision-2026-extra.yaml', text: extra },
    ]).regions.get('demo')?.supervision;
    expect(lib2?.rules.map((r) => r.id).at(-1)).toBe('F-18');
  });
});

function t(path: string): string {
  return demo.find((f) => f.path === path)?.text ?? '';
}

describe('the rules as GET /supervision/rules shows them', () => {
  const lib = compilePolicy(demo).regions.get('demo')?.supervision;
  it('lists every rule in force with its parameters as written', () => {
    const view = lib ? rulesOn(lib, '2026-03-01') : [];
    expect(view).toHaveLength(17);
    expect(view.find((r) => r.id === 'F-16')).toMatchObject({
      stage: '事后',
      resultType: '可疑',
      window: '自然月',
      requirement: 'R-F3',
      parameters: { parameters: { monthlyCost: 2000 } },
    });
    expect(lib ? rulesOn(lib, '2025-12-31') : null).toEqual([]);
  });
});

describe('citations', () => {
  it('every R- id a rule carries or cites is in policy/requirements.yaml', () => {
    const catalogue = compileRequirements({
      path: 'requirements.yaml',
      text: readFileSync(join(POLICY_DIR, 'requirements.yaml'), 'utf8'),
    });
    const lib = compilePolicy(demo).regions.get('demo')?.supervision;
    const ids = new Set<string>();
    for (const r of lib?.rules ?? []) {
      ids.add(r.requirement);
      for (const s of r.sources) ids.add(s.requirement);
    }
    for (const w of lib?.workflow ?? []) ids.add(w.source.requirement);
    expect([...ids].filter((id) => !catalogue.requirements.has(id))).toEqual([]);
  });
});
