// 参保人员的就医关系 (R-B1–R-B5, R-C8, R-C10): enrolment periods, chosen designated institutions,
// the first-contact institution, family-doctor contracts, disease certifications, relocation filings.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/types.js';
import { isPgError, UNIQUE_VIOLATION } from '../db/types.js';
import { ApiError, notFound } from '../errors.js';
import { recordVersion, type Change } from './history.js';
import { institutionView, type InstitutionView } from './institutions.js';

export interface Enrolment {
  id: string;
  validFrom: string;
  validTo: string | null;
}
export interface FamilyDoctorContract {
  id: string;
  communityCentreId: string | null;
  districtHospitalId: string | null;
  cityHospitalId: string | null;
  doctor: string;
  priorityGroup: string | null;
  identityVerified: boolean;
  validFrom: string;
  validTo: string;
  endedOn: string | null;
}
export interface Certification {
  id: string;
  code: string;
  kind: 'chronic' | 'special';
  validFrom: string;
  validTo: string | null;
  certifiedBy: string | null;
  revokedOn: string | null;
}
export interface RelocationFiling {
  id: string;
  filedOn: string;
  destination: string;
  validFrom: string;
  validTo: string | null;
  cancelsYear: number | null;
}

/** Everything the registry keeps about one person's care, and what holds on `date`. */
export interface CareRecord {
  personId: string;
  county: string | null; // 户籍所在县
  date: string;
  insured: boolean;
  enrolments: Enrolment[];
  chosenInstitutions: { year: number; institutionIds: string[] } | null;
  firstContact: { year: number; institutionId: string; chosenOn: string } | null;
  contracts: FamilyDoctorContract[];
  certifications: Certification[];
  relocations: RelocationFiling[];
  onDate: { chronicDiseases: string[]; familyDoctorContract: boolean; relocated: boolean };
}

/** Disease code lists of the person's region (policy diseases.chronic / diseases.special). */
export type DiseaseLists = (
  region: string,
  date: string,
) => { chronic: readonly string[]; special: readonly string[] } | undefined;

const within = (date: string, from: string, to: string | null): boolean =>
  date >= from && (to === null || date <= to);

interface Registered {
  region: string;
  county: string | null;
  chronic_diseases: string[];
  family_doctor_contract: boolean;
  relocated: boolean;
}

/** What the person was registered with (POST /persons): stands until the registry keeps records of its kind. */
async function registered(db: Queryable, personId: string): Promise<Registered> {
  const rows = await db.query<Registered>(
    'SELECT region, county, chronic_diseases, family_doctor_contract, relocated FROM persons WHERE id = $1',
    [personId],
  );
  const row = rows[0];
  if (!row) throw notFound('参保人', 'personId', personId);
  return row;
}

async function personRegion(db: Queryable, personId: string): Promise<string> {
  return (await registered(db, personId)).region;
}

