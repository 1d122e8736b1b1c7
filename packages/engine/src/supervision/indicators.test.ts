// Monthly indicators (SUPERVISION_RULES.md §8): definitions, rounding, null divisors, readmission.
import { describe, expect, it } from 'vitest';
import type { Level, VisitKind } from '../contract.js';
import { demoBook } from '../testing/demoPolicy.js';
import { indicatorSettingsOn } from './compile.js';
import { monthIndicators, percentShare } from './indicators.js';
import type { IndicatorFact } from './indicators.js';

let order = 0;
function s(
  over: Partial<IndicatorFact> & {
    id: string;
    date: string;
    institutionId: string;
    kind?: VisitKind;
    level?: Level | null;
  },
): IndicatorFact {
  const { kind, level, ...rest } = over;
  return {
    order: order++,
    personId: 'm',
    institutionType: 'community_centre',
    visitKind: kind ?? 'outpatient',
    benefitKind: kind ?? 'outpatient',
    admissionDate: null,
    diagnosis: null,
    proxy: false,
    referralCounted: false,
    pool: 'resident',
    fundPay: 0,
    totalCost: 0,
    reversed: false,
    institutionLevel: level === undefined ? 'primary' : level,
    fullSelfPay: 0,
    overLimitSelfPay: 0,
    personalPart: 0,
    lines: [],
    ...rest,
  };
}

const drug = (total: number, cls: 'A' | 'B' | 'self' = 'A'): IndicatorFact['lines'][number] => ({
  code: 'D',
  kind: 'drug',
  class: cls,
  total,
  inScope: total,
  days: null,
  refusedBy: null,
});

describe('monthly indicators', () => {
  const library = demoBook().regions.get('demo')?.supervision;
  const readmission = library ? indicatorSettingsOn(library, '2026-04-01') : null;
  const days = readmission?.readmissionWithinDays ?? -1;

  it('percent with one decimal half up; null on a zero divisor', () => {
    expect(percentShare(1, 3)).toBe(33.3);
    expect(percentShare(2, 3)).toBe(66.7);
    expect(percentShare(1, 8)).toBe(12.5);
    expect(percentShare(1, 0)).toBeNull();
  });

  it('outpatient and inpatient apart, per institution, costs per visit half up, refused lines counted', () => {
    const list = [
      s({
        id: 'a',
        date: '2026-04-02',
        institutionId: 'C1',
        totalCost: 10000,
        fundPay: 6000,
        personalPart: 4000,
        fullSelfPay: 1000,
        lines: [drug(3000), { ...drug(1000, 'self'), refusedBy: 'F-06' }],
        referralCounted: true,
      }),
      s({
        id: 'b',
        date: '2026-04-03',
        institutionId: 'C1',
        totalCost: 5001,
        fundPay: 3000,
        personalPart: 2001,
      }),
      s({ id: 'c', date: '2026-04-03', institutionId: 'C1', totalCost: 5000, reversed: true }),
      s({ id: 'd', date: '2026-05-01', institutionId: 'C1', totalCost: 5000 }),
      s({ id: 'e', date: '2026-04-03', institutionId: 'H2', totalCost: 5000, level: 'secondary' }),
    ];
    const m = monthIndicators(list, {
      year: 2026,
      month: 4,
      institutionId: 'C1',
      readmissionWithinDays: days,
    });
    expect(m.outpatient).toEqual({
      visits: 2,
      totalCost: 15001,
      fundPay: 9000,
      costPerVisit: 7501,
      drugShare: 26.7,
      selfPaidDrugShare: 25,
      outOfScopeShare: 6.7,
      personalBurdenShare: 40,
      referralRate: 50,
    });
    expect(m.inpatient).toMatchObject({
      stays: 0,
      costPerStay: null,
      readmissionRate: null,
      drugShare: null,
    });
    expect(m.primaryShare).toBeUndefined();
    const region = monthIndicators(list, {
      year: 2026,
      month: 4,
      institutionId: null,
      readmissionWithinDays: days,
    });
    expect(region.outpatient.visits).toBe(3);
    expect(region.primaryShare).toEqual({ outpatient: 66.7, inpatient: null });
  });

  it('15-day readmission: same person and institution, any diagnosis, earlier months count', () => {
    const stay = (id: string, person: string, at: string, a: string, d: string): IndicatorFact =>
      s({
        id,
        personId: person,
        institutionId: at,
        kind: 'inpatient',
        admissionDate: a,
        date: d,
        level: 'secondary',
      });
    const list = [
      stay('p', 'm', 'H2', '2026-03-20', '2026-03-31'),
      stay('t', 'm', 'H2', '2026-04-15', '2026-04-20'), // 15 days after 03-31: readmission
      stay('u', 'n', 'H2', '2026-04-01', '2026-04-05'),
      stay('v', 'n', 'H2', '2026-04-21', '2026-04-25'), // 16 days: not
    ];
    expect(days).toBe(15);
    const m = monthIndicators(list, {
      year: 2026,
      month: 4,
      institutionId: 'H2',
      readmissionWithinDays: days,
    });
    expect(m.inpatient.stays).toBe(3);
    expect(m.inpatient.readmissionRate).toBe(33.3);
  });
});
