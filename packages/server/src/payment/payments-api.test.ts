// Issue 14 through the API on both databases: the visit's payment fields (400 naming the field),
// payment facts written with each settlement, runs made once and refused in the contract's order,
// late records and reversals after a month was run, concurrent runs, a deduction counted once.
import { CARE_TYPE_NAMES, PROCEDURE_KIND_NAMES } from '@yibao/api';
import { CARE_TYPES, PROCEDURE_KINDS } from '@yibao/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { registerFixtures } from '../testing/fixtures.js';
import type { ErrorBody } from '../testing/json.js';

interface Facts {
  settlementId: string;
  paymentMonth: string;
  pool: string;
  fund: string;
  method: string;
  dipGroup: string | null;
  dipRatio: string | null;
  dipPoints: number | null;
  referenceCost: number | null;
  bedDays: number | null;
  bedDayAmount: number | null;
}
interface Row {
  institutionId: string;
  pool: string;
  fund: string;
  itemBased: number;
  deduction: number;
  payable: number;
  bedDay: number;
  dipPoints: number;
}
interface Run {
  id: string;
  year: number;
  month: number;
  rows: Row[];
  totals: { pool: string; fund: string; payable: number }[];
}

const stay = (
  requestId: string,
  personId: string,
  institutionId: string,
  date: string,
  visit: object,
  amount: number,
) => ({
  requestId,
  personId,
  institutionId,
  date,
  visit: { kind: 'inpatient', ...visit },
  items: [{ code: 'A2000', name: '住院治疗费', kind: 'service', class: 'A', quantity: 1, unitPrice: amount }],
});
const outpatient = (requestId: string, personId: string, date: string, amount: number) => ({
  requestId,
  personId,
  institutionId: 'H002',
  date,
  visit: { kind: 'outpatient' },
  items: [{ code: 'A1000', name: '检查费', kind: 'service', class: 'A', quantity: 1, unitPrice: amount }],
});

describe('the wire words of the payment fields', () => {
  it('are the engine’s', () => {
    expect(CARE_TYPE_NAMES).toEqual(CARE_TYPES);
    expect(PROCEDURE_KIND_NAMES).toEqual(PROCEDURE_KINDS);
  });
});