export async function careRecord(db: Queryable, personId: string, date: string): Promise<CareRecord> {
  const person = await registered(db, personId);
  const year = Number(date.slice(0, 4));
  const [enrolments, chosen, first, contracts, certs, relocations] = await Promise.all([
    db.query<{ id: string; valid_from: string; valid_to: string | null }>(
      `SELECT id, valid_from::text, valid_to::text FROM enrolments WHERE person_id = $1 ORDER BY valid_from`,
      [personId],
    ),
    db.query<{ year: number; institution_ids: string[] }>(
      `SELECT year, institution_ids FROM chosen_institutions WHERE person_id = $1 AND year = $2`,
      [personId, year],
    ),
    db.query<{ year: number; institution_id: string; chosen_on: string }>(
      `SELECT year, institution_id, chosen_on::text FROM first_contact_choices WHERE person_id = $1 AND year = $2`,
      [personId, year],
    ),
    db.query(
      `SELECT id, community_centre_id, district_hospital_id, city_hospital_id, doctor, priority_group, identity_verified,
         valid_from::text, valid_to::text, ended_on::text FROM family_doctor_contracts WHERE person_id = $1 ORDER BY valid_from`,
      [personId],
    ),
    db.query(
      `SELECT id, code, kind, valid_from::text, valid_to::text, certified_by, revoked_on::text
       FROM disease_certifications WHERE person_id = $1 ORDER BY code, valid_from`,
      [personId],
    ),
    db.query(
      `SELECT id, filed_on::text, destination, valid_from::text, valid_to::text, cancels_year
       FROM relocation_filings WHERE person_id = $1 ORDER BY filed_on`,
      [personId],
    ),
  ]);
  const record: CareRecord = {
    personId,
    county: person.county,
    date,
    insured: enrolments.length === 0 || enrolments.some((e) => within(date, e.valid_from, e.valid_to)),
    enrolments: enrolments.map((e) => ({ id: e.id, validFrom: e.valid_from, validTo: e.valid_to })),
    chosenInstitutions: chosen[0]
      ? { year: chosen[0].year, institutionIds: chosen[0].institution_ids }
      : null,
    firstContact: first[0]
      ? { year: first[0].year, institutionId: first[0].institution_id, chosenOn: first[0].chosen_on }
      : null,
    contracts: contracts.map((c) => ({
      id: String(c.id),
      communityCentreId: (c.community_centre_id as string | null) ?? null,
      districtHospitalId: (c.district_hospital_id as string | null) ?? null,
      cityHospitalId: (c.city_hospital_id as string | null) ?? null,
      doctor: String(c.doctor),
      priorityGroup: (c.priority_group as string | null) ?? null,
      identityVerified: Boolean(c.identity_verified),
      validFrom: String(c.valid_from),
      validTo: String(c.valid_to),
      endedOn: (c.ended_on as string | null) ?? null,
    })),
    certifications: certs.map((c) => ({
      id: String(c.id),
      code: String(c.code),
      kind: c.kind as 'chronic' | 'special',
      validFrom: String(c.valid_from),
      validTo: (c.valid_to as string | null) ?? null,
      certifiedBy: (c.certified_by as string | null) ?? null,
      revokedOn: (c.revoked_on as string | null) ?? null,
    })),
    relocations: relocations.map((r) => ({
      id: String(r.id),
      filedOn: String(r.filed_on),
      destination: String(r.destination),
      validFrom: String(r.valid_from),
      validTo: (r.valid_to as string | null) ?? null,
      cancelsYear: (r.cancels_year as number | null) ?? null,
    })),
    onDate: { chronicDiseases: [], familyDoctorContract: false, relocated: false },
  };
  // The same reading as the settlement's facts (registry/facts.ts), registration values as fall-back.
  record.onDate = {
    chronicDiseases:
      record.certifications.length === 0
        ? person.chronic_diseases
        : [
            ...new Set(
              record.certifications
                .filter(
                  (c) => within(date, c.validFrom, c.validTo) && (c.revokedOn === null || date < c.revokedOn),
                )
                .map((c) => c.code),
            ),
          ].sort(),
    familyDoctorContract:
      record.contracts.length === 0
        ? person.family_doctor_contract
        : record.contracts.some(
            (c) => within(date, c.validFrom, c.validTo) && (c.endedOn === null || date < c.endedOn),
          ),
    relocated:
      record.relocations.length === 0
        ? person.relocated
        : record.relocations.some((r) => within(date, r.validFrom, r.validTo)) &&
          !record.relocations.some((r) => r.cancelsYear === year),
  };
  return record;
}

async function saved(tx: Queryable, personId: string, change: Change, date: string): Promise<CareRecord> {
  const record = await careRecord(tx, personId, date);
  await recordVersion(tx, 'person_care', personId, record, change);
  return record;
}

const lockPerson = async (tx: Queryable, personId: string): Promise<void> => {
  const rows = await tx.query('SELECT id FROM persons WHERE id = $1 FOR UPDATE', [personId]);
  if (rows.length === 0) throw notFound('参保人', 'personId', personId);
};

/** 参保登记期 (R-B1). Periods of one person never overlap. */
export async function addEnrolment(
  db: Database,
  personId: string,
  input: { validFrom: string; validTo?: string | null },
  change: Change,
): Promise<CareRecord> {
  const validTo = input.validTo ?? null;
  if (validTo !== null && validTo < input.validFrom)
    throw new ApiError(400, 'invalid_term', '参保期终止日期早于起始日期', 'validTo');
  return db.transaction(async (tx) => {
    await lockPerson(tx, personId);
    const overlap = await tx.query<{ id: string }>(
      `SELECT id FROM enrolments WHERE person_id = $1 AND valid_from <= coalesce($3::date, 'infinity'::date)
       AND coalesce(valid_to, 'infinity'::date) >= $2::date`,
      [personId, input.validFrom, validTo],
    );
    if (overlap[0])
      throw new ApiError(
        409,
        'enrolment_overlap',
        `R-B1: 参保期与已有参保期 ${overlap[0].id} 重叠`,
        'validFrom',
      );
    await tx.query(`INSERT INTO enrolments (id, person_id, valid_from, valid_to) VALUES ($1, $2, $3, $4)`, [
      `ENR-${randomUUID().slice(0, 8)}`,
      personId,
      input.validFrom,
      validTo,
    ]);
    return saved(tx, personId, change, input.validFrom);
  });
}

