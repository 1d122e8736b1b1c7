// The demo region's registry (issue 4): agreements for every institution, applications in every
// state, a terminated agreement, a cancelled designation and a suspension; the persons' home
// counties, enrolment, certifications, family-doctor contracts, relocation filings, first-contact
// and chosen institutions; and, after the visits, referrals and e-prescriptions that visits name by id.
import type { Database, Queryable } from '../db/types.js';
import { isDomainError } from '../domain/errors.js';
import { ApiError } from '../errors.js';
import { signAgreement, changeAgreementState, renewAgreementsThrough } from '../registry/agreements.js';
import { today } from '../domain/today.js';
import { assessAgreement, publishAssessment } from '../registry/assessment.js';
import { closeComplaint, receiveComplaint, recordSurvey } from '../registry/feedback.js';
import { reviewApplication, submitApplication } from '../registry/applications.js';
import { CRITERIA } from '../registry/criteria.js';
import type { Change } from '../registry/history.js';
import { cancelDesignation } from '../registry/designation.js';
import { putCatalogue } from '../registry/catalogue.js';
import { putApprovedItems } from '../catalogue/entries.js';
import { createEPrescription, createReferral, fileReferral } from '../registry/referrals.js';
import type { SettlementService } from '../settle/service.js';
import type { Institution } from '../store/records.js';
import type { DemoPerson } from './persons.js';
import { Rng } from './prng.js';
import { CONSULTATION, PRIMARY_DRUGS, PRIMARY_SERVICES } from './catalogue.js';
import { demoApprovedServices } from './catalogue-entries.js';

const DEMO: Change = { actor: 'demo', reason: '示范数据初始导入' };
const CHRONIC = new Set([
  'I10',
  'I11',
  'E10',
  'E11',
  'I25',
  'J44',
  'I69',
  'A15',
  'A16',
  'A17',
  'A18',
  'A19',
  'B18',
  'M05',
  'G20',
]);

const DRUG_SHARE_BY_LEVEL = { primary: 55, secondary: 42, tertiary: 35 } as const; // 药占比上限
const CONTROL_BY_LEVEL = { primary: 2_000_000, secondary: 30_000_000, tertiary: 120_000_000 } as const; // 总额控制

async function bulk(db: Queryable, sql: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.query(sql, [JSON.stringify(rows.slice(i, i + 1000))]);
}

/** Agreements for 2025 and 2026, then a termination, a suspension and a cancelled designation. */
async function seedAgreements(db: Database, institutions: readonly Institution[]): Promise<void> {
  for (const inst of institutions) {
    const level = inst.level ?? 'primary';
    for (const year of [2025, 2026]) {
      await signAgreement(
        db,
        inst.id,
        {
          id: `AGR-${inst.id}-${year}`,
          year,
          signedOn: `${year - 1}-12-20`,
          indicators: {
            drugCostShareMax: inst.type === 'pharmacy' ? 100 : DRUG_SHARE_BY_LEVEL[level],
            selfPaidDrugShareMax: 10,
            ...(inst.type === 'pharmacy' ? {} : { totalControlAmount: CONTROL_BY_LEVEL[level] }),
            ...(level === 'primary' ? { catalogueStockingRateMin: 90, catalogueUsageRateMin: 80 } : {}),
            ...(level !== 'primary' && inst.type !== 'pharmacy'
              ? { inpatientOutOfScopeShareMax: 8, inpatientPersonalBurdenShareMax: 30 }
              : {}),
          },
          settlementTerms: { method: 'monthly', paymentDays: 30, qualityDepositPercent: 5 },
        },
        DEMO,
      );
    }
  }
  const clinic = institutions.find((i) => i.type === 'clinic');
  if (clinic) {
    await changeAgreementState(
      db,
      `AGR-${clinic.id}-2026`,
      { state: 'terminated', effectiveOn: '2026-10-01', reason: '年度考核不合格，群众满意度低 (R-A9)' },
      DEMO,
    );
  }
  // R-A6: renewed yearly through the year after today, so the demo keeps settling past New Year; the
  // terminated clinic is not renewed (docs/registry.md § Renewal).
  await renewAgreementsThrough(db, 2027, demoThroughYear(), (year) => `${year - 1}-12-01`, DEMO);
  const pharmacy = institutions.find((i) => i.type === 'pharmacy');
  if (pharmacy) {
    await changeAgreementState(
      db,
      `AGR-${pharmacy.id}-2026`,
      { state: 'suspended', effectiveOn: '2026-03-01', reason: '串换药品，暂停协议整改' },
      DEMO,
    );
    await changeAgreementState(
      db,
      `AGR-${pharmacy.id}-2026`,
      { state: 'active', effectiveOn: '2026-04-01', reason: '整改到位，恢复协议' },
      DEMO,
    );
  }
  const village = [...institutions].reverse().find((i) => i.type === 'village_clinic');
  if (village)
    await cancelDesignation(
      db,
      village.id,
      { effectiveOn: '2026-09-01', reason: '虚构诊疗骗取医保基金 (R-A9)' },
      DEMO,
    );
  const centre = institutions.find((i) => i.type === 'community_centre');
  if (centre) {
    await putCatalogue(
      db,
      centre.id,
      {
        // Every drug a primary visit bills (demo/catalogue.ts), by the catalogue's code: once R-D10
        // is checked, a drug missing from a stock list on record is refused (docs/catalogue.md).
        drugs: PRIMARY_DRUGS.map((d) => ({ code: d.code, name: d.name, price: d.price[1] })),
        services: [
          { code: '110200001', name: '普通门诊诊查费', price: 10 },
          { code: '120100001', name: '家庭病床建床费', price: 20 },
        ],
      },
      DEMO,
    );
  }
}

