// PAYMENT_POLICY.md's worked examples on the stored path, both databases: the records' payment facts
// as the settlement writes them (inserted here with the figures of the examples, since a settlement's
// fund pay is the benefit engine's), contracts, agreements and assessments in the registry's tables,
// deductions through the API, and every run through the API: Examples 1, 6, 7 (March 2026), 9 and 4's
// point value (the 2026 year-end), to the fen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import type { ErrorBody } from '../testing/json.js';

interface Row {
  institutionId: string;
  pool: string;
  fund: string;
  [k: string]: unknown;
}
interface Run {
  id: string;
  rows: Row[];
  totals: { pool: string; fund: string; payable: number }[];
}
interface YearEnd {
  id: string;
  pools: {
    pool: string;
    settlementPointValue: number;
    dipBudget: number;
    dipPoints: number;
    insuredPersonDays: number;
  }[];
  institutions: { institutionId: string; [k: string]: unknown }[];
  rows: Row[];
}

const INSTITUTIONS = [
  { id: 'H001', name: '示范市第一人民医院', type: 'general_hospital', level: 'tertiary', county: '城关区' },
  { id: 'H002', name: '城关区人民医院', type: 'general_hospital', level: 'secondary', county: '城关区' },
  { id: 'H003', name: '西区人民医院', type: 'general_hospital', level: 'secondary', county: '城关区' },
  { id: 'C001', name: '东街社区卫生服务中心', type: 'community_centre', level: 'primary', county: '城关区' },
  {
    id: 'C001-1',
    name: '东街社区卫生服务站',
    type: 'community_station',
    level: 'primary',
    county: '城关区',
    parentId: 'C001',
  },
];

interface Fact {
  month: string;
  inst: string;
  pool: 'employee' | 'resident';
  fund: 'outpatient' | 'inpatient';
  method?: string;
  fund_pay: number; // yuan
  account?: number;
  points?: number; // DIP points
  bedDay?: number; // yuan
  capitation?: string;
  outflow?: string;
}

