// Writes a plan (plan.ts) in the caller's transaction: the versions and one history event per
// version touched, all attributed to one catalogue version (written before, by the caller), whose
// summary and last history event it records. Every version it inserts is the catalogue version's.
import type { Queryable } from '../db/types.js';
import {
  appendHistory,
  appendHistoryOfWritten,
  closeCatalogueVersion,
  deleteVersions,
  insertEntries,
  setValidTo,
  type HistoryWrite,
} from '../store/catalogue/entries.js';
import type { CatalogueEntry } from './types.js';
import type { PlanAction } from './plan.js';
import type { CatalogueChange } from './types.js';

export interface PlanSummary {
  added: number;
  changed: number;
  ended: number;
}

export async function applyPlan(
  tx: Queryable,
  actions: readonly PlanAction[],
  catalogueVersion: string,
  change: CatalogueChange,
): Promise<PlanSummary> {
  const inserts: CatalogueEntry[] = [];
  const changedCodes: string[] = [];
  const deletes = [];
  const closes = [];
  const history: HistoryWrite[] = []; // ended versions; what is inserted is copied after (appendHistoryOfWritten)
  const summary: PlanSummary = { added: 0, changed: 0, ended: 0 };
  for (const a of actions) {
    switch (a.action) {
      case 'added':
        inserts.push({ ...a.entry, catalogueVersion });
        summary.added++;
        break;
      case 'changed':
        if (a.entry.validFrom === a.previous.validFrom) {
          deletes.push({ code: a.previous.code, validFrom: a.previous.validFrom });
        } else if (a.closed !== null) {
          closes.push({ code: a.closed.code, validFrom: a.closed.validFrom, validTo: a.closed.validTo });
          history.push({ action: 'ended', entry: a.closed });
        }
        inserts.push({ ...a.entry, catalogueVersion });
        changedCodes.push(a.entry.code);
        summary.changed++;
        break;
      case 'ended':
        closes.push({ code: a.entry.code, validFrom: a.entry.validFrom, validTo: a.entry.validTo });
        history.push({ action: 'ended', entry: a.entry });
        summary.ended++;
        break;
      case 'unchanged':
      case 'rejected':
        break;
    }
  }
  await deleteVersions(tx, deletes);
  await setValidTo(tx, closes);
  await insertEntries(tx, inserts);
  await appendHistory(tx, history, catalogueVersion, change);
  await appendHistoryOfWritten(tx, catalogueVersion, changedCodes, change);
  await closeCatalogueVersion(tx, catalogueVersion, summary);
  return summary;
}
