// The identities of PAYMENT_POLICY.md §9 (to the fen) over random months and years, and the
// properties the rounding and the units must have (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BenefitGroup, Level, VisitKind } from '../contract.js';
import { roundQuotient } from './arith.js';
import { bedDayUnits } from './bedDay.js';
import type { SettlementPaymentInput } from './facts.js';
import { settlementPaymentFacts } from './facts.js';
import type { MonthDeduction, MonthlyRow } from './monthly.js';
import { monthlyRun } from './monthly.js';
import { demoPayment, must, stay, versionOn } from '../testing/payment.js';
import { yearEndRun } from './yearEnd.js';
import type { YearEndInstitution } from './yearEnd.js';

const P = demoPayment();
const INSTITUTIONS = [
  { id: 'H1', level: 'tertiary' as Level, centreId: null, kind: 'tertiary' as const },
  { id: 'S1', level: 'secondary' as Level, centreId: null, kind: 'secondary' as const },
  { id: 'C1', level: 'primary' as Level, centreId: 'C1', kind: 'primary' as const },
  { id: 'ST1', level: 'primary' as Level, centreId: 'C1', kind: 'primary' as const },
  { id: 'C2', level: 'primary' as Level, centreId: 'C2', kind: 'primary' as const },
];
const DIAGNOSES = ['K80.1', 'S72.0', 'I21.0', 'M51.2', 'J18.9', 'C34.1', 'D50.0', 'V43', null];
const PROCS = ['51.23', '79.35', '81.51', '36.07', '99.10', '45.23', '54.91', '32.4'];

const fen = fc.integer({ min: 0, max: 5_000_000 });
const procedure = fc.record({
  code: fc.constantFrom(...PROCS),
  kind: fc.constantFrom('surgery' as const, 'therapeutic' as const, 'diagnostic' as const),
});

const inputArb = (year: number, month: number): fc.Arbitrary<SettlementPaymentInput> =>
  fc
    .record({
      day: fc.integer({ min: 1, max: 28 }),
      pool: fc.constantFrom('resident' as const, 'employee' as const),
      kind: fc.constantFrom<VisitKind>(
        'outpatient',
        'emergency',
        'pharmacy',
        'inpatient',
        'family_bed',
        'special_outpatient',
        'chronic_outpatient',
      ),
      inst: fc.constantFrom(...INSTITUTIONS),
      careType: fc.constantFrom(
        'acute' as const,
        'acute' as const,
        'rehabilitation' as const,
        'hospice' as const,
        'chronic_care' as const,
      ),
      diagnosis: fc.constantFrom(...DIAGNOSES),
      procedures: fc.array(procedure, { maxLength: 3 }),
      tcm: fc.boolean(),
      los: fc.integer({ min: 1, max: 120 }),
      before: fc.integer({ min: 0, max: 150 }),
      totalCost: fen,
      borne: fc.integer({ min: 0, max: 100_000 }),
      fundPay: fen,
      accountPay: fc.integer({ min: 0, max: 50_000 }),
      rate: fc.integer({ min: 0, max: 100 }),
      contract: fc.constantFrom(null, 'C1', 'C2'),
      referral: fc.boolean(),
      inRegion: fc.boolean(),
    })
    .map((r) => {
      const group: BenefitGroup =
        r.kind === 'outpatient' || r.kind === 'emergency' || r.kind === 'pharmacy'
          ? 'general_outpatient'
          : r.kind;
      return stay({
        date: `${year}-${String(month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`,
        pool: r.pool,
        benefitGroup: group,
        visitKind: r.kind,
        institution: {
          id: r.inst.id,
          level: r.inst.level,
          inRegion: r.inRegion || r.kind !== 'inpatient',
          centreId: r.inst.centreId,
        },
        careType: r.kind === 'inpatient' ? r.careType : 'acute',
        diagnosis: r.diagnosis,
        procedures: r.procedures,
        department: r.tcm ? 'tcm' : 'general',
        lengthOfStay: r.los,
        bedDaysBefore: r.before,
        totalCost: r.totalCost + r.borne,
        institutionBorne: r.borne,
        fundPay: r.fundPay,
        accountPay: r.pool === 'employee' ? r.accountPay : 0,
        rate: r.rate,
        contractCentreId: r.contract,
        referralCounted: r.referral,
      });
    });

