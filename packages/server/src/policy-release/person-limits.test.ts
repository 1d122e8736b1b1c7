// The limits a person's year is held against (moved from the console's caps.ts: the console now
// shows the server's answer and keeps no copy of the rule).
import type { Accumulators } from '@yibao/api';
import { describe, expect, it } from 'vitest';
import type { Person } from '../store/records.js';
import type { ParameterView } from './console-view.js';
import { inForce, limitsOf, policyDateFor, versionOn } from './person-limits.js';

const param = (
  name: string,
  groups: string[],
  value: unknown,
  effectiveFrom: string,
  until: string | null,
): ParameterView => ({
  name,
  groups,
  description: '',
  unit: 'yuan',
  value,
  effectiveFrom,
  until,
  versions: [],
  source: {
    document: 'S1',
    clause: '二',
    requirement: name === 'generalOutpatient.capRaised' ? 'R-D4' : 'R-D2',
  },
  file: 'demo/resident.yaml',
});

const RESIDENT = ['resident/adult', 'resident/minor', 'resident/elderly'];
const PARAMS = [
  param('generalOutpatient.cap', RESIDENT, 1000, '2025-01-01', '2026-01-01'),
  param('generalOutpatient.cap', RESIDENT, 1200, '2026-01-01', null),
  param('generalOutpatient.capRaised', RESIDENT, 1800, '2026-01-01', null),
  param(
    'generalOutpatient.deductible',
    RESIDENT,
    { primary: 0, secondary: 200, tertiary: 200 },
    '2025-01-01',
    null,
  ),
  param('inpatient.cap', ['employee/in_service'], 400000, '2025-01-01', null),
];

const person = (over: Partial<Person>): Person => ({
  sex: null,
  birthDate: null,
  id: 'P1',
  name: '张三',
  scheme: 'resident',
  category: 'adult',
  region: 'demo',
  chronicDiseases: [],
  familyDoctorContract: false,
  relocated: false,
  accountBalance: 0,
  ...over,
});

const ytd: Accumulators = {
  outpatientDeductiblePaid: 0,
  outpatientFundPaid: 300,
  outpatientInScope: 500,
  chronicFundPaid: 0,
  specialDeductiblePaid: 0,
  inpatientFundPaid: 0,
};

describe('limits from the policy in force', () => {
  it('picks the value in force on the day for the group', () => {
    expect(inForce(PARAMS, 'generalOutpatient.cap', 'resident/adult', '2025-12-31')?.value).toBe(1000);
    expect(inForce(PARAMS, 'generalOutpatient.cap', 'resident/adult', '2026-01-01')?.value).toBe(1200);
    expect(inForce(PARAMS, 'inpatient.cap', 'resident/adult', '2026-01-01')).toBeUndefined();
  });

  it('uses the raised cap only with a chronic disease and a family-doctor contract (R-D4)', () => {
    const plain = limitsOf(person({}), ytd, PARAMS, '2026-06-01')[0];
    expect(plain).toMatchObject({ accumulator: 'outpatientFundPaid', used: 300, limit: 1200, raised: false });
    const raised = limitsOf(
      person({ chronicDiseases: ['I10'], familyDoctorContract: true }),
      ytd,
      PARAMS,
      '2026-06-01',
    )[0];
    expect(raised).toMatchObject({ limit: 1800, raised: true, citation: { requirement: 'R-D4' } });
    const onlyDisease = limitsOf(person({ chronicDiseases: ['I10'] }), ytd, PARAMS, '2026-06-01')[0];
    expect(onlyDisease?.limit).toBe(1200);
  });

  it('shows a by-level deductible at its highest level, and no limit where the policy has none', () => {
    const rows = limitsOf(person({}), ytd, PARAMS, '2026-06-01');
    expect(rows.find((r) => r.accumulator === 'outpatientDeductiblePaid')?.limit).toBe(200);
    expect(rows.find((r) => r.accumulator === 'chronicFundPaid')?.limit).toBeNull();
  });

  it("reads a past year's limits on its last day and this year's today", () => {
    const today = new Date('2026-11-23T10:00:00Z');
    expect(policyDateFor(2025, today)).toBe('2025-12-31');
    expect(policyDateFor(2026, today)).toBe('2026-11-23');
    expect(policyDateFor(2027, today)).toBe('2027-01-01');
  });

  it('names the policy version in force on the date', () => {
    const versions = [
      { id: 'v2025', effectiveFrom: '2025-01-01', until: '2026-01-01', note: '' },
      { id: 'v2026', effectiveFrom: '2026-01-01', until: null, note: '' },
    ];
    expect(versionOn(versions, '2025-12-31')).toBe('v2025');
    expect(versionOn(versions, '2026-01-01')).toBe('v2026');
    expect(versionOn(versions, '2024-06-01')).toBeNull();
  });
});