const checklist = (unmetItem?: string) =>
  CRITERIA.map((item) => ({
    item,
    met: item !== unmetItem,
    evidence: item === unmetItem ? '尚未达到' : '现场核查通过',
  }));

/** Applications in every state: pending, approved (and signed), rejected, returned, green channel. */
async function seedApplications(db: Database): Promise<void> {
  const county = '白河县';
  await submitApplication(
    db,
    {
      id: 'APP-2026-001',
      institution: {
        id: 'N0200100',
        name: '东湖区滨江社区卫生服务中心',
        type: 'community_centre',
        level: 'primary',
        county: '东湖区',
      },
      stations: [
        { id: 'N0200101', name: '滨江第1社区卫生服务站', type: 'community_station', county: '东湖区' },
      ],
      submittedOn: '2026-10-20',
      criteria: checklist(),
    },
    DEMO,
  );
  await submitApplication(
    db,
    {
      id: 'APP-2026-002',
      institution: {
        id: 'N0130002',
        name: '城关区康宁诊所',
        type: 'clinic',
        level: 'primary',
        county: '城关区',
      },
      submittedOn: '2026-03-02',
      criteria: checklist(),
    },
    DEMO,
  );
  await reviewApplication(
    db,
    'APP-2026-002',
    {
      decision: 'approve',
      reason: '材料齐全，现场核查合格',
      reviewer: '定点审核组',
      decidedOn: '2026-04-15',
    },
    DEMO,
  );
  await signAgreement(
    db,
    'N0130002',
    {
      id: 'AGR-N0130002-2026',
      year: 2026,
      validFrom: '2026-05-01',
      signedOn: '2026-04-20',
      indicators: { drugCostShareMax: 55, selfPaidDrugShareMax: 10 },
      settlementTerms: { method: 'monthly', paymentDays: 30 },
    },
    DEMO,
  );
  await submitApplication(
    db,
    {
      id: 'APP-2026-003',
      institution: {
        id: 'N0330003',
        name: '青山县济世诊所',
        type: 'clinic',
        level: 'primary',
        county: '青山县',
      },
      submittedOn: '2026-05-06',
      criteria: checklist('finance_separation'),
    },
    DEMO,
  );
  await reviewApplication(
    db,
    'APP-2026-003',
    {
      decision: 'reject',
      reason: '公共卫生与医疗收支未分开核算',
      reviewer: '定点审核组',
      decidedOn: '2026-06-01',
    },
    DEMO,
  );
  await submitApplication(
    db,
    {
      id: 'APP-2026-004',
      institution: { id: 'N0430004', name: '白河县惠康药房', type: 'pharmacy', county },
      submittedOn: '2026-06-10',
      criteria: checklist(),
    },
    DEMO,
  );
  await reviewApplication(
    db,
    'APP-2026-004',
    {
      decision: 'return',
      reason: '营业执照复印件不清晰，请补正',
      reviewer: '定点审核组',
      decidedOn: '2026-06-20',
    },
    DEMO,
  );
  await submitApplication(
    db,
    {
      id: 'APP-2026-005',
      institution: {
        id: 'N0420500',
        name: '白河县山口乡卫生院',
        type: 'township_centre',
        level: 'primary',
        county,
      },
      stations: [{ id: 'N0420501', name: '山口乡东村卫生室', type: 'village_clinic', county }],
      submittedOn: '2026-02-01',
      criteria: checklist('it_settlement'),
      greenChannel: true,
    },
    DEMO,
  );
  await reviewApplication(
    db,
    'APP-2026-005',
    {
      decision: 'approve',
      reason: '绿色通道：资源薄弱地区，限三个月内完成联网',
      reviewer: '定点审核组',
      decidedOn: '2026-03-01',
    },
    DEMO,
  );
  await signAgreement(
    db,
    'N0420500',
    {
      id: 'AGR-N0420500-2026',
      year: 2026,
      validFrom: '2026-03-01',
      signedOn: '2026-03-01',
      indicators: { drugCostShareMax: 55 },
      settlementTerms: { method: 'monthly', paymentDays: 30 },
    },
    DEMO,
  );
}