const monthArb = (year: number, month: number) =>
  fc.record({
    inputs: fc.array(inputArb(year, month), { maxLength: 12 }),
    deductions: fc.array(
      fc.record({
        institutionId: fc.constantFrom('H1', 'S1', 'C1'),
        pool: fc.constantFrom('resident' as const, 'employee' as const),
        fund: fc.constantFrom('outpatient' as const, 'inpatient' as const),
        amount: fc.integer({ min: 1, max: 3_000_000 }),
      }),
      { maxLength: 2 },
    ),
    residentsC1: fc.integer({ min: 0, max: 300 }),
    employeesC1: fc.integer({ min: 0, max: 50 }),
    percent: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  });

interface MonthValue {
  inputs: SettlementPaymentInput[];
  deductions: MonthDeduction[];
  residentsC1: number;
  employeesC1: number;
  percent: number | null;
}

function runMonth(year: number, month: number, m: MonthValue) {
  const open = `${year}-${String(month).padStart(2, '0')}`;
  const records = m.inputs.map((i) => settlementPaymentFacts(P, i, open));
  const run = monthlyRun(P, {
    year,
    month,
    records,
    deductions: m.deductions,
    contractDays: [
      { centreId: 'C1', pool: 'resident', contractDays: m.residentsC1 * 30 },
      { centreId: 'C1', pool: 'employee', contractDays: m.employeesC1 * 30 },
    ].filter((c) => c.contractDays > 0) as {
      centreId: string;
      pool: 'resident' | 'employee';
      contractDays: number;
    }[],
    holdbackPercent: (id) => (id === 'H1' ? m.percent : null),
  });
  return { records, run };
}

const sum = <T>(xs: readonly T[], f: (x: T) => number): number => xs.reduce((s, x) => s + f(x), 0);

