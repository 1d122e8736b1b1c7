// 历史与审计 (issue 4 §5): every change to a registry record writes the whole record after the change
// as a new version, with when and who (store/registry/history.ts). Reading "as of" a moment gives
// the version then in force.
import { Conflict } from '../domain/errors.js';
import type { Queryable } from '../db/types.js';
import { appendVersion, type Change, type Entity } from '../store/registry/history.js';

export type { Change, Entity, RecordVersion } from '../store/registry/history.js';
export { listVersions, versionAsOf } from '../store/registry/history.js';

/** Appends the record's new version; two concurrent changes of one record cannot both win. */
export async function recordVersion(
  tx: Queryable,
  entity: Entity,
  recordId: string,
  data: unknown,
  change: Change,
): Promise<number> {
  const version = await appendVersion(tx, entity, recordId, data, change);
  if (version === undefined)
    throw new Conflict('concurrent_change', `${recordId} 正被同时修改，请重试`, 'id');
  return version;
}
