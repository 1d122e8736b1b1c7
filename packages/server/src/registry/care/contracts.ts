// 家庭医生签约 "1+1+1" (R-B4): a community or township centre, optionally one district (secondary)
// and one city (tertiary) hospital; identity verified; no two contracts of a person overlap.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../db/types.js';
import { Conflict, Invalid, NotFound, RuleRefused } from '../../domain/errors.js';
import { endContractOn, insertContract, overlappingContract } from '../../store/registry/care.js';
import type { Change } from '../history.js';
import { mustFindInstitution, type InstitutionView } from '../designation.js';
import { lockedPerson, saved, type CareRecord } from './record.js';

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
  const inst = await mustFindInstitution(db, id, field);
  if (inst.designation !== 'designated' || !want(inst))
    throw new RuleRefused('R-B4', 'contract_member', `R-B4: ${field} 须为定点${what}；${id} 不符合`, field);
}

export async function signContract(
  db: Database,
  personId: string,
  input: ContractInput,
  change: Change,
): Promise<CareRecord> {
  if (!input.identityVerified)
    throw new RuleRefused('R-B4', 'identity_not_verified', 'R-B4: 签约须核验参保人身份', 'identityVerified');
  if (input.validTo < input.validFrom)
    throw new Invalid('validTo', 'invalid_term', '签约终止日期早于起始日期');
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
    await lockedPerson(tx, personId);
    const overlap = await overlappingContract(tx, personId, input.validFrom, input.validTo);
    if (overlap !== undefined)
      throw new Conflict('contract_overlap', `R-B4: 与现有签约 ${overlap} 期间重叠`, 'validFrom');
    await insertContract(tx, personId, {
      id: input.id ?? `FDC-${randomUUID().slice(0, 8)}`,
      communityCentreId: input.communityCentreId,
      districtHospitalId: input.districtHospitalId ?? null,
      cityHospitalId: input.cityHospitalId ?? null,
      doctor: input.doctor,
      priorityGroup: input.priorityGroup ?? null,
      identityVerified: input.identityVerified,
      validFrom: input.validFrom,
      validTo: input.validTo,
      endedOn: null,
    });
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
    await lockedPerson(tx, personId);
    if (!(await endContractOn(tx, personId, contractId, input.endedOn)))
      throw new NotFound('有效的家庭医生签约', contractId, 'contractId');
    return saved(tx, personId, change, input.endedOn);
  });
}