/** Ends the open or current enrolment on a date (参保终止). */
export async function endEnrolment(
  db: Database,
  personId: string,
  input: { validTo: string },
  change: Change,
): Promise<CareRecord> {
  return db.transaction(async (tx) => {
    await lockPerson(tx, personId);
    const rows = await tx.query<{ id: string }>(
      `UPDATE enrolments SET valid_to = $2 WHERE person_id = $1 AND valid_from <= $2::date
       AND coalesce(valid_to, 'infinity'::date) >= $2::date RETURNING id`,
      [personId, input.validTo],
    );
    if (rows.length === 0)
      throw new ApiError(409, 'not_enrolled', `R-B1: ${input.validTo} 该参保人不在参保期内`, 'validTo');
    return saved(tx, personId, change, input.validTo);
  });
}

const COMMUNITY_TYPES = [
  'community_centre',
  'community_station',
  'township_centre',
  'village_clinic',
  'clinic',
];

/**
 * 选定定点机构 (R-B2): one or two community institutions; a centre may be chosen together with one
 * of its own stations (the pair counts as one choice). All must be designated primary institutions.
 */
export async function chooseInstitutions(
  db: Database,
  personId: string,
  input: { year: number; institutionIds: string[] },
  change: Change,
): Promise<CareRecord> {
  const ids = input.institutionIds;
  if (new Set(ids).size !== ids.length)
    throw new ApiError(400, 'duplicate', 'R-B2: 选定机构有重复', 'institutionIds');
  const insts: InstitutionView[] = [];
  for (const [i, id] of ids.entries()) {
    const inst = await institutionView(db, id);
    if (!inst) throw notFound('定点医药机构', `institutionIds[${i}]`, id);
    if (inst.designation !== 'designated')
      throw new ApiError(422, 'not_designated', `R-B2: ${id} 不是定点机构`, `institutionIds[${i}]`);
    if (!COMMUNITY_TYPES.includes(inst.type)) {
      throw new ApiError(
        422,
        'not_community',
        `R-B2: 选定机构须为社区（基层）医疗机构；${id} 为 ${inst.type}`,
        `institutionIds[${i}]`,
      );
    }
    insts.push(inst);
  }
  // Group a station with its centre when both are chosen: that pair is one choice.
  const stationsOf = new Map<string, InstitutionView[]>();
  const groups = insts.filter((inst) => {
    const withCentre = inst.parentId !== null && ids.includes(inst.parentId);
    if (withCentre && inst.parentId !== null)
      stationsOf.set(inst.parentId, [...(stationsOf.get(inst.parentId) ?? []), inst]);
    return !withCentre;
  });
  for (const [centre, stations] of stationsOf) {
    if (stations.length > 1) {
      throw new ApiError(
        422,
        'too_many_stations',
        `R-B2: 选择中心 ${centre} 时至多再选其一个服务站`,
        'institutionIds',
      );
    }
  }
  if (groups.length < 1 || groups.length > 2) {
    throw new ApiError(
      422,
      'choice_count',
      `R-B2: 须选定1至2家社区医疗机构（中心及其一个站点算一家），本次为${groups.length}家`,
      'institutionIds',
    );
  }
  return db.transaction(async (tx) => {
    await lockPerson(tx, personId);
    await tx.query(
      `INSERT INTO chosen_institutions (person_id, year, institution_ids) VALUES ($1, $2, $3::text[])
       ON CONFLICT (person_id, year) DO UPDATE SET institution_ids = EXCLUDED.institution_ids`,
      [personId, input.year, ids],
    );
    return saved(tx, personId, change, `${input.year}-12-31`);
  });
}

