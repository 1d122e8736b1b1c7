// Exceptions as named data (Catala's default logic): every exception is evaluated, an applicable one
// overrides the base rule, a more specific one may override another, and two applicable exceptions
// that disagree are an error naming both clauses. Also: each step declares its exceptions as data,
// next to its base rule, and every id they cite is in the requirements catalogue.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { POLICY_DIR } from '../testing/demoPolicy.js';
import { Trace } from '../trace.js';
import { OUTPATIENT_CAP } from '../steps/cap.js';
import { STAY_DEDUCTIBLE } from '../steps/deductible.js';
import { CLASS_B } from '../steps/lines.js';
import { CHRONIC_RATE, CROSS_COUNTY_STAY, OUT_OF_CITY_STAY } from '../steps/rate.js';
import { REFERRAL_GATE } from '../steps/referralGate.js';
import { decide, ExceptionConflictError, ruleWithExceptions } from './exceptions.js';
import type { RuleWithExceptions } from './exceptions.js';

interface Case {
  emergency: boolean;
  tcm: boolean;
  night: boolean;
}

/** A made-up gate whose exceptions disagree: a night visit is refused, an emergency is paid. */
const DISAGREEING = ruleWithExceptions<Case, 'refuse' | 'pay'>({
  rule: 'R-T1',
  clause: '测试基本规则',
  outcome: 'refuse',
  exceptions: [
    {
      name: 'emergency',
      rule: 'R-T2',
      clause: '急诊例外',
      outcome: 'pay',
      applies: (c) => c.emergency || '非急诊',
    },
    { name: 'tcm', rule: 'R-T3', clause: '中医例外', outcome: 'pay', applies: (c) => c.tcm || '非中医' },
    { name: 'night', rule: 'R-T4', clause: '夜间例外', outcome: 'refuse', applies: (c) => c.night || null },
  ],
});

const run = <C, O>(r: RuleWithExceptions<C, O>, c: C): { outcome: O; by: string | null; trace: Trace } => {
  const trace = new Trace();
  const d = decide(r, c, trace);
  return { outcome: d.outcome, by: d.by?.name ?? null, trace };
};

describe('decide: a base rule with named exceptions', () => {
  it('no exception applies: the base outcome, every exception considered is traced with its reason', () => {
    const { outcome, by, trace } = run(DISAGREEING, { emergency: false, tcm: false, night: false });
    expect([outcome, by]).toEqual(['refuse', null]);
    expect(trace.events).toEqual([
      { rule: 'R-T2', text: '未适用：急诊例外 — 非急诊', amount: 0, applied: false },
      { rule: 'R-T3', text: '未适用：中医例外 — 非中医', amount: 0, applied: false },
    ]); // "night" returned null: outside its scope, nothing to say
  });

  it('one applies: its outcome; exceptions after it are evaluated but not traced', () => {
    const { outcome, by, trace } = run(DISAGREEING, { emergency: false, tcm: true, night: false });
    expect([outcome, by]).toEqual(['pay', 'tcm']);
    expect(trace.events.map((e) => e.text)).toEqual(['未适用：急诊例外 — 非急诊']);
  });

  it('two apply and agree: no conflict, the first declared decides', () => {
    const { outcome, by } = run(DISAGREEING, { emergency: true, tcm: true, night: false });
    expect([outcome, by]).toEqual(['pay', 'emergency']);
  });

  it('two apply and disagree: an ExceptionConflictError naming both clauses, not a first match', () => {
    const attempt = (): unknown => run(DISAGREEING, { emergency: true, tcm: false, night: true });
    expect(attempt).toThrow(ExceptionConflictError);
    expect(attempt).toThrow(
      /R-T1「测试基本规则」.*R-T2「急诊例外」\(emergency\) → pay.*R-T4「夜间例外」\(night\) → refuse/,
    );
    try {
      attempt();
    } catch (e) {
      expect(e).toBeInstanceOf(ExceptionConflictError);
      if (e instanceof ExceptionConflictError) {
        expect(e.rule).toBe('R-T1');
        expect(e.exceptions.map((s) => [s.rule, s.name, s.clause, s.outcome])).toEqual([
          ['R-T2', 'emergency', '急诊例外', 'pay'],
          ['R-T4', 'night', '夜间例外', 'refuse'],
        ]);
      }
    }
  });

  it('an exception that overrides another settles their disagreement (an exception to the exception)', () => {
    const withPriority = ruleWithExceptions<Case, 'refuse' | 'pay'>({
      ...DISAGREEING,
      exceptions: DISAGREEING.exceptions.map((e) =>
        e.name === 'night' ? { ...e, overrides: ['emergency'], overrideReason: '夜间不适用' } : e,
      ),
    });
    const { outcome, by, trace } = run(withPriority, { emergency: true, tcm: false, night: true });
    expect([outcome, by]).toEqual(['refuse', 'night']);
    // The overridden exception is traced as not applied, with the overriding one's reason.
    expect(trace.events.map((e) => e.text)).toEqual([
      '未适用：急诊例外 — 夜间不适用',
      '未适用：中医例外 — 非中医',
    ]);
  });

  it('the trace of a line rule carries the line index and the cited parameters of an exception', () => {
    const trace = new Trace();
    const source = { document: '测试文件', clause: '第一条', requirement: 'R-T2' };
    const p = { name: 'x', value: 1, unit: 'percent' as const, source };
    decide(DISAGREEING, { emergency: false, tcm: true, night: false }, trace, {
      item: 3,
      cited: { emergency: [p] },
    });
    expect(trace.events).toEqual([
      { rule: 'R-T2', text: '未适用：急诊例外 — 非急诊', amount: 0, applied: false, item: 3, params: [p] },
    ]);
  });

  it('refuses a declaration with a duplicate name or an override of an unknown exception', () => {
    const e = DISAGREEING.exceptions[0];
    if (!e) throw new Error('no exception');
    expect(() => ruleWithExceptions({ ...DISAGREEING, exceptions: [e, e] })).toThrow(/declared twice/);
    expect(() => ruleWithExceptions({ ...DISAGREEING, exceptions: [{ ...e, overrides: ['nope'] }] })).toThrow(
      /overrides unknown nope/,
    );
  });
});

