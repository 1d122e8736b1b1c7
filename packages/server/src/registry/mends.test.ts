// What a new user hit in the registry (issue 12 §4): overlapping assessments, returned applications,
// settlements before designation, termination that left stations settling, yearly renewal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { primaryVisit, registerFixtures } from '../testing/fixtures.js';
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

  /** An institution designated through an application on `decidedOn` (a centre, with its stations). */
  async function designate(id: string, decidedOn: string, stationIds: string[] = []): Promise<void> {
    const centre = stationIds.length > 0;
    const submitted = await api.post('/applications', {
      id: `APP-${id}`,
      institution: {
        id,
        name: `${id} 机构`,
        type: centre ? 'community_centre' : 'clinic',
        level: 'primary',
        county: '城关区',
      },
      stations: stationIds.map((s) => ({
        id: s,
        name: `${s} 站`,
        type: 'community_station',
        county: '城关区',
      })),
      submittedOn: '2026-01-02',
      criteria: allCriteriaMet(),
    });
    expect(submitted.statusCode).toBe(201);
    const approved = await api.post(`/applications/APP-${id}/review`, {
      decision: 'approve',
      reason: '符合条件',
      reviewer: '审核员甲',
      decidedOn,
    });
    expect(approved.statusCode).toBe(200);
  }

  const visitAt = (requestId: string, institutionId: string, date: string) => ({
    ...primaryVisit(requestId, 'R001', date),
    institutionId,
  });

  it('R-A6: an institution designated through an application settles from its designation, within its agreement', async () => {
    await designate('D-CL1', '2026-03-01');
    const signed = await api.post('/institutions/D-CL1/agreements', {
      year: 2026,
      signedOn: '2026-03-01',
      validTo: '2026-09-30',
      indicators,
      settlementTerms: terms,
    });
    expect(signed.statusCode).toBe(201);
    // The term defaults to the designation date within the year, not 1 January.
    expect(signed.json()).toMatchObject({ validFrom: '2026-03-01', validTo: '2026-09-30' });
    const before = await api.post('/settlements', visitAt('d-before', 'D-CL1', '2026-02-15'));
    expect(before.statusCode).toBe(422);
    expect(before.json()).toMatchObject({ error: { code: 'no_active_agreement' } });
    const after = await api.post('/settlements', visitAt('d-after', 'D-CL1', '2026-03-02'));
    expect(after.statusCode).toBe(201);
    const outside = await api.post('/settlements', visitAt('d-outside', 'D-CL1', '2026-10-01'));
    expect(outside.statusCode).toBe(422);
  });

  it('R-A6: an agreement signed with a term from before the designation still settles nothing before it', async () => {
    await designate('D-CL2', '2026-04-01');
    const signed = await api.post('/institutions/D-CL2/agreements', {
      year: 2026,
      signedOn: '2026-04-01',
      validFrom: '2026-01-01',
      indicators,
      settlementTerms: terms,
    });
    expect(signed.statusCode).toBe(201);
    const before = await api.post('/settlements', visitAt('d2-before', 'D-CL2', '2026-03-31'));
    expect(before.statusCode).toBe(422);
    expect(before.json()).toMatchObject({ error: { code: 'no_active_agreement' } });
    expect((await api.post('/settlements', visitAt('d2-on', 'D-CL2', '2026-04-01'))).statusCode).toBe(201);
  });

  it('decision 10: an institution registered with POST /institutions alone keeps its standing agreement', async () => {
    expect((await api.post('/settlements', visitAt('d-standing', 'C001', '2026-01-03'))).statusCode).toBe(
      201,
    );
  });

  it("R-A4/R-A9: suspending, resuming and terminating a centre's agreement reach the stations designated with it", async () => {
    await designate('D-C3', '2026-01-10', ['D-C3-1', 'D-C3-2']);
    const sign = async (id: string): Promise<string> => {
      const res = await api.post(`/institutions/${id}/agreements`, {
        year: 2026,
        signedOn: '2026-01-10',
        indicators,
        settlementTerms: terms,
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const centre = await sign('D-C3');
    const station = await sign('D-C3-1');
    const other = await sign('D-C3-2');
    const stateOn = async (id: string, date: string): Promise<string> =>
      (await api.get(`/agreements/${id}?date=${date}`)).json<{ stateOnDate: string }>().stateOnDate;
    expect((await api.post('/settlements', visitAt('st-1', 'D-C3-1', '2026-02-01'))).statusCode).toBe(201);

    const suspended = await api.post(
      `/agreements/${centre}/state`,
      { state: 'suspended', effectiveOn: '2026-03-01', reason: '违规整改' },
      '稽核员',
    );
    expect(suspended.statusCode).toBe(200);
    expect(await stateOn(station, '2026-03-02')).toBe('suspended');
    expect(await stateOn(other, '2026-03-02')).toBe('suspended');
    const duringSuspension = await api.post('/settlements', visitAt('st-2', 'D-C3-1', '2026-03-05'));
    expect(duringSuspension.statusCode).toBe(422);

    await api.post(`/agreements/${centre}/state`, {
      state: 'active',
      effectiveOn: '2026-04-01',
      reason: '整改完成',
    });
    expect(await stateOn(station, '2026-04-02')).toBe('active');
    expect((await api.post('/settlements', visitAt('st-3', 'D-C3-1', '2026-04-05'))).statusCode).toBe(201);

    await api.post(`/agreements/${centre}/state`, {
      state: 'terminated',
      effectiveOn: '2026-06-01',
      reason: '欺诈骗保',
    });
    expect(await stateOn(station, '2026-06-02')).toBe('terminated');
    expect(await stateOn(other, '2026-06-02')).toBe('terminated');
    const afterTermination = await api.post('/settlements', visitAt('st-4', 'D-C3-1', '2026-06-05'));
    expect(afterTermination.statusCode).toBe(422);
    expect(afterTermination.json()).toMatchObject({ error: { code: 'no_active_agreement' } });

    const history = (await api.get(`/history/agreement/${station}`)).json<{
      items: { actor: string; reason: string; data: { states: { state: string; reason: string }[] } }[];
    }>();
    expect(history.items.map((v) => v.data.states.at(-1)?.state)).toEqual([
      'active',
      'suspended',
      'active',
      'terminated',
    ]);
    expect(history.items[1]?.actor).toBe('open:稽核员');
    expect(history.items[3]?.data.states.at(-1)?.reason).toMatch(new RegExp(`${centre}.*欺诈骗保`));
  });

  it("a station's own suspension is not lifted when its centre resumes", async () => {
    await designate('D-C4', '2026-01-10', ['D-C4-1']);
    const sign = async (id: string): Promise<string> =>
      (
        await api.post(`/institutions/${id}/agreements`, {
          year: 2026,
          signedOn: '2026-01-10',
          indicators,
          settlementTerms: terms,
        })
      ).json<{ id: string }>().id;
    const centre = await sign('D-C4');
    const station = await sign('D-C4-1');
    await api.post(`/agreements/${station}/state`, {
      state: 'suspended',
      effectiveOn: '2026-02-01',
      reason: '站点自身违规',
    });
    await api.post(`/agreements/${centre}/state`, {
      state: 'suspended',
      effectiveOn: '2026-03-01',
      reason: '中心违规',
    });
    await api.post(`/agreements/${centre}/state`, {
      state: 'active',
      effectiveOn: '2026-04-01',
      reason: '整改完成',
    });
    const s = (await api.get(`/agreements/${station}?date=2026-04-02`)).json<{ stateOnDate: string }>();
    expect(s.stateOnDate).toBe('suspended');
  });

  it('R-A6: an agreement is renewed for the next year from the current one, amendments applied', async () => {
    await designate('D-RN1', '2026-05-01');
    const current = (
      await api.post('/institutions/D-RN1/agreements', {
        id: 'AGR-RN1-2026',
        year: 2026,
        signedOn: '2026-05-01',
        indicators,
        settlementTerms: terms,
      })
    ).json<{ id: string }>();
    await api.post(`/agreements/${current.id}/amendments`, {
      signedOn: '2026-08-01',
      effectiveOn: '2026-08-01',
      changes: { indicators: { drugCostShareMax: 35 } },
      reason: '药占比下调',
    });
    const renewed = await api.post(`/agreements/${current.id}/renew`, { signedOn: '2026-12-20' }, '经办员王');
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json()).toMatchObject({
      institutionId: 'D-RN1',
      year: 2027,
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
      signedOn: '2026-12-20',
      indicators: { ...indicators, drugCostShareMax: 35 },
      settlementTerms: terms,
      amendments: [],
    });
    const again = await api.post(`/agreements/${current.id}/renew`, { signedOn: '2026-12-21' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'agreement_overlap' } });
    expect((await api.post('/agreements/AGR-NONE/renew', { signedOn: '2026-12-21' })).statusCode).toBe(404);
  });

  it('R-A6: a terminated or suspended agreement is not renewed', async () => {
    await designate('D-RN2', '2026-01-05');
    const id = (
      await api.post('/institutions/D-RN2/agreements', {
        year: 2026,
        signedOn: '2026-01-05',
        indicators,
        settlementTerms: terms,
      })
    ).json<{ id: string }>().id;
    await api.post(`/agreements/${id}/state`, {
      state: 'suspended',
      effectiveOn: '2026-11-01',
      reason: '整改',
    });
    const suspended = await api.post(`/agreements/${id}/renew`, { signedOn: '2026-12-20' });
    expect(suspended.statusCode).toBe(409);
    expect(suspended.json()).toMatchObject({ error: { code: 'not_active', field: 'id' } });
    await api.post(`/agreements/${id}/state`, {
      state: 'terminated',
      effectiveOn: '2026-11-15',
      reason: '欺诈骗保',
    });
    expect((await api.post(`/agreements/${id}/renew`, { signedOn: '2026-12-20' })).statusCode).toBe(409);
  });

  it('R-A6: renewal in bulk signs next year for every running agreement of the year before, once', async () => {
    const res = await api.post('/agreements/renewals', { year: 2027, signedOn: '2026-12-28' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      year: number;
      renewed: { institutionId: string; from: string; agreementId: string }[];
      skipped: { institutionId: string; agreementId: string; code: string }[];
    }>();
    expect(body.year).toBe(2027);
    const renewedIds = body.renewed.map((r) => r.institutionId);
    // Running at the end of 2026: renewed; renewed already (D-RN1), terminated: skipped with the reason.
    expect(renewedIds).toEqual(expect.arrayContaining(['D-CL2', 'H002']));
    expect(renewedIds).not.toContain('D-RN1');
    expect(renewedIds).not.toContain('D-RN2');
    expect(renewedIds).not.toContain('D-C3');
    expect(body.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ institutionId: 'D-RN2', code: 'not_active' }),
        expect.objectContaining({ institutionId: 'D-RN1', code: 'agreement_overlap' }),
      ]),
    );
    const h002 = (await api.get('/institutions/H002/agreements?date=2027-03-01')).json<{
      items: { year: number; stateOnDate: string }[];
    }>();
    expect(h002.items.find((a) => a.year === 2027)?.stateOnDate).toBe('active');
    const twice = (await api.post('/agreements/renewals', { year: 2027, signedOn: '2026-12-28' })).json<{
      renewed: unknown[];
    }>();
    expect(twice.renewed).toEqual([]);
  });
});
