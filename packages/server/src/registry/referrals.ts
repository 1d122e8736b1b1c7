// 转诊单 (R-D3, R-D6) and 电子处方 (R-D8): records an institution creates and the agency keeps. The
// referral's direction follows from the two institutions' levels; its scope from the person's home
// county and the receiving institution's.
import { randomUUID } from 'node:crypto';
import { expectedDirection } from '@yibao/engine';
import type { Direction, Level, Scope } from '@yibao/engine';
import type { Database, Queryable } from '../db/types.js';
import { Conflict, Invalid, NotFound, RuleRefused } from '../domain/errors.js';
import { personExists } from '../store/registry/persons.js';
import {
  findEPrescription,
  insertEPrescription,
  insertReferral,
  lockReferral,
  setFiled,
  settlementForLink,
  storedReferral,
  type EPrescription,
} from '../store/registry/referrals.js';
import { recordVersion, type Change } from './history.js';
import { mustFindInstitution, type InstitutionView } from './designation.js';

export { findEPrescription, type EPrescription } from '../store/registry/referrals.js';

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

export async function findReferral(db: Queryable, id: string): Promise<Referral | undefined> {
  const r = await storedReferral(db, id);
  if (!r) return undefined;
  return {
    id: r.id,
    personId: r.personId,
    fromInstitutionId: r.fromInstitutionId,
    toInstitutionId: r.toInstitutionId,
    fromLevel: r.fromLevel,
    toLevel: r.toLevel,
    direction: r.fromLevel && r.toLevel ? expectedDirection(r.fromLevel, r.toLevel) : null,
    scope: scopeOf(r.personRegion, r.personCounty, { region: r.toRegion, county: r.toCounty }),
    issuedOn: r.issuedOn,
    validUntil: r.validUntil,
    filed: r.filedOn !== null,
    filedOn: r.filedOn,
    previousSettlementId: r.previousSettlementId,
    linkedDeductiblePaid: (r.linkedDeductibleFen ?? 0) / 100,
    diagnosis: r.diagnosis,
  };
}

/** The institution, designated; `rule` is the requirement that asks for a designated one. */
async function designated(db: Queryable, id: string, field: string, rule: string): Promise<InstitutionView> {
  const inst = await mustFindInstitution(db, id, field);
  if (inst.designation !== 'designated')
    throw new RuleRefused(rule, 'not_designated', `${id} 不是定点医疗机构`, field);
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
    throw new Invalid('validUntil', 'invalid_term', '转诊单有效期早于开具日期');
  if (input.fromInstitutionId === input.toInstitutionId)
    throw new Invalid('toInstitutionId', 'same_institution', '转出与转入机构相同');
  const from = await designated(db, input.fromInstitutionId, 'fromInstitutionId', 'R-D3');
  const to = await designated(db, input.toInstitutionId, 'toInstitutionId', 'R-D3');
  if (from.level === null)
    throw new RuleRefused('R-D3', 'pharmacy', '药店不能开具转诊单', 'fromInstitutionId');
  if (to.level === null) throw new RuleRefused('R-D3', 'pharmacy', '不能转诊至药店', 'toInstitutionId');
  if (!(await personExists(db, input.personId))) throw new NotFound('参保人', input.personId, 'personId');
  if (input.previousSettlementId) {
    const prev = await settlementForLink(db, input.previousSettlementId);
    if (!prev) throw new NotFound('前次住院结算', input.previousSettlementId, 'previousSettlementId');
    if (prev.personId !== input.personId)
      throw new RuleRefused(
        'R-D6',
        'other_person',
        'R-D6: 前次住院结算不是该参保人的',
        'previousSettlementId',
      );
    if (!['inpatient', 'family_bed'].includes(prev.benefitGroup)) {
      throw new RuleRefused('R-D6', 'not_a_stay', 'R-D6: 前次结算不是住院或家庭病床', 'previousSettlementId');
    }
  }
  const id = input.id ?? `RF-${randomUUID().slice(0, 8)}`;
  return db.transaction(async (tx) => {
    const inserted = await insertReferral(tx, {
      id,
      personId: input.personId,
      fromInstitutionId: input.fromInstitutionId,
      toInstitutionId: input.toInstitutionId,
      issuedOn: input.issuedOn,
      validUntil: input.validUntil,
      previousSettlementId: input.previousSettlementId ?? null,
      diagnosis: input.diagnosis ?? null,
    });
    if (!inserted) throw new Conflict('already_exists', `转诊单 ${id} 已存在`, 'id');
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
    const row = await lockReferral(tx, id);
    if (!row) throw new NotFound('转诊单', id, 'id');
    if (row.filedOn !== null)
      throw new Conflict('already_filed', `转诊单 ${id} 已于 ${row.filedOn} 备案`, 'id');
    if (input.filedOn < row.issuedOn) throw new Invalid('filedOn', 'invalid_date', '备案日期早于开具日期');
    await setFiled(tx, id, input.filedOn);
    return savedReferral(tx, id, change);
  });
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
    throw new Invalid('validUntil', 'invalid_term', '处方有效期早于开具日期');
  if (input.items.length === 0) throw new Invalid('items', 'required', '处方至少一种药品');
  const inst = await designated(db, input.institutionId, 'institutionId', 'R-D8');
  if (inst.level === null)
    throw new RuleRefused('R-A12', 'pharmacy', 'R-A12: 药店不能开具处方', 'institutionId');
  if (!(await personExists(db, input.personId))) throw new NotFound('参保人', input.personId, 'personId');
  const id = input.id ?? `RX-${randomUUID().slice(0, 8)}`;
  return db.transaction(async (tx) => {
    const inserted = await insertEPrescription(tx, {
      id,
      personId: input.personId,
      institutionId: input.institutionId,
      doctor: input.doctor,
      issuedOn: input.issuedOn,
      validUntil: input.validUntil,
      items: input.items,
    });
    if (!inserted) throw new Conflict('already_exists', `电子处方 ${id} 已存在`, 'id');
    const rx = await findEPrescription(tx, id);
    if (!rx) throw new Error('prescription vanished');
    await recordVersion(tx, 'e_prescription', id, rx, change);
    return rx;
  });
}
