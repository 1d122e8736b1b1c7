// The alert workflow stored (SUPERVISION_RULES.md §6–§7, the workflow example of §9): appeal by the
// institution within the window, review by a reviewer, every transition kept with who (the verified
// identity, never a header), when and why; illegal transitions 409, a late appeal 422; an upheld
// alert with an amount becomes one deduction of the institution, confirmed in the decision's month
// and taken by the next month's payment run — exactly once, even when two reviews race.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@yibao/api/constants';
import type { Alert, AlertPage, Deductions } from '@yibao/api';
import type { Identity } from '../access/identity.js';
import type { Authenticator } from '../access/install.js';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { EXAMPLES } from './examples.js';
import { seedRegistry, storeSettlement } from './testing.js';

/** `x-test-as: officer:<role>[@institution]` or `institution:<id>`: an identity a real scheme would have verified. */
const testAuthenticator: Authenticator = {
  name: 'test',
  applies: (request) => typeof request.headers['x-test-as'] === 'string',
  authenticate: (request: FastifyRequest): Promise<Identity> => {
    const as = String(request.headers['x-test-as']);
    const [kind, rest = ''] = as.split(':');
    if (kind === 'institution')
      return Promise.resolve({ kind: 'institution', institutionId: rest, keyId: 'k1', via: 'hmac' });
    const [role = '', institutionId] = rest.split('@');
    return Promise.resolve({
      kind: 'officer',
      accountId: `a-${role}`,
      username: role,
      roles: [role as Role],
      institutionId: institutionId ?? null,
      via: 'bearer',
    });
  },
};

const OFFICER = 'officer:officer';
const REVIEWER = 'officer:reviewer';

