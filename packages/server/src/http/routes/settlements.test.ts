import type { AccumulatorsBody, ErrorBody, PageBody, SettlementBody } from '../../testing/json.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { hospitalVisit, primaryVisit, registerFixtures } from '../../testing/fixtures.js';

describe.each(testDrivers())('settlements on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver, { jitter: true });
    await registerFixtures(t.app);
  });
  afterAll(async () => t.dispose());

  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload });
  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });
  const count = async (sql: string): Promise<number> => (await t.db.query<{ n: number }>(sql))[0]?.n ?? -1;

  it('previews without storing or moving anything', async () => {
    const body: Partial<ReturnType<typeof primaryVisit>> = primaryVisit('unused', 'R002');
    delete body.requestId;
    const res = await post('/settlements/preview', body);
    expect(res.statusCode).toBe(200);
    expect(res.json<SettlementBody>()).toMatchObject({ totalCost: 80, fundPay: 36, personalPart: 44 });
    expect(await count("SELECT count(*)::int AS n FROM settlements WHERE person_id = 'R002'")).toBe(0);
    expect(
      (await get('/persons/R002/accumulators?year=2026')).json<AccumulatorsBody>().ytd.outpatientFundPaid,
    ).toBe(0);
  });

  it('settles with 201, stores every line (self-paid too) and moves the accumulators', async () => {
    const res = await post('/settlements', primaryVisit('settle-1'));
    expect(res.statusCode).toBe(201);
    const body = res.json<SettlementBody>();
    expect(body).toMatchObject({
      requestId: 'settle-1',
      personId: 'R001',
      institutionId: 'C001',
      reverses: null,
      totalCost: 80,
      fullSelfPay: 20,
      fundPay: 36,
      cashPay: 44,
      ytd: { outpatientFundPaid: 36, outpatientInScope: 60 },
    });
    expect(body.policyHash).toMatch(/\w+/);
    expect(body.trace.length).toBeGreaterThan(0);
    const lines = await t.db.query<{ code: string; total_fen: number; full_self_pay_fen: number }>(
      'SELECT code, total_fen, full_self_pay_fen FROM settlement_items WHERE settlement_id = $1 ORDER BY line_no',
      [body.settlementId],
    );
    expect(lines).toEqual([
      { code: 'A10', total_fen: 1000, full_self_pay_fen: 0 },
      { code: 'B25', total_fen: 5000, full_self_pay_fen: 0 },
      { code: 'S20', total_fen: 2000, full_self_pay_fen: 2000 },
    ]);
    expect((await get('/persons/R001/accumulators?year=2026')).json<AccumulatorsBody>().ytd).toMatchObject({
      outpatientFundPaid: 36,
      outpatientInScope: 60,
    });
    const read = await get(`/settlements/${body.settlementId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<SettlementBody>()).toEqual({ ...body, reversedBy: null });
  });

  it('takes the person and institution facts from the database, not from the caller', async () => {
    // The body cannot carry person facts at all: an attempt to claim a chronic disease is refused.
    const body = { ...primaryVisit('facts-1'), person: { chronicDiseases: ['E11'] } };
    const res = await post('/settlements', body);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.field).toBe('person');
  });

  it('answers a retried request with the first answer (200) and changes nothing', async () => {
    const first = await post('/settlements', primaryVisit('retry-1', 'R002', '2026-04-01'));
    expect(first.statusCode).toBe(201);
    const before = (await get('/persons/R002/accumulators?year=2026')).json<AccumulatorsBody>();
    // The same body with its keys in another order is the same request.
    const { items, visit, date, institutionId, personId, requestId } = primaryVisit(
      'retry-1',
      'R002',
      '2026-04-01',
    );
    const again = await post('/settlements', { items, visit, date, institutionId, personId, requestId });
    expect(again.statusCode).toBe(200);
    expect(again.json<SettlementBody>()).toEqual(first.json<SettlementBody>());
    expect((await get('/persons/R002/accumulators?year=2026')).json<AccumulatorsBody>()).toEqual(before);
    expect(await count("SELECT count(*)::int AS n FROM settlements WHERE request_id = 'retry-1'")).toBe(1);
  });

  it('refuses a reused requestId with a different body (409) and stores nothing', async () => {
    expect((await post('/settlements', primaryVisit('reuse-1', 'R002', '2026-04-02'))).statusCode).toBe(201);
    const changed = primaryVisit('reuse-1', 'R002', '2026-04-03');
    const res = await post('/settlements', changed);
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>()).toMatchObject({ error: { code: 'request_id_reused', field: 'requestId' } });
    expect(await count("SELECT count(*)::int AS n FROM settlements WHERE date = '2026-04-03'")).toBe(0);
  });

  it('stores one settlement when identical retries arrive concurrently', async () => {
    const body = primaryVisit('race-1', 'R001', '2026-06-01');
    const answers = await Promise.all(Array.from({ length: 12 }, () => post('/settlements', body)));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(11);
    const ids = new Set(answers.map((a) => a.json<SettlementBody>().settlementId));
    expect(ids.size).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM settlements WHERE request_id = 'race-1'")).toBe(1);
  });

  it('turns an engine input error into a 400 naming the field, and stores nothing', async () => {
    const body = primaryVisit('bad-1', 'R001', '2026-07-01');
    const bad = { ...body, items: [{ ...body.items[0], unitPrice: 10.005 }] };
    const res = await post('/settlements', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.field).toBe('items[0].unitPrice');
    const kind = await post('/settlements', { ...body, visit: { kind: 'teleportation' } });
    expect(kind.statusCode).toBe(400);
    expect(kind.json<ErrorBody>().error.field).toBe('visit.kind');
    expect(await count("SELECT count(*)::int AS n FROM settlements WHERE request_id = 'bad-1'")).toBe(0);
  });

  it('names missing and mistyped fields of the body itself', async () => {
    const noPerson: Partial<ReturnType<typeof primaryVisit>> = primaryVisit('bad-2');
    delete noPerson.personId;
    const missing = await post('/settlements', noPerson);
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>()).toMatchObject({ error: { code: 'invalid', field: 'personId' } });
    const body = primaryVisit('bad-3');
    const typed = await post('/settlements', { ...body, items: [{ ...body.items[0], quantity: '1' }] });
    expect(typed.statusCode).toBe(400);
    expect(typed.json<ErrorBody>().error.field).toBe('items[0].quantity');
    const date = await post('/settlements', { ...body, date: '2026/03/01' });
    expect(date.json<ErrorBody>().error.field).toBe('date');
  });

  it('answers 404 for an unknown person, institution or settlement, and stores nothing', async () => {
    const person = await post('/settlements', primaryVisit('nf-1', 'NOBODY'));
    expect(person.statusCode).toBe(404);
    expect(person.json<ErrorBody>().error.field).toBe('personId');
    const inst = await post('/settlements', { ...primaryVisit('nf-2'), institutionId: 'NOWHERE' });
    expect(inst.statusCode).toBe(404);
    expect(inst.json<ErrorBody>().error.field).toBe('institutionId');
    expect((await get('/settlements/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
    expect(await count("SELECT count(*)::int AS n FROM settlements WHERE request_id LIKE 'nf-%'")).toBe(0);
  });

  it('pays the personal part from the account when asked, and debits the balance', async () => {
    const res = await post('/settlements', hospitalVisit('acct-1', 'E001', 100, true));
    expect(res.statusCode).toBe(201);
    const body = res.json<SettlementBody>();
    expect(body.accountPay).toBeGreaterThan(0);
    expect(body.accountPay + body.cashPay).toBeCloseTo(body.personalPart, 2);
    expect((await get('/persons/E001')).json<{ accountBalance: number }>().accountBalance).toBeCloseTo(
      3000 - body.accountPay,
      2,
    );
  });

  it('lists settlements by institution and day', async () => {
    const list = (await get('/settlements?institutionId=C001&date=2026-03-01')).json<
      PageBody<Record<string, string>>
    >();
    expect(list.items.map((s) => s.requestId)).toContain('settle-1');
    for (const s of list.items) expect(s).toMatchObject({ institutionId: 'C001', date: '2026-03-01' });
    const byPerson = (await get('/settlements?personId=R002&sort=date')).json<
      PageBody<Record<string, string>>
    >();
    expect(byPerson.items.map((s) => s.date)).toEqual(['2026-04-01', '2026-04-02']);
    expect((await get('/settlements?sort=sideways')).statusCode).toBe(400);
  });

  it('never shows a stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/settlements',
      headers: { 'content-type': 'application/json' },
      payload: '{"requestId": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({ error: { code: 'malformed_json', field: null } });
    expect(res.body).not.toMatch(/at .*\.js/);
    const unknown = await get('/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorBody>().error.code).toBe('not_found');
  });

  it('describes itself in OpenAPI at /docs/json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    for (const p of [
      '/api/v1/institutions',
      '/api/v1/persons',
      '/api/v1/persons/{id}/accumulators',
      '/api/v1/settlements/preview',
      '/api/v1/settlements',
      '/api/v1/settlements/{settlementId}',
      '/api/v1/settlements/{settlementId}/reversal',
      '/api/v1/reconciliation',
    ])
      expect(paths).toContain(p);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
