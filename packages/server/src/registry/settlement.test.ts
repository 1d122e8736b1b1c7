// Settlement reads the registry (issue 4): coverage on the visit date, and referrals,
// e-prescriptions, certifications, scope and relocation as the records say — on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { registerFixtures } from '../testing/fixtures.js';
import { allCriteriaMet, client, indicators, terms, type Client } from './testing.js';

interface Result {
  settlementId: string;
  fundPay: number;
  deductible: number;
  rate: number;
  firstSelfPay: number;
  benefitGroup: string;
  trace: { rule: string; text: string; applied?: false }[];
}

const A = (unitPrice: number) => ({
  code: 'A',
  name: '甲类项目',
  kind: 'service',
  class: 'A',
  quantity: 1,
  unitPrice,
});
const B = (unitPrice: number) => ({
  code: 'B',
  name: '乙类药品',
  kind: 'drug',
  class: 'B',
  selfPayRatio: 0.1,
  quantity: 1,
  unitPrice,
});

describe.each(testDrivers())('settlement with the registry on $kind', (driver) => {
  let t: TestApp;
  let api: Client;
  let seq = 0;
  const settle = (personId: string, institutionId: string, date: string, visit: object, items: object[]) =>
    api.post('/settlements', {
      requestId: `reg-${driver.kind}-${++seq}`,
      personId,
      institutionId,
      date,
      visit,
      items,
    });

  beforeAll(async () => {
    t = await createTestApp(driver);
    api = client(t.app);
    await registerFixtures(t.app);
    // A clinic designated through an application: it settles only under an agreement.
    await api.post('/applications', {
      id: 'APP-K',
      institution: { id: 'K001', name: '新设诊所', type: 'clinic', level: 'primary', county: '城关区' },
      submittedOn: '2026-01-02',
      criteria: allCriteriaMet(),
    });
    await api.post('/applications/APP-K/review', {
      decision: 'approve',
      reason: '合格',
      reviewer: '甲',
      decidedOn: '2026-01-10',
    });
    // A tertiary hospital of another county, and one in another pooling region.
    await api.post('/applications', {
      id: 'APP-Y',
      institution: {
        id: 'Y001',
        name: '远郊县医院',
        type: 'general_hospital',
        level: 'secondary',
        county: '远郊县',
      },
      submittedOn: '2026-01-02',
      criteria: allCriteriaMet(),
    });
    await api.post('/applications/APP-Y/review', {
      decision: 'approve',
      reason: '合格',
      reviewer: '甲',
      decidedOn: '2026-01-10',
    });
    await api.post('/institutions/Y001/agreements', {
      year: 2026,
      signedOn: '2026-01-10',
      indicators,
      settlementTerms: terms,
    });
    await api.post('/applications', {
      id: 'APP-O',
      institution: {
        id: 'O001',
        name: '省城医院',
        type: 'general_hospital',
        level: 'tertiary',
        county: '省城区',
        region: 'capital',
      },
      submittedOn: '2026-01-02',
      criteria: allCriteriaMet(),
    });
    await api.post('/applications/APP-O/review', {
      decision: 'approve',
      reason: '异地定点',
      reviewer: '甲',
      decidedOn: '2026-01-10',
    });
    await api.post('/institutions/O001/agreements', {
      year: 2026,
      signedOn: '2026-01-10',
      indicators,
      settlementTerms: terms,
    });
    await api.put('/persons/R001/residence', { county: '城关区' });
  });
  afterAll(async () => t.dispose());

  it('R-A6: refuses (422) a visit at an institution designated by application without an agreement, and stores nothing', async () => {
    const res = await settle('R001', 'K001', '2026-03-01', { kind: 'outpatient' }, [A(10)]);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'no_active_agreement', field: 'institutionId' } });
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/^R-A6/);
    const listed = (await api.get('/settlements?institutionId=K001')).json<{ total: number }>();
    expect(listed.total).toBe(0);
  });

  it('R-A6/R-A9: settles within an active agreement, refuses while it is suspended', async () => {
    const signed = (
      await api.post('/institutions/K001/agreements', {
        year: 2026,
        signedOn: '2026-02-01',
        validFrom: '2026-02-01',
        indicators,
        settlementTerms: terms,
      })
    ).json<{ id: string }>();
    expect((await settle('R001', 'K001', '2026-01-31', { kind: 'outpatient' }, [A(10)])).statusCode).toBe(
      422,
    );
    expect((await settle('R001', 'K001', '2026-03-01', { kind: 'outpatient' }, [A(10)])).statusCode).toBe(
      201,
    );
    await api.post(`/agreements/${signed.id}/state`, {
      state: 'suspended',
      effectiveOn: '2026-04-01',
      reason: '违规',
    });
    expect((await settle('R001', 'K001', '2026-04-02', { kind: 'outpatient' }, [A(10)])).statusCode).toBe(
      422,
    );
    // a visit dated before the suspension still settles: the state is read on the visit date
    expect((await settle('R001', 'K001', '2026-03-31', { kind: 'outpatient' }, [A(10)])).statusCode).toBe(
      201,
    );
  });

  it('R-B1: refuses (422) a person outside their enrolment periods', async () => {
    await api.post('/persons', {
      id: 'N100',
      name: '期满',
      scheme: 'resident',
      category: 'adult',
      region: 'demo',
    });
    await api.post('/persons/N100/enrolments', { validFrom: '2026-01-01', validTo: '2026-06-30' });
    expect((await settle('N100', 'C001', '2026-06-30', { kind: 'outpatient' }, [A(10)])).statusCode).toBe(
      201,
    );
    const res = await settle('N100', 'C001', '2026-07-01', { kind: 'outpatient' }, [A(10)]);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'not_insured', field: 'date' } });
    const preview = await api.post('/settlements/preview', {
      personId: 'N100',
      institutionId: 'C001',
      date: '2026-07-01',
      visit: { kind: 'outpatient' },
      items: [A(10)],
    });
    expect(preview.statusCode).toBe(422);
  });

  it('R-D3: a filed referral named by id opens the gate (worked example 3); unfiled, it does not', async () => {
    const rf = (
      await api.post('/referrals', {
        id: 'RF-1',
        personId: 'R001',
        fromInstitutionId: 'C001',
        toInstitutionId: 'H001',
        issuedOn: '2026-02-20',
        validUntil: '2026-03-20',
      })
    ).json<{ direction: string; scope: string; filed: boolean }>();
    expect(rf).toMatchObject({ direction: 'up', scope: 'in_county', filed: false });
    const unfiled = (
      await settle('R001', 'H001', '2026-03-01', { kind: 'outpatient', referralId: 'RF-1' }, [A(200), B(100)])
    ).json<Result>();
    expect(unfiled.fundPay).toBe(0);
    expect(unfiled.trace.some((e) => e.rule === 'R-D3' && e.text.includes('转诊未备案'))).toBe(true);
    await api.post('/referrals/RF-1/filing', { filedOn: '2026-02-21' });
    const filed = (
      await settle('R001', 'H001', '2026-03-02', { kind: 'outpatient', referralId: 'RF-1' }, [A(200), B(100)])
    ).json<Result>();
    // example 3: deductible 200.00, fund (290 − 200) × 40% = 36.00 — on a fresh person-year the
    // deductible is 200; R001 already paid none at tertiary this year.
    expect(filed).toMatchObject({ deductible: 200, fundPay: 36 });
    expect(filed.trace[0]).toMatchObject({ rule: 'R-D3' });
    expect(filed.trace[0]?.text).toContain('RF-1');
  });

  it('R-D3: a referral expired, for another institution or for another person does not count, and the trace says why', async () => {
    await api.post('/referrals', {
      id: 'RF-2',
      personId: 'R001',
      fromInstitutionId: 'C001',
      toInstitutionId: 'H002',
      issuedOn: '2026-02-20',
      validUntil: '2026-03-20',
    });
    await api.post('/referrals/RF-2/filing', { filedOn: '2026-02-21' });
    const cases: [string, string, string, RegExp][] = [
      ['R001', 'H002', '2026-04-01', /有效期/],
      ['R001', 'H001', '2026-03-05', /转往 H002，不是本机构/],
      ['R002', 'H002', '2026-03-05', /属于参保人 R001/],
    ];
    for (const [person, inst, date, why] of cases) {
      const r = (
        await settle(person, inst, date, { kind: 'outpatient', referralId: 'RF-2' }, [A(100)])
      ).json<Result>();
      expect(r.fundPay).toBe(0);
      expect(r.trace[0]).toMatchObject({ rule: 'R-D3', applied: false });
      expect(r.trace[0]?.text).toMatch(why);
    }
    expect(
      (
        await settle('R001', 'H002', '2026-03-05', { kind: 'outpatient', referralId: 'NOPE' }, [A(100)])
      ).json(),
    ).toMatchObject({ error: { field: 'visit.referralId' } });
  });

  it('R-D6: the referral from a previous stay carries its deductible; downward +2 points', async () => {
    const first = (
      await settle('R002', 'H001', '2026-05-01', { kind: 'inpatient' }, [A(5000)])
    ).json<Result>();
    expect(first.deductible).toBe(1000);
    await api.post('/referrals', {
      id: 'RF-3',
      personId: 'R002',
      fromInstitutionId: 'H001',
      toInstitutionId: 'H002',
      issuedOn: '2026-05-10',
      validUntil: '2026-06-10',
      previousSettlementId: first.settlementId,
    });
    await api.post('/referrals/RF-3/filing', { filedOn: '2026-05-10' });
    const second = (
      await settle('R002', 'H002', '2026-05-12', { kind: 'inpatient', referralId: 'RF-3' }, [A(7000)])
    ).json<Result>();
    // secondary stay deductible 600, less the 1,000 already paid → 0; rate 80 + 2 = 82%
    expect(second).toMatchObject({ deductible: 0, rate: 82, fundPay: 5740 });
  });

  it("R-D8: an e-prescription named by id gives the prescribing level's benefits (worked example 11)", async () => {
    await api.post('/e-prescriptions', {
      id: 'RX-1',
      personId: 'R001',
      institutionId: 'C001',
      doctor: '陈医生',
      issuedOn: '2026-06-01',
      validUntil: '2026-06-04',
      items: [{ code: 'B', name: '乙类药品', quantity: 1 }],
    });
    const ok = (
      await settle('R001', 'P001', '2026-06-02', { kind: 'pharmacy', ePrescriptionId: 'RX-1' }, [B(100)])
    ).json<Result>();
    expect(ok).toMatchObject({ firstSelfPay: 10, fundPay: 54 });
    const late = (
      await settle('R001', 'P001', '2026-06-10', { kind: 'pharmacy', ePrescriptionId: 'RX-1' }, [B(100)])
    ).json<Result>();
    expect(late.fundPay).toBe(0);
    expect(late.trace[0]).toMatchObject({ rule: 'R-D8', applied: false });
  });

  it("R-D6: the scope follows from the person's home county — another county of the city, no referral: −5 points", async () => {
    const r = (
      await settle('R001', 'Y001', '2026-07-01', { kind: 'inpatient', scope: 'in_county' }, [A(10600)])
    ).json<Result>();
    // secondary 80% − 5 = 75%; (10,600 − 600) × 75% = 7,500
    expect(r).toMatchObject({ rate: 75, fundPay: 7500 });
  });

  it('R-C10: certifications on record decide the chronic benefits on the visit date', async () => {
    await api.post('/persons/E001/certifications', { code: 'E11', kind: 'chronic', validFrom: '2026-08-01' });
    const before = (
      await settle('E001', 'C001', '2026-07-31', { kind: 'chronic_outpatient', diagnosis: 'E11.9' }, [A(100)])
    ).json<Result>();
    const after = (
      await settle('E001', 'C001', '2026-08-01', { kind: 'chronic_outpatient', diagnosis: 'E11.9' }, [A(100)])
    ).json<Result>();
    expect(before.benefitGroup).toBe('general_outpatient');
    expect(after).toMatchObject({ benefitGroup: 'chronic_outpatient', fundPay: 85 });
  });

  it('R-B5: relocation benefits out of the city, cancelled for the year by a second filing after they were used', async () => {
    await api.post('/persons/E002/relocations', {
      filedOn: '2026-02-01',
      destination: '海南省三亚市',
      validFrom: '2026-02-01',
    });
    const relocated = (
      await settle('E002', 'O001', '2026-03-01', { kind: 'inpatient' }, [A(11200)])
    ).json<Result>();
    // employee tertiary 85%, out of the city but relocated: no reduction; (11,200 − 1,200) × 85% = 8,500
    expect(relocated).toMatchObject({ rate: 85, fundPay: 8500 });
    await api.post('/persons/E002/relocations', {
      filedOn: '2026-04-01',
      destination: '广东省珠海市',
      validFrom: '2026-04-01',
    });
    const cancelled = (
      await settle('E002', 'O001', '2026-05-01', { kind: 'inpatient' }, [A(11200)])
    ).json<Result>();
    // no longer relocated this year: out of the city without referral −20 → 65%
    expect(cancelled).toMatchObject({ rate: 65, fundPay: 6500 });
  });
});
