// The service settles on the agency's records (issue 12 §3, §4): the catalogue decides each line's
// class, ratio, price standard and limit; the institution's lists refuse what it may not bill
// (R-D10); referrals and e-prescriptions come from their records, an e-prescription is dispensed
// once; a visit after today is refused; the stored request replays exactly — on both databases.
// A caller's claim never makes Yibao pay more.
import type { CalcResult } from '@yibao/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedCatalogueCache } from '../catalogue/cache.js';
import { putApprovedItems, putEntry } from '../catalogue/entries.js';
import type { CatalogueEntryInput } from '../catalogue/types.js';
import { testDrivers } from '../db/testing.js';
import { repositoryPolicyDir } from '../policy-release/load.js';
import { client, type Client } from '../registry/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { registerFixtures } from '../testing/fixtures.js';
import { storedLine } from '../store/settlement-writes.js';
import { loadPolicy } from './calculator.js';
import { replayRequest } from './replay.js';

interface Result extends CalcResult {
  settlementId: string;
}
const change = { actor: 'test', reason: '测试目录' };

const ENTRIES: Omit<CatalogueEntryInput, 'validFrom'>[] = [
  { code: '110200001', name: '普通门诊诊查费', kind: 'service', class: 'A', priceStandard: 10 },
  {
    code: '330100001',
    name: '阑尾切除术',
    kind: 'service',
    class: 'A',
    priceStandard: { tertiary: 1000 },
    stepDown: true,
  },
  { code: 'XA10BAA042A', name: '二甲双胍片', kind: 'drug', class: 'B', selfPayRatio: 0.2, paymentLimit: 10 },
  { code: 'XC08CAA035A', name: '苯磺酸氨氯地平片', kind: 'drug', class: 'A', paymentLimit: 199.8 },
  { code: 'XJ01CAA001A', name: '阿莫西林胶囊', kind: 'drug', class: 'A', paymentLimit: 30 },
];

