// Designation (R-A1–R-A4, R-A11): applications against the checklist, review, the published list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { allCriteriaMet, client, type Client } from './testing.js';

const centre = {
  id: 'N-C1',
  name: '北关社区卫生服务中心',
  type: 'community_centre',
  level: 'primary',
  county: '北关区',
};
const stations = [
  { id: 'N-C1-1', name: '北关一站', type: 'community_station', county: '北关区' },
  { id: 'N-C1-2', name: '北关二站', type: 'community_station', county: '北关区' },
];

describe.each(testDrivers())('designation on $kind', (driver) => {
  let t: TestApp;
  let api: Client;
  beforeAll(async () => {
    t = await createTestApp(driver);
    api = client(t.app);
  });
  afterAll(async () => t.dispose());

  it('R-A2: refuses a checklist that leaves an item out, naming the field, and stores nothing', async () => {
    const res = await api.post('/applications', {
      institution: { ...centre, id: 'N-X' },
      submittedOn: '2026-01-05',
      criteria: allCriteriaMet().slice(1),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'criteria_incomplete', field: 'criteria' } });
    expect((await api.get('/institutions/N-X')).statusCode).toBe(404);
  });

  it('R-A2: an item marked met needs its evidence', async () => {
    const criteria = allCriteriaMet();
    criteria[2] = { item: 'service_scope', met: true, evidence: ' ' };
    const res = await api.post('/applications', {
      institution: { ...centre, id: 'N-Y' },
      submittedOn: '2026-01-05',
      criteria,
    });
    expect(res.json()).toMatchObject({ error: { field: 'criteria[2].evidence' } });
  });

  it('R-A4: a centre and its stations are reviewed and designated together; the list shows them', async () => {
    const submitted = await api.post('/applications', {
      id: 'APP-1',
      institution: centre,
      stations,
      submittedOn: '2026-01-05',
      criteria: allCriteriaMet(),
    });
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json()).toMatchObject({ state: 'submitted', stationIds: ['N-C1-1', 'N-C1-2'] });
    const before = (await api.get('/public/designated-institutions?county=北关区')).json<{ total: number }>();
    expect(before.total).toBe(0); // applicants are not on the published list

    const review = await api.post('/applications/APP-1/review', {
      decision: 'approve',
      reason: '材料齐全，现场核查合格',
      reviewer: '审核员甲',
      decidedOn: '2026-02-01',
    });
    expect(review.statusCode).toBe(200);
    expect(review.json()).toMatchObject({ state: 'approved', decidedOn: '2026-02-01' });
    const list = (await api.get('/public/designated-institutions?county=北关区')).json<{
      total: number;
      items: { id: string; members: { id: string }[] }[];
    }>();
    expect(list.total).toBe(3);
    expect(list.items.find((i) => i.id === 'N-C1')?.members.map((m) => m.id)).toEqual(['N-C1-1', 'N-C1-2']);
  });

  it('R-A3: an application is decided once', async () => {
    const again = await api.post('/applications/APP-1/review', {
      decision: 'reject',
      reason: '重复',
      reviewer: '乙',
      decidedOn: '2026-02-02',
    });
    expect(again.statusCode).toBe(409);
  });

  it('R-A2: an unmet criterion blocks approval, unless the application came by the green channel', async () => {
    const criteria = allCriteriaMet();
    criteria[6] = { item: 'it_settlement', met: false, evidence: '尚未联网' };
    await api.post('/applications', {
      id: 'APP-2',
      institution: {
        id: 'T-1',
        name: '山乡卫生院',
        type: 'township_centre',
        level: 'primary',
        county: '山乡县',
      },
      submittedOn: '2026-01-05',
      criteria,
    });
    const refused = await api.post('/applications/APP-2/review', {
      decision: 'approve',
      reason: '同意',
      reviewer: '甲',
      decidedOn: '2026-02-01',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/^R-A2: .*联网实时结算/);

    await api.post('/applications', {
      id: 'APP-3',
      institution: {
        id: 'T-2',
        name: '水乡卫生院',
        type: 'township_centre',
        level: 'primary',
        county: '山乡县',
      },
      submittedOn: '2026-01-05',
      criteria,
      greenChannel: true,
    });
    const green = await api.post('/applications/APP-3/review', {
      decision: 'approve',
      reason: '绿色通道，限期整改联网',
      reviewer: '甲',
      decidedOn: '2026-02-01',
    });
    expect(green.json()).toMatchObject({ state: 'approved' });
  });

  it('R-A4: only a community centre or township centre brings stations of the matching type', async () => {
    const res = await api.post('/applications', {
      institution: { id: 'Z-1', name: '诊所', type: 'clinic', level: 'primary', county: '北关区' },
      stations: [{ id: 'Z-1-1', name: '分站', type: 'community_station', county: '北关区' }],
      submittedOn: '2026-01-05',
      criteria: allCriteriaMet(),
    });
    expect(res.json()).toMatchObject({ error: { code: 'station_type', field: 'stations[0].type' } });
  });

  it('R-A11: an internet hospital needs a designated founder and takes its level', async () => {
    const orphan = await api.post('/applications', {
      institution: { id: 'I-0', name: '云诊室', type: 'internet_hospital', county: '北关区' },
      submittedOn: '2026-03-01',
      criteria: allCriteriaMet(),
    });
    expect(orphan.json()).toMatchObject({ error: { field: 'institution.founderId' } });
    const ok = await api.post('/applications', {
      id: 'APP-4',
      institution: {
        id: 'I-1',
        name: '北关互联网医院',
        type: 'internet_hospital',
        county: '北关区',
        founderId: 'N-C1',
      },
      submittedOn: '2026-03-01',
      criteria: allCriteriaMet(),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ institution: { level: 'primary', founderId: 'N-C1' } });
  });

  it('R-A3: the published list searches by county, type and level, and needs no credentials', async () => {
    const stationsOnly = (await api.get('/public/designated-institutions?type=community_station')).json<{
      items: { id: string }[];
    }>();
    expect(stationsOnly.items.map((i) => i.id)).toEqual(['N-C1-1', 'N-C1-2']);
    const byLevel = (await api.get('/public/designated-institutions?level=secondary')).json<{
      total: number;
    }>();
    expect(byLevel.total).toBe(0);
  });

  it('R-A9: cancelling designation removes the centre and its stations from the list and ends their agreements', async () => {
    const signed = await api.post('/institutions/N-C1/agreements', {
      year: 2026,
      signedOn: '2026-02-01',
      validFrom: '2026-02-01',
      indicators: { drugCostShareMax: 50 },
      settlementTerms: { method: 'monthly', paymentDays: 30 },
    });
    expect(signed.statusCode).toBe(201);
    const cancelled = await api.post('/institutions/N-C1/cancellation', {
      effectiveOn: '2026-09-01',
      reason: '欺诈骗保',
    });
    expect(cancelled.json()).toMatchObject({ designation: 'cancelled' });
    const list = (await api.get('/public/designated-institutions?county=北关区')).json<{ total: number }>();
    expect(list.total).toBe(0);
    const agreement = (
      await api.get(`/agreements/${signed.json<{ id: string }>().id}?date=2026-09-02`)
    ).json();
    expect(agreement).toMatchObject({ stateOnDate: 'terminated' });
    const stillBefore = (
      await api.get(`/agreements/${signed.json<{ id: string }>().id}?date=2026-08-31`)
    ).json();
    expect(stillBefore).toMatchObject({ stateOnDate: 'active' });
  });

  it('keeps every version of an application with who and when', async () => {
    const history = (await api.get('/history/application/APP-1')).json<{
      items: { version: number; actor: string; data: { state: string } }[];
    }>();
    expect(history.items.map((v) => v.data.state)).toEqual(['submitted', 'approved']);
    expect(history.items.every((v) => v.actor === 'open')).toBe(true);
  });
});
