// 目录版本对比: what changed between two catalogue versions, code by code — each code's latest
// version as the catalogue stood after each (store snapshotAfter), compared fact by fact.
import type { Queryable } from '../db/types.js';
import { NotFound } from '../domain/errors.js';
import { catalogueVersion, snapshotAfter } from '../store/catalogue/entries.js';
import { fieldChanges, type FieldChange } from './plan.js';
import type { CatalogueEntry } from './types.js';

export interface CatalogueDiff {
  added: CatalogueEntry[];
  removed: CatalogueEntry[]; // held before, not at all after (never by history; for completeness)
  ended: { code: string; validTo: string | null; entry: CatalogueEntry }[];
  changed: { code: string; before: CatalogueEntry; after: CatalogueEntry; fields: FieldChange[] }[];
}

function latestByCode(entries: readonly CatalogueEntry[]): Map<string, CatalogueEntry> {
  const map = new Map<string, CatalogueEntry>();
  for (const e of entries) {
    const held = map.get(e.code);
    if (held === undefined || held.validFrom < e.validFrom) map.set(e.code, e);
  }
  return map;
}

/** Pure: compares two states of the catalogue (every version of every code each). */
export function diffEntries(
  before: readonly CatalogueEntry[],
  after: readonly CatalogueEntry[],
): CatalogueDiff {
  const a = latestByCode(before);
  const b = latestByCode(after);
  const diff: CatalogueDiff = { added: [], removed: [], ended: [], changed: [] };
  for (const [code, x] of b) {
    const y = a.get(code);
    if (y === undefined) {
      diff.added.push(x);
      continue;
    }
    const fields = fieldChanges(y, x);
    if (fields.length === 0 && x.validFrom === y.validFrom) continue;
    if (
      fields.length === 1 &&
      fields[0]?.field === 'validTo' &&
      x.validFrom === y.validFrom &&
      x.validTo !== null
    ) {
      diff.ended.push({ code, validTo: x.validTo, entry: x });
    } else {
      diff.changed.push({ code, before: y, after: x, fields });
    }
  }
  for (const [code, y] of a) if (!b.has(code)) diff.removed.push(y);
  const byCode = (p: { code: string }, q: { code: string }): number =>
    p.code < q.code ? -1 : p.code > q.code ? 1 : 0;
  diff.added.sort(byCode);
  diff.removed.sort(byCode);
  diff.ended.sort(byCode);
  diff.changed.sort(byCode);
  return diff;
}

/** What the catalogue looked like after `from` against after `to` (versions by id). */
export async function diffVersions(db: Queryable, from: string, to: string): Promise<CatalogueDiff> {
  for (const [id, field] of [
    [from, 'from'],
    [to, 'to'],
  ] as const) {
    if ((await catalogueVersion(db, id)) === undefined) throw new NotFound('目录版本', id, field);
  }
  return diffEntries(await snapshotAfter(db, from), await snapshotAfter(db, to));
}
