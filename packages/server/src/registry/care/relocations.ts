// 异地安置备案 (R-B5). A second filing in one year, after relocation benefits were used that year,
// cancels that year's relocation benefit: the filing records the cancelled year.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/types.js';
import { filingsInYear, insertRelocation, relocationBenefitUsed } from '../../store/registry/care.js';
import type { Change } from '../history.js';
import { lockedPerson, saved, type CareRecord } from './record.js';

export async function fileRelocation(
  db: Database,
  personId: string,
  input: { filedOn: string; destination: string; validFrom: string; validTo?: string | null },
  change: Change,
): Promise<CareRecord> {
  const year = Number(input.filedOn.slice(0, 4));
  return db.transaction(async (tx) => {
    await lockedPerson(tx, personId);
    const earlier = await filingsInYear(tx, personId, year);
    const used = await relocationBenefitUsed(tx, personId, year);
    await insertRelocation(tx, personId, {
      id: `REL-${randomUUID().slice(0, 8)}`,
      filedOn: input.filedOn,
      destination: input.destination,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      cancelsYear: earlier >= 1 && used ? year : null,
    });
    return saved(tx, personId, change, input.filedOn);
  });
}
