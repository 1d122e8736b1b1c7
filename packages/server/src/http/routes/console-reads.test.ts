// The console's read endpoints: dashboard, policy views, requirements catalogue, a settlement's lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { rangeParts } from '../../store/dashboard.js';
import { hospitalVisit, primaryVisit, registerFixtures } from '../../testing/fixtures.js';

describe.each(testDrivers())('console reads on $kind', (driver) => {
  let t: TestApp;
  let reversedId = '';
  beforeAll(async () => {
    t = await createTestApp(driver);
    await registerFixtures(t.app);
    const settle = async (body: object): Promise<string> => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/settlements', payload: body });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json<{ settlementId: string }>().settlementId;
    };
    await settle(primaryVisit('cr-1', 'R001', '2026-03-01')); // primary, fund 36
    await settle(primaryVisit('cr-2', 'R002', '2026-04-02'));
    await settle(hospitalVisit('cr-3', 'E001', 1000)); // secondary, employee, May
    reversedId = await settle(primaryVisit('cr-4', 'R001', '2026-04-05'));
    const rev = await t.app.inject({
      method: 'POST',
      url: `/api/v1/settlements/${reversedId}/reversal`,
      payload: { requestId: 'cr-4-r' },
    });
    if (rev.statusCode !== 201) throw new Error(rev.body);
  });
  afterAll(async () => t.dispose());

  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });

  interface DashboardBody {
    counts: { settlements: number; reversals: number; net: number };
    totals: { fundPay: number; primaryVisitShare: number | null };
    months: Array<{ month: string; visits: number; primaryVisits: number; primaryVisitShare: number | null }>;
    fundByLevel: Array<{ key: string; fundPay: number; visits: number }>;
    fundByScheme: Array<{ key: string; fundPay: number }>;
    counties: string[];
  }

  it('counts settlements and reversals, nets the reversal out of visits and fund, by month and level', async () => {
    const res = await get('/dashboard?from=2026-01-01&to=2026-12-31');
    expect(res.statusCode).toBe(200);
    const body = res.json<DashboardBody>();
    expect(body.counts).toEqual({ settlements: 4, reversals: 1, net: 3 });
    expect(body.months).toHaveLength(12);
    const april = body.months.find((m) => m.month === '2026-04');
    expect(april).toMatchObject({ visits: 1, primaryVisits: 1, primaryVisitShare: 100 });
    const may = body.months.find((m) => m.month === '2026-05');
    expect(may).toMatchObject({ visits: 1, primaryVisits: 0, primaryVisitShare: 0 });
    expect(body.months.find((m) => m.month === '2026-01')?.primaryVisitShare).toBeNull();
    // Two primary visits of three stand: 66.7 %.
    expect(body.totals.primaryVisitShare).toBe(66.7);
    const primary = body.fundByLevel.find((b) => b.key === 'primary');
    expect(primary).toMatchObject({ visits: 2 });
    expect(body.fundByScheme.map((b) => b.key).sort()).toEqual(['employee', 'resident']);
    expect(body.counties).toContain('城关区');
  });

  it('filters by county and refuses an inverted range, naming the field', async () => {
    const other = (await get('/dashboard?from=2026-01-01&to=2026-12-31&county=白河县')).json<DashboardBody>();
    expect(other.counts.settlements).toBe(0);
    const bad = await get('/dashboard?from=2026-12-01&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('from');
  });

  it('gives the same figures before and after the summary folds the tail in (no loss, no double count)', async () => {
    const before = (await get('/dashboard?from=2026-01-01&to=2026-12-31')).json<DashboardBody>();
    // Pretend the settlements are old: the next read folds them into the summary and moves the watermark.
    await t.db.query("UPDATE settlements SET created_at = now() - interval '10 minutes'");
    await t.db.query("UPDATE dashboard_watermark SET summarized_before = now() - interval '1 hour'");
    const after = (await get('/dashboard?from=2026-01-01&to=2026-12-31')).json<DashboardBody>();
    const summarized = await t.db.query<{ n: number }>(
      'SELECT coalesce(sum(n), 0)::int AS n FROM dashboard_monthly',
    );
    expect(summarized[0]?.n).toBe(5);
    expect(after).toEqual(before);
    const again = (await get('/dashboard?from=2026-01-01&to=2026-12-31')).json<DashboardBody>();
    expect(again).toEqual(before);
  });

  it('counts partly covered months day by day, from the summary as from the settlements', async () => {
    // 2026-03-01 … 2026-04-03: the March visit and the one of April 2nd; not April 5th's or its reversal.
    const partial = (await get('/dashboard?from=2026-03-01&to=2026-04-03')).json<DashboardBody>();
    expect(partial.counts).toEqual({ settlements: 2, reversals: 0, net: 2 });
    expect(partial.months.map((m) => [m.month, m.visits])).toEqual([
      ['2026-03', 1],
      ['2026-04', 1],
    ]);
    const inside = (await get('/dashboard?from=2026-04-02&to=2026-04-30')).json<DashboardBody>();
    expect(inside.counts).toEqual({ settlements: 2, reversals: 1, net: 1 });
  });

  it('lists regions with versions and the parameters in force in a version, each with its citation and range', async () => {
    const regions = (await get('/policy/regions')).json<
      Array<{
        code: string;
        versions: Array<{ id: string; until: string | null }>;
      }>
    >();
    const demo = regions.find((r) => r.code === 'demo');
    expect(demo?.versions.map((v) => [v.id, v.until])).toEqual([
      ['2025', '2026-01-01'],
      ['2026', null],
    ]);
    const res = await get('/policy/regions/demo?version=2026');
    expect(res.statusCode).toBe(200);
    const params = res.json().parameters as Array<{
      name: string;
      groups: string[];
      value: unknown;
      until: string | null;
      source: { requirement: string };
    }>;
    const rate = params.find(
      (p) => p.name === 'generalOutpatient.rate' && p.groups.includes('resident/adult'),
    );
    expect(rate).toMatchObject({ value: { primary: 60 }, until: null, source: { requirement: 'R-D1' } });
    expect(rate?.groups.sort()).toEqual(['resident/adult', 'resident/elderly', 'resident/minor']);
    expect(
      params.some((p) => p.name === 'generalOutpatient.rate' && JSON.stringify(p.value).includes('55')),
    ).toBe(false);
    expect((await get('/policy/regions/demo?version=1999')).json().error.field).toBe('version');
    expect((await get('/policy/regions/nowhere')).statusCode).toBe(404);
  });

  it('diffs two versions: the resident rates and caps of 2026 against 2025', async () => {
    const res = await get('/policy/regions/demo/diff?from=2025&to=2026');
    expect(res.statusCode).toBe(200);
    const changes = res.json().changes as Array<{
      name: string;
      change: string;
      groups: string[];
      before: { value: unknown };
      after: { value: unknown };
    }>;
    const cap = changes.find((c) => c.name === 'generalOutpatient.cap');
    expect(cap).toMatchObject({ change: 'value', before: { value: 1000 }, after: { value: 1200 } });
    expect(cap?.groups).toHaveLength(3);
    expect(changes.map((c) => c.name)).not.toContain('inpatient.cap');
    expect((await get('/policy/regions/demo/diff?from=2025')).statusCode).toBe(400);
  });

  it('describes the console endpoints in the OpenAPI document (/docs)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, unknown>;
    }>();
    for (const path of [
      '/api/v1/dashboard',
      '/api/v1/policy/regions',
      '/api/v1/policy/regions/{code}',
      '/api/v1/policy/regions/{code}/diff',
      '/api/v1/requirements',
      '/api/v1/settlements/{settlementId}/visit',
      '/api/v1/persons/{id}/limits',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });

  it("answers a person's year against the limits in force for their group, each with its citation", async () => {
    interface LimitsBody {
      date: string;
      group: string;
      policyVersion: string | null;
      limits: Array<{
        accumulator: string;
        kind: string;
        used: number;
        limit: number | null;
        raised: boolean;
        citation: { requirement: string } | null;
      }>;
    }
    const res = await get('/persons/R001/limits?year=2025');
    expect(res.statusCode).toBe(200);
    const body = res.json<LimitsBody>();
    // A past year is read on its last day, under the version then in force.
    expect(body).toMatchObject({ date: '2025-12-31', group: 'resident/adult' });
    expect(body.policyVersion).not.toBeNull();
    expect(body.limits.map((l) => l.accumulator)).toEqual([
      'outpatientFundPaid',
      'outpatientDeductiblePaid',
      'outpatientInScope',
      'chronicFundPaid',
      'specialDeductiblePaid',
      'inpatientFundPaid',
    ]);
    const cap = body.limits[0];
    expect(cap).toMatchObject({ kind: 'cap', raised: false });
    expect(cap?.limit).toBeGreaterThan(0);
    expect(cap?.citation?.requirement).toMatch(/^R-/);
    // The year's accumulators are the used amounts.
    const ytd = (await get('/persons/R001/accumulators?year=2026')).json<{ ytd: Record<string, number> }>()
      .ytd;
    const now = (await get('/persons/R001/limits?year=2026')).json<LimitsBody>();
    for (const l of now.limits) expect(l.used).toBe(ytd[l.accumulator]);
    const missing = await get('/persons/NOBODY/limits');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found', field: 'id' } });
  });

  it("serves the requirements catalogue with each requirement's documents", async () => {
    const body = (await get('/requirements')).json<{
      documents: Array<{ id: string; title: string }>;
      requirements: Array<{ id: string; text: string; documents: string[] }>;
    }>();
    expect(body.documents.map((d) => d.id)).toContain('S1');
    const rd2 = body.requirements.find((r) => r.id === 'R-D2');
    expect(rd2?.text.length).toBeGreaterThan(10);
    expect(rd2?.documents.length).toBeGreaterThan(0);
  });

  it("gives a settlement's lines with names and prices, and a reversal's the negated lines of its original", async () => {
    const res = await get(`/settlements/${reversedId}/visit`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      visit: { kind: string };
      lines: Array<{ name: string; quantity: number; unitPrice: number; total: number }>;
    }>();
    expect(body.visit.kind).toBe('outpatient');
    expect(body.lines.map((l) => [l.name, l.quantity, l.unitPrice, l.total])).toEqual([
      ['诊查费', 1, 10, 10],
      ['乙类药品', 2, 25, 50],
      ['自费药品', 1, 20, 20],
    ]);
    const list = (await get(`/settlements?personId=R001&from=2026-04-01&to=2026-04-30`)).json<{
      items: Array<{ settlementId: string; reverses: string | null }>;
    }>();
    const reversal = list.items.find((s) => s.reverses === reversedId);
    const negated = (await get(`/settlements/${reversal?.settlementId ?? ''}/visit`)).json<typeof body>();
    expect(negated.visit.kind).toBe('outpatient');
    expect(negated.lines.map((l) => l.total)).toEqual([-10, -50, -20]);
    expect((await get('/settlements/nope/visit')).statusCode).toBe(404);
  });
});

describe('the dashboard range split', () => {
  it('reads whole months from the summary and the days around them from the settlements', () => {
    expect(rangeParts('2026-01-01', '2026-12-31')).toEqual({
      months: { first: '2026-01-01', last: '2026-12-01' },
      edges: [],
    });
    expect(rangeParts('2026-01-15', '2026-03-10')).toEqual({
      months: { first: '2026-02-01', last: '2026-02-01' },
      edges: [
        { from: '2026-01-15', to: '2026-01-31' },
        { from: '2026-03-01', to: '2026-03-10' },
      ],
    });
    expect(rangeParts('2026-02-03', '2026-02-20')).toEqual({
      months: null,
      edges: [{ from: '2026-02-03', to: '2026-02-20' }],
    });
    expect(rangeParts('2024-02-01', '2024-02-29')).toEqual({
      months: { first: '2024-02-01', last: '2024-02-01' },
      edges: [],
    });
    expect(rangeParts('2025-12-31', '2026-01-01')).toEqual({
      months: null,
      edges: [{ from: '2025-12-31', to: '2026-01-01' }],
    });
  });
});
