// guidance.yaml and requirements.yaml are read like the policy files: a broken one fails at start
// with the file, the line and the reason (issue 11: a misspelt `minimum` printed "应不低于undefined%").
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PolicyError } from '../policy-compiler/error.js';
import { compileRequirements } from '../policy-compiler/requirements.js';
import { compileGuidance } from './guidance.js';

const policyDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'policy');
const guidanceText = readFileSync(join(policyDir, 'guidance.yaml'), 'utf8');
const requirementsText = readFileSync(join(policyDir, 'requirements.yaml'), 'utf8');

function failure(read: () => unknown): PolicyError {
  try {
    read();
  } catch (err) {
    if (err instanceof PolicyError) return err;
    throw err;
  }
  throw new Error('the file was read, but it should not have been');
}

const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('guidance.yaml', () => {
  const guidance = (text: string) => compileGuidance({ path: 'guidance.yaml', text });

  it('reads the seven constraints with their numbers, texts and sources', () => {
    const g = guidance(guidanceText);
    expect(g.guidance['R-H1'].minimum).toBe(50);
    expect(g.guidance['R-H4']).toEqual({ minimum: 60, tuberculosisMinimum: 70 });
    expect(g.guidance['R-H7'].gateRequired).toBe(true);
    expect(g.texts['R-H2'].source).toBe('S2 三');
  });

  it('a misspelt field fails with the file and its line', () => {
    const text = guidanceText.replace('    minimum: 50', '    minimun: 50');
    const e = failure(() => guidance(text));
    expect(e.file).toBe('policy/guidance.yaml');
    expect(e.line).toBe(lineOf(text, 'minimun'));
    expect(e.parameter).toBe('R-H1');
    expect(e.reason).toMatch(/unknown field 'minimun'/);
  });

  it('a missing number, a number that is not one, a missing rule', () => {
    expect(failure(() => guidance(guidanceText.replace('    equals: 2\n', ''))).reason).toMatch(
      /equals is missing/,
    );
    const text = guidanceText.replace('maximumMagnitude: 10', 'maximumMagnitude: ten');
    const e = failure(() => guidance(text));
    expect([e.line, e.reason]).toEqual([
      lineOf(text, 'maximumMagnitude'),
      expect.stringMatching(/percentage points/),
    ]);
    expect(failure(() => guidance(guidanceText.replace('R-H7:', 'R-H8:'))).reason).toMatch(
      /unknown field 'R-H8'/,
    );
  });
});

describe('requirements.yaml', () => {
  const requirements = (text: string) => compileRequirements({ path: 'requirements.yaml', text });

  it('reads the documents and the requirements', () => {
    const c = requirements(requirementsText);
    expect([...c.documents.keys()]).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
    expect(c.requirements.get('R-A1')?.textZh).toMatch(/基层医疗机构/);
  });

  it('a requirement without its text, or with a misspelt field, fails with the file and line', () => {
    const misspelt = requirementsText.replace(
      /^ {4}sources: 'S0 \(三\), S2 二'/m,
      "    source: 'S0 (三), S2 二'",
    );
    const e = failure(() => requirements(misspelt));
    expect(e.file).toBe('policy/requirements.yaml');
    expect(e.line).toBe(lineOf(misspelt, "source: 'S0 (三), S2 二'"));
    expect(e.reason).toMatch(/unknown field 'source'/);
    const badId = failure(() => requirements(requirementsText.replace('  R-A2:', '  RA2:')));
    expect(badId.reason).toMatch(/not an R- id/);
  });
});
