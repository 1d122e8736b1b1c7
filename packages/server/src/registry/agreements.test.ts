// Service agreements (R-A5, R-A6, R-A9, R-A14): signed with designated institutions, one at a time,
// amended by supplementary agreements, suspended / resumed / terminated with reasons and dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { registerFixtures } from '../testing/fixtures.js';
import { allCriteriaMet, client, indicators, terms, type Client } from './testing.js';

describe.each(testDrivers())('agreements on $kind', (driver) => {
  let t: TestApp;
  let api: Client;
  let agreementId = '';
  beforeAll(async () => {
    t = await createTestApp(driver);
    api = client(t.app);
    await registerFixtures(t.app);
  });
  afterAll(async () => t.dispose());

  it('R-A6: no agreement with an institution that is not designated', async () => {
    await api.post('/applications', {
      institution: { id: 'APPL-1', name: '申请中诊所', type: 'clinic', level: 'primary', county: '城关区' },
      submittedOn: '2026-01-02',
      criteria: allCriteriaMet(),
    });
    const res = await api.post('/institutions/APPL-1/agreements', {
      year: 2026,
      signedOn: '2026-01-10',
      indicators,
      settlementTerms: terms,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'not_designated', field: 'institutionId' } });
  });

  it('R-A6: signs a yearly agreement with its indicators and terms; a second over the same term is refused', async () => {
    const res = await api.post(
      '/institutions/H002/agreements',
      { year: 2027, signedOn: '2026-12-20', indicators, settlementTerms: terms },
      '经办员王',
    );
    expect(res.statusCode).toBe(201);
    const a = res.json<{ id: string; validFrom: string; validTo: string; states: { state: string }[] }>();
    agreementId = a.id;
    expect([a.validFrom, a.validTo]).toEqual(['2027-01-01', '2027-12-31']);
    expect(a.states.map((s) => s.state)).toEqual(['active']);
    const again = await api.post('/institutions/H002/agreements', {
      year: 2027,
      signedOn: '2026-12-21',
      indicators,
      settlementTerms: terms,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'agreement_overlap' } });
  });

  it('R-A5/R-A6: a supplementary agreement changes the indicators from its date, not before', async () => {
    const res = await api.post(`/agreements/${agreementId}/amendments`, {
      signedOn: '2027-05-20',
      effectiveOn: '2027-06-01',
      changes: { indicators: { drugCostShareMax: 35 } },
      reason: '药占比指标下调',
    });
    expect(res.statusCode).toBe(201);
    const may = (await api.get(`/agreements/${agreementId}?date=2027-05-31`)).json<{
      indicatorsOnDate: { drugCostShareMax: number; totalControlAmount: number };
    }>();
    const june = (await api.get(`/agreements/${agreementId}?date=2027-06-01`)).json<{
      indicatorsOnDate: { drugCostShareMax: number; totalControlAmount: number };
    }>();
    expect(may.indicatorsOnDate.drugCostShareMax).toBe(40);
    expect(june.indicatorsOnDate).toMatchObject({ drugCostShareMax: 35, totalControlAmount: 5_000_000 });
    const outside = await api.post(`/agreements/${agreementId}/amendments`, {
      signedOn: '2027-05-20',
      effectiveOn: '2028-01-01',
      changes: { indicators: { drugCostShareMax: 30 } },
      reason: 'x',
    });
    expect(outside.json()).toMatchObject({ error: { field: 'effectiveOn' } });
  });

  it('R-A9: suspends and resumes with reasons and dates; the state on each date follows', async () => {
    expect(
      (
        await api.post(`/agreements/${agreementId}/state`, {
          state: 'suspended',
          effectiveOn: '2027-03-01',
          reason: '违规收费，暂停协议',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await api.post(`/agreements/${agreementId}/state`, {
          state: 'active',
          effectiveOn: '2027-04-01',
          reason: '整改到位',
        })
      ).statusCode,
    ).toBe(200);
    const on = async (d: string): Promise<string> =>
      (await api.get(`/agreements/${agreementId}?date=${d}`)).json<{ stateOnDate: string }>().stateOnDate;
    expect(await on('2027-02-28')).toBe('active');
    expect(await on('2027-03-15')).toBe('suspended');
    expect(await on('2027-04-01')).toBe('active');
    expect(await on('2028-01-01')).toBe('not_in_term');
  });

  it('R-A9: termination is final, and a change cannot predate the last one', async () => {
    const early = await api.post(`/agreements/${agreementId}/state`, {
      state: 'terminated',
      effectiveOn: '2027-03-15',
      reason: 'x',
    });
    expect(early.json()).toMatchObject({ error: { field: 'effectiveOn' } });
    expect(
      (
        await api.post(`/agreements/${agreementId}/state`, {
          state: 'terminated',
          effectiveOn: '2027-10-01',
          reason: '考核不合格',
        })
      ).statusCode,
    ).toBe(200);
    const resume = await api.post(`/agreements/${agreementId}/state`, {
      state: 'active',
      effectiveOn: '2027-11-01',
      reason: '申诉',
    });
    expect(resume.statusCode).toBe(409);
    expect(resume.json<{ error: { message: string } }>().error.message).toMatch(/^R-A9/);
  });

  it('keeps each version with its actor, and reads the agreement as it was recorded at a past moment', async () => {
    const history = (await api.get(`/history/agreement/${agreementId}`)).json<{
      items: { version: number; actor: string; recordedAt: string }[];
    }>();
    expect(history.items.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
    expect(history.items[0]?.actor).toBe('open:经办员王');
    const first = history.items[0]?.recordedAt ?? '';
    const asOf = (await api.get(`/history/agreement/${agreementId}?asOf=${encodeURIComponent(first)}`)).json<{
      version: number;
      data: { amendments: unknown[] };
    }>();
    expect(asOf.version).toBe(1);
    expect(asOf.data.amendments).toEqual([]);
    expect((await api.get(`/history/agreement/${agreementId}?asOf=2000-01-01`)).statusCode).toBe(404);
  });

  it('R-A14: keeps the drug and service lists, replaced whole, with prices', async () => {
    const put = await api.put('/institutions/C001/catalogue', {
      drugs: [
        { code: 'XA01', name: '二甲双胍片', genericName: '盐酸二甲双胍', dosageForm: '片剂', price: 12.5 },
      ],
      services: [{ code: '110200001', name: '普通门诊诊查费', price: 10 }],
    });
    expect(put.statusCode).toBe(200);
    const got = (await api.get('/institutions/C001/catalogue')).json<{
      drugs: { price: number }[];
      services: unknown[];
    }>();
    expect(got.drugs[0]?.price).toBe(12.5);
    const dup = await api.put('/institutions/C001/catalogue', {
      drugs: [
        { code: 'A', name: 'a' },
        { code: 'A', name: 'b' },
      ],
      services: [],
    });
    expect(dup.json()).toMatchObject({ error: { field: 'drugs[1].code' } });
    expect((await api.get('/institutions/C001/catalogue')).json<{ drugs: unknown[] }>().drugs).toHaveLength(
      1,
    );
  });
});
