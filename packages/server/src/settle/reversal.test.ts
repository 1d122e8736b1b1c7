import type { AccumulatorsBody, ErrorBody, ReconciliationBody, SettlementBody } from '../testing/json.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { AMOUNT_COLUMNS } from '../store/settlement-columns.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { hospitalVisit, primaryVisit, registerFixtures } from '../testing/fixtures.js';

describe.each(testDrivers())('reversal on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver, { jitter: true });
    await registerFixtures(t.app);
  });
  afterAll(async () => t.dispose());

  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload });
  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });
  const ytd = async (personId: string) =>
    (await get(`/persons/${personId}/accumulators?year=2026`)).json<AccumulatorsBody>().ytd;

  it('negates every amount, moves the accumulators and the account back exactly', async () => {
    // A first visit takes the deductible, so the reversal has a deductible to give back.
    expect((await post('/settlements', hospitalVisit('rev-0', 'E001', 300, true))).statusCode).toBe(201);
    const before = await ytd('E001');
    const balanceBefore = (await get('/persons/E001')).json<{ accountBalance: number }>().accountBalance;
    const original = (
      await post('/settlements', hospitalVisit('rev-1', 'E001', 900, true))
    ).json<SettlementBody>();
    expect(original.deductible + original.fundPay).toBeGreaterThan(0);
    expect(original.accountPay).toBeGreaterThan(0);

    const res = await post(`/settlements/${original.settlementId}/reversal`, { requestId: 'rev-1-undo' });
    expect(res.statusCode).toBe(201);
    const reversal = res.json<SettlementBody>();
    expect(reversal.reverses).toBe(original.settlementId);
    expect(reversal.settlementId).not.toBe(original.settlementId);
    for (const [name] of AMOUNT_COLUMNS)
      expect(reversal[name], name).toBe(original[name] === 0 ? 0 : -original[name]);
    expect(reversal.items).toHaveLength(original.items.length);
    reversal.items.forEach((line, i) => {
      const was = original.items[i];
      expect(line.total).toBe(-(was?.total ?? NaN));
      expect(line.inScope).toBe(was?.inScope === 0 ? 0 : -(was?.inScope ?? NaN));
    });
    expect(await ytd('E001')).toEqual(before);
    expect(reversal.ytd).toEqual(before);
    expect((await get('/persons/E001')).json<{ accountBalance: number }>().accountBalance).toBe(
      balanceBefore,
    );
    // The stored lines are negated too, so item-level sums net to zero.
    const [sum] = await t.db.query<{ n: number }>(
      'SELECT sum(total_fen)::bigint AS n FROM settlement_items WHERE settlement_id IN ($1, $2)',
      [original.settlementId, reversal.settlementId],
    );
    expect(sum?.n).toBe(0);
    expect((await get(`/settlements/${original.settlementId}`)).json<SettlementBody>().reversedBy).toBe(
      reversal.settlementId,
    );
  });

  it('cannot be repeated, reversed itself, or aimed at an unknown settlement', async () => {
    const original = (await post('/settlements', primaryVisit('rev-2', 'R001'))).json<SettlementBody>();
    const reversal = (
      await post(`/settlements/${original.settlementId}/reversal`, { requestId: 'rev-2-undo' })
    ).json<SettlementBody>();
    const twice = await post(`/settlements/${original.settlementId}/reversal`, {
      requestId: 'rev-2-undo-again',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ErrorBody>().error.code).toBe('already_reversed');
    const ofReversal = await post(`/settlements/${reversal.settlementId}/reversal`, {
      requestId: 'rev-2-undo-undo',
    });
    expect(ofReversal.statusCode).toBe(409);
    expect(ofReversal.json<ErrorBody>().error.code).toBe('reversal_of_reversal');
    const unknown = await post('/settlements/no-such-settlement/reversal', { requestId: 'rev-x' });
    expect(unknown.statusCode).toBe(404);
    // A retry of the reversal itself gets its first answer.
    const retry = await post(`/settlements/${original.settlementId}/reversal`, { requestId: 'rev-2-undo' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json<SettlementBody>()).toEqual(reversal);
    const [n] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM settlements WHERE reverses = $1',
      [original.settlementId],
    );
    expect(n?.n).toBe(1);
  });

  it('lets only one of many concurrent reversals of a settlement through', async () => {
    const original = (
      await post('/settlements', primaryVisit('rev-3', 'R002', '2026-08-01'))
    ).json<SettlementBody>();
    const before = await ytd('R002');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post(`/settlements/${original.settlementId}/reversal`, { requestId: `rev-3-undo-${i}` }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(7);
    const after = await ytd('R002');
    expect(after.outpatientFundPaid).toBeCloseTo(before.outpatientFundPaid - original.fundPay, 2);
  });

  it('nets reversals in the daily reconciliation', async () => {
    const day = '2026-09-09';
    const a = (await post('/settlements', primaryVisit('rec-1', 'R001', day))).json<SettlementBody>();
    await post('/settlements', primaryVisit('rec-2', 'R002', day));
    await post(`/settlements/${a.settlementId}/reversal`, { requestId: 'rec-1-undo' });
    const res = await get(`/reconciliation?institutionId=C001&date=${day}`);
    expect(res.statusCode).toBe(200);
    const rec = res.json<ReconciliationBody>();
    expect(rec.settlements.count).toBe(2);
    expect(rec.reversals.count).toBe(1);
    expect(rec.net.count).toBe(1);
    expect(rec.settlements.totals.totalCost).toBe(160);
    expect(rec.reversals.totals.totalCost).toBe(-80);
    expect(rec.net.totals).toMatchObject({ totalCost: 80, fundPay: 36, cashPay: 44 });
    expect(rec.fundPayByBenefitGroup).toEqual({ general_outpatient: 36 });
    expect((await get(`/reconciliation?institutionId=NOWHERE&date=${day}`)).statusCode).toBe(404);
    expect((await get('/reconciliation?institutionId=C001')).json<ErrorBody>().error.field).toBe('date');
  });
});