describe.each(testDrivers())('worked examples through the stored runs on $kind', (driver) => {
  let t: TestApp;
  const savedToday = process.env['YIBAO_TODAY'];
  let n = 0;
  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload });
  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });
  const fact = async (f: Fact) => {
    n++;
    await t.db.query(
      `INSERT INTO settlement_payment_facts (person_id, settlement_id, payment_month, institution_id, pool, fund, method,
         dip_points, bed_days, bed_day_amount_fen, capitation_centre_id, outflow_centre_id, fund_pay_fen, account_pay_fen, events)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, '[]')`,
      [
        f.pool === 'resident' ? 'X1' : 'Y1',
        `S${n}`,
        f.month,
        f.inst,
        f.pool,
        f.fund,
        f.method ??
          (f.points !== undefined
            ? 'dip'
            : f.bedDay !== undefined
              ? 'bed_day'
              : f.capitation !== undefined
                ? 'capitation'
                : 'item'),
        f.points === undefined ? null : Math.round(f.points * 100),
        f.bedDay === undefined ? null : 1,
        f.bedDay === undefined ? null : Math.round(f.bedDay * 100),
        f.capitation ?? null,
        f.outflow ?? null,
        Math.round(f.fund_pay * 100),
        Math.round((f.account ?? 0) * 100),
      ],
    );
  };
  const runMonth = (year: number, month: number) => post('/payments/monthly-runs', { year, month });
  const cell = (run: Run, inst: string, pool: string, fund: string) =>
    run.rows.find((r) => r.institutionId === inst && r.pool === pool && r.fund === fund);

  beforeAll(async () => {
    process.env['YIBAO_TODAY'] = '2027-01-15';
    t = await createTestApp(driver);
    for (const payload of INSTITUTIONS) expect((await post('/institutions', payload)).statusCode).toBe(201);
    // Example 4: 10,000 residents insured all year (no enrolment periods: every day), 20 employees
    await t.db.query(
      `INSERT INTO persons (id, name, scheme, category, region)
       SELECT 'X' || g, '居民' || g, 'resident', 'adult', 'demo' FROM generate_series(1, 10000) g`,
    );
    await t.db.query(
      `INSERT INTO persons (id, name, scheme, category, region)
       SELECT 'Y' || g, '职工' || g, 'employee', 'in_service', 'demo' FROM generate_series(1, 20) g`,
    );
    // Examples 6 and 7: 100 residents and 20 employees contracted with C001 all year
    await t.db.query(
      `INSERT INTO family_doctor_contracts (id, person_id, community_centre_id, doctor, identity_verified, valid_from, valid_to)
       SELECT 'FD-' || p.id, p.id, 'C001', '王医生', true, '2026-01-01', '2026-12-31' FROM persons p
       WHERE p.id IN (SELECT 'X' || g FROM generate_series(1, 100) g) OR p.scheme = 'employee'`,
    );
    // Example 9: H002's 2026 agreement, A = 220,000.00 (no deposit percent: the default 5%)
    await t.db.query(
      `INSERT INTO agreements (id, institution_id, year, valid_from, valid_to, signed_on, indicators, settlement_terms)
       VALUES ('AG-H002-2026', 'H002', 2026, '2026-01-01', '2026-12-31', '2025-12-20',
               '{"totalControlAmount": 220000}', '{"method": "monthly", "paymentDays": 30}')`,
    );
    await t.db.query(
      `INSERT INTO agreement_state_changes (agreement_id, seq, state, effective_on, reason)
       VALUES ('AG-H002-2026', 1, 'active', '2026-01-01', '签订')`,
    );

    // Example 1 (March 2026), H003: a February visit of 300.00 counted in February, its reversal after
    // February's run counted in March; March's own settlements 40,000.00; employees 10,000 + 2,000 account
    await fact({ month: '2026-02', inst: 'H003', pool: 'resident', fund: 'outpatient', fund_pay: 300 });
    await fact({ month: '2026-03', inst: 'H003', pool: 'resident', fund: 'outpatient', fund_pay: -300 });
    await fact({ month: '2026-03', inst: 'H003', pool: 'resident', fund: 'outpatient', fund_pay: 25000 });
    await fact({ month: '2026-03', inst: 'H003', pool: 'resident', fund: 'outpatient', fund_pay: 15000 });
    await fact({
      month: '2026-03',
      inst: 'H003',
      pool: 'employee',
      fund: 'outpatient',
      fund_pay: 10000,
      account: 2000,
    });
    // Example 6: covered 850.00 at the centre's station; outflow 36 + 50 + 54 = 140.00 elsewhere
    await fact({
      month: '2026-03',
      inst: 'C001-1',
      pool: 'resident',
      fund: 'outpatient',
      fund_pay: 850,
      capitation: 'C001',
    });
    for (const v of [36, 50, 54])
      await fact({
        month: '2026-03',
        inst: 'H001',
        pool: 'resident',
        fund: 'outpatient',
        fund_pay: v,
        outflow: 'C001',
      });
    // Example 9 (May), H002 resident/inpatient: DIP 10,000 points, bed-day 17,328.00, family beds 60,000.00
    await fact({
      month: '2026-05',
      inst: 'H002',
      pool: 'resident',
      fund: 'inpatient',
      fund_pay: 150000,
      points: 10000,
    });
    await fact({
      month: '2026-05',
      inst: 'H002',
      pool: 'resident',
      fund: 'inpatient',
      fund_pay: 20000,
      bedDay: 17328,
    });
    await fact({ month: '2026-05', inst: 'H002', pool: 'resident', fund: 'inpatient', fund_pay: 60000 });
    // Example 4: the rest of the region's resident points, 230,000.00 (total 240,000.00)
    await fact({
      month: '2026-06',
      inst: 'H001',
      pool: 'resident',
      fund: 'inpatient',
      fund_pay: 1,
      points: 230000,
    });
  });
  afterAll(async () => {
    if (savedToday === undefined) delete process.env['YIBAO_TODAY'];
    else process.env['YIBAO_TODAY'] = savedToday;
    await t.dispose();
  });

  it('Examples 1, 6 and 7: March 2026 to the fen, deductions taken once', async () => {
    for (let m = 1; m <= 12; m++) expect((await runMonth(2025, m)).statusCode).toBe(201);
    expect((await runMonth(2026, 1)).statusCode).toBe(201);
    // Example 1's deduction, confirmed in February (before February's run): taken in March
    const d = await post('/payments/deductions', {
      requestId: 'ex1',
      institutionId: 'H003',
      year: 2026,
      month: 2,
      pool: 'resident',
      fund: 'outpatient',
      amount: 1200,
      reason: '审核扣款',
    });
    expect(d.json<{ paymentMonth: string }>().paymentMonth).toBe('2026-03');
    // Example 9's, confirmed in April: taken in May
    const d9 = await post('/payments/deductions', {
      requestId: 'ex9',
      institutionId: 'H002',
      year: 2026,
      month: 4,
      pool: 'resident',
      fund: 'inpatient',
      amount: 5000,
      reason: '审核扣款',
    });
    expect(d9.json<{ paymentMonth: string }>().paymentMonth).toBe('2026-05');
    expect((await runMonth(2026, 2)).statusCode).toBe(201);
    const march = (await runMonth(2026, 3)).json<Run>();
    expect(cell(march, 'H003', 'resident', 'outpatient')).toMatchObject({
      itemBased: 39700,
      deduction: 1200,
      holdbackPercent: 5,
      holdback: 1925,
      payable: 36575,
    });
    expect(cell(march, 'H003', 'employee', 'outpatient')).toMatchObject({
      itemBased: 10000,
      accountPay: 2000,
      holdback: 500,
      payable: 11500,
    });
    expect(cell(march, 'C001', 'resident', 'outpatient')).toMatchObject({
      capitationHead: 1528.77,
      capitationCovered: 850,
      capitationOutflow: 140,
      holdback: 69.44,
      contractFee: 1019.18,
      contractFeeHeld: 305.75,
      payable: 2032.76,
    });
    expect(cell(march, 'C001', 'employee', 'outpatient')).toMatchObject({
      contractFee: 203.84,
      contractFeeHeld: 61.15,
    });
    // the station's covered visit is paid to no one
    expect(cell(march, 'C001-1', 'resident', 'outpatient')).toBeUndefined();
  });

  it('Example 9 and Example 4: May, then the 2026 clearing in the contract order', async () => {
    expect((await runMonth(2026, 4)).statusCode).toBe(201);
    const may = (await runMonth(2026, 5)).json<Run>();
    expect(cell(may, 'H002', 'resident', 'inpatient')).toMatchObject({
      dipPoints: 10000,
      dip: 140000,
      bedDay: 17328,
      itemBased: 60000,
      deduction: 5000,
      holdback: 10616.4,
      payable: 201711.6,
    });
    for (let m = 6; m <= 11; m++) expect((await runMonth(2026, m)).statusCode).toBe(201);
    const early = await post('/payments/year-end-runs', { year: 2026 });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error).toMatchObject({ code: 'months_not_run', field: 'month' });
    expect((await runMonth(2026, 12)).statusCode).toBe(201);
    const unassessed = await post('/payments/year-end-runs', { year: 2026 });
    expect(unassessed.statusCode).toBe(409);
    expect(unassessed.json<ErrorBody>().error).toMatchObject({
      code: 'assessment_missing',
      field: 'institutionId',
    });
    await t.db.query(
      `INSERT INTO assessments (id, agreement_id, institution_id, period_from, period_to, measured, findings, score, rating, assessed_on)
       VALUES ('AS-1', 'AG-H002-2026', 'H002', '2026-01-01', '2026-12-31', '{}', '[]', 70, 'C', '2027-01-10')`,
    );
    const made = await post('/payments/year-end-runs', { year: 2026 });
    expect(made.statusCode).toBe(201);
    const run = made.json<YearEnd>();
    const resident = run.pools.find((p) => p.pool === 'resident');
    expect(resident).toMatchObject({
      insuredPersonDays: 3650000,
      dipBudget: 3000000,
      dipPoints: 240000,
      settlementPointValue: 12.5,
    });
    expect(run.institutions.find((i) => i.institutionId === 'H002')).toMatchObject({
      score: 70,
      budget: 220000,
      budgetBase: 197328,
      budgetAdjustment: 16836,
      depositReleasePercent: 50,
    });
    expect(run.rows.find((r) => r.institutionId === 'H002' && r.fund === 'inpatient')).toMatchObject({
      dip: 125000,
      dipAdvanced: 140000,
      depositReleased: 5308.2,
      budgetAdjustment: 16836,
      balance: 7144.2,
    });
    const again = await post('/payments/year-end-runs', { year: 2026 });
    expect(again.statusCode).toBe(200);
    expect(again.json<YearEnd>()).toEqual(run);
    expect((await get(`/payments/year-end-runs/${run.id}`)).json<YearEnd>()).toEqual(run);
    const mine = (await get('/institutions/H002/payments?year=2026')).json<{
      months: unknown[];
      yearEnd: { rows: Row[]; institution: { score: number } };
    }>();
    expect(mine.months.length).toBeGreaterThan(0);
    expect(mine.yearEnd.institution.score).toBe(70);
  });
});