describe.each(testDrivers())('the alert workflow on $kind', (driver) => {
  let t: TestApp;
  const byRule = new Map<string, Alert>();

  const call = (as: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1/supervision${url}`,
      headers: { 'x-test-as': as, 'x-yibao-actor': 'someone-else' },
      ...(payload === undefined ? {} : { payload }),
    });
  const id = (ruleId: string): string => {
    const a = byRule.get(ruleId);
    if (a === undefined) throw new Error(`no ${ruleId} alert`);
    return a.id;
  };
  const appealAs = (as: string, ruleId: string, appealedOn: string) =>
    call(as, 'POST', `/alerts/${id(ruleId)}/appeal`, { reason: '诊疗需要，附病历', appealedOn });
  const review = (ruleId: string, decision: string, decidedOn: string, as = REVIEWER) =>
    call(as, 'POST', `/alerts/${id(ruleId)}/review`, { decision, reason: '复核意见', decidedOn });
  const deductionRows = async (): Promise<Record<string, unknown>[]> =>
    t.db.query(
      `SELECT alert_id, institution_id, amount_fen::integer AS amount_fen, year, month, payment_year, payment_month,
         request_id FROM supervision_deductions ORDER BY institution_id`,
    );

  beforeAll(async () => {
    t = await createTestApp(driver, { enforceAccess: true, authenticators: [testAuthenticator] });
    await seedRegistry(t.db);
    for (const s of EXAMPLES) await storeSettlement(t.db, s);
    const res = await call(OFFICER, 'POST', '/runs', {
      from: '2026-01-01',
      to: '2026-12-31',
      runOn: '2026-07-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = await call(OFFICER, 'GET', '/alerts?pageSize=100');
    for (const a of list.json<AlertPage>().items) byRule.set(a.ruleId, a);
  });
  afterAll(async () => t.dispose());

  it('who may act: a run is an officer’s, a review a reviewer’s, an appeal the alert’s own institution’s', async () => {
    expect((await call(REVIEWER, 'POST', '/runs', { from: '2026-01-01', to: '2026-01-02' })).statusCode).toBe(
      403,
    );
    expect((await review('F-13', 'overturned', '2026-07-02', OFFICER)).statusCode).toBe(403);
    expect((await appealAs(OFFICER, 'F-09', '2026-07-02')).statusCode).toBe(403);
    // H3's system cannot appeal or read H2's alert, and its list is its own.
    const other = await appealAs('institution:H3', 'F-09', '2026-07-02');
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ error: { code: 'other_institution' } });
    expect((await call('institution:H3', 'GET', `/alerts/${id('F-09')}`)).statusCode).toBe(403);
    const own = await call('institution:H3', 'GET', '/alerts');
    expect(own.json<AlertPage>().items.map((a) => a.institutionId)).toEqual(['H3', 'H3']);
    expect((await call('institution:H3', 'GET', '/alerts?institutionId=H2')).statusCode).toBe(403);
    expect(byRule.get('F-09')?.status).toBe('open');
  });

  it('E09: H2 appeals on 07-05, the reviewer upholds on 07-20: H2’s 2026-07 deduction of 1,600.00, inpatient', async () => {
    const appealed = await appealAs('officer:institution_user@H2', 'F-09', '2026-07-05');
    expect(appealed.statusCode, appealed.body).toBe(200);
    expect(appealed.json<Alert>()).toMatchObject({ status: 'appealed' });
    const upheld = await review('F-09', 'upheld', '2026-07-20');
    expect(upheld.statusCode, upheld.body).toBe(200);
    const alert = upheld.json<Alert>();
    expect(alert.status).toBe('upheld');
    expect(alert.history.map((h) => [h.status, h.on, h.by, h.reason])).toEqual([
      ['open', '2026-07-01', 'officer:officer', null],
      ['appealed', '2026-07-05', 'officer:institution_user', '诊疗需要，附病历'],
      ['upheld', '2026-07-20', 'officer:reviewer', '复核意见'],
    ]);
    // Kept: the stored alert reads the same.
    expect((await call(REVIEWER, 'GET', `/alerts/${alert.id}`)).json<Alert>()).toEqual(alert);
    const d = await call(REVIEWER, 'GET', '/deductions?institutionId=H2&year=2026&month=7');
    expect(d.json<Deductions>().items).toEqual([
      {
        institutionId: 'H2',
        year: 2026,
        month: 7,
        pool: 'resident',
        fund: 'inpatient',
        amount: 1600,
        alertIds: [alert.id],
      },
    ]);
    expect((await deductionRows()).find((r) => r['alert_id'] === alert.id)).toMatchObject({
      institution_id: 'H2',
      amount_fen: 160000,
      year: 2026,
      month: 7,
      payment_year: 2026,
      payment_month: 8,
      request_id: `alert-${alert.id}`,
    });
    // Handed to the payments side in the same transaction, once: August's monthly run takes it.
    const handed = await t.db.query(
      `SELECT institution_id, year, month, pool, fund, amount_fen::integer AS amount_fen, payment_month, alert_ids
       FROM payment_deductions WHERE request_id = $1`,
      [`alert-${alert.id}`],
    );
    expect(handed).toEqual([
      {
        institution_id: 'H2',
        year: 2026,
        month: 7,
        pool: 'resident',
        fund: 'inpatient',
        amount_fen: 160000,
        payment_month: '2026-08',
        alert_ids: [alert.id],
      },
    ]);
    // A second review of a decided alert is refused and hands nothing over again.
    expect((await review('F-09', 'upheld', '2026-07-21')).statusCode).toBe(409);
    const again = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM payment_deductions WHERE $1 = ANY (alert_ids)',
      [alert.id],
    );
    expect(again[0]?.n).toBe(1);
  });

  it('E08: upholding an open alert within its window is 409 appeal_window_open; on 07-12 it is C1’s 39.00', async () => {
    const early = await review('F-08', 'upheld', '2026-07-10');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'appeal_window_open' } });
    const onDeadline = await review('F-08', 'upheld', '2026-07-11');
    expect(onDeadline.statusCode).toBe(409);
    const late = await review('F-08', 'upheld', '2026-07-12');
    expect(late.statusCode, late.body).toBe(200);
    const d = await call(REVIEWER, 'GET', '/deductions?institutionId=C1&year=2026&month=7');
    expect(d.json<Deductions>().items).toEqual([
      {
        institutionId: 'C1',
        year: 2026,
        month: 7,
        pool: 'resident',
        fund: 'outpatient',
        amount: 39,
        alertIds: [id('F-08')],
      },
    ]);
  });

  it('the appeal window: on its deadline 200, on its 11th day 422 appeal_late, before raisedOn 400', async () => {
    const onTime = await appealAs('institution:H3', 'F-10', '2026-07-11');
    expect(onTime.statusCode, onTime.body).toBe(200);
    expect(onTime.json<Alert>().history[1]).toMatchObject({ status: 'appealed', by: 'institution:H3/k1' });
    const late = await appealAs('officer:institution_user@C1', 'F-11', '2026-07-12');
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ error: { code: 'appeal_late', field: 'appealedOn' } });
    const early = await appealAs('officer:institution_user@C1', 'F-11', '2026-06-30');
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ error: { code: 'invalid_date', field: 'appealedOn' } });
    // Refused transitions store nothing.
    const still = await call(REVIEWER, 'GET', `/alerts/${id('F-11')}`);
    expect(still.json<Alert>()).toMatchObject({ status: 'open', history: [{ status: 'open' }] });
  });

  it('illegal transitions are 409 invalid_state and change nothing', async () => {
    const twice = await appealAs('institution:H3', 'F-10', '2026-07-06');
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: { code: 'invalid_state' } });
    const decided = await review('F-09', 'overturned', '2026-07-25');
    expect(decided.statusCode).toBe(409);
    expect(decided.json()).toMatchObject({ error: { code: 'invalid_state' } });
    const appealDecided = await appealAs('institution:H2', 'F-09', '2026-07-06');
    expect(appealDecided.statusCode).toBe(409);
    const before = await review('F-10', 'upheld', '2026-07-10');
    expect(before.statusCode).toBe(400);
    expect(before.json()).toMatchObject({ error: { code: 'invalid_date', field: 'decidedOn' } });
    expect((await call(REVIEWER, 'GET', `/alerts/${id('F-09')}`)).json<Alert>().history).toHaveLength(3);
    const unknown = await call(REVIEWER, 'POST', '/alerts/nope/review', {
      decision: 'upheld',
      reason: 'x',
      decidedOn: '2026-08-01',
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await call(REVIEWER, 'POST', `/alerts/${id('F-13')}/review`, {
      decision: 'maybe',
      reason: 'x',
      decidedOn: '2026-08-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'decision' } });
  });

  it('E13 overturned at once deducts nothing; a family-doctor alert upheld deducts nothing', async () => {
    expect((await review('F-13', 'overturned', '2026-07-02')).statusCode).toBe(200);
    expect((await review('F-14', 'upheld', '2026-07-12')).statusCode).toBe(200);
    const ids = (await deductionRows()).map((r) => r['alert_id']);
    expect(ids).not.toContain(id('F-13'));
    expect(ids).not.toContain(id('F-14'));
  });

  it('two reviews at once: one decides, the other is 409, and the deduction is written once', async () => {
    const other = driver.kind === 'postgres' ? await t.another() : t.app;
    const body = { decision: 'upheld', reason: '复核意见', decidedOn: '2026-08-03' };
    const url = `/api/v1/supervision/alerts/${id('F-12')}/review`;
    const headers = { 'x-test-as': REVIEWER };
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url, payload: body, headers }),
      other.inject({ method: 'POST', url, payload: body, headers }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const rows = (await deductionRows()).filter((r) => r['alert_id'] === id('F-12'));
    expect(rows).toEqual([
      expect.objectContaining({ institution_id: 'S1', amount_fen: 600, month: 8, payment_month: 9 }),
    ]);
    const [history] = await t.db.query<{ n: string | number }>(
      'SELECT count(*) AS n FROM supervision_alert_history WHERE alert_id = $1',
      [id('F-12')],
    );
    expect(Number(history?.n)).toBe(2);
  });

  it('a December decision is paid in January of the next year', async () => {
    const res = await review('F-11', 'upheld', '2026-12-15');
    expect(res.statusCode, res.body).toBe(200);
    expect((await deductionRows()).find((r) => r['alert_id'] === id('F-11'))).toMatchObject({
      year: 2026,
      month: 12,
      payment_year: 2027,
      payment_month: 1,
    });
  });
});