describe.each(testDrivers())('settling on the records on $kind', (driver) => {
  let t: TestApp;
  let api: Client;
  let seq = 0;
  const calculate = loadPolicy(repositoryPolicyDir()).calculate;
  const body = (personId: string, institutionId: string, date: string, visit: object, items: object[]) => ({
    requestId: `rec-${driver.kind}-${++seq}`,
    personId,
    institutionId,
    date,
    visit,
    items,
  });
  const settle = (...a: Parameters<typeof body>) => api.post('/settlements', body(...a));
  const preview = (...a: Parameters<typeof body>) => {
    const rest: Partial<ReturnType<typeof body>> = body(...a);
    delete rest.requestId;
    return api.post('/settlements/preview', rest);
  };
  const line = (code: string, kind: string, unitPrice: number, quantity = 1, extra: object = {}) => ({
    code,
    name: code,
    kind,
    quantity,
    unitPrice,
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(driver, { claimsAsCatalogue: false });
    api = client(t.app);
    await registerFixtures(t.app);
    for (const e of ENTRIES)
      await putEntry(
        t.db,
        { ...e, validFrom: '2026-01-01' },
        '2026-01-01',
        change,
        sharedCatalogueCache(t.db),
      );
  });
  afterAll(async () => t.dispose());

  it('R-C1: class, ratio and limit come from the catalogue; a claimed class A and no limit do not count, and the trace says so', async () => {
    // XA10BAA042A is Class B 20 %, limit 10.00, at a secondary hospital (no R-C2): 2 × 12.00 = 24.00,
    // 4.00 over the limit, 20.00 × 20 % = 4.00 first self-pay, 16.00 in scope.
    const claimed = line('XA10BAA042A', 'drug', 12, 2, { class: 'A', paymentLimit: null, selfPayRatio: 0 });
    const r = (await settle('E002', 'H002', '2026-03-02', { kind: 'outpatient' }, [claimed])).json<Result>();
    expect(r).toMatchObject({ totalCost: 24, overLimitSelfPay: 4, firstSelfPay: 4, inScope: 16 });
    const notes = r.trace.filter((e) => e.rule === 'R-C1' && e.text.includes('不予采信'));
    expect(notes.map((e) => e.text).join('\n')).toMatch(/class: 采用医保目录的 "B"，调用方所报 "A" 不予采信/);
    expect(notes.map((e) => e.text).join('\n')).toMatch(/paymentLimit: 采用医保目录的 10/);
    // The same line sent with only code, kind, quantity and price settles the same.
    const plain = (
      await preview('E002', 'H002', '2026-03-02', { kind: 'outpatient' }, [
        line('XA10BAA042A', 'drug', 12, 2),
      ])
    ).json<CalcResult>();
    expect(plain.fundPay).toBe(r.fundPay);
    expect(plain.personalPart).toBe(r.personalPart);
  });

  it('R-C11: the price standard is the institution level’s, stepped down 10 % for surgery; the excess is the institution’s', async () => {
    // tertiary 1,000.00; secondary 900.00 (derived). Billed 1,000.00 at the secondary H002: 100.00 borne.
    const r = (
      await preview('E002', 'H002', '2026-03-02', { kind: 'outpatient' }, [
        line('330100001', 'service', 1000, 1, { priceStandard: 1000 }),
      ])
    ).json<CalcResult>();
    expect(r.institutionBorne).toBe(100);
    expect(r.inScope).toBe(900);
  });

  it('R-B6: a code the catalogue does not hold is 目录外 — fully self-paid with consent, institution-borne without', async () => {
    const withConsent = (
      await preview('R001', 'C001', '2026-03-02', { kind: 'outpatient' }, [
        line('NOPE001', 'drug', 50, 1, { class: 'A', consent: true }),
      ])
    ).json<CalcResult>();
    expect(withConsent).toMatchObject({ fundPay: 0, fullSelfPay: 50, inScope: 0 });
    expect(withConsent.trace.some((e) => e.text.includes('目录外'))).toBe(true);
    const without = (
      await preview('R001', 'C001', '2026-03-02', { kind: 'outpatient' }, [
        line('NOPE001', 'drug', 50, 1, { class: 'A' }),
      ])
    ).json<CalcResult>();
    expect(without).toMatchObject({ fundPay: 0, fullSelfPay: 0, institutionBorne: 50 });
  });

  it('R-D3: an inline referral is a 400 naming visit.referral (it would open the gate at a tertiary hospital); so is an inline e-prescription', async () => {
    const referral = await settle(
      'R001',
      'H001',
      '2026-03-02',
      { kind: 'inpatient', referral: { fromLevel: 'primary', direction: 'up', filed: true } },
      [line('110200001', 'service', 10)],
    );
    expect(referral.statusCode).toBe(400);
    expect(referral.json()).toMatchObject({ error: { field: 'visit.referral' } });
    expect(referral.json<{ error: { message: string } }>().error.message).toContain('visit.referralId');
    const rx = await preview(
      'R001',
      'P001',
      '2026-03-02',
      { kind: 'pharmacy', ePrescription: { fromLevel: 'primary', fromType: 'community_centre' } },
      [line('XJ01CAA001A', 'drug', 20)],
    );
    expect(rx.statusCode).toBe(400);
    expect(rx.json()).toMatchObject({ error: { field: 'visit.ePrescription' } });
    expect(rx.json<{ error: { message: string } }>().error.message).toContain('visit.ePrescriptionId');
  });

  describe('R-D8: an e-prescription is dispensed once per line and quantity', () => {
    const rxVisit = (id: string) => ({ kind: 'pharmacy', ePrescriptionId: id });
    beforeAll(async () => {
      for (const [id, qty] of [
        ['RX-T1', 2],
        ['RX-T2', 2],
      ] as const) {
        const res = await api.post('/e-prescriptions', {
          id,
          personId: 'R001',
          institutionId: 'C001',
          doctor: '陈医生',
          issuedOn: '2026-04-01',
          validUntil: '2026-04-30',
          items: [{ code: 'XJ01CAA001A', name: '阿莫西林胶囊', quantity: qty }],
        });
        expect(res.statusCode).toBe(201);
      }
    });

    it('a partial dispensing leaves the rest; twice the whole is refused (422 naming items[0].quantity); a reversal gives it back', async () => {
      const first = await settle('R001', 'P001', '2026-04-02', rxVisit('RX-T1'), [
        line('XJ01CAA001A', 'drug', 20),
      ]);
      expect(first.statusCode).toBe(201);
      const second = await settle('R001', 'P001', '2026-04-03', rxVisit('RX-T1'), [
        line('XJ01CAA001A', 'drug', 20),
      ]);
      expect(second.statusCode).toBe(201);
      const third = await settle('R001', 'P001', '2026-04-04', rxVisit('RX-T1'), [
        line('XJ01CAA001A', 'drug', 20),
      ]);
      expect(third.statusCode).toBe(422);
      expect(third.json()).toMatchObject({
        error: { code: 'beyond_prescription', field: 'items[0].quantity' },
      });
      const undo = await api.post(`/settlements/${first.json<Result>().settlementId}/reversal`, {
        requestId: `rec-${driver.kind}-undo-${++seq}`,
      });
      expect(undo.statusCode).toBe(201);
      const again = await settle('R001', 'P001', '2026-04-05', rxVisit('RX-T1'), [
        line('XJ01CAA001A', 'drug', 20),
      ]);
      expect(again.statusCode).toBe(201);
    });

    it('400 boxes of a drug the prescription never listed are refused (422 naming items[0].code); so is more than it allows', async () => {
      const other = await settle('R001', 'P001', '2026-04-02', rxVisit('RX-T2'), [
        line('XC08CAA035A', 'drug', 1.3, 400),
      ]);
      expect(other.statusCode).toBe(422);
      expect(other.json()).toMatchObject({ error: { code: 'not_prescribed', field: 'items[0].code' } });
      const many = await settle('R001', 'P001', '2026-04-02', rxVisit('RX-T2'), [
        line('XJ01CAA001A', 'drug', 20, 400),
      ]);
      expect(many.statusCode).toBe(422);
      expect(many.json()).toMatchObject({ error: { field: 'items[0].quantity' } });
    });

    it('two concurrent settlements of the whole prescription: one dispenses, the other is refused', async () => {
      const both = await Promise.all(
        [0, 1].map(() =>
          settle('R001', 'P001', '2026-04-06', rxVisit('RX-T2'), [line('XJ01CAA001A', 'drug', 20, 2)]),
        ),
      );
      expect(both.map((r) => r.statusCode).sort()).toEqual([201, 422]);
      const rows = await t.db.query<{ total: string }>(
        `SELECT sum(quantity) AS total FROM e_prescription_dispensings WHERE prescription_id = 'RX-T2'`,
      );
      expect(Number(rows[0]?.total)).toBe(2);
    });
  });

  it('R-D10: a drug missing from the stock list on record is refused and borne by the institution (599.40 not paid)', async () => {
    const put = await api.put('/institutions/C001-1/catalogue', {
      drugs: [{ code: 'XJ01CAA001A', name: '阿莫西林胶囊' }],
      services: [],
    });
    expect(put.statusCode).toBe(200);
    const r = (
      await settle('R001', 'C001-1', '2026-03-03', { kind: 'outpatient' }, [
        line('XC08CAA035A', 'drug', 199.8, 3),
        line('XJ01CAA001A', 'drug', 20),
      ])
    ).json<Result>();
    expect(r.items[0]).toMatchObject({ total: 599.4, institutionBorne: 599.4, inScope: 0 });
    expect(r.inScope).toBe(20);
    expect(r.trace.some((e) => e.rule === 'R-D10' && e.text.includes('库存目录'))).toBe(true);
    // C001 has no list on record: the same drug is paid there.
    const open = (
      await preview('R001', 'C001', '2026-03-03', { kind: 'outpatient' }, [
        line('XC08CAA035A', 'drug', 199.8, 3),
      ])
    ).json<CalcResult>();
    expect(open.institutionBorne).toBe(0);
    expect(open.fundPay).toBeGreaterThan(0);
  });

  it('R-D10: a service item the institution is not approved for (R-C3) is refused; an approved one is paid', async () => {
    await putApprovedItems(t.db, 'C001', ['110200001'], '2026-01-01', change, sharedCatalogueCache(t.db));
    const r = (
      await preview('R001', 'C001', '2026-03-04', { kind: 'outpatient' }, [
        line('110200001', 'service', 10),
        line('330100001', 'service', 729),
      ])
    ).json<CalcResult>();
    expect(r.items[0]).toMatchObject({ institutionBorne: 0, inScope: 10 });
    expect(r.items[1]).toMatchObject({ institutionBorne: 729, inScope: 0 });
    expect(r.trace.some((e) => e.rule === 'R-D10' && e.text.includes('核准'))).toBe(true);
  });

  it('the stored request is the resolved one and replays to the same amounts', async () => {
    const r = (
      await settle('E001', 'H002', '2026-03-05', { kind: 'outpatient' }, [
        line('XA10BAA042A', 'drug', 12, 2, { class: 'A' }),
        line('110200001', 'service', 10),
      ])
    ).json<Result>();
    const rows = await t.db.query<{
      request: string | Record<string, unknown>;
      lines: Record<string, unknown>[];
    }>('SELECT request, lines FROM settlements WHERE id = $1', [r.settlementId]);
    const row = rows[0];
    if (row === undefined) throw new Error('settlement not stored');
    const stored = (typeof row.request === 'string' ? JSON.parse(row.request) : row.request) as Record<
      string,
      unknown
    >;
    const request = replayRequest(stored, row.lines.map(storedLine)) as {
      items: { class: string; selfPayRatio?: number | null; paymentLimit?: number | null }[];
      person: { scheme: string };
    };
    expect(request.items[0]).toMatchObject({
      code: 'XA10BAA042A',
      class: 'B',
      selfPayRatio: 0.2,
      paymentLimit: 10,
    });
    expect(request.person.scheme).toBe('employee');
    const replay = calculate(request);
    for (const k of ['totalCost', 'fundPay', 'personalPart', 'accountPay', 'institutionBorne'] as const)
      expect(replay[k]).toBe(r[k]);
    expect(replay.items).toEqual(r.items);
    // the engine's own trace is the end of the answer's (the records' notes come first)
    expect(r.trace.slice(r.trace.length - replay.trace.length)).toEqual(replay.trace);
  });

  it('a visit dated after today is refused (400 naming date); today is YIBAO_TODAY when set', async () => {
    const before = process.env['YIBAO_TODAY'];
    process.env['YIBAO_TODAY'] = '2026-05-31';
    try {
      const late = await settle('R001', 'C001', '2026-06-01', { kind: 'outpatient' }, [
        line('110200001', 'service', 10),
      ]);
      expect(late.statusCode).toBe(400);
      expect(late.json()).toMatchObject({ error: { code: 'future_date', field: 'date' } });
      const onDay = await preview('R001', 'C001', '2026-05-31', { kind: 'outpatient' }, [
        line('110200001', 'service', 10),
      ]);
      expect(onDay.statusCode).toBe(200);
    } finally {
      if (before === undefined) delete process.env['YIBAO_TODAY'];
      else process.env['YIBAO_TODAY'] = before;
    }
  });
});
