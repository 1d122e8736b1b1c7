// What a new user hit in the registry (issue 12 §4): overlapping assessments, returned applications,
// settlements before designation, termination that left stations settling, yearly renewal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { registerFixtures } from '../testing/fixtures.js';
import { allCriteriaMet, client, indicators, terms, type Client } from './testing.js';

describe.each(testDrivers())('registry mends on $kind', (driver) => {
  let t: TestApp;
  let api: Client;
  beforeAll(async () => {
    t = await createTestApp(driver);
    api = client(t.app);
    await registerFixtures(t.app);
  });
  afterAll(async () => t.dispose());

  it('R-A7: an assessment period that overlaps an assessed one of the agreement is refused', async () => {
    const signed = await api.post('/institutions/H002/agreements', {
      id: 'AGR-H002-A',
      year: 2026,
      signedOn: '2025-12-20',
      indicators,
      settlementTerms: terms,
    });
    expect(signed.statusCode).toBe(201);
    const first = await api.post('/agreements/AGR-H002-A/assessments', {
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      assessedOn: '2026-07-15',
    });
    expect(first.statusCode).toBe(201);
    const overlapping = await api.post('/agreements/AGR-H002-A/assessments', {
      periodFrom: '2026-04-01',
      periodTo: '2026-09-30',
      assessedOn: '2026-10-15',
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json()).toMatchObject({ error: { code: 'assessment_overlap', field: 'periodFrom' } });
    const inside = await api.post('/agreements/AGR-H002-A/assessments', {
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
      assessedOn: '2026-10-15',
    });
    expect(inside.statusCode).toBe(409);
    const next = await api.post('/agreements/AGR-H002-A/assessments', {
      periodFrom: '2026-07-01',
      periodTo: '2026-12-31',
      assessedOn: '2027-01-15',
    });
    expect(next.statusCode).toBe(201);
  });

  it('R-A3: a returned application is amended and resubmitted, then reviewed again; its history is kept', async () => {
    const criteria = allCriteriaMet();
    criteria[6] = { item: 'it_settlement', met: false, evidence: '尚未联网' };
    const submitted = await api.post('/applications', {
      id: 'APP-R1',
      institution: { id: 'R-CL1', name: '回头诊所', type: 'clinic', level: 'primary', county: '城关区' },
      submittedOn: '2026-01-05',
      criteria,
    });
    expect(submitted.statusCode).toBe(201);
    const returned = await api.post('/applications/APP-R1/review', {
      decision: 'return',
      reason: '联网结算未就绪，补正后再报',
      reviewer: '审核员甲',
      decidedOn: '2026-01-20',
    });
    expect(returned.json()).toMatchObject({ state: 'returned' });
    // Only a returned application may be resubmitted, and not before it was returned.
    const early = await api.post('/applications/APP-R1/resubmission', {
      resubmittedOn: '2026-01-10',
      criteria: allCriteriaMet(),
      reason: '已联网',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ error: { field: 'resubmittedOn' } });
    const incomplete = await api.post('/applications/APP-R1/resubmission', {
      resubmittedOn: '2026-02-01',
      criteria: allCriteriaMet().slice(1),
      reason: '已联网',
    });
    expect(incomplete.json()).toMatchObject({ error: { code: 'criteria_incomplete', field: 'criteria' } });
    const again = await api.post(
      '/applications/APP-R1/resubmission',
      { resubmittedOn: '2026-02-01', criteria: allCriteriaMet(), reason: '已完成联网测试' },
      '申请人',
    );
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      state: 'submitted',
      submittedOn: '2026-02-01',
      decidedOn: null,
      decisionReason: null,
    });
    const twice = await api.post('/applications/APP-R1/resubmission', {
      resubmittedOn: '2026-02-02',
      criteria: allCriteriaMet(),
      reason: 'x',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: { code: 'not_returned' } });
    const approved = await api.post('/applications/APP-R1/review', {
      decision: 'approve',
      reason: '补正后符合条件',
      reviewer: '审核员甲',
      decidedOn: '2026-02-10',
    });
    expect(approved.json()).toMatchObject({ state: 'approved', decidedOn: '2026-02-10' });
    const history = (await api.get('/history/application/APP-R1')).json<{
      items: { data: { state: string }; reason: string }[];
    }>();
    expect(history.items.map((v) => v.data.state)).toEqual([
      'submitted',
      'returned',
      'submitted',
      'approved',
    ]);
    expect(history.items[2]?.reason).toMatch(/已完成联网测试/);
  });

  it('a resubmission of an unknown application is 404', async () => {
    const res = await api.post('/applications/APP-NONE/resubmission', {
      resubmittedOn: '2026-02-01',
      criteria: allCriteriaMet(),
      reason: 'x',
    });
    expect(res.statusCode).toBe(404);
  });
});