describe.each(testDrivers())('payments through the API on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
    await registerFixtures(t.app);
  });
  afterAll(async () => t.dispose());

  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload });
  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });
  const facts = async (id: string) => (await get(`/settlements/${id}/payment`)).json<Facts>();
  const runMonth = (year: number, month: number) => post('/payments/monthly-runs', { year, month });
  const fundOfMonth = async (month: string) => {
    const [r] = await t.db.query<{ n: string | number | null }>(
      `SELECT sum(fund_pay_fen) AS n FROM settlement_payment_facts WHERE payment_month = $1 AND method = 'item'`,
      [month],
    );
    return Number(r?.n ?? 0) / 100;
  };
  const itemBased = (run: Run) => Math.round(run.rows.reduce((s, r) => s + r.itemBased, 0) * 100) / 100;

  it('refuses a visit payment field breaking §3 with 400 naming it, and stores nothing', async () => {
    const cases: [object, string][] = [
      [{ kind: 'outpatient', careType: 'rehabilitation', lengthOfStay: 3 }, 'visit.careType'],
      [{ kind: 'inpatient', careType: 'sleeping' }, 'visit.careType'],
      [{ kind: 'inpatient', careType: 'hospice' }, 'visit.lengthOfStay'],
      [{ kind: 'inpatient', lengthOfStay: 0 }, 'visit.lengthOfStay'],
      [{ kind: 'inpatient', lengthOfStay: 367 }, 'visit.lengthOfStay'],
      [{ kind: 'inpatient', bedDaysBefore: -1 }, 'visit.bedDaysBefore'],
      [{ kind: 'inpatient', procedures: [{ code: '51.23', kind: 'cutting' }] }, 'visit.procedures[0].kind'],
      [{ kind: 'inpatient', procedures: [{ code: 'abc', kind: 'surgery' }] }, 'visit.procedures[0].code'],
    ];
    for (const [i, [visit, field]] of cases.entries()) {
      const body = { ...stay(`bad-${i}`, 'R001', 'H001', '2026-01-10', {}, 100), visit };
      for (const url of ['/settlements', '/settlements/preview']) {
        const { requestId, ...previewBody } = body;
        const res = await post(url, url === '/settlements' ? { requestId, ...previewBody } : previewBody);
        expect(res.statusCode, `${url} ${JSON.stringify(visit)}`).toBe(400);
        expect(res.json<ErrorBody>().error.field).toBe(field);
      }
    }
    const [n] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM settlements');
    expect(n?.n).toBe(0);
  });

  it('writes each settlement with its payment facts: DIP group and points, bed-days, item', async () => {
    // CK02 at a tertiary hospital: A = 900 × 1.10 × 20.00 = 19,800.00; T = 20,000.00 is normal: 990.00 points
    const dip = await post(
      '/settlements',
      stay(
        'dip-1',
        'R001',
        'H001',
        '2026-01-12',
        {
          diagnosis: 'K80.1',
          procedures: [
            { code: '45.23', kind: 'diagnostic' },
            { code: '51.2300', kind: 'surgery' },
          ],
        },
        20000,
      ),
    );
    expect(dip.statusCode).toBe(201);
    const f = await facts(dip.json<{ settlementId: string }>().settlementId);
    expect(f).toMatchObject({
      paymentMonth: '2026-01',
      pool: 'resident',
      fund: 'inpatient',
      method: 'dip',
      dipGroup: 'CK02',
      dipRatio: 'normal',
      dipPoints: 990,
      referenceCost: 19800,
      bedDays: null,
    });
    // rehabilitation at a secondary hospital, 40 days: (30 × 380 + 10 × 342) × the settled rate
    const rehab = await post(
      '/settlements',
      stay('rehab-1', 'R002', 'H002', '2026-01-20', { careType: 'rehabilitation', lengthOfStay: 40 }, 9000),
    );
    expect(rehab.statusCode).toBe(201);
    const settled = rehab.json<{ settlementId: string; rate: number }>();
    const g = await facts(settled.settlementId);
    expect(g).toMatchObject({ method: 'bed_day', bedDays: 40, fund: 'inpatient', dipGroup: null });
    expect(g.bedDayAmount).toBe(Math.round(14820 * settled.rate) / 100);
    const item = await post('/settlements', outpatient('item-1', 'E001', '2026-01-05', 300));
    expect(await facts(item.json<{ settlementId: string }>().settlementId)).toMatchObject({
      method: 'item',
      pool: 'employee',
      fund: 'outpatient',
      paymentMonth: '2026-01',
    });
    expect((await get('/settlements/nope/payment')).statusCode).toBe(404);
  });

  it('stores the boundaries: ratio 0.5 and 2 exactly normal, the fen beyond low or high; the bed-day cap', async () => {
    // CK02 tertiary, A = 19,800.00 (Example 3)
    const cases: [number, string, number][] = [
      [9899.99, 'low', 495],
      [9900, 'normal', 990],
      [39600, 'normal', 990],
      [39600.01, 'high', 990],
    ];
    for (const [i, [amount, ratio, points]] of cases.entries()) {
      const res = await post(
        '/settlements',
        stay(
          `ratio-${i}`,
          'R001',
          'H001',
          '2026-01-13',
          { diagnosis: 'K80.1', procedures: [{ code: '51.23', kind: 'surgery' }] },
          amount,
        ),
      );
      expect(res.statusCode).toBe(201);
      expect(await facts(res.json<{ settlementId: string }>().settlementId)).toMatchObject({
        dipGroup: 'CK02',
        dipRatio: ratio,
        dipPoints: points,
      });
    }
    // hospice at a tertiary hospital after 100 days: days 101–120 paid (cap 120), at 80 % (day 61 on)
    const hospice = await post(
      '/settlements',
      stay(
        'hospice-1',
        'R002',
        'H001',
        '2026-01-25',
        { careType: 'hospice', lengthOfStay: 30, bedDaysBefore: 100 },
        6000,
      ),
    );
    const settled = hospice.json<{ settlementId: string; rate: number }>();
    const h = await facts(settled.settlementId);
    expect(h.bedDays).toBe(20);
    expect(h.bedDayAmount).toBe(Math.round(20 * 288 * settled.rate) / 100);
  });

  it('refuses runs in the contract order and makes each month once', async () => {
    expect((await post('/payments/monthly-runs', { year: 2026, month: 13 })).statusCode).toBe(400);
    const early = await runMonth(2024, 12);
    expect(early.statusCode).toBe(422);
    expect(early.json<ErrorBody>().error.code).toBe('no_policy_version');
    const notEnded = await runMonth(2099, 1);
    expect(notEnded.statusCode).toBe(409);
    expect(notEnded.json<ErrorBody>().error.code).toBe('month_not_ended');
    const skipped = await runMonth(2025, 3);
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json<ErrorBody>().error).toMatchObject({ code: 'previous_month_not_run', field: 'month' });
    for (let m = 1; m <= 12; m++) expect((await runMonth(2025, m)).statusCode).toBe(201);
    const jan = await runMonth(2026, 1);
    expect(jan.statusCode).toBe(201);
    const again = await runMonth(2026, 1);
    expect(again.statusCode).toBe(200);
    expect(again.json<Run>()).toEqual(jan.json<Run>());
    expect((await get(`/payments/monthly-runs/${jan.json<Run>().id}`)).json<Run>()).toEqual(jan.json<Run>());
    const list = (await get('/payments/monthly-runs?year=2025')).json<{ items: { month: number }[] }>();
    expect(list.items.map((i) => i.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const run = jan.json<Run>();
    expect(itemBased(run)).toBe(await fundOfMonth('2026-01'));
    const dip = run.rows.find((r) => r.institutionId === 'H001' && r.fund === 'inpatient');
    // the stays of the two tests before: 990.00 + 495.00 + 3 × 990.00
    expect(dip?.dipPoints).toBe(4455);
    const bed = run.rows.find((r) => r.institutionId === 'H002' && r.fund === 'inpatient');
    expect(bed?.bedDay).toBeGreaterThan(0);
  });

  it('puts a late record and a reversal after the run in the first open month, counts a deduction once', async () => {
    const feb = await post('/settlements', outpatient('feb-1', 'E002', '2026-02-10', 300));
    expect(feb.statusCode).toBe(201);
    const febId = feb.json<{ settlementId: string }>().settlementId;
    expect((await facts(febId)).paymentMonth).toBe('2026-02');
    // confirmed in February, before February's run: taken in March
    const d = {
      requestId: 'ded-1',
      institutionId: 'H002',
      year: 2026,
      month: 2,
      pool: 'employee',
      fund: 'outpatient',
      amount: 12,
      reason: '超标准收费',
    };
    const made = await post('/payments/deductions', d);
    expect(made.statusCode).toBe(201);
    expect(made.json<{ paymentMonth: string }>().paymentMonth).toBe('2026-03');
    const again = await post('/payments/deductions', d);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(made.json());
    expect((await post('/payments/deductions', { ...d, amount: 13 })).statusCode).toBe(409);
    expect((await post('/payments/deductions', { ...d, requestId: 'ded-x', amount: 0 })).statusCode).toBe(
      400,
    );
    expect((await post('/payments/deductions', { ...d, requestId: 'ded-x', pool: 'x' })).statusCode).toBe(
      400,
    );
    expect((await post('/payments/deductions', { ...d, requestId: 'ded-x', month: 13 })).statusCode).toBe(
      400,
    );
    expect(
      (await post('/payments/deductions', { ...d, requestId: 'ded-x', institutionId: 'NOPE' })).statusCode,
    ).toBe(404);

    const febRun = (await runMonth(2026, 2)).json<Run>();
    expect(itemBased(febRun)).toBe(await fundOfMonth('2026-02'));
    expect(febRun.rows.reduce((s, r) => s + r.deduction, 0)).toBe(0);

    // after February's run: a reversal of a February visit and a late February visit count in March
    const rev = await post(`/settlements/${febId}/reversal`, { requestId: 'feb-1-undo' });
    expect(rev.statusCode).toBe(201);
    const revFacts = await facts(rev.json<{ settlementId: string }>().settlementId);
    expect(revFacts.paymentMonth).toBe('2026-03');
    const late = await post('/settlements', outpatient('feb-late', 'E001', '2026-02-20', 200));
    expect((await facts(late.json<{ settlementId: string }>().settlementId)).paymentMonth).toBe('2026-03');
    // a deduction confirmed in January, after February's run: the first open month
    const jan = await post('/payments/deductions', { ...d, requestId: 'ded-2', month: 1, amount: 5 });
    expect(jan.json<{ paymentMonth: string }>().paymentMonth).toBe('2026-03');

    const marRun = (await runMonth(2026, 3)).json<Run>();
    expect(itemBased(marRun)).toBe(await fundOfMonth('2026-03'));
    const cell = marRun.rows.find(
      (r) => r.institutionId === 'H002' && r.pool === 'employee' && r.fund === 'outpatient',
    );
    expect(cell?.deduction).toBe(17);
    // February's run is unchanged by what came after it (ruling 1)
    expect((await get(`/payments/monthly-runs/${febRun.id}`)).json<Run>()).toEqual(febRun);
    // each deduction in exactly one run
    const april = (await runMonth(2026, 4)).json<Run>();
    expect(april.rows.reduce((s, r) => s + r.deduction, 0)).toBe(0);
    const payments = (await get('/institutions/H002/payments?year=2026')).json<{
      months: { month: string; deduction: number }[];
    }>();
    expect(payments.months.reduce((s, r) => s + r.deduction, 0)).toBe(17);
    expect(new Set(payments.months.map((m) => m.month))).toContain('2026-03');
  });

  it('concurrent run requests make one run; settlements racing a run are each counted once', async () => {
    // May's visits race May's run: every record lands in May (counted by the run) or in June
    const settling = Array.from({ length: 12 }, (_, i) =>
      post('/settlements', outpatient(`race-${i}`, i % 2 === 0 ? 'E001' : 'E002', '2026-05-15', 100 + i)),
    );
    const runs = await Promise.all([runMonth(2026, 5), runMonth(2026, 5), runMonth(2026, 5)]);
    const settled = await Promise.all(settling);
    for (const s of settled) expect(s.statusCode).toBe(201);
    expect(runs.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    const ids = new Set(runs.map((r) => r.json<Run>().id));
    expect(ids.size).toBe(1);
    const [n] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM payment_monthly_runs WHERE year = 2026 AND month = 5',
    );
    expect(n?.n).toBe(1);
    const may = runs[0].json<Run>();
    expect(itemBased(may)).toBe(await fundOfMonth('2026-05'));
    const months = await t.db.query<{ m: string }>(
      `SELECT f.payment_month AS m FROM settlement_payment_facts f JOIN settlement_requests k ON k.settlement_id = f.settlement_id
       WHERE k.request_id LIKE 'race-%'`,
    );
    expect(months).toHaveLength(12);
    for (const { m } of months) expect(['2026-05', '2026-06']).toContain(m);
  });
});
