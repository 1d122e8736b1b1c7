// The visit's lines on the agency's catalogue (issue 12 §3): each line the caller sent is resolved
// against the catalogue entry in force on the visit date at the institution's level (a pharmacy's
// is primary) — class, ratio, fixed self-pay, price standard, payment limit and public health are
// the catalogue's, never the caller's — and checked against the institution's approved-item and
// stock lists (R-D10, before the supervision rules). From the process's in-memory cache: no
// statement of its own once the cache is warm, so the settlement keeps its one read and one write.
import type { Level, TraceEvent } from '@yibao/engine';
import type { CatalogueCache } from '../catalogue/cache.js';
import { checkInstitutionLine } from '../catalogue/institution-lists.js';
import { claimNotes, resolveLine, type CallerLine } from '../catalogue/resolve.js';
import type { ItemKind } from '../catalogue/types.js';

export interface ResolvedItems {
  /** The engine's items: resolved lines, or the caller's value as sent where it is no line at all
   * (the engine then names the field, as `yibao calc` would). */
  items: unknown[];
  /** What the catalogue and the lists decided that the caller did not say, for the trace. */
  notes: TraceEvent[];
}

function callerLine(raw: unknown): CallerLine | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  if (typeof o['code'] !== 'string' || o['code'] === '') return undefined;
  // The claims are copied by name (not a spread of the whole object): they never count, and are kept
  // only to say in the trace that they were set aside.
  return {
    class: o['class'],
    selfPayRatio: o['selfPayRatio'],
    priceStandard: o['priceStandard'],
    paymentLimit: o['paymentLimit'],
    publicHealth: o['publicHealth'],
    fixedSelfPay: o['fixedSelfPay'],
    code: o['code'],
    name: typeof o['name'] === 'string' ? o['name'] : undefined,
    kind: o['kind'] as ItemKind,
    quantity: o['quantity'] as number,
    unitPrice: o['unitPrice'] as number,
    consent: o['consent'] === true,
  };
}

export async function resolveItems(
  cache: CatalogueCache,
  raw: unknown,
  visit: { date: string; institutionId: string; level: Level | null },
): Promise<ResolvedItems> {
  if (!Array.isArray(raw)) return { items: raw as unknown[], notes: [] };
  await cache.refresh();
  const lists = await cache.listsOf(visit.institutionId);
  const notes: TraceEvent[] = [];
  const items = (raw as unknown[]).map((value, i) => {
    const line = callerLine(value);
    if (line === undefined) return value;
    const resolution = resolveLine(line, cache.entryOn(line.code, visit.date), visit.level);
    if (resolution.entry === null)
      notes.push({
        rule: 'R-C1',
        text: `第${i + 1}项 ${line.code} 在 ${visit.date} 不在医保目录内（目录外），按自费项目处理`,
        amount: 0,
        item: i,
      });
    for (const text of claimNotes(resolution)) notes.push({ rule: 'R-C1', text, amount: 0, item: i });
    const refusal = checkInstitutionLine(lists, resolution.item.kind, line.code, resolution.item.name);
    if (refusal === null) return resolution.item;
    notes.push({ rule: 'R-D10', text: refusal.reason, amount: 0, item: i });
    return { ...resolution.item, refusedBy: refusal.refusedBy };
  });
  return { items, notes };
}