/** 首诊机构 (R-B3): one designated primary institution per person and year, chosen once. */
export async function chooseFirstContact(
  db: Database,
  personId: string,
  input: { year: number; institutionId: string; chosenOn: string },
  change: Change,
): Promise<CareRecord> {
  const inst = await institutionView(db, input.institutionId);
  if (!inst) throw notFound('定点医药机构', 'institutionId', input.institutionId);
  if (inst.designation !== 'designated' || inst.level !== 'primary' || inst.type === 'internet_hospital') {
    throw new ApiError(
      422,
      'not_primary',
      `R-B3: 首诊机构须为定点基层医疗机构；${inst.id} 不符合`,
      'institutionId',
    );
  }
  if (Number(input.chosenOn.slice(0, 4)) > input.year)
    throw new ApiError(400, 'invalid_date', '选定日期晚于首诊年度', 'chosenOn');
  try {
    return await db.transaction(async (tx) => {
      await lockPerson(tx, personId);
      await tx.query(
        `INSERT INTO first_contact_choices (person_id, year, institution_id, chosen_on) VALUES ($1, $2, $3, $4)`,
        [personId, input.year, input.institutionId, input.chosenOn],
      );
      return saved(tx, personId, change, `${input.year}-12-31`);
    });
  } catch (err) {
    if (isPgError(err) && err.code === UNIQUE_VIOLATION) {
      const existing = await db.query<{ institution_id: string }>(
        'SELECT institution_id FROM first_contact_choices WHERE person_id = $1 AND year = $2',
        [personId, input.year],
      );
      throw new ApiError(
        409,
        'first_contact_chosen',
        `R-B3: 该参保人${input.year}年已选定首诊机构 ${existing[0]?.institution_id ?? ''}，一年只能选定一家`,
        'institutionId',
      );
    }
    throw err;
  }
}

export interface ContractInput {
  id?: string;
  communityCentreId: string;
  districtHospitalId?: string | null;
  cityHospitalId?: string | null;
  doctor: string;
  priorityGroup?: string | null;
  identityVerified: boolean;
  validFrom: string;
  validTo: string;
}

async function checkContractMember(
  db: Queryable,
  id: string | null | undefined,
  field: string,
  want: (i: InstitutionView) => boolean,
  what: string,
): Promise<void> {
  if (id === null || id === undefined) return;
  const inst = await institutionView(db, id);
  if (!inst) throw notFound('定点医药机构', field, id);
  if (inst.designation !== 'designated' || !want(inst))
    throw new ApiError(422, 'contract_member', `R-B4: ${field} 须为定点${what}；${id} 不符合`, field);
}

/** 家庭医生签约 "1+1+1" (R-B4): a community centre, optionally one district and one city hospital. */
export async function signContract(
  db: Database,
  personId: string,
  input: ContractInput,
  change: Change,
): Promise<CareRecord> {
  if (!input.identityVerified)
    throw new ApiError(422, 'identity_not_verified', 'R-B4: 签约须核验参保人身份', 'identityVerified');
  if (input.validTo < input.validFrom)
    throw new ApiError(400, 'invalid_term', '签约终止日期早于起始日期', 'validTo');
  await checkContractMember(
    db,
    input.communityCentreId,
    'communityCentreId',
    (i) => i.type === 'community_centre' || i.type === 'township_centre',
    '社区卫生服务中心或乡镇卫生院',
  );
  await checkContractMember(
    db,
    input.districtHospitalId,
    'districtHospitalId',
    (i) => i.level === 'secondary',
    '二级（区级）医院',
  );
  await checkContractMember(
    db,
    input.cityHospitalId,
    'cityHospitalId',
    (i) => i.level === 'tertiary',
    '三级（市级）医院',
  );
  return db.transaction(async (tx) => {
    await lockPerson(tx, personId);
    const overlap = await tx.query<{ id: string }>(
      `SELECT id FROM family_doctor_contracts WHERE person_id = $1 AND valid_from <= $3::date
       AND least(valid_to, coalesce(ended_on - 1, valid_to)) >= $2::date`,
      [personId, input.validFrom, input.validTo],
    );
    if (overlap[0])
      throw new ApiError(409, 'contract_overlap', `R-B4: 与现有签约 ${overlap[0].id} 期间重叠`, 'validFrom');
    await tx.query(
      `INSERT INTO family_doctor_contracts (id, person_id, community_centre_id, district_hospital_id, city_hospital_id, doctor,
         priority_group, identity_verified, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        input.id ?? `FDC-${randomUUID().slice(0, 8)}`,
        personId,
        input.communityCentreId,
        input.districtHospitalId ?? null,
        input.cityHospitalId ?? null,
        input.doctor,
        input.priorityGroup ?? null,
        input.identityVerified,
        input.validFrom,
        input.validTo,
      ],
    );
    return saved(tx, personId, change, input.validFrom);
  });
}

export async function endContract(
  db: Database,
  personId: string,
  contractId: string,
  input: { endedOn: string },
  change: Change,
): Promise<CareRecord> {
  return db.transaction(async (tx) => {
    await lockPerson(tx, personId);
    const rows = await tx.query(
      `UPDATE family_doctor_contracts SET ended_on = $3 WHERE id = $2 AND person_id = $1 AND ended_on IS NULL RETURNING id`,
      [personId, contractId, input.endedOn],
    );
    if (rows.length === 0) throw notFound('有效的家庭医生签约', 'contractId', contractId);
    return saved(tx, personId, change, input.endedOn);
  });
}

/** 慢特病认定 (R-C10, R-C8): the code must be on the region's list for its kind. */
export async function certifyDisease(
  db: Database,
  personId: string,
  input: {
    code: string;
    kind: 'chronic' | 'special';
    validFrom: string;
    validTo?: string | null;
    certifiedBy?: string | null;
  },
  lists: DiseaseLists,
  change: Change,
): Promise<CareRecord> {
  const region = await personRegion(db, personId);
  const known = lists(region, input.validFrom);
  const list = input.kind === 'chronic' ? known?.chronic : known?.special;
  const category = input.code.split('.')[0] ?? input.code;
  if (!list?.some((c) => c === input.code || c === category)) {
    throw new ApiError(
      422,
      'not_on_list',
      `${input.kind === 'chronic' ? 'R-C10: 门诊慢性病' : 'R-C8: 门诊特殊病种'}目录中没有 ${input.code}`,
      'code',
    );
  }
  if (input.certifiedBy) {
    const inst = await institutionView(db, input.certifiedBy);
    if (!inst || inst.designation !== 'designated')
      throw new ApiError(422, 'not_designated', `认定机构 ${input.certifiedBy} 不是定点机构`, 'certifiedBy');
  }
  return db.transaction(async (tx) => {
    await lockPerson(tx, personId);
    await tx.query(
      `INSERT INTO disease_certifications (id, person_id, code, kind, valid_from, valid_to, certified_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        `CERT-${randomUUID().slice(0, 8)}`,
        personId,
        input.code,
        input.kind,
        input.validFrom,
        input.validTo ?? null,
        input.certifiedBy ?? null,
      ],
    );
    return saved(tx, personId, change, input.validFrom);
  });
}

