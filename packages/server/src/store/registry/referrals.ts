// referrals and e_prescriptions (R-D3, R-D6, R-D8), read with the institutions and person they name.
import type { InstitutionType, Level } from '@yibao/engine';
import type { Queryable } from '../../db/types.js';

/** A referral as stored, with what its direction and scope are judged from. */
export interface StoredReferral {
  id: string;
  personId: string;
  fromInstitutionId: string;
  toInstitutionId: string;
  issuedOn: string;
  validUntil: string;
  filedOn: string | null;
  previousSettlementId: string | null;
  diagnosis: string | null;
  fromLevel: Level | null;
  toLevel: Level | null;
  toCounty: string;
  toRegion: string | null;
  personRegion: string;
  personCounty: string | null;
  linkedDeductibleFen: number | null;
}

export async function storedReferral(db: Queryable, id: string): Promise<StoredReferral | undefined> {
  const rows = await db.query<{
    id: string;
    person_id: string;
    from_institution_id: string;
    to_institution_id: string;
    issued_on: string;
    valid_until: string;
    filed_on: string | null;
    previous_settlement_id: string | null;
    diagnosis: string | null;
    from_level: Level | null;
    to_level: Level | null;
    to_county: string;
    to_region: string | null;
    person_region: string;
    person_county: string | null;
    linked_deductible_fen: number | null;
  }>(
    `SELECT r.id, r.person_id, r.from_institution_id, r.to_institution_id, r.issued_on::text, r.valid_until::text,
       r.filed_on::text, r.previous_settlement_id, r.diagnosis, f.level AS from_level, t.level AS to_level,
       t.county AS to_county, t.region AS to_region, p.region AS person_region, p.county AS person_county,
       s.deductible_fen AS linked_deductible_fen
     FROM referrals r JOIN institutions f ON f.id = r.from_institution_id JOIN institutions t ON t.id = r.to_institution_id
     JOIN persons p ON p.id = r.person_id LEFT JOIN settlements s ON s.id = r.previous_settlement_id
     WHERE r.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    personId: r.person_id,
    fromInstitutionId: r.from_institution_id,
    toInstitutionId: r.to_institution_id,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    filedOn: r.filed_on,
    previousSettlementId: r.previous_settlement_id,
    diagnosis: r.diagnosis,
    fromLevel: r.from_level,
    toLevel: r.to_level,
    toCounty: r.to_county,
    toRegion: r.to_region,
    personRegion: r.person_region,
    personCounty: r.person_county,
    linkedDeductibleFen: r.linked_deductible_fen,
  };
}

/** A settlement a referral may link (not a reversal): whose it is and its benefit group. */
export async function settlementForLink(
  db: Queryable,
  settlementId: string,
): Promise<{ personId: string; benefitGroup: string } | undefined> {
  const prev = await db.query<{ person_id: string; benefit_group: string }>(
    'SELECT person_id, benefit_group FROM settlements WHERE id = $1 AND reverses IS NULL',
    [settlementId],
  );
  return prev[0] === undefined
    ? undefined
    : { personId: prev[0].person_id, benefitGroup: prev[0].benefit_group };
}

/** False when the id is taken. */
export async function insertReferral(
  tx: Queryable,
  r: {
    id: string;
    personId: string;
    fromInstitutionId: string;
    toInstitutionId: string;
    issuedOn: string;
    validUntil: string;
    previousSettlementId: string | null;
    diagnosis: string | null;
  },
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO referrals (id, person_id, from_institution_id, to_institution_id, issued_on, valid_until, previous_settlement_id, diagnosis)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      r.id,
      r.personId,
      r.fromInstitutionId,
      r.toInstitutionId,
      r.issuedOn,
      r.validUntil,
      r.previousSettlementId,
      r.diagnosis,
    ],
  );
  return inserted.length === 1;
}

/** The referral's dates, its row held until the transaction ends. */
export async function lockReferral(
  tx: Queryable,
  id: string,
): Promise<{ issuedOn: string; filedOn: string | null } | undefined> {
  const rows = await tx.query<{ issued_on: string; filed_on: string | null }>(
    'SELECT issued_on::text, filed_on::text FROM referrals WHERE id = $1 FOR UPDATE',
    [id],
  );
  return rows[0] === undefined ? undefined : { issuedOn: rows[0].issued_on, filedOn: rows[0].filed_on };
}

export async function setFiled(tx: Queryable, id: string, filedOn: string): Promise<void> {
  await tx.query('UPDATE referrals SET filed_on = $2 WHERE id = $1', [id, filedOn]);
}

export interface EPrescription {
  id: string;
  personId: string;
  institutionId: string;
  fromLevel: Level | null;
  fromType: InstitutionType;
  doctor: string;
  issuedOn: string;
  validUntil: string;
  items: { code: string; name: string; quantity: number }[];
}

export async function findEPrescription(db: Queryable, id: string): Promise<EPrescription | undefined> {
  const rows = await db.query(
    `SELECT e.id, e.person_id, e.institution_id, i.level, i.type, e.doctor, e.issued_on::text, e.valid_until::text, e.items
     FROM e_prescriptions e JOIN institutions i ON i.id = e.institution_id WHERE e.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: String(r.id),
    personId: String(r.person_id),
    institutionId: String(r.institution_id),
    fromLevel: (r.level as Level | null) ?? null,
    fromType: r.type as InstitutionType,
    doctor: String(r.doctor),
    issuedOn: String(r.issued_on),
    validUntil: String(r.valid_until),
    items: r.items as EPrescription['items'],
  };
}

/** False when the id is taken. */
export async function insertEPrescription(
  tx: Queryable,
  rx: Omit<EPrescription, 'fromLevel' | 'fromType'>,
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO e_prescriptions (id, person_id, institution_id, doctor, issued_on, valid_until, items)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [rx.id, rx.personId, rx.institutionId, rx.doctor, rx.issuedOn, rx.validUntil, JSON.stringify(rx.items)],
  );
  return inserted.length === 1;
}