const STEP_RULES = {
  'lines.ts': [CLASS_B],
  'referralGate.ts': [REFERRAL_GATE],
  'deductible.ts': [STAY_DEDUCTIBLE],
  'rate.ts': [CROSS_COUNTY_STAY, OUT_OF_CITY_STAY, CHRONIC_RATE],
  'cap.ts': [OUTPATIENT_CAP],
};

const catalogue = parse(readFileSync(join(POLICY_DIR, 'requirements.yaml'), 'utf8')) as unknown;
const knownIds = new Set(JSON.stringify(catalogue).match(/R-[A-Z]\d+/g) ?? []);

describe('each step declares its exceptions as data next to its base rule', () => {
  for (const [file, rules] of Object.entries(STEP_RULES)) {
    for (const r of rules) {
      it(`${file}: ${r.rule}「${r.clause}」 — ${r.exceptions.map((e) => e.name).join(', ')}`, () => {
        expect(Object.isFrozen(r) && Object.isFrozen(r.exceptions)).toBe(true);
        expect(r.exceptions.length).toBeGreaterThan(0);
        for (const id of [r.rule, ...r.exceptions.map((e) => e.rule)]) expect(knownIds, id).toContain(id);
        for (const clause of [r.clause, ...r.exceptions.map((e) => e.clause)])
          expect(clause).toMatch(/\p{Script=Han}/u);
        for (const e of r.exceptions) expect(e.name).toMatch(/^[a-z][A-Za-z]*$/);
      });
    }
  }

  it('the exceptions the architecture names are there', () => {
    expect(REFERRAL_GATE.exceptions.map((e) => e.name)).toEqual([
      'emergency',
      'tcmDepartment',
      'primaryReferral',
    ]);
    expect(CLASS_B.exceptions.map((e) => [e.name, e.overrides ?? []])).toEqual([
      ['primaryDrugAsClassA', []],
      ['fixedSelfPay', ['primaryDrugAsClassA']],
    ]);
    expect(OUT_OF_CITY_STAY.exceptions.map((e) => [e.name, e.overrides ?? []])).toEqual([
      ['relocated', ['filedReferral']],
      ['filedReferral', []],
    ]);
  });
});
