import { today } from '../domain/today.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers, type TestDatabase } from '../db/testing.js';
import { repositoryPolicyDir } from '../policy-release/load.js';
import { loadPolicy } from '../settle/calculator.js';
import { SettlementService } from '../settle/service.js';
import { demoPersons } from './persons.js';
import { demoInstitutions } from './region.js';
import { isEmpty, seedDemo } from './seed.js';

describe('demo region', () => {
  it('has the shape of a real one: centres with stations, townships with village clinics, hospitals, pharmacies', () => {
    const list = demoInstitutions();
    const ids = new Set(list.map((i) => i.id));
    expect(ids.size).toBe(list.length);
    const types = new Set(list.map((i) => i.type));
    for (const type of [
      'community_centre',
      'community_station',
      'township_centre',
      'village_clinic',
      'general_hospital',
      'tcm_hospital',
      'internet_hospital',
      'pharmacy',
    ])
      expect(types).toContain(type);
    for (const station of list.filter((i) => i.type === 'community_station'))
      expect(list.find((i) => i.id === station.parentId)?.type).toBe('community_centre');
    for (const clinic of list.filter((i) => i.type === 'village_clinic'))
      expect(list.find((i) => i.id === clinic.parentId)?.type).toBe('township_centre');
    // Parents are listed before their children (bulk insert relies on it across batches).
    list.forEach((inst, n) => {
      if (inst.parentId !== null) expect(list.findIndex((i) => i.id === inst.parentId)).toBeLessThan(n);
    });
    expect(new Set(list.map((i) => i.county)).size).toBe(4);
  });

  it('generates the same persons every time, of both schemes and all categories', () => {
    const persons = demoPersons(3000);
    expect(demoPersons(3000)).toEqual(persons);
    expect(demoPersons(10)).toEqual(persons.slice(0, 10));
    expect(new Set(persons.map((p) => p.category))).toEqual(
      new Set(['adult', 'minor', 'elderly', 'in_service', 'retired']),
    );
    expect(persons.filter((p) => p.chronicDiseases.length > 0).length).toBeGreaterThan(300);
    expect(persons.some((p) => p.chronicDiseases.includes('A15'))).toBe(true);
    expect(persons.filter((p) => p.familyDoctorContract).length).toBeGreaterThan(300);
    expect(persons.filter((p) => p.scheme === 'employee').every((p) => p.accountBalance > 0)).toBe(true);
  });
});

describe.each(testDrivers())('demo seeding on $kind', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await driver.create();
  });
  afterAll(async () => t.dispose());

  it('settles a year of generated visits through the service, refusing only what the registry refuses, and replays on a rerun', async () => {
    expect(await isEmpty(t.db)).toBe(true);
    const service = new SettlementService(t.db, loadPolicy(repositoryPolicyDir()).calculate);
    const options = { persons: 300, visits: 400, concurrency: 4, run: 't', reversalShare: 0.05 };
    const report = await seedDemo(t.db, service, options);
    // No generated visit is bad input; the only refusals are the registry's (R-B1 left the scheme,
    // R-A6/R-A9 agreement terminated or designation cancelled): a realistic year has a few.
    const refusedCodes = Object.keys(report.refused);
    expect(refusedCodes.every((c) => c === 'not_insured' || c === 'no_active_agreement')).toBe(true);
    const refused = Object.values(report.refused).reduce((a, b) => a + b, 0);
    expect(refused).toBeLessThan(20);
    expect(report.settled + refused).toBe(400);
    expect(report.withRecords).toBeGreaterThan(0);
    expect(report.assessed).toBeGreaterThan(50); // every 2025 agreement assessed and published
    expect(report.reversed).toBeGreaterThan(0);
    expect(await isEmpty(t.db)).toBe(false);
    const kinds = await t.db.query<{ visit_kind: string }>(
      'SELECT DISTINCT visit_kind FROM settlements ORDER BY 1',
    );
    expect(kinds.map((k) => k.visit_kind)).toEqual(
      expect.arrayContaining(['chronic_outpatient', 'emergency', 'inpatient', 'outpatient', 'pharmacy']),
    );
    // The visits send codes only (issue 12 §6): every code is in the demo catalogue, no visit is
    // dated after yesterday, and referrals and e-prescriptions are named records.
    const outside = await t.db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM settlements WHERE result::text LIKE '%目录外%'`,
    );
    expect(Number(outside[0]?.n)).toBe(0);
    const latest = await t.db.query<{ d: string }>('SELECT max(date)::text AS d FROM settlements');
    expect((latest[0]?.d ?? '') < today()).toBe(true);
    const named = await t.db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM settlements WHERE visit ? 'referralId' OR visit ? 'ePrescriptionId'`,
    );
    expect(Number(named[0]?.n)).toBeGreaterThan(0);
    const again = await seedDemo(t.db, service, options);
    expect(again).toMatchObject({ settled: 0, replayed: report.settled });
  }, 120_000);
});
