// 事中 at preview and settlement through the service (SUPERVISION_CONTRACT.md, SUPERVISION_RULES.md §4):
// the person's registered sex and birth date decide F-02 / F-03, never the caller; the refused line is
// marked on the answer, on the stored record and in the trace; the new fields are validated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { INSTITUTIONS } from '../testing/fixtures.js';
import type { ErrorBody } from '../testing/json.js';

interface Line {
  code: string;
  total: number;
  institutionBorne: number;
  refusedBy?: string;
  refusedAmount?: number;
}
interface Answer {
  settlementId: string;
  fundPay: number;
  institutionBorne: number;
  items: Line[];
  trace: { rule: string; supervisionRule?: string; item?: number; applied?: boolean }[];
}

const psa = { code: '250404001', name: 'PSA', kind: 'service', class: 'A', quantity: 1, unitPrice: 80 };
const consult = {
  code: '110200001',
  name: '诊查费',
  kind: 'service',
  class: 'A',
  quantity: 1,
  unitPrice: 10,
};

function visit(requestId: string, personId: string, extra: Record<string, unknown> = {}) {
  return {
    requestId,
    personId,
    institutionId: 'C001',
    date: '2026-03-02',
    visit: { kind: 'outpatient' },
    items: [psa, consult],
    ...extra,
  };
}

describe.each(testDrivers())('事中 rules at settlement on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
    for (const payload of INSTITUTIONS)
      await t.app.inject({ method: 'POST', url: '/api/v1/institutions', payload });
    const person = (id: string, extra: object) => ({
      id,
      name: '测试',
      scheme: 'resident',
      category: 'adult',
      region: 'demo',
      ...extra,
    });
    for (const payload of [
      person('SF1', { sex: 'female', birthDate: '1985-02-01' }),
      person('SM1', { sex: 'male', birthDate: '1970-05-10' }),
      person('SX1', {}),
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/persons', payload });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.dispose());

  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload });

  it('registers sex and birth date and answers them; a person without them answers null', async () => {
    const f = (await t.app.inject({ method: 'GET', url: '/api/v1/persons/SF1' })).json<
      Record<string, unknown>
    >();
    expect(f).toMatchObject({ sex: 'female', birthDate: '1985-02-01' });
    const x = (await t.app.inject({ method: 'GET', url: '/api/v1/persons/SX1' })).json<
      Record<string, unknown>
    >();
    expect(x).toMatchObject({ sex: null, birthDate: null });
  });

  it('refuses the other sex’s item from the registry’s sex: marked, institution-borne, traced, stored', async () => {
    const preview = await post('/settlements/preview', { ...visit('unused', 'SF1'), requestId: undefined });
    expect(preview.statusCode, preview.body).toBe(200);
    const settled = await post('/settlements', visit('f02-1', 'SF1'));
    expect(settled.statusCode, settled.body).toBe(201);
    const body = settled.json<Answer>();
    expect(preview.json<Answer>().items[0]).toEqual(body.items[0]);
    expect(body.items[0]).toMatchObject({ refusedBy: 'F-02', refusedAmount: 80, institutionBorne: 80 });
    expect(body.items[1]?.refusedBy).toBeUndefined();
    expect(body.fundPay).toBe(6);
    expect(body.trace).toContainEqual(
      expect.objectContaining({ rule: 'R-F1', supervisionRule: 'F-02', item: 0, amount: 80 }),
    );
    const read = (
      await t.app.inject({ method: 'GET', url: `/api/v1/settlements/${body.settlementId}` })
    ).json<Answer>();
    expect(read.items[0]).toMatchObject({ refusedBy: 'F-02', refusedAmount: 80 });
    // The stored line carries the refusal for the batch rules (they never see it again).
    const rows = await t.db.query<{ lines: { refused_by: string | null }[] }>(
      'SELECT lines FROM settlements WHERE id = $1',
      [body.settlementId],
    );
    expect(rows[0]?.lines.map((l) => l.refused_by)).toEqual(['F-02', null]);
  });

  it('pays the right sex, and judges nothing for a person without a registered sex (未适用)', async () => {
    expect((await post('/settlements', visit('f02-2', 'SM1'))).json<Answer>().fundPay).toBe(54);
    const unknown = (await post('/settlements', visit('f02-3', 'SX1'))).json<Answer>();
    expect(unknown.items[0]?.refusedBy).toBeUndefined();
    expect(unknown.trace).toContainEqual(
      expect.objectContaining({ supervisionRule: 'F-02', applied: false }),
    );
  });

  it('answers a bad new field with a 400 naming it, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ items: [{ ...consult, days: 0 }] }, 'items[0].days'],
      [{ items: [{ ...consult, days: 2.5 }] }, 'items[0].days'],
      [{ visit: { kind: 'inpatient', admissionDate: '2026-03-03' } }, 'visit.admissionDate'],
      [{ visit: { kind: 'outpatient', proxy: 'yes' } }, 'visit.proxy'],
    ];
    for (const [extra, field] of cases) {
      const res = await post('/settlements', visit(`bad-${field}`, 'SM1', extra));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<ErrorBody>().error.field).toBe(field);
    }
    const stored = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM settlement_requests WHERE request_id LIKE 'bad-%'",
    );
    expect(stored[0]?.n).toBe(0);
    const badPerson = await post('/persons', {
      id: 'SB1',
      name: '测试',
      scheme: 'resident',
      category: 'adult',
      region: 'demo',
      sex: 'other',
    });
    expect(badPerson.statusCode).toBe(400);
    expect(badPerson.json<ErrorBody>().error.field).toBe('sex');
    const future = await post('/persons', {
      id: 'SB2',
      name: '测试',
      scheme: 'resident',
      category: 'adult',
      region: 'demo',
      birthDate: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<ErrorBody>().error.field).toBe('birthDate');
  });
});
