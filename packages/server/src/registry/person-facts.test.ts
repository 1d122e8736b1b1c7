// A person's facts on a date have one set of rules (decision 10) in two forms: the SQL the
// settlement selects and the TypeScript of GET /persons/{id}/care. Both must say the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { registerFixtures } from '../testing/fixtures.js';
import { careRecord } from './care/index.js';
import { factsColumnsSql, factsOnDate, insuredOn, type FactsRow } from './person-facts.js';
import { client, type Client } from './testing.js';

describe('the compatibility rules (decision 10)', () => {
  const registered = { chronicDiseases: ['I10'], familyDoctorContract: true, relocated: true };
  const none = { certifications: [], contracts: [], relocations: [] };

  it('a person without enrolment periods is insured; with periods, only within one', () => {
    expect(insuredOn([], '2026-01-01')).toBe(true);
    const periods = [{ id: 'E', validFrom: '2026-01-01', validTo: '2026-06-30' }];
    expect(insuredOn(periods, '2026-06-30')).toBe(true);
    expect(insuredOn(periods, '2026-07-01')).toBe(false);
  });

  it('the registration stands until the registry keeps records of its kind', () => {
    expect(factsOnDate(registered, none, '2026-05-01')).toEqual(registered);
    const cert = {
      id: 'C',
      code: 'E11.9',
      kind: 'chronic' as const,
      validFrom: '2026-04-01',
      validTo: null,
      certifiedBy: null,
      revokedOn: '2026-09-01',
    };
    const facts = (date: string) => factsOnDate(registered, { ...none, certifications: [cert] }, date);
    expect(facts('2026-03-31').chronicDiseases).toEqual([]);
    expect(facts('2026-04-01').chronicDiseases).toEqual(['E11.9']);
    expect(facts('2026-09-01').chronicDiseases).toEqual([]);
    expect(facts('2026-05-01').familyDoctorContract).toBe(true); // no contract records: the registration's
  });
});

describe.each(testDrivers())('the settlement and the care record agree on $kind', (driver) => {
  let t: TestApp;
  let api: Client;
  beforeAll(async () => {
    t = await createTestApp(driver);
    api = client(t.app);
    await registerFixtures(t.app);
    const made = [
      await api.post('/persons/R002/enrolments', { validFrom: '2026-01-01', validTo: '2026-06-30' }),
      await api.post('/persons/R002/certifications', {
        code: 'E11.9',
        kind: 'chronic',
        validFrom: '2026-03-01',
      }),
      await api.post('/persons/R002/relocations', {
        filedOn: '2026-02-01',
        destination: '海南省三亚市',
        validFrom: '2026-02-01',
        validTo: '2026-04-30',
      }),
      await api.post('/persons/E002/family-doctor-contracts', {
        id: 'FDC-PF',
        communityCentreId: 'C001',
        doctor: '刘医生',
        identityVerified: true,
        validFrom: '2026-02-01',
        validTo: '2027-01-31',
      }),
      await api.post('/persons/E002/family-doctor-contracts/FDC-PF/end', { endedOn: '2026-08-01' }),
    ];
    expect(made.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 200]);
  });
  afterAll(async () => t.dispose());

  const dates = ['2026-01-15', '2026-02-01', '2026-03-01', '2026-05-01', '2026-07-01', '2026-08-01'];
  it.each(['R001', 'R002', 'E001', 'E002'])('%s', async (personId) => {
    for (const date of dates) {
      const [row] = await t.db.query<FactsRow>(
        `SELECT ${factsColumnsSql('$1::date')} FROM persons p, institutions i WHERE p.id = $2 AND i.id = 'H001'`,
        [date, personId],
      );
      const record = await careRecord(t.db, personId, date);
      expect({ date, insured: row?.insured, ...record.onDate }).toEqual({
        date,
        insured: record.insured,
        chronicDiseases: row?.diseases,
        familyDoctorContract: row?.contract,
        relocated: row?.relocated,
      });
    }
  });
});
