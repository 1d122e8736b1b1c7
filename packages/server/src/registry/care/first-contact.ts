// 首诊机构 (R-B3): one designated primary institution per person and year, chosen once.
import type { Database } from '../../db/types.js';
import { Conflict, Invalid, RuleRefused } from '../../domain/errors.js';
import { insertFirstContact } from '../../store/registry/care.js';
import type { Change } from '../history.js';
import { mustFindInstitution } from '../designation.js';
import { lockedPerson, saved, type CareRecord } from './record.js';

export async function chooseFirstContact(
  db: Database,
  personId: string,
  input: { year: number; institutionId: string; chosenOn: string },
  change: Change,
): Promise<CareRecord> {
  const inst = await mustFindInstitution(db, input.institutionId, 'institutionId');
  if (inst.designation !== 'designated' || inst.level !== 'primary' || inst.type === 'internet_hospital') {
    throw new RuleRefused(
      'R-B3',
      'not_primary',
      `R-B3: 首诊机构须为定点基层医疗机构；${inst.id} 不符合`,
      'institutionId',
    );
  }
  if (Number(input.chosenOn.slice(0, 4)) > input.year)
    throw new Invalid('chosenOn', 'invalid_date', '选定日期晚于首诊年度');
  return db.transaction(async (tx) => {
    await lockedPerson(tx, personId);
    const result = await insertFirstContact(tx, personId, input);
    if (!result.inserted) {
      // The table's key (person, year) decides: a second choice in a year is refused, whoever came first.
      throw new Conflict(
        'first_contact_chosen',
        `R-B3: 该参保人${input.year}年已选定首诊机构 ${result.existing ?? ''}，一年只能选定一家`,
        'institutionId',
      );
    }
    return saved(tx, personId, change, `${input.year}-12-31`);
  });
}
