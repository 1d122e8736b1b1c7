// The stored lines (明细) of a settlement: each uploaded item beside the engine's split of it, so
// self-paid lines are kept too (R-G1). Read after the engine accepted the items, so the shapes hold.
import type { CalcResult } from '@yibao/engine';
import { toFen } from '@yibao/engine';
import type { ItemLine } from '../store/settlement-writes.js';

function field(item: unknown, name: string): unknown {
  return item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[name] : undefined;
}
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export function itemLines(items: unknown, result: CalcResult): ItemLine[] {
  const uploaded = Array.isArray(items) ? (items as unknown[]) : [];
  return result.items.map((r, i) => {
    const item = uploaded[i];
    return {
      lineNo: i + 1,
      code: r.code,
      name: text(field(item, 'name')),
      kind: text(field(item, 'kind')),
      class: text(field(item, 'class')),
      quantity: num(field(item, 'quantity')),
      unitPriceFen: toFen(num(field(item, 'unitPrice'))),
      totalFen: toFen(r.total),
      fullSelfPayFen: toFen(r.fullSelfPay),
      overLimitSelfPayFen: toFen(r.overLimitSelfPay),
      firstSelfPayFen: toFen(r.firstSelfPay),
      inScopeFen: toFen(r.inScope),
      institutionBorneFen: toFen(r.institutionBorne),
      days: typeof field(item, 'days') === 'number' ? (field(item, 'days') as number) : null,
      refusedBy: r.refusedBy ?? null,
    };
  });
}
