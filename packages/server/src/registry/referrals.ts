// 转诊单 (R-D3, R-D6) and 电子处方 (R-D8): records an institution creates and the agency keeps. The
// referral's direction follows from the two institutions' levels; its scope from the person's home
// county and the receiving institution's.
import { randomUUID } from 'node:crypto';
import { expectedDirection } from '@yibao/engine';
import type { Direction, InstitutionType, Level, Scope } from '@yibao/engine';
import type { Database, Queryable } from '../db/types.js';
import { ApiError, notFound } from '../errors.js';
import { recordVersion, type Change } from './history.js';
import { institutionView, type InstitutionView } from './institutions.js';

export interface Referral {
  id: string;
  personId: string;
  fromInstitutionId: string;
  toInstitutionId: string;
  fromLevel: Level | null;
  toLevel: Level | null;
  direction: Direction | null;
  scope: Scope;
  issuedOn: string;
  validUntil: string;
  filed: boolean;
  filedOn: string | null;
  previousSettlementId: string | null;
  linkedDeductiblePaid: number; // yuan: the previous stay's deductible (R-D6)
  diagnosis: string | null;
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

/** Where care is, seen from the person's home (REFERENCE_POLICY.md §3 adjustments). */
export function scopeOf(
  personRegion: string,
  personCounty: string | null,
  inst: { region: string | null; county: string },
): Scope {
  if (inst.region !== null && inst.region !== personRegion) return 'out_of_city';
  if (personCounty === null || personCounty === inst.county) return 'in_county';
  return 'cross_county';
}

interface ReferralRow {
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
}

export async function findReferral(db: Queryable, id: string): Promise<Referral | undefined> {
  const rows = await db.query<ReferralRow>(
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
    fromLevel: r.from_level,
    toLevel: r.to_level,
    direction: r.from_level && r.to_level ? expectedDirection(r.from_level, r.to_level) : null,
    scope: scopeOf(r.person_region, r.person_county, { region: r.to_region, county: r.to_county }),
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    filed: r.filed_on !== null,
    filedOn: r.filed_on,
    previousSettlementId: r.previous_settlement_id,
    linkedDeductiblePaid: (r.linked_deductible_fen ?? 0) / 100,
    diagnosis: r.diagnosis,
  };
}

async function designated(db: Queryable, id: string, field: string): Promise<InstitutionView> {
  const inst = await institutionView(db, id);
  if (!inst) throw notFound('定点医药机构', field, id);
  if (inst.designation !== 'designated')
    throw new ApiError(422, 'not_designated', `${id} 不是定点医疗机构`, field);
  return inst;
}

export interface ReferralInput {
  id?: string;
  personId: string;
  fromInstitutionId: string;
  toInstitutionId: string;
  issuedOn: string;
  validUntil: string;
  previousSettlementId?: string | null;
  diagnosis?: string | null;
}

/** 开具转诊单: between two designated medical institutions (not pharmacies), for an insured person. */
export async function createReferral(db: Database, input: ReferralInput, change: Change): Promise<Referral> {
  if (input.validUntil < input.issuedOn)
    throw new ApiError(400, 'invalid_term', '转诊单有效期早于开具日期', 'validUntil');
  if (input.fromInstitutionId === input.toInstitutionId)
    throw new ApiError(400, 'same_institution', '转出与转入机构相同', 'toInstitutionId');
  const from = await designated(db, input.fromInstitutionId, 'fromInstitutionId');
  const to = await designated(db, input.toInstitutionId, 'toInstitutionId');
  if (from.level === null) throw new ApiError(422, 'pharmacy', '药店不能开具转诊单', 'fromInstitutionId');
  if (to.level === null) throw new ApiError(422, 'pharmacy', '不能转诊至药店', 'toInstitutionId');
  const person = await db.query('SELECT id FROM persons WHERE id = $1', [input.personId]);
  if (person.length === 0) throw notFound('参保人', 'personId', input.personId);
  if (input.previousSettlementId) {
    const prev = await db.query<{ person_id: string; benefit_group: string }>(
      'SELECT person_id, benefit_group FROM settlements WHERE id = $1 AND reverses IS NULL',
      [input.previousSettlementId],
    );
    if (!prev[0]) throw notFound('前次住院结算', 'previousSettlementId', input.previousSettlementId);
    if (prev[0].person_id !== input.personId)
      throw new ApiError(422, 'other_person', 'R-D6: 前次住院结算不是该参保人的', 'previousSettlementId');
    if (!['inpatient', 'family_bed'].includes(prev[0].benefit_group)) {
      throw new ApiError(422, 'not_a_stay', 'R-D6: 前次结算不是住院或家庭病床', 'previousSettlementId');
    }
  }
  const id = input.id ?? `RF-${randomUUID().slice(0, 8)}`;
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO referrals (id, person_id, from_institution_id, to_institution_id, issued_on, valid_until, previous_settlement_id, diagnosis)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        id,
        input.personId,
        input.fromInstitutionId,
        input.toInstitutionId,
        input.issuedOn,
        input.validUntil,
        input.previousSettlementId ?? null,
        input.diagnosis ?? null,
      ],
    );
    if (inserted.length === 0) throw new ApiError(409, 'already_exists', `转诊单 ${id} 已存在`, 'id');
    return savedReferral(tx, id, change);
  });
}

