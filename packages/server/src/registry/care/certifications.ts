// 慢特病认定 (R-C10, R-C8): a certified chronic or special disease, its code on the region's policy
// list for its kind (diseases.chronic / diseases.special); revoked from a date.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/types.js';
import { NotFound, RuleRefused } from '../../domain/errors.js';
import { institutionView } from '../../store/registry/designation.js';
import { insertCertification, revokeCertificationOn } from '../../store/registry/care.js';
import type { Change } from '../history.js';
import { lockedPerson, mustBeRegistered, saved, type CareRecord, type DiseaseLists } from './record.js';

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
  const { region } = await mustBeRegistered(db, personId);
  const known = lists(region, input.validFrom);
  const list = input.kind === 'chronic' ? known?.chronic : known?.special;
  const category = input.code.split('.')[0] ?? input.code;
  const rule = input.kind === 'chronic' ? 'R-C10' : 'R-C8';
  if (!list?.some((c) => c === input.code || c === category)) {
    throw new RuleRefused(
      rule,
      'not_on_list',
      `${input.kind === 'chronic' ? 'R-C10: 门诊慢性病' : 'R-C8: 门诊特殊病种'}目录中没有 ${input.code}`,
      'code',
    );
  }
  if (input.certifiedBy) {
    const inst = await institutionView(db, input.certifiedBy);
    if (!inst || inst.designation !== 'designated')
      throw new RuleRefused(
        rule,
        'not_designated',
        `认定机构 ${input.certifiedBy} 不是定点机构`,
        'certifiedBy',
      );
  }
  return db.transaction(async (tx) => {
    await lockedPerson(tx, personId);
    await insertCertification(tx, personId, {
      id: `CERT-${randomUUID().slice(0, 8)}`,
      code: input.code,
      kind: input.kind,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      certifiedBy: input.certifiedBy ?? null,
      revokedOn: null,
    });
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
    await lockedPerson(tx, personId);
    if (!(await revokeCertificationOn(tx, personId, certId, input.revokedOn)))
      throw new NotFound('有效的病种认定', certId, 'certificationId');
    return saved(tx, personId, change, input.revokedOn);
  });
}
