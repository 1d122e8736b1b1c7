// 结算重放: a settlement's engine request, exactly as computed, from what the settlement row holds —
// `request` (every fact the engine used after the catalogue and the registry, issue 12 §3) and
// `lines` (each line as settled: code, name, kind, quantity, price). The request's items keep only
// what the lines do not hold, and no field at the engine's own default (storedItem); replayRequest
// puts them back, so `calculate(replayRequest(row))` answers what the settlement answered.
import type { ItemLine } from '../store/settlement-writes.js';

/** The line fields that live in `lines` and the item fields the engine defaults, with their defaults. */
const IN_LINES = ['code', 'name', 'kind', 'quantity', 'unitPrice'] as const;
const DEFAULTS: readonly (readonly [string, unknown])[] = [
  ['selfPayRatio', null],
  ['priceStandard', null],
  ['paymentLimit', null],
  ['consent', false],
  ['publicHealth', false],
  ['fixedSelfPay', false],
  ['refusedBy', null],
];

/** An engine item as stored beside its line. */
export function storedItem(item: unknown): unknown {
  if (item === null || typeof item !== 'object') return item;
  const o: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item as Record<string, unknown>)) {
    if ((IN_LINES as readonly string[]).includes(name)) continue;
    if (DEFAULTS.some(([d, fallback]) => d === name && value === fallback)) continue;
    o[name] = value;
  }
  return o;
}

/** The engine request of a stored settlement (not a reversal: it has no request of its own). */
export function replayRequest(
  request: Record<string, unknown>,
  lines: readonly ItemLine[],
): Record<string, unknown> {
  const items = Array.isArray(request['items']) ? (request['items'] as Record<string, unknown>[]) : [];
  const byNo = new Map(lines.map((l) => [l.lineNo, l]));
  return {
    ...request,
    items: items.map((stored, i) => {
      const line = byNo.get(i + 1);
      if (line === undefined) throw new Error(`settlement line ${i + 1} missing`);
      return {
        code: line.code,
        name: line.name,
        kind: line.kind,
        quantity: line.quantity,
        unitPrice: line.unitPriceFen / 100,
        ...stored,
      };
    }),
  };
}
