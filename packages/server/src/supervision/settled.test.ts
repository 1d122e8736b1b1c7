// The batch rules on settlements made by the settlement service itself (not rows written by a test):
// what the service stores is what the run reads — the visit's admission date, a line refused at
// settlement (invisible to the 事后 rules), a reversal (invisible too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertPage, SupervisionRun } from '@yibao/api';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { registerFixtures } from '../testing/fixtures.js';

const consult = {
  code: '110200001',
  name: '诊查费',
  kind: 'service',
  class: 'A',
  quantity: 1,
  unitPrice: 10,
};
const ct = {
  code: '210103001',
  name: '胸部CT平扫',
  kind: 'service',
  class: 'A',
  quantity: 1,
  unitPrice: 200,
};
const bed = { code: '110900001', name: '床位费', kind: 'service', class: 'A', quantity: 9, unitPrice: 50 };

describe.each(testDrivers())('batch rules on settled visits on $kind', (driver) => {
  let t: TestApp;
  let n = 0;
  const settle = async (
    personId: string,
    institutionId: string,
    date: string,
    visit: object,
    items: object[],
  ) => {
    n++;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/settlements',
      payload: { requestId: `sup-${String(n)}`, personId, institutionId, date, visit, items },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ settlementId: string; fundPay: number }>();
  };
  const run = async (from: string, to: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/runs',
      payload: { from, to, runOn: '2026-07-01', full: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<SupervisionRun>();
  };
  const alerts = async (query: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/supervision/alerts?${query}` })).json<AlertPage>();

  beforeAll(async () => {
    t = await createTestApp(driver);
    await registerFixtures(t.app);
  });
  afterAll(async () => t.dispose());

  it('F-11: a visit during a stay whose admission date the service stored', async () => {
    const visit = await settle('R001', 'C001', '2026-04-05', { kind: 'outpatient' }, [consult]);
    await settle(
      'R001',
      'H001',
      '2026-04-10',
      { kind: 'inpatient', admissionDate: '2026-04-01', diagnosis: 'J18.9' },
      [bed],
    );
    await run('2026-04-01', '2026-04-30');
    const page = await alerts('ruleId=F-11&personId=R001');
    expect(page.items.map((a) => [a.settlementId, a.amount, a.institutionId])).toEqual([
      [visit.settlementId, visit.fundPay, 'C001'],
    ]);
  });

  it('F-12 counts settled visits and not a reversed one', async () => {
    await settle('E001', 'C001', '2026-05-06', { kind: 'outpatient' }, [consult]);
    await settle('E001', 'C001-1', '2026-05-06', { kind: 'outpatient' }, [consult]);
    const third = await settle('E001', 'H002', '2026-05-06', { kind: 'outpatient' }, [consult]);
    await settle('E002', 'C001', '2026-05-07', { kind: 'outpatient' }, [consult]);
    await settle('E002', 'C001-1', '2026-05-07', { kind: 'outpatient' }, [consult]);
    const reversed = await settle('E002', 'H002', '2026-05-07', { kind: 'outpatient' }, [consult]);
    const rev = await t.app.inject({
      method: 'POST',
      url: `/api/v1/settlements/${reversed.settlementId}/reversal`,
      payload: { requestId: 'sup-rev-1' },
    });
    expect(rev.statusCode, rev.body).toBe(201);
    await run('2026-05-01', '2026-05-31');
    expect(
      (await alerts('ruleId=F-12&from=2026-05-01&to=2026-05-31')).items.map((a) => a.settlementId),
    ).toEqual([third.settlementId]);
  });

  it('F-13 compares exams of two settled visits within the window', async () => {
    await settle('R002', 'H002', '2026-06-01', { kind: 'outpatient' }, [ct]);
    const second = await settle('R002', 'H001', '2026-06-10', { kind: 'outpatient' }, [ct]);
    await run('2026-06-01', '2026-06-30');
    const page = await alerts('ruleId=F-13&personId=R002');
    expect(page.items.map((a) => [a.settlementId, a.line])).toEqual([[second.settlementId, 0]]);
  });
});
