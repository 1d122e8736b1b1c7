// Agreement assessment, credit rating, satisfaction, complaints and disclosure (R-A7, R-A8, R-A10):
// indicators measured from the period's settlements (reversals netted), scored and published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { registerFixtures } from '../testing/fixtures.js';
import { client, type Client } from './testing.js';

const lines = [
  { code: 'A1', name: '检查费', kind: 'service', class: 'A', quantity: 1, unitPrice: 1000 },
  { code: 'D1', name: '甲类药品', kind: 'drug', class: 'A', quantity: 1, unitPrice: 100 },
  { code: 'S1', name: '自费药品', kind: 'drug', class: 'self', quantity: 1, unitPrice: 50, consent: true },
];

describe.each(testDrivers())('assessment and disclosure on $kind', (driver) => {
  let t: TestApp;
  let api: Client;
  let assessmentId = '';
  beforeAll(async () => {
    t = await createTestApp(driver);
    api = client(t.app);
    await registerFixtures(t.app);
    await api.post('/institutions/H002/agreements', {
      id: 'AGR-H002-2026',
      year: 2026,
      signedOn: '2025-12-20',
      indicators: {
        drugCostShareMax: 30,
        selfPaidDrugShareMax: 10,
        totalControlAmount: 1000,
        satisfactionMin: 80,
      },
      settlementTerms: { method: 'monthly', paymentDays: 30, qualityDepositPercent: 5 },
    });
    const visit = (requestId: string) => ({
      requestId,
      personId: 'E001',
      institutionId: 'H002',
      date: '2026-03-10',
      visit: { kind: 'outpatient' },
      items: lines,
    });
    await api.post('/settlements', visit('sup-1'));
    const second = (await api.post('/settlements', visit('sup-2'))).json<{ settlementId: string }>();
    await api.post(`/settlements/${second.settlementId}/reversal`, { requestId: 'sup-2-rev' });
    await api.post('/institutions/H002/satisfaction-surveys', {
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      respondents: 100,
      satisfied: 70,
    });
    const c1 = (
      await api.post('/institutions/H002/complaints', {
        kind: 'report',
        receivedOn: '2026-04-01',
        summary: '分解住院',
      })
    ).json<{ id: string }>();
    const c2 = (
      await api.post('/institutions/H002/complaints', {
        kind: 'complaint',
        receivedOn: '2026-05-01',
        summary: '服务态度',
      })
    ).json<{ id: string }>();
    await api.post(`/complaints/${c1.id}/closure`, {
      state: 'substantiated',
      resolution: '查实，追回基金',
      closedOn: '2026-04-20',
    });
    await api.post(`/complaints/${c2.id}/closure`, {
      state: 'unfounded',
      resolution: '经核查不实',
      closedOn: '2026-05-10',
    });
  });
  afterAll(async () => t.dispose());

  it("R-A7: measures the indicators from the period's settlements, reversals netted out", async () => {
    const res = await api.post('/agreements/AGR-H002-2026/assessments', {
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      assessedOn: '2026-07-15',
    });
    expect(res.statusCode).toBe(201);
    const a = res.json<{
      id: string;
      measured: Record<string, unknown>;
      findings: { indicator: string; met: boolean | null; points: number; threshold: number }[];
    }>();
    assessmentId = a.id;
    // one visit left after the reversal: 1,150.00 in all, drugs 150.00 of which self-paid 50.00;
    // employee in service, secondary: (1,100 − 500 deductible) × 70% = 420.00 from the fund
    expect(a.measured).toMatchObject({
      visits: 1,
      totalCost: 1150,
      fundPay: 420,
      costPerVisit: 1150,
      drugCostShare: 13,
      selfPaidDrugShare: 33.3,
      satisfaction: 70,
      complaintsSubstantiated: 1,
    });
    const by = (k: string) => a.findings.find((f) => f.indicator === k);
    expect(by('drugCostShareMax')).toMatchObject({ met: true, points: 0 });
    expect(by('selfPaidDrugShareMax')).toMatchObject({ met: false, points: 15 });
    // the yearly total control pro rata: 181 of 365 days → 1,000 × 181/365 = 495.89
    expect(by('totalControlAmount')).toMatchObject({ met: true, threshold: 495.89 });
    expect(by('satisfactionMin')).toMatchObject({ met: false, points: 10 });
    expect(by('complaints')).toMatchObject({ met: false, points: 5 });
  });

  it('R-A8: scores 100 − 15 − 10 − 5 = 70, rated C with its consequence and half the quality deposit back', async () => {
    const a = (await api.get(`/assessments/${assessmentId}`)).json();
    expect(a).toMatchObject({ score: 70, rating: 'C', depositReturnPercent: 50, published: false });
    expect(a.consequence).toMatch(/从严审核/);
  });

  it("assesses a period once, and only within the agreement's term", async () => {
    expect(
      (
        await api.post('/agreements/AGR-H002-2026/assessments', {
          periodFrom: '2026-01-01',
          periodTo: '2026-06-30',
          assessedOn: '2026-07-16',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await api.post('/agreements/AGR-H002-2026/assessments', {
          periodFrom: '2025-07-01',
          periodTo: '2025-12-31',
          assessedOn: '2026-01-16',
        })
      ).json(),
    ).toMatchObject({ error: { field: 'periodFrom' } });
  });

  it('R-A7/R-A10: results are public only once published; the disclosure shows fees, satisfaction and complaints', async () => {
    expect((await api.get('/public/assessments?year=2026')).json().items).toEqual([]);
    expect((await api.get('/public/institutions/H002/disclosure?year=2026')).json().assessment).toBeNull();
    expect((await api.post(`/assessments/${assessmentId}/publication`, {})).statusCode).toBe(200);
    expect((await api.post(`/assessments/${assessmentId}/publication`, {})).statusCode).toBe(409);
    const published = (await api.get('/public/assessments?year=2026')).json().items;
    expect(published.map((x: { id: string }) => x.id)).toEqual([assessmentId]);
    const d = (await api.get('/public/institutions/H002/disclosure?year=2026')).json();
    expect(d).toMatchObject({
      visits: 1,
      costPerVisit: 1150,
      satisfaction: 70,
      complaints: { received: 2, substantiated: 1 },
      assessment: { rating: 'C', score: 70 },
    });
  });

  it('R-A10: a complaint is closed once; a survey cannot count more satisfied than asked', async () => {
    const c = (await api.get('/institutions/H002/complaints')).json().items[0];
    expect(
      (
        await api.post(`/complaints/${c.id}/closure`, {
          state: 'unfounded',
          resolution: 'x',
          closedOn: '2026-06-01',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await api.post('/institutions/H002/satisfaction-surveys', {
          periodFrom: '2026-07-01',
          periodTo: '2026-12-31',
          respondents: 10,
          satisfied: 11,
        })
      ).json(),
    ).toMatchObject({ error: { field: 'satisfied' } });
  });
});