/** The persons' care relationships, in bulk, matching what they were registered with. */
async function seedCare(
  db: Database,
  institutions: readonly Institution[],
  persons: readonly DemoPerson[],
): Promise<void> {
  const rng = new Rng(4242);
  const centres = (county: string) =>
    institutions.filter(
      (i) => i.county === county && (i.type === 'community_centre' || i.type === 'township_centre'),
    );
  const secondary = (county: string) =>
    institutions.find((i) => i.county === county && i.type === 'general_hospital' && i.level === 'secondary');
  const city = institutions.find((i) => i.level === 'tertiary' && i.type === 'general_hospital');
  const stationsOf = (centre: string) => institutions.filter((i) => i.parentId === centre);
  const counties: object[] = [];
  const enrolments: object[] = [];
  const certs: object[] = [];
  const contracts: object[] = [];
  const relocations: object[] = [];
  const first: object[] = [];
  const chosen: object[] = [];
  for (const p of persons) {
    counties.push({ id: p.id, county: p.homeCounty });
    // 1 in 100 left the scheme at mid-year (参保终止): their later visits are refused (R-B1).
    const left = rng.chance(0.01);
    enrolments.push({
      id: `ENR-${p.id}`,
      person_id: p.id,
      valid_from: '2025-01-01',
      valid_to: left ? '2026-06-30' : null,
    });
    const home = centres(p.homeCounty);
    const centre = home.length > 0 ? rng.pick(home) : undefined;
    for (const code of p.chronicDiseases) {
      certs.push({
        id: `CERT-${p.id}-${code}`,
        person_id: p.id,
        code,
        kind: CHRONIC.has(code) ? 'chronic' : 'special',
        valid_from: '2025-01-01',
        certified_by: secondary(p.homeCounty)?.id ?? null,
      });
    }
    if (p.familyDoctorContract && centre) {
      contracts.push({
        id: `FDC-${p.id}`,
        person_id: p.id,
        community_centre_id: centre.id,
        district_hospital_id: secondary(p.homeCounty)?.id ?? null,
        city_hospital_id: city?.id ?? null,
        doctor: `${centre.name.slice(-8, -6)}家庭医生团队`,
        priority_group:
          p.chronicDiseases.length > 0
            ? 'chronic'
            : p.category === 'elderly' || p.category === 'retired'
              ? 'elderly'
              : 'other',
        identity_verified: true,
        valid_from: '2025-01-01',
        valid_to: `${demoThroughYear()}-12-31`, // signed through the year after today (R-A6 renewals alike)
      });
    }
    if (p.relocated)
      relocations.push({
        id: `REL-${p.id}`,
        person_id: p.id,
        filed_on: '2025-01-01',
        destination: rng.pick(['海南省三亚市', '广东省深圳市', '云南省昆明市']),
        valid_from: '2025-01-01',
      });
    if (centre && rng.chance(0.6)) {
      first.push({ person_id: p.id, year: 2026, institution_id: centre.id, chosen_on: '2026-01-05' });
      const station = stationsOf(centre.id)[0];
      chosen.push({
        person_id: p.id,
        year: 2026,
        institution_ids: station && rng.chance(0.5) ? [centre.id, station.id] : [centre.id],
      });
    }
  }
  await bulk(
    db,
    `UPDATE persons p SET county = x.county FROM jsonb_to_recordset($1::jsonb) AS x(id text, county text) WHERE p.id = x.id`,
    counties,
  );
  await bulk(
    db,
    `INSERT INTO enrolments SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, valid_from date, valid_to date) ON CONFLICT DO NOTHING`,
    enrolments,
  );
  await bulk(
    db,
    `INSERT INTO disease_certifications (id, person_id, code, kind, valid_from, certified_by) SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, code text, kind text, valid_from date, certified_by text) ON CONFLICT DO NOTHING`,
    certs,
  );
  await bulk(
    db,
    `INSERT INTO family_doctor_contracts (id, person_id, community_centre_id, district_hospital_id, city_hospital_id, doctor, priority_group, identity_verified, valid_from, valid_to)
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, community_centre_id text, district_hospital_id text, city_hospital_id text, doctor text, priority_group text, identity_verified boolean, valid_from date, valid_to date) ON CONFLICT DO NOTHING`,
    contracts,
  );
  await bulk(
    db,
    `INSERT INTO relocation_filings (id, person_id, filed_on, destination, valid_from) SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, filed_on date, destination text, valid_from date) ON CONFLICT DO NOTHING`,
    relocations,
  );
  await bulk(
    db,
    `INSERT INTO first_contact_choices SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(person_id text, year integer, institution_id text, chosen_on date) ON CONFLICT DO NOTHING`,
    first,
  );
  await bulk(
    db,
    `INSERT INTO chosen_institutions SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(person_id text, year integer, institution_ids text[]) ON CONFLICT DO NOTHING`,
    chosen,
  );
  // The first version of every person's care record: the import itself, by the demo.
  await bulk(
    db,
    `INSERT INTO record_versions (entity, record_id, version, data, actor, reason)
     SELECT 'person_care', x.id, 1, jsonb_build_object('county', x.county, 'imported', true), 'demo', '示范数据初始导入'
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, county text) ON CONFLICT DO NOTHING`,
    counties,
  );
}

