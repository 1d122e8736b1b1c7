// A person's care records (R-B1–R-B5, R-C8, R-C10): enrolments, chosen_institutions,
// first_contact_choices, family_doctor_contracts, disease_certifications, relocation_filings.
import type { Queryable } from '../../db/types.js';

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
export interface ChosenInstitutions {
  year: number;
  institutionIds: string[];
}
export interface FirstContact {
  year: number;
  institutionId: string;
  chosenOn: string;
}

/** Every care record of the person; the chosen and first-contact institutions of `year`. */
export async function careRecords(
  db: Queryable,
  personId: string,
  year: number,
): Promise<{
  enrolments: Enrolment[];
  chosenInstitutions: ChosenInstitutions | null;
  firstContact: FirstContact | null;
  contracts: FamilyDoctorContract[];
  certifications: Certification[];
  relocations: RelocationFiling[];
}> {
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
  return {
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
  };
}

// 参保登记期 (R-B1)

/** An enrolment of the person whose period meets `from`–`to` (open ends are infinite). */
export async function overlappingEnrolment(
  tx: Queryable,
  personId: string,
  from: string,
  to: string | null,
): Promise<string | undefined> {
  const overlap = await tx.query<{ id: string }>(
    `SELECT id FROM enrolments WHERE person_id = $1 AND valid_from <= coalesce($3::date, 'infinity'::date)
     AND coalesce(valid_to, 'infinity'::date) >= $2::date`,
    [personId, from, to],
  );
  return overlap[0]?.id;
}

export async function insertEnrolment(tx: Queryable, personId: string, e: Enrolment): Promise<void> {
  await tx.query(`INSERT INTO enrolments (id, person_id, valid_from, valid_to) VALUES ($1, $2, $3, $4)`, [
    e.id,
    personId,
    e.validFrom,
    e.validTo,
  ]);
}

/** Ends the enrolment covering `validTo` on that day; false when none covers it. */
export async function endEnrolmentOn(tx: Queryable, personId: string, validTo: string): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE enrolments SET valid_to = $2 WHERE person_id = $1 AND valid_from <= $2::date
     AND coalesce(valid_to, 'infinity'::date) >= $2::date RETURNING id`,
    [personId, validTo],
  );
  return rows.length > 0;
}

// 选定定点机构 (R-B2) and 首诊机构 (R-B3)

export async function upsertChosenInstitutions(
  tx: Queryable,
  personId: string,
  chosen: ChosenInstitutions,
): Promise<void> {
  await tx.query(
    `INSERT INTO chosen_institutions (person_id, year, institution_ids) VALUES ($1, $2, $3::text[])
     ON CONFLICT (person_id, year) DO UPDATE SET institution_ids = EXCLUDED.institution_ids`,
    [personId, chosen.year, chosen.institutionIds],
  );
}

/** The year's first-contact institution, unless one is chosen already: the one chosen then. */
export async function insertFirstContact(
  tx: Queryable,
  personId: string,
  choice: FirstContact,
): Promise<{ inserted: true } | { inserted: false; existing: string | undefined }> {
  const rows = await tx.query(
    `INSERT INTO first_contact_choices (person_id, year, institution_id, chosen_on) VALUES ($1, $2, $3, $4)
     ON CONFLICT (person_id, year) DO NOTHING RETURNING person_id`,
    [personId, choice.year, choice.institutionId, choice.chosenOn],
  );
  if (rows.length === 1) return { inserted: true };
  const existing = await tx.query<{ institution_id: string }>(
    'SELECT institution_id FROM first_contact_choices WHERE person_id = $1 AND year = $2',
    [personId, choice.year],
  );
  return { inserted: false, existing: existing[0]?.institution_id };
}

// 家庭医生签约 (R-B4)

/** A contract of the person, as ended, whose term meets `from`–`to`. */
export async function overlappingContract(
  tx: Queryable,
  personId: string,
  from: string,
  to: string,
): Promise<string | undefined> {
  const overlap = await tx.query<{ id: string }>(
    `SELECT id FROM family_doctor_contracts WHERE person_id = $1 AND valid_from <= $3::date
     AND least(valid_to, coalesce(ended_on - 1, valid_to)) >= $2::date`,
    [personId, from, to],
  );
  return overlap[0]?.id;
}

export async function insertContract(
  tx: Queryable,
  personId: string,
  c: FamilyDoctorContract,
): Promise<void> {
  await tx.query(
    `INSERT INTO family_doctor_contracts (id, person_id, community_centre_id, district_hospital_id, city_hospital_id, doctor,
       priority_group, identity_verified, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      c.id,
      personId,
      c.communityCentreId,
      c.districtHospitalId,
      c.cityHospitalId,
      c.doctor,
      c.priorityGroup,
      c.identityVerified,
      c.validFrom,
      c.validTo,
    ],
  );
}

/** Ends the person's contract on a day; false when there is no such contract still running. */
export async function endContractOn(
  tx: Queryable,
  personId: string,
  contractId: string,
  endedOn: string,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE family_doctor_contracts SET ended_on = $3 WHERE id = $2 AND person_id = $1 AND ended_on IS NULL RETURNING id`,
    [personId, contractId, endedOn],
  );
  return rows.length > 0;
}

// 慢特病认定 (R-C10, R-C8)

export async function insertCertification(tx: Queryable, personId: string, c: Certification): Promise<void> {
  await tx.query(
    `INSERT INTO disease_certifications (id, person_id, code, kind, valid_from, valid_to, certified_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [c.id, personId, c.code, c.kind, c.validFrom, c.validTo, c.certifiedBy],
  );
}

/** Revokes the person's certification from a day; false when there is no such certification unrevoked. */
export async function revokeCertificationOn(
  tx: Queryable,
  personId: string,
  certId: string,
  revokedOn: string,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE disease_certifications SET revoked_on = $3 WHERE id = $2 AND person_id = $1 AND revoked_on IS NULL RETURNING id`,
    [personId, certId, revokedOn],
  );
  return rows.length > 0;
}

// 异地安置备案 (R-B5)

/** How many relocation filings the person made in `year`. */
export async function filingsInYear(tx: Queryable, personId: string, year: number): Promise<number> {
  const earlier = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM relocation_filings WHERE person_id = $1 AND extract(year FROM filed_on) = $2`,
    [personId, year],
  );
  return earlier[0]?.n ?? 0;
}

/** Whether a settlement of `year` that still stands applied the relocation benefit (an R-B5 event applied). */
export async function relocationBenefitUsed(tx: Queryable, personId: string, year: number): Promise<boolean> {
  const used = await tx.query<{ used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM settlements s WHERE s.person_id = $1 AND s.year = $2 AND s.reverses IS NULL
       AND NOT EXISTS (SELECT 1 FROM settlements r WHERE r.person_id = s.person_id AND r.reverses = s.id)
       AND jsonb_path_exists((s.result -> 'trace')::jsonb, '$[*] ? (@.rule == "R-B5" && !exists(@.applied))')) AS used`,
    [personId, year],
  );
  return used[0]?.used === true;
}

export async function insertRelocation(tx: Queryable, personId: string, r: RelocationFiling): Promise<void> {
  await tx.query(
    `INSERT INTO relocation_filings (id, person_id, filed_on, destination, valid_from, valid_to, cancels_year) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.id, personId, r.filedOn, r.destination, r.validFrom, r.validTo, r.cancelsYear],
  );
}
