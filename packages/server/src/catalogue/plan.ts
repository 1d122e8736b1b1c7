// How an incoming entry changes a code's dated versions — pure, shared by the manual change
// (POST /catalogue) and imports, so both say "added / changed / ended / unchanged / rejected" alike.
//
// A version is replaced only from the same validFrom (a correction); a later validFrom closes the
// version in force the day before and opens the new one; an earlier validFrom than the latest
// version is refused unless it restates what was in force then (a full file re-listing history).
import { factsKey } from './validate.js';
import type { CatalogueEntry } from './types.js';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export type PlanAction =
  | { action: 'added'; entry: CatalogueEntry }
  | {
      action: 'changed';
      entry: CatalogueEntry;
      previous: CatalogueEntry;
      /** The previous version with its new validTo when it is closed, null when replaced (same validFrom). */
      closed: CatalogueEntry | null;
      fields: FieldChange[];
    }
  | { action: 'ended'; entry: CatalogueEntry; previous: CatalogueEntry }
  | { action: 'unchanged'; entry: CatalogueEntry }
  | { action: 'rejected'; code: string; field: string; reason: string };

const FIELDS = [
  'name',
  'kind',
  'class',
  'selfPayRatio',
  'paymentLimit',
  'priceStandard',
  'stepDown',
  'publicHealth',
  'fixedSelfPay',
  'volumeProcurement',
  'genericName',
  'dosageForm',
  'unit',
  'restrictedScope',
  'validTo',
] as const;

export function fieldChanges(before: CatalogueEntry, after: CatalogueEntry): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of FIELDS) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f]))
      out.push({ field: f, before: before[f], after: after[f] });
  }
  return out;
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const inForce = (v: CatalogueEntry, date: string): boolean =>
  v.validFrom <= date && (v.validTo === null || v.validTo >= date);

/** `existing`: the code's versions, oldest first. */
export function planEntry(existing: readonly CatalogueEntry[], incoming: CatalogueEntry): PlanAction {
  const latest = existing[existing.length - 1];
  if (latest === undefined) return { action: 'added', entry: incoming };
  const sameFacts = (v: CatalogueEntry): boolean => factsKey(v) === factsKey(incoming);

  const sameDayIndex = existing.findIndex((v) => v.validFrom === incoming.validFrom);
  if (sameDayIndex >= 0) {
    const same = existing[sameDayIndex] as CatalogueEntry;
    const next = existing[sameDayIndex + 1];
    if (next !== undefined && (incoming.validTo === null || incoming.validTo >= next.validFrom)) {
      return {
        action: 'rejected',
        code: incoming.code,
        field: 'validTo',
        reason: `与 ${next.validFrom} 起的已有版本重叠；请从该日之后给出新版本`,
      };
    }
    if (sameFacts(same)) {
      if (same.validTo === incoming.validTo) return { action: 'unchanged', entry: same };
      const ended = { ...same, validTo: incoming.validTo };
      return incoming.validTo !== null
        ? { action: 'ended', entry: ended, previous: same }
        : {
            action: 'changed',
            entry: ended,
            previous: same,
            closed: null,
            fields: fieldChanges(same, ended),
          };
    }
    return {
      action: 'changed',
      entry: incoming,
      previous: same,
      closed: null,
      fields: fieldChanges(same, incoming),
    };
  }

  if (incoming.validFrom > latest.validFrom) {
    const continuous = latest.validTo === null || latest.validTo >= dayBefore(incoming.validFrom);
    if (sameFacts(latest) && continuous) {
      // The same facts again from a later day: nothing new, unless the end date moves.
      if (
        latest.validTo === incoming.validTo ||
        (incoming.validTo === null && latest.validTo !== null && latest.validTo >= incoming.validFrom)
      )
        return { action: 'unchanged', entry: latest };
      const ended = { ...latest, validTo: incoming.validTo };
      return incoming.validTo !== null
        ? { action: 'ended', entry: ended, previous: latest }
        : {
            action: 'changed',
            entry: ended,
            previous: latest,
            closed: null,
            fields: fieldChanges(latest, ended),
          };
    }
    const closeAt = dayBefore(incoming.validFrom);
    const closed =
      latest.validTo === null || latest.validTo > closeAt ? { ...latest, validTo: closeAt } : null;
    return {
      action: 'changed',
      entry: incoming,
      previous: latest,
      closed,
      fields: fieldChanges(latest, incoming),
    };
  }

  const then = existing.find((v) => inForce(v, incoming.validFrom));
  if (then !== undefined && sameFacts(then)) return { action: 'unchanged', entry: then };
  return {
    action: 'rejected',
    code: incoming.code,
    field: 'validFrom',
    reason: `目录已有 ${latest.validFrom} 起的较新版本，不能再从更早的 ${incoming.validFrom} 起改变`,
  };
}

/** Ends the code's open (or later-ending) latest version on `validTo`; undefined when nothing changes. */
export function planEnd(
  existing: readonly CatalogueEntry[],
  validTo: string,
):
  | Extract<PlanAction, { action: 'ended' }>
  | { action: 'rejected'; code: string; field: string; reason: string }
  | undefined {
  const latest = existing[existing.length - 1];
  if (latest === undefined) return undefined;
  if (latest.validTo !== null && latest.validTo <= validTo) return undefined;
  if (latest.validFrom > validTo)
    return {
      action: 'rejected',
      code: latest.code,
      field: 'validTo',
      reason: `${latest.validFrom} 起的版本不能在 ${validTo} 终止（早于其起始日）`,
    };
  return { action: 'ended', entry: { ...latest, validTo }, previous: latest };
}
