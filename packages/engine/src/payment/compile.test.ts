// The payment part as data: validated on load with file and line, never read by the benefit
// compiler, optional for a region; a case method is looked up in the registry.
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy-compiler/compile.js';
import { PolicyError } from '../policy-compiler/error.js';
import type { PolicyFile } from '../policy-compiler/types.js';
import { policyFiles } from '../testing/demoPolicy.js';
import { CASE_METHODS } from './methods.js';
import { must } from '../testing/payment.js';

const demo = policyFiles().filter((f) => f.path.startsWith('demo/'));

function demoWith(path: string, change: (text: string) => string): PolicyFile[] {
  if (!demo.some((f) => f.path === path)) throw new Error(`no ${path}`);
  return demo.map((f) => (f.path === path ? { path, text: change(f.text) } : f));
}

function failure(files: PolicyFile[]): string {
  try {
    compilePolicy(files);
  } catch (err) {
    if (err instanceof PolicyError) return err.message;
    throw err;
  }
  throw new Error('the policy compiled, but it should not have');
}

describe('the payment part', () => {
  it('is a field of the compiled region; the benefit segments are the same with or without it', () => {
    const withIt = must(compilePolicy(demo).regions.get('demo'));
    const without = must(
      compilePolicy(demo.filter((f) => !f.path.startsWith('demo/payment-'))).regions.get('demo'),
    );
    expect(withIt.payment?.versions).toHaveLength(2);
    expect(without.payment).toBeNull();
    expect(without.segments).toEqual(withIt.segments);
    expect(withIt.payment?.parameters.every((p) => /^R-[A-H]\d+$/.test(p.source.requirement))).toBe(true);
  });

  it('names the file and line of a misspelt parameter, a wrong unit, a bad value, a missing citation', () => {
    expect(
      failure(
        demoWith('demo/payment-prices.yaml', (t) =>
          t.replace('holdback.defaultPercent:', 'holdback.defaultPercnt:'),
        ),
      ),
    ).toMatch(/^policy\/demo\/payment-prices\.yaml:12: holdback\.defaultPercnt: unknown parameter/);
    expect(
      failure(demoWith('demo/payment-prices.yaml', (t) => t.replace('unit: pointValueByPool', 'unit: yuan'))),
    ).toMatch(
      /^policy\/demo\/payment-prices\.yaml:\d+: dip\.budgetPointValue: unit must be 'pointValueByPool'/,
    );
    expect(
      failure(
        demoWith('demo/payment-prices.yaml', (t) => t.replace('employee: 17.00', 'employee: 17.00001')),
      ),
    ).toMatch(
      /^policy\/demo\/payment-prices\.yaml:26: dip\.budgetPointValue: must be a point value in yuan with at most 4 decimals/,
    );
    expect(
      failure(demoWith('demo/payment-dip.yaml', (t) => t.replace("procedure: '99.10'", 'procedure: 99.10'))),
    ).toMatch(
      /^policy\/demo\/payment-dip\.yaml:\d+: dip\.coreGroups: procedure must be text \(quote it: '99\.1'\)/,
    );
    expect(
      failure(demoWith('demo/payment-bed-day.yaml', (t) => t.replace(/ {4}source: \{[^\n]*R-E4 \}\n/, ''))),
    ).toMatch(/^policy\/demo\/payment-bed-day\.yaml:\d+: bedDay\.standards: source is required/);
    expect(
      failure(
        demoWith('demo/payment-budget.yaml', (t) =>
          t.replace('{ minScore: 75, percent: 100 }', '{ minScore: 95, percent: 100 }'),
        ),
      ),
    ).toMatch(/payment-budget\.yaml:\d+: clearing\.depositRelease: bands go from the highest score down/);
  });

  it('refuses payment data in a benefits file and benefits data in a payment file', () => {
    expect(failure(demoWith('demo/region-wide.yaml', (t) => `${t}\ncaseMethod: dip\n`))).toMatch(
      /region-wide\.yaml:\d+: unknown field 'caseMethod'/,
    );
    expect(
      failure(demoWith('demo/payment-prices.yaml', (t) => `${t}\nappliesTo: { scheme: resident }\n`)),
    ).toMatch(/payment-prices\.yaml:\d+: unknown field 'appliesTo' \(known: part, parameters\)/);
  });

  it('requires every parameter from the first version, and a known case method', () => {
    expect(failure(demo.filter((f) => f.path !== 'demo/payment-bed-day.yaml'))).toMatch(
      /bedDay\.standards: missing/,
    );
    expect(
      failure(demoWith('demo/payment-prices.yaml', (t) => t.replace('value: dip }', 'value: drg }'))),
    ).toMatch(/payment-prices\.yaml:\d+: case\.method: unknown case method 'drg' \(known: dip\)/);
    expect(
      failure(
        demoWith('demo/payment-prices.yaml', (t) =>
          t.replace('{ effectiveFrom: 2025-01-01, value: 10 }', '{ effectiveFrom: 2025-02-01, value: 10 }'),
        ),
      ),
    ).toMatch(/holdback\.defaultPercent: no value in force on 2025-01-01/);
    expect(Object.keys(CASE_METHODS)).toEqual(['dip']);
  });
});
