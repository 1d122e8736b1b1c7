// 参保登记期 (R-B1): a person's enrolment periods, never overlapping; ended on a date (参保终止).
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/types.js';
import { Conflict, Invalid } from '../../domain/errors.js';
import { endEnrolmentOn, insertEnrolment, overlappingEnrolment } from '../../store/registry/care.js';
import type { Change } from '../history.js';
import { lockedPerson, saved, type CareRecord } from './record.js';

export async function addEnrolment(
  db: Database,
  personId: string,
  input: { validFrom: string; validTo?: string | null },
  change: Change,
): Promise<CareRecord> {
  const validTo = input.validTo ?? null;
  if (validTo !== null && validTo < input.validFrom)
    throw new Invalid('validTo', 'invalid_term', '参保期终止日期早于起始日期');
  return db.transaction(async (tx) => {
    await lockedPerson(tx, personId);
    const overlap = await overlappingEnrolment(tx, personId, input.validFrom, validTo);
    if (overlap !== undefined)
      throw new Conflict('enrolment_overlap', `R-B1: 参保期与已有参保期 ${overlap} 重叠`, 'validFrom');
    await insertEnrolment(tx, personId, {
      id: `ENR-${randomUUID().slice(0, 8)}`,
      validFrom: input.validFrom,
      validTo,
    });
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
    await lockedPerson(tx, personId);
    if (!(await endEnrolmentOn(tx, personId, input.validTo)))
      throw new Conflict('not_enrolled', `R-B1: ${input.validTo} 该参保人不在参保期内`, 'validTo');
    return saved(tx, personId, change, input.validTo);
  });
}
