// 结算重放: a settlement's engine request, exactly as computed, from what the settlement row holds —
// `request` (every fact the engine used after the catalogue and the registry, issue 12 §3) and
// `lines` (each line as settled: code, name, kind, quantity, price). The request's items keep only
// what the lines do not hold, and no field at the engine's own default (storedItem); replayRequest
// puts them back, so `calculate(replayRequest(row))` answers what the settlement answered.
import type { ItemLine } from '../store/settlement-writes.js';

/**
 * Whether an item's field is left out of the stored request: the fields that live in `lines`, and
 * those holding the engine's own default. A switch, not a list search: it runs for every field of
 * every line of every settlement.
 */
function leftOut(name: string, value: unknown): boolean {
  switch (name) {
    case 'code':
    case 'name':
    case 'kind':
    case 'quantity':
    case 'unitPrice':
      return true; // in `lines`
    case 'selfPayRatio':
    case 'priceStandard':
    case 'paymentLimit':
    case 'refusedBy':
      return value === null; // the engine's default
    case 'consent':
    case 'publicHealth':
    case 'fixedSelfPay':
      return value === false; // the engine's default
    default:
      return false;
  }
}

/** An engine item as stored beside its line. */
export function storedItem(item: unknown): unknown {
  if (item === null || typeof item !== 'object') return item;
  const o: Record<string, unknown> = {};
  for (const name in item) {
    const value = (item as Record<string, unknown>)[name];
    if (!leftOut(name, value)) o[name] = value;
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