export async function revokeCertification(
  db: Database,
  personId: string,
  certId: string,
  input: { revokedOn: string },
  change: Change,
): Promise<CareRecord> {
  return db.transaction(async (tx) => {
    await lockPerson(tx, personId);
    const rows = await tx.query(
      `UPDATE disease_certifications SET revoked_on = $3 WHERE id = $2 AND person_id = $1 AND revoked_on IS NULL RETURNING id`,
      [personId, certId, input.revokedOn],
    );
    if (rows.length === 0) throw notFound('有效的病种认定', 'certificationId', certId);
    return saved(tx, personId, change, input.revokedOn);
  });
}

/**
 * 异地安置备案 (R-B5). A second filing in one year, after relocation benefits were used that year,
 * cancels that year's relocation benefit: the filing records the cancelled year.
 */
export async function fileRelocation(
  db: Database,
  personId: string,
  input: { filedOn: string; destination: string; validFrom: string; validTo?: string | null },
  change: Change,
): Promise<CareRecord> {
  const year = Number(input.filedOn.slice(0, 4));
  return db.transaction(async (tx) => {
    await lockPerson(tx, personId);
    const earlier = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM relocation_filings WHERE person_id = $1 AND extract(year FROM filed_on) = $2`,
      [personId, year],
    );
    const used = await tx.query<{ used: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM settlements s WHERE s.person_id = $1 AND s.year = $2 AND s.reverses IS NULL
         AND NOT EXISTS (SELECT 1 FROM settlements r WHERE r.reverses = s.id)
         AND jsonb_path_exists((s.result -> 'trace')::jsonb, '$[*] ? (@.rule == "R-B5" && !exists(@.applied))')) AS used`,
      [personId, year],
    );
    const cancels = (earlier[0]?.n ?? 0) >= 1 && used[0]?.used === true ? year : null;
    await tx.query(
      `INSERT INTO relocation_filings (id, person_id, filed_on, destination, valid_from, valid_to, cancels_year) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        `REL-${randomUUID().slice(0, 8)}`,
        personId,
        input.filedOn,
        input.destination,
        input.validFrom,
        input.validTo ?? null,
        cancels,
      ],
    );
    return saved(tx, personId, change, input.filedOn);
  });
}

/** 户籍所在县: the visit's scope (in county / cross county / out of city) is judged from it (R-D6). */
export async function setResidence(
  db: Database,
  personId: string,
  input: { county: string },
  change: Change,
): Promise<CareRecord> {
  return db.transaction(async (tx) => {
    await lockPerson(tx, personId);
    await tx.query('UPDATE persons SET county = $2 WHERE id = $1', [personId, input.county]);
    return saved(tx, personId, change, new Date().toISOString().slice(0, 10));
  });
}