describe('§9 identities', () => {
  it('a month: every fund pay in exactly one place, outflow in its institution too, totals the sums of rows', () => {
    fc.assert(
      fc.property(monthArb(2026, 3), (m) => {
        const { records, run } = runMonth(2026, 3, m);
        const unitRecords = records.filter((r) => r.method !== 'item' && r.method !== 'capitation');
        expect(
          sum(run.rows, (r) => r.itemBased + r.capitationCovered) + sum(unitRecords, (r) => r.fundPay),
        ).toBe(sum(records, (r) => r.fundPay));
        expect(sum(run.rows, (r) => r.capitationOutflow)).toBe(
          sum(
            records.filter((r) => r.outflowCentreId !== null),
            (r) => r.fundPay,
          ),
        );
        for (const r of records.filter((x) => x.outflowCentreId !== null)) expect(r.method).toBe('item');
        for (const t of run.totals)
          expect(t.payable).toBe(
            sum(
              run.rows.filter((r) => r.pool === t.pool && r.fund === t.fund),
              (r) => r.payable,
            ),
          );
        for (const r of run.rows) {
          const base = r.itemBased + r.capitationHead - r.capitationOutflow + r.dip + r.bedDay - r.deduction;
          expect(r.payable).toBe(base - r.holdback + r.contractFee - r.contractFeeHeld + r.accountPay);
          expect(r.holdback).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a year: advanced + balance is every term, and Σ budgetAdjustment = result − S', () => {
    const yearArb = fc.record({
      months: fc.array(monthArb(2026, 1), { minLength: 12, maxLength: 12 }),
      budgets: fc.array(fc.option(fc.integer({ min: 0, max: 40_000_000 }), { nil: null }), {
        minLength: 5,
        maxLength: 5,
      }),
      scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }),
      days: fc.record({
        employee: fc.integer({ min: 0, max: 5_000_000 }),
        resident: fc.integer({ min: 0, max: 5_000_000 }),
      }),
    });
    fc.assert(
      fc.property(yearArb, (y) => {
        const months: MonthlyRow[] = [];
        y.months.forEach((m, i) => {
          const month = i + 1;
          const inputs = m.inputs.map((x) => ({
            ...x,
            date: `2026-${String(month).padStart(2, '0')}${x.date.slice(7)}`,
          }));
          months.push(...runMonth(2026, month, { ...m, inputs }).run.rows);
        });
        const ids = [...new Set(months.map((r) => r.institutionId))];
        const institutions: YearEndInstitution[] = ids.map((id) => {
          const i = INSTITUTIONS.findIndex((x) => x.id === id);
          return {
            institutionId: id,
            kind: must(INSTITUTIONS[i]).kind,
            budget: y.budgets[i] ?? null,
            score: y.scores[i] ?? 100,
          };
        });
        const run = yearEndRun(P, { year: 2026, months, insuredPersonDays: y.days, institutions });
        for (const r of run.rows) {
          expect(r.advanced + r.balance).toBe(
            r.itemBased +
              r.capitation +
              r.capitationAdjustment +
              r.dip +
              r.bedDay -
              r.deduction +
              r.budgetAdjustment -
              r.holdback +
              r.depositReleased +
              r.contractFee -
              r.contractFeeHeld +
              r.contractFeeReleased +
              r.accountPay,
          );
        }
        for (const line of run.institutions) {
          const own = run.rows.filter((r) => r.institutionId === line.institutionId);
          expect(sum(own, (r) => r.budgetAdjustment)).toBe(line.budgetAdjustment);
          expect(line.budgetBase).toBe(sum(own, (r) => r.itemBased + r.dip + r.bedDay - r.deduction));
          if (line.budget === null) expect(line.budgetAdjustment).toBe(0);
          expect(sum(own, (r) => r.capitationAdjustment)).toBe(line.capitationAdjustment);
        }
        for (const p of run.pools)
          expect(p.dipPoints).toBe(
            sum(
              months.filter((r) => r.pool === p.pool),
              (r) => r.dipPoints,
            ),
          );
      }),
      { numRuns: 25 },
    );
  });
});

describe('rounding and units', () => {
  it('rounds half away from zero, symmetric in sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const q = roundQuotient([n], [d]);
        expect(roundQuotient([-n], [d])).toBe(-q || 0);
        expect(Math.abs(n - q * d) * 2).toBeLessThanOrEqual(d);
      }),
    );
    expect(roundQuotient([5], [10])).toBe(1);
    expect(roundQuotient([-5], [10])).toBe(-1);
  });

  it('DIP points never decrease as the case cost rises (the ratio classes meet at 0.5 and 2)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DIAGNOSES),
        fc.array(procedure, { maxLength: 2 }),
        fen,
        fen,
        (diagnosis, procedures, a, b) => {
          const pts = (T: number) =>
            must(
              settlementPaymentFacts(P, stay({ diagnosis, procedures, totalCost: T }), '2026-03').dipPoints,
            );
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(pts(lo)).toBeLessThanOrEqual(pts(hi));
        },
      ),
    );
  });

  it('bed-days: interim settlements pay the days of the whole stay, to the fen per settlement', () => {
    const v = versionOn('2026-03-01');
    fc.assert(
      fc.property(
        fc.constantFrom('rehabilitation' as const, 'hospice' as const, 'chronic_care' as const),
        fc.constantFrom('primary' as const, 'secondary' as const, 'tertiary' as const),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 100 }),
        (care, level, first, second, rate) => {
          const whole = bedDayUnits(v, care, level, first + second, 0, rate);
          const a = bedDayUnits(v, care, level, first, 0, rate);
          const b = bedDayUnits(v, care, level, second, first, rate);
          expect(a.bedDays + b.bedDays).toBe(whole.bedDays);
          expect(whole.bedDays).toBe(Math.min(first + second, v.bedDayStandards[care].capDays));
          expect(Math.abs(a.amount + b.amount - whole.amount)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
