// 户籍所在县: the visit's scope (in county / cross county / out of city) is judged from it (R-D6).
import type { Database } from '../../db/types.js';
import { setCounty } from '../../store/registry/persons.js';
import { today } from '../../domain/today.js';
import type { Change } from '../history.js';
import { lockedPerson, saved, type CareRecord } from './record.js';

export async function setResidence(
  db: Database,
  personId: string,
  input: { county: string },
  change: Change,
): Promise<CareRecord> {
  return db.transaction(async (tx) => {
    await lockedPerson(tx, personId);
    await setCounty(tx, personId, input.county);
    return saved(tx, personId, change, today());
  });
}
