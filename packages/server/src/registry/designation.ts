// 定点机构 as the registry sees them: designation state, structure (centre → stations, township
// centre → village clinics, founder → internet hospital), and the published list (R-A3).
import type { Database, Queryable } from '../db/types.js';
import { Conflict, NotFound } from '../domain/errors.js';
import {
  designatedPage,
  institutionView,
  memberIds,
  setDesignation,
  terminateAgreementsFrom,
  type InstitutionView,
  type PublishedFilter,
  type PublishedInstitution,
} from '../store/registry/designation.js';
import { recordVersion, type Change } from './history.js';

export {
  institutionView,
  type Designation,
  type InstitutionView,
  type PublishedFilter,
  type PublishedInstitution,
} from '../store/registry/designation.js';

/** The institution, or NotFound naming the request's `field`. */
export async function mustFindInstitution(
  db: Queryable,
  id: string,
  field: string,
): Promise<InstitutionView> {
  const inst = await institutionView(db, id);
  if (!inst) throw new NotFound('定点医药机构', id, field);
  return inst;
}

/** 定点医药机构名单 (R-A3): designated institutions, searchable, with their members. */
export async function publishedList(
  db: Queryable,
  filter: PublishedFilter,
  page: number,
  pageSize: number,
): Promise<{ items: PublishedInstitution[]; total: number; page: number; pageSize: number }> {
  return designatedPage(db, filter, page, pageSize);
}

/** 取消定点 (R-A8, R-A9): the institution and its members leave the list; their agreements end. */
export async function cancelDesignation(
  db: Database,
  id: string,
  input: { effectiveOn: string; reason: string },
  change: Change,
): Promise<InstitutionView> {
  return db.transaction(async (tx) => {
    const inst = await mustFindInstitution(tx, id, 'id');
    if (inst.designation !== 'designated')
      throw new Conflict('not_designated', `${id} 当前不是定点机构（${inst.designation}）`, 'id');
    const ids = [id, ...(await memberIds(tx, id))];
    await setDesignation(tx, ids, 'cancelled');
    // Every agreement still running on the date is terminated from it, with the same reason.
    await terminateAgreementsFrom(tx, ids, input.effectiveOn, `取消定点：${input.reason}`);
    for (const m of ids) await recordVersion(tx, 'institution', m, await institutionView(tx, m), change);
    const after = await institutionView(tx, id);
    if (!after) throw new Error('institution vanished');
    return after;
  });
}
