// Insured persons' care relationships (R-B1–R-B5, R-C8, R-C10): every rule refuses with a 4xx naming
// the field and the R- id, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { registerFixtures } from '../testing/fixtures.js';
import { client, type Client } from './testing.js';

interface Care {
  insured: boolean;
  firstContact: { institutionId: string } | null;
  chosenInstitutions: { institutionIds: string[] } | null;
  onDate: { chronicDiseases: string[]; familyDoctorContract: boolean; relocated: boolean };
}

describe.each(testDrivers())('care relationships on $kind', (driver) => {
  let t: TestApp;
  let api: Client;
  const care = async (person: string, date: string): Promise<Care> =>
    (await api.get(`/persons/${person}/care?date=${date}`)).json<Care>();
  beforeAll(async () => {
    t = await createTestApp(driver);
    api = client(t.app);
    await registerFixtures(t.app);
    await api.post('/institutions', {
      id: 'C002',
      name: '西街社区卫生服务中心',
      type: 'community_centre',
      level: 'primary',
      county: '城关区',
    });
    await api.post('/institutions', {
      id: 'C003',
      name: '南街社区卫生服务中心',
      type: 'community_centre',
      level: 'primary',
      county: '城关区',
    });
  });
  afterAll(async () => t.dispose());

  it('R-B1: enrolment periods decide whether a person is insured on a date, and never overlap', async () => {
    await api.post('/persons', {
      id: 'N001',
      name: '新参保',
      scheme: 'resident',
      category: 'adult',
      region: 'demo',
    });
    expect(
      (await api.post('/persons/N001/enrolments', { validFrom: '2026-01-01', validTo: '2026-06-30' }))
        .statusCode,
    ).toBe(201);
    expect((await care('N001', '2026-03-01')).insured).toBe(true);
    expect((await care('N001', '2026-07-01')).insured).toBe(false);
    const overlap = await api.post('/persons/N001/enrolments', { validFrom: '2026-06-01' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json<{ error: { message: string } }>().error.message).toMatch(/^R-B1/);
  });

  it('R-B2: one or two community institutions; a centre may come with one of its own stations', async () => {
    const ok = await api.put('/persons/R001/chosen-institutions', {
      year: 2026,
      institutionIds: ['C001', 'C001-1', 'C002'],
    });
    expect(ok.statusCode).toBe(200);
    expect((await care('R001', '2026-05-01')).chosenInstitutions?.institutionIds).toEqual([
      'C001',
      'C001-1',
      'C002',
    ]);
    const three = await api.put('/persons/R001/chosen-institutions', {
      year: 2026,
      institutionIds: ['C001', 'C002', 'C003'],
    });
    expect(three.statusCode).toBe(422);
    expect(three.json()).toMatchObject({ error: { code: 'choice_count', field: 'institutionIds' } });
    const hospital = await api.put('/persons/R001/chosen-institutions', {
      year: 2026,
      institutionIds: ['H001'],
    });
    expect(hospital.json()).toMatchObject({ error: { code: 'not_community', field: 'institutionIds[0]' } });
    // refused changes changed nothing
    expect((await care('R001', '2026-05-01')).chosenInstitutions?.institutionIds).toEqual([
      'C001',
      'C001-1',
      'C002',
    ]);
  });

  it('R-B3: one first-contact primary institution a year', async () => {
    expect(
      (
        await api.post('/persons/R001/first-contact', {
          year: 2026,
          institutionId: 'C001',
          chosenOn: '2026-01-03',
        })
      ).statusCode,
    ).toBe(201);
    const second = await api.post('/persons/R001/first-contact', {
      year: 2026,
      institutionId: 'C002',
      chosenOn: '2026-02-03',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      error: { field: 'institutionId', message: 'R-B3: 该参保人2026年已选定首诊机构 C001，一年只能选定一家' },
    });
    const hospital = await api.post('/persons/R001/first-contact', {
      year: 2027,
      institutionId: 'H002',
      chosenOn: '2026-12-03',
    });
    expect(hospital.json()).toMatchObject({ error: { code: 'not_primary' } });
    expect((await care('R001', '2026-08-01')).firstContact?.institutionId).toBe('C001');
  });

  it('R-B4: a "1+1+1" contract needs a verified identity and institutions of the right levels', async () => {
    const base = {
      communityCentreId: 'C001',
      districtHospitalId: 'H002',
      cityHospitalId: 'H001',
      doctor: '刘医生',
      identityVerified: true,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
    };
    expect(
      (await api.post('/persons/E002/family-doctor-contracts', { ...base, identityVerified: false })).json(),
    ).toMatchObject({ error: { field: 'identityVerified' } });
    expect(
      (
        await api.post('/persons/E002/family-doctor-contracts', { ...base, districtHospitalId: 'H001' })
      ).json(),
    ).toMatchObject({ error: { field: 'districtHospitalId' } });
    expect(
      (
        await api.post('/persons/E002/family-doctor-contracts', { ...base, communityCentreId: 'H002' })
      ).json(),
    ).toMatchObject({ error: { field: 'communityCentreId' } });
    expect((await care('E002', '2026-03-01')).onDate.familyDoctorContract).toBe(false);
    const ok = await api.post('/persons/E002/family-doctor-contracts', {
      ...base,
      id: 'FDC-E002',
      priorityGroup: 'elderly',
    });
    expect(ok.statusCode).toBe(201);
    expect((await care('E002', '2026-03-01')).onDate.familyDoctorContract).toBe(true);
    expect(
      (await api.post('/persons/E002/family-doctor-contracts', { ...base, validFrom: '2026-06-01' }))
        .statusCode,
    ).toBe(409);
    // The officer's reason travels to the history (see the last test); a reason too long is refused.
    const tooLong = await api.post('/persons/E002/family-doctor-contracts/FDC-E002/end', {
      endedOn: '2026-07-01',
      reason: '长'.repeat(501),
    });
    expect(tooLong.json()).toMatchObject({ error: { field: 'reason' } });
    await api.post('/persons/E002/family-doctor-contracts/FDC-E002/end', {
      endedOn: '2026-07-01',
      reason: '本人申请解约',
    });
    expect((await care('E002', '2026-06-30')).onDate.familyDoctorContract).toBe(true);
    expect((await care('E002', '2026-07-01')).onDate.familyDoctorContract).toBe(false);
  });

  it("R-C10/R-C8: certifies only diseases on the region's lists, valid from their dates", async () => {
    const off = await api.post('/persons/E001/certifications', {
      code: 'J45',
      kind: 'chronic',
      validFrom: '2026-01-01',
    });
    expect(off.statusCode).toBe(422);
    expect(off.json<{ error: { message: string; field: string } }>().error).toMatchObject({ field: 'code' });
    expect(
      (
        await api.post('/persons/E001/certifications', {
          code: 'E11.9',
          kind: 'chronic',
          validFrom: '2026-04-01',
          certifiedBy: 'H002',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await api.post('/persons/E001/certifications', {
          code: 'N18',
          kind: 'special',
          validFrom: '2026-04-01',
        })
      ).statusCode,
    ).toBe(201);
    expect((await care('E001', '2026-03-31')).onDate.chronicDiseases).toEqual([]);
    expect((await care('E001', '2026-04-01')).onDate.chronicDiseases).toEqual(['E11.9', 'N18']);
  });

  it('R-B5: relocation holds from its filing; a second filing in a year after benefits were used cancels that year', async () => {
    expect(
      (
        await api.post('/persons/E002/relocations', {
          filedOn: '2026-02-01',
          destination: '海南省三亚市',
          validFrom: '2026-02-01',
        })
      ).statusCode,
    ).toBe(201);
    expect((await care('E002', '2026-03-01')).onDate.relocated).toBe(true);
    // A second filing before any relocation benefit was used cancels nothing.
    expect(
      (
        await api.post('/persons/E002/relocations', {
          filedOn: '2026-03-01',
          destination: '广东省珠海市',
          validFrom: '2026-03-01',
        })
      ).statusCode,
    ).toBe(201);
    expect((await care('E002', '2026-04-01')).onDate.relocated).toBe(true);
  });

  it("keeps a person's care record version by version", async () => {
    const history = (await api.get('/history/person_care/E002')).json<{ items: { reason: string }[] }>();
    expect(history.items.map((v) => v.reason)).toEqual([
      '家庭医生签约',
      '解除签约：本人申请解约',
      '异地安置备案',
      '异地安置备案',
    ]);
  });
});