/** Registers the registry side of the demo region (before any visit is settled). */
/**
 * The last year the demo's agreements and family-doctor contracts run to: the year after today, so
 * a demo seeded now keeps settling past New Year (issue 12 §4).
 */
export function demoThroughYear(): number {
  return Number(today().slice(0, 4)) + 1;
}

export async function seedDemoRegistry(
  db: Database,
  institutions: readonly Institution[],
  persons: readonly DemoPerson[],
): Promise<void> {
  const already = await db.query('SELECT 1 FROM agreements LIMIT 1');
  if (already.length > 0) return; // seeding again is harmless
  await seedAgreements(db, institutions);
  await seedApprovedItems(db, institutions);
  await seedApplications(db);
  await seedCare(db, institutions, persons);
}

/**
 * Referrals and e-prescriptions as institutions create them, and visits that name them by id —
 * through the same settlement service. Returns how many visits settled.
 */
export async function settleWithRecords(
  db: Database,
  service: SettlementService,
  institutions: readonly Institution[],
  persons: readonly DemoPerson[],
  count: number,
  run: string,
): Promise<number> {
  const rng = new Rng(777);
  const secondaryOf = (county: string) =>
    institutions.find((i) => i.county === county && i.type === 'general_hospital' && i.level === 'secondary');
  const centreOf = (county: string) =>
    institutions.find(
      (i) => i.county === county && (i.type === 'community_centre' || i.type === 'township_centre'),
    );
  const pharmacyOf = (county: string) =>
    institutions.find((i) => i.county === county && i.type === 'pharmacy');
  const residents = persons.filter((p) => p.scheme === 'resident');
  let settled = 0;
  for (let n = 0; n < count && residents.length > 0; n++) {
    const p = rng.pick(residents);
    const centre = centreOf(p.homeCounty);
    const hospital = secondaryOf(p.homeCounty);
    const pharmacy = pharmacyOf(p.homeCounty);
    if (!centre || !hospital || !pharmacy) continue;
    const month = String(1 + (n % 11)).padStart(2, '0');
    const issued = `2026-${month}-0${1 + (n % 8)}`;
    const visitDate = `2026-${month}-1${n % 9}`;
    try {
      if (n % 2 === 0) {
        const id = `RF-DEMO-${run}-${n}`;
        await createReferral(
          db,
          {
            id,
            personId: p.id,
            fromInstitutionId: centre.id,
            toInstitutionId: hospital.id,
            issuedOn: issued,
            validUntil: `2026-${month}-28`,
            diagnosis: 'J18.9',
          },
          { actor: centre.id, reason: '开具转诊单' },
        );
        if (rng.chance(0.85))
          await fileReferral(db, id, { filedOn: issued }, { actor: 'demo', reason: '转诊备案' });
        await service.settle({
          requestId: `demo-${run}-rf-${n}`,
          personId: p.id,
          institutionId: hospital.id,
          date: visitDate,
          visit: { kind: 'outpatient', referralId: id },
          items: [
            {
              code: '110200002',
              name: '副主任医师诊查费',
              kind: 'service',
              class: 'A',
              quantity: 1,
              unitPrice: 25,
            },
            {
              code: '250101001',
              name: '血常规',
              kind: 'service',
              class: 'A',
              quantity: 1,
              unitPrice: rng.yuan(20, 40),
            },
            {
              code: 'XJ01DCA',
              name: '头孢呋辛酯片',
              kind: 'drug',
              class: 'B',
              selfPayRatio: 0.1,
              quantity: 2,
              unitPrice: rng.yuan(18, 36),
            },
          ],
        });
      } else {
        const id = `RX-DEMO-${run}-${n}`;
        await createEPrescription(
          db,
          {
            id,
            personId: p.id,
            institutionId: centre.id,
            doctor: '全科医生',
            issuedOn: issued,
            validUntil: `2026-${month}-28`,
            items: [{ code: 'XC08CAA', name: '氨氯地平片', quantity: 2 }],
          },
          { actor: centre.id, reason: '开具电子处方' },
        );
        await service.settle({
          requestId: `demo-${run}-rx-${n}`,
          personId: p.id,
          institutionId: pharmacy.id,
          date: visitDate,
          visit: { kind: 'pharmacy', ePrescriptionId: id },
          items: [
            {
              code: 'XC08CAA',
              name: '氨氯地平片',
              kind: 'drug',
              class: 'B',
              selfPayRatio: 0.05,
              quantity: 2,
              unitPrice: rng.yuan(15, 25),
            },
          ],
        });
      }
      settled++;
    } catch (err) {
      // A demo visit refused by a rule (not insured, no agreement) is part of a realistic year.
      if (!(err instanceof ApiError) && !isDomainError(err)) throw err;
    }
  }
  return settled;
}

