// The catalogue's records on the wire (@yibao/api catalogue.ts): fen → yuan, ten-thousandths →
// a ratio 0–1. The one place the routes and the CLI turn held facts into the contract's units.
import type {
  CatalogueDiff as WireDiff,
  CatalogueEntry as WireEntry,
  CatalogueHistoryEvent as WireEvent,
  CatalogueImportPreview as WirePreview,
  FieldChange as WireFieldChange,
} from '@yibao/api';
import type { CatalogueDiff } from './diff.js';
import type { ImportPreview } from './import/import.js';
import type { FieldChange } from './plan.js';
import type { CatalogueEntry, CatalogueHistoryEvent, PriceByLevel } from './types.js';

const yuan = (fen: number | null): number | null => (fen === null ? null : fen / 100);
const ratio = (scaled: number | null): number | null => (scaled === null ? null : scaled / 10_000);
const prices = (p: PriceByLevel | null): WireEntry['priceStandard'] =>
  p === null ? null : { primary: yuan(p.primary), secondary: yuan(p.secondary), tertiary: yuan(p.tertiary) };

export function entryToWire(e: CatalogueEntry): WireEntry {
  return {
    ...e,
    selfPayRatio: ratio(e.selfPayRatio),
    paymentLimit: yuan(e.paymentLimit),
    priceStandard: prices(e.priceStandard),
  };
}

function valueToWire(field: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (field === 'selfPayRatio' && typeof v === 'number') return ratio(v);
  if (field === 'paymentLimit' && typeof v === 'number') return yuan(v);
  if (field === 'priceStandard' && typeof v === 'object') return prices(v as PriceByLevel);
  return v;
}

export function fieldChangeToWire(c: FieldChange): WireFieldChange {
  return { field: c.field, before: valueToWire(c.field, c.before), after: valueToWire(c.field, c.after) };
}

export function historyToWire(h: CatalogueHistoryEvent): WireEvent {
  return { ...h, data: entryToWire(h.data) };
}

export function diffToWire(d: CatalogueDiff): WireDiff {
  return {
    added: d.added.map(entryToWire),
    removed: d.removed.map(entryToWire),
    ended: d.ended.map((x) => ({ ...x, entry: entryToWire(x.entry) })),
    changed: d.changed.map((x) => ({
      code: x.code,
      before: entryToWire(x.before),
      after: entryToWire(x.after),
      fields: x.fields.map(fieldChangeToWire),
    })),
  };
}

export function previewToWire(p: ImportPreview): WirePreview {
  return {
    ...p,
    changed: p.changed.map((c) => ({ ...c, fields: c.fields.map(fieldChangeToWire) })),
  };
}
