// 事后 runs on stored settlements (SUPERVISION_RULES.md §5, issue 15 §3): the worked examples
// E08–E17 through POST /supervision/runs and GET /supervision/alerts, alert identities unique in the
// database (re-run, overlapping ranges, two runs at once), incremental runs, exemptions, reversals,
// the family-doctor views (R-F3) and the indicators (§8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AlertPage, Indicators, SupervisionRun } from '@yibao/api';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { EXAMPLES, EXPECTED } from './examples.js';
import { seedRegistry, storeReversal, storeSettlement } from './testing.js';
import { supervisedRegion } from './library.js';
import { prepareRun } from './run.js';
import { loadPolicy } from '../settle/calculator.js';
import { repositoryPolicyDir } from '../policy-release/load.js';

const YEAR = { from: '2026-01-01', to: '2026-12-31', runOn: '2026-07-01' };

describe.each(testDrivers())('supervision runs on $kind', (driver) => {
  let t: TestApp;
  const post = async (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/supervision/runs', payload });
  const run = async (payload: object): Promise<SupervisionRun> => {
    const res = await post(payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<SupervisionRun>();
  };
  const alerts = async (query = ''): Promise<AlertPage> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/supervision/alerts?pageSize=500${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AlertPage>();
  };
  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const [row] = await t.db.query<{ n: string | number }>(sql, params);
    return Number(row?.n ?? 0);
  };

  beforeAll(async () => {
    t = await createTestApp(driver);
    await seedRegistry(t.db);
    for (const s of EXAMPLES) await storeSettlement(t.db, s);
  });
  afterAll(async () => t.dispose());

  it('raises exactly the alerts of E08–E17 over 2026, with evidence, routing and the appeal deadline', async () => {
    const done = await run(YEAR);
    expect(done).toMatchObject({
      status: 'done',
      raised: EXPECTED.length,
      runOn: '2026-07-01',
      incremental: false,
    });
    const page = await alerts();
    expect(page.total).toBe(EXPECTED.length);
    const got = [...page.items].sort((a, b) => (a.ruleId < b.ruleId ? -1 : 1));
    expect(
      got.map((a) => ({
        ruleId: a.ruleId,
        settlementId: a.settlementId,
        line: a.line,
        amount: a.amount,
        institutionId: a.institutionId,
        personId: a.personId,
        evidence: a.evidence,
        contractId: a.contractId,
      })),
    ).toEqual(EXPECTED);
    for (const a of got) {
      expect(a).toMatchObject({
        status: 'open',
        raisedOn: '2026-07-01',
        appealDeadline: '2026-07-11',
        pool: 'resident',
      });
      expect(a.history).toEqual([
        { status: 'open', on: '2026-07-01', by: 'open', at: expect.any(String) as string, reason: null },
      ]);
      expect(a.doctor).toBe(a.contractId === null ? null : '王医生');
    }
    expect(got.find((a) => a.ruleId === 'F-09')?.fund).toBe('inpatient');
    expect(got.find((a) => a.ruleId === 'F-08')?.fund).toBe('outpatient');
  });

  it('a re-run, overlapping ranges and a full re-run create nothing twice', async () => {
    expect((await run(YEAR)).raised).toBe(0);
    expect((await run({ from: '2026-03-15', to: '2026-09-30', runOn: '2026-10-01' })).raised).toBe(0);
    expect((await run({ from: '2026-04-20', to: '2026-05-15', full: true })).raised).toBe(0);
    expect(await count('SELECT count(*) AS n FROM supervision_alerts')).toBe(EXPECTED.length);
    expect(await count('SELECT count(*) AS n FROM supervision_alert_history')).toBe(EXPECTED.length);
  });

  it('a run over one day raises the alert whose evidence is on that day, even when its subject is later (§5)', async () => {
    // Only the first of m's two stays is dated 04-10: the F-09 alert on the second has it as evidence.
    await t.db.query(
      `DELETE FROM supervision_alert_history WHERE alert_id IN (SELECT id FROM supervision_alerts WHERE rule_id = 'F-09')`,
    );
    await t.db.query(`DELETE FROM supervision_alerts WHERE rule_id = 'F-09'`);
    const day = await run({ from: '2026-04-10', to: '2026-04-10', runOn: '2026-07-01', full: true });
    expect(day.raised).toBe(1);
    expect((await alerts('&ruleId=F-09')).items.map((a) => a.settlementId)).toEqual(['e09b']);
  });

  it('is incremental: a covered range judges only persons with a settlement stored since', async () => {
    const again = await run({ from: '2026-03-01', to: '2026-03-31', runOn: '2026-07-01' });
    expect(again).toMatchObject({ incremental: true, raised: 0, progress: { done: 0, total: 0 } });
    // k's third visit of 03-05, stored now: k alone is judged again, and F-12 is raised.
    for (const id of ['k1', 'k2'])
      await storeSettlement(t.db, { id, person: 'k', at: 'C1', date: '2026-03-05', fund: 6 });
    await storeSettlement(t.db, {
      id: 'k3',
      person: 'k',
      at: 'C2',
      date: '2026-03-05',
      fund: 6,
      storedNow: true,
    });
    const next = await run({ from: '2026-03-01', to: '2026-03-31', runOn: '2026-07-01' });
    expect(next).toMatchObject({ incremental: true, raised: 1, progress: { done: 1, total: 1 } });
    expect((await alerts('&personId=k')).items.map((a) => [a.ruleId, a.settlementId])).toEqual([
      ['F-12', 'k3'],
    ]);
    // A range with a day never covered is a full run.
    const wider = await run({ from: '2027-01-01', to: '2027-01-02', runOn: '2027-01-03' });
    expect(wider.incremental).toBe(false);
  });

  it('two runs at once create each new alert once', async () => {
    for (const id of ['g1', 'g2', 'g3'])
      await storeSettlement(t.db, {
        id,
        person: 'g',
        at: 'C1',
        date: '2026-12-05',
        fund: 6,
        storedNow: true,
      });
    const other = driver.kind === 'postgres' ? await t.another() : t.app;
    const body = { from: '2026-12-01', to: '2026-12-31', runOn: '2026-12-31', full: true };
    const [a, b] = await Promise.all([
      post(body),
      other.inject({ method: 'POST', url: '/api/v1/supervision/runs', payload: body }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect((a.json<SupervisionRun>().raised ?? 0) + (b.json<SupervisionRun>().raised ?? 0)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM supervision_alerts WHERE settlement_id = 'g3'`)).toBe(1);
  });

  it('an exemption keeps later runs from raising what it covers, and only that', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/exemptions',
      payload: { ruleId: 'F-99', personId: 'n', from: '2026-01-01', to: '2026-01-31', reason: '计划性' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'unknown_rule', field: 'ruleId' } });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/exemptions',
      payload: {
        ruleId: 'F-09',
        personId: 'n',
        from: '2026-02-01',
        to: '2026-02-28',
        reason: '分期手术计划',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ruleId: 'F-09', personId: 'n', by: 'open' });
    // n and k are readmitted alike in February; n is exempt, k is not.
    for (const p of ['n', 'k']) {
      await storeSettlement(t.db, {
        id: `${p}-s1`,
        person: p,
        at: 'H2',
        date: '2026-02-05',
        admission: '2026-02-01',
        kind: 'inpatient',
        diagnosis: 'K80.1',
        fund: 500,
        lines: [{ code: 'SURGERY', inScope: 800 }],
      });
      await storeSettlement(t.db, {
        id: `${p}-s2`,
        person: p,
        at: 'H2',
        date: '2026-02-15',
        admission: '2026-02-10',
        kind: 'inpatient',
        diagnosis: 'K80.2',
        fund: 500,
        lines: [{ code: 'SURGERY', inScope: 800 }],
      });
    }
    await run({ from: '2026-02-01', to: '2026-02-28', runOn: '2026-03-01' });
    expect((await alerts('&ruleId=F-09&from=2026-02-01&to=2026-02-28')).items.map((a) => a.personId)).toEqual(
      ['k'],
    );
  });

  it('a reversal after the alert leaves the alert; a reversed settlement raises nothing new', async () => {
    await storeReversal(t.db, 'e12c-r', { id: 'e12c', person: 'f', at: 'S1', date: '2026-07-01' });
    await run({ ...YEAR, full: true });
    expect((await alerts('&ruleId=F-12&personId=f')).items.map((a) => a.settlementId)).toEqual(['e12c']);
    // A fresh F-12 day for m whose third visit is reversed before any run: nothing.
    await storeSettlement(t.db, { id: 'm1', person: 'm', at: 'C1', date: '2026-01-20', fund: 6 });
    await storeSettlement(t.db, { id: 'm2', person: 'm', at: 'C1', date: '2026-01-20', fund: 6 });
    await storeSettlement(t.db, { id: 'm3', person: 'm', at: 'C1', date: '2026-01-20', fund: 6 });
    await storeReversal(t.db, 'm3-r', { id: 'm3', person: 'm', at: 'C1', date: '2026-01-20' });
    expect((await run({ from: '2026-01-20', to: '2026-01-20', full: true })).raised).toBe(0);
  });

  it('lists the family-doctor alerts by city, district, centre and doctor (R-F3)', async () => {
    const city = await alerts('&familyDoctor=true');
    expect(city.items.map((a) => a.ruleId).sort()).toEqual(['F-14', 'F-15', 'F-16', 'F-17']);
    expect((await alerts('&familyDoctor=true&county=城东区')).total).toBe(4);
    expect((await alerts('&familyDoctor=true&county=城西区')).total).toBe(0);
    expect((await alerts('&familyDoctor=true&institutionId=C1&doctor=王医生')).total).toBe(4);
    expect((await alerts('&contractId=K-d')).items.map((a: Alert) => a.ruleId)).toEqual(['F-17']);
    // g's F-12 of 12-05 (the concurrent runs' test) is C1's too.
    expect((await alerts('&familyDoctor=false&institutionId=C1')).items.map((a) => a.ruleId).sort()).toEqual([
      'F-08',
      'F-11',
      'F-12',
    ]);
  });

  it('pages the list and refuses bad filters naming the field', async () => {
    const paged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/supervision/alerts?pageSize=2&page=1&institutionId=C1',
    });
    const first = paged.json<AlertPage>();
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 7 });
    expect(first.items).toHaveLength(2);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/supervision/alerts?status=closed' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'status' } });
    const range = await post({ from: '2026-05-01', to: '2026-04-01' });
    expect(range.statusCode).toBe(400);
    expect(range.json()).toMatchObject({ error: { code: 'invalid_range', field: 'to' } });
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/supervision/runs/nope' });
    expect(missing.statusCode).toBe(404);
  });

  it('GET /runs/{runId} answers the finished run with its progress', async () => {
    const done = await run({ from: '2026-06-01', to: '2026-06-30', runOn: '2026-07-01' });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/supervision/runs/${done.runId}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      runId: done.runId,
      status: 'done',
      raised: done.raised,
      from: '2026-06-01',
    });
  });

  it('indicators per institution and month, outpatient and inpatient apart, and the region (§8)', async () => {
    const h2 = await t.app.inject({
      method: 'GET',
      url: '/api/v1/supervision/indicators?institutionId=H2&year=2026&month=4',
    });
    expect(h2.statusCode, h2.body).toBe(200);
    const ind = h2.json<Indicators>();
    expect(ind.inpatient).toMatchObject({
      stays: 4,
      totalCost: 10400,
      fundPay: 6400,
      costPerStay: 2600,
      readmissionRate: 25,
    });
    expect(ind.outpatient).toMatchObject({ visits: 0, costPerVisit: null, drugShare: null });
    expect(ind.primaryShare).toBeUndefined();
    const region = await t.app.inject({
      method: 'GET',
      url: '/api/v1/supervision/indicators?year=2026&month=7',
    });
    const r = region.json<Indicators>();
    // July: f's three (one reversed since) and g's three visits; C1, C2, S1 are primary.
    expect(r.outpatient.visits).toBe(5);
    expect(r.primaryShare).toEqual({ outpatient: 100, inpatient: null });
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/supervision/indicators?year=2026&month=13',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'month' } });
  });
});

describe.each(testDrivers())('a run cut into small chunks on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
    await seedRegistry(t.db);
    for (const s of EXAMPLES) await storeSettlement(t.db, s);
  });
  afterAll(async () => t.dispose());

  it('raises and counts the same alerts with several chunks in flight, and reports progress to the end', async () => {
    const region = supervisedRegion(loadPolicy(repositoryPolicyDir()).book);
    const prepared = await prepareRun(t.db, region, { ...YEAR, full: true }, 'test', {
      personsPerChunk: 2,
      chunksInFlight: 3,
    });
    const seen: number[] = [];
    const raised = await prepared.execute((done) => seen.push(done));
    expect(raised).toBe(EXPECTED.length);
    const [row] = await t.db.query<{ n: string | number }>('SELECT count(*) AS n FROM supervision_alerts');
    expect(Number(row?.n)).toBe(EXPECTED.length);
    expect(seen.at(-1)).toBe(10); // the ten persons the examples settle (k has none)
    const run = await t.app.inject({ method: 'GET', url: `/api/v1/supervision/runs/${prepared.runId}` });
    expect(run.json()).toMatchObject({
      status: 'done',
      raised: EXPECTED.length,
      progress: { done: 10, total: 10 },
    });
  });
});