/**
 * The 2025 assessment year (R-A7, R-A8, R-A10): a satisfaction survey for every institution, a few
 * reports and complaints, each 2025 agreement assessed from its settlements and the result published.
 */
export async function assessDemoYear(db: Database, institutions: readonly Institution[]): Promise<number> {
  const done = await db.query(`SELECT 1 FROM assessments LIMIT 1`);
  if (done.length > 0) return 0;
  const rng = new Rng(2025);
  let assessed = 0;
  for (const [i, inst] of institutions.entries()) {
    const respondents = rng.int(40, 200);
    await recordSurvey(db, inst.id, {
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      respondents,
      satisfied: Math.round(respondents * (0.72 + rng.next() * 0.27)),
    });
    if (i % 17 === 3) {
      const c = await receiveComplaint(
        db,
        inst.id,
        {
          kind: i % 2 === 0 ? 'report' : 'complaint',
          receivedOn: '2025-09-12',
          summary: i % 2 === 0 ? '挂床住院、虚记费用' : '候诊时间过长',
        },
        DEMO,
      );
      await closeComplaint(
        db,
        c.id,
        {
          state: i % 2 === 0 ? 'substantiated' : 'unfounded',
          resolution: i % 2 === 0 ? '查实，追回基金并约谈' : '经核查不实',
          closedOn: '2025-10-20',
        },
        DEMO,
      );
    }
    const agreements = await db.query<{ id: string }>(
      `SELECT id FROM agreements WHERE institution_id = $1 AND year = 2025`,
      [inst.id],
    );
    for (const a of agreements) {
      const result = await assessAgreement(db, a.id, { assessedOn: '2026-01-20' }, DEMO);
      await publishAssessment(db, result.id, DEMO);
      assessed++;
    }
  }
  return assessed;
}

/**
 * R-C3: each community centre and station is approved, item by item, for the community service
 * items of the demo catalogue — every one its primary visits bill among them. Needs the demo
 * catalogue loaded (seed.ts loads it first); other institutions have no list and are not checked.
 */
export async function seedApprovedItems(db: Database, institutions: readonly Institution[]): Promise<void> {
  const codes = [
    ...new Set([...demoApprovedServices(), CONSULTATION.code, ...PRIMARY_SERVICES.map((s) => s.code)]),
  ].sort();
  for (const i of institutions)
    if (i.type === 'community_centre' || i.type === 'community_station')
      await putApprovedItems(db, i.id, codes, '2026-01-01', {
        actor: 'demo',
        reason: '核定社区服务项目 (R-C3)',
      });
}
