// The whole of a visit's lines as settlement will need them (issue 12 §3), for the service to call
// once wired: each line resolved against the catalogue in force on the visit date (resolve.ts), then
// checked against the institution's lists (R-D10, before the supervision rules). Pure given the
// cache: one refresh, then map lookups.
import type { CalcItem, Level } from '@yibao/engine';
import type { CatalogueCache } from './cache.js';
import { checkInstitutionLine, type ListRefusal } from './institution-lists.js';
import { claimNotes, resolveLine, type CallerLine, type Resolution } from './resolve.js';

/** CALC_CONTRACT.md's item with the optional `refusedBy` of a line refused before the benefit. */
export type ResolvedItem = CalcItem;

export interface ResolvedLine {
  item: ResolvedItem;
  resolution: Resolution;
  refusal: ListRefusal | null;
  /** Chinese sentences for the trace: set-aside claims, 目录外, the refusal. */
  notes: string[];
}

export async function resolveVisitLines(
  cache: CatalogueCache,
  lines: readonly CallerLine[],
  visit: { date: string; institutionId: string; level: Level | null },
): Promise<ResolvedLine[]> {
  await cache.refresh();
  const lists = await cache.listsOf(visit.institutionId);
  return lines.map((line) => {
    const resolution = resolveLine(line, cache.entryOn(line.code, visit.date), visit.level);
    const refusal = checkInstitutionLine(lists, resolution.item.kind, line.code, resolution.item.name);
    const notes = claimNotes(resolution);
    if (resolution.entry === null)
      notes.unshift(`${line.code} 在 ${visit.date} 不在医保目录内（目录外），全自费`);
    if (refusal !== null) notes.push(refusal.reason);
    const item: ResolvedItem =
      refusal === null ? resolution.item : { ...resolution.item, refusedBy: refusal.refusedBy };
    return { item, resolution, refusal, notes };
  });
}