async function savedReferral(tx: Queryable, id: string, change: Change): Promise<Referral> {
  const r = await findReferral(tx, id);
  if (!r) throw new Error('referral vanished');
  await recordVersion(tx, 'referral', id, r, change);
  return r;
}

/** 转诊备案: the agency files the referral; only a filed referral counts (REFERENCE_POLICY.md §3). */
export async function fileReferral(
  db: Database,
  id: string,
  input: { filedOn: string },
  change: Change,
): Promise<Referral> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ issued_on: string; filed_on: string | null }>(
      'SELECT issued_on::text, filed_on::text FROM referrals WHERE id = $1 FOR UPDATE',
      [id],
    );
    const row = rows[0];
    if (!row) throw notFound('转诊单', 'id', id);
    if (row.filed_on !== null)
      throw new ApiError(409, 'already_filed', `转诊单 ${id} 已于 ${row.filed_on} 备案`, 'id');
    if (input.filedOn < row.issued_on)
      throw new ApiError(400, 'invalid_date', '备案日期早于开具日期', 'filedOn');
    await tx.query('UPDATE referrals SET filed_on = $2 WHERE id = $1', [id, input.filedOn]);
    return savedReferral(tx, id, change);
  });
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

export interface EPrescriptionInput {
  id?: string;
  personId: string;
  institutionId: string;
  doctor: string;
  issuedOn: string;
  validUntil: string;
  items: { code: string; name: string; quantity: number }[];
}

/** 开具电子处方 (R-D8, R-A12): by a designated medical institution, for an insured person. */
export async function createEPrescription(
  db: Database,
  input: EPrescriptionInput,
  change: Change,
): Promise<EPrescription> {
  if (input.validUntil < input.issuedOn)
    throw new ApiError(400, 'invalid_term', '处方有效期早于开具日期', 'validUntil');
  if (input.items.length === 0) throw new ApiError(400, 'required', '处方至少一种药品', 'items');
  const inst = await designated(db, input.institutionId, 'institutionId');
  if (inst.level === null) throw new ApiError(422, 'pharmacy', 'R-A12: 药店不能开具处方', 'institutionId');
  const person = await db.query('SELECT id FROM persons WHERE id = $1', [input.personId]);
  if (person.length === 0) throw notFound('参保人', 'personId', input.personId);
  const id = input.id ?? `RX-${randomUUID().slice(0, 8)}`;
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO e_prescriptions (id, person_id, institution_id, doctor, issued_on, valid_until, items)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        id,
        input.personId,
        input.institutionId,
        input.doctor,
        input.issuedOn,
        input.validUntil,
        JSON.stringify(input.items),
      ],
    );
    if (inserted.length === 0) throw new ApiError(409, 'already_exists', `电子处方 ${id} 已存在`, 'id');
    const rx = await findEPrescription(tx, id);
    if (!rx) throw new Error('prescription vanished');
    await recordVersion(tx, 'e_prescription', id, rx, change);
    return rx;
  });
}
