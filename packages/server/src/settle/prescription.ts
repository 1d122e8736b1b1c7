// 电子处方调剂 (R-D8): a visit that names an e-prescription the records accept (its own person's,
// not expired: registry/facts.ts) dispenses from it. Each drug line must be a drug the prescription
// lists, and the visit's quantity of each drug at most what is left of it after earlier settlements
// (net of reversals). A line beyond that refuses the visit (422 naming items[i]): the pharmacy
// settles the rest as a visit of its own without the prescription (docs/decisions.md 30).
import type { Queryable } from '../db/types.js';
import { RuleRefused } from '../domain/errors.js';
import { findEPrescription } from '../registry/referrals.js';
import { dispensedOf } from '../store/settlement-dispensings.js';
import type { Dispensing } from '../store/settlement-writes.js';

const SCALE = 10_000; // quantities have at most four decimals
const scaled = (q: number): number => Math.round(q * SCALE);
const shown = (s: number): string => String(s / SCALE);

function lineOf(item: unknown): { kind: unknown; code: unknown; quantity: unknown } {
  const o = item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : {};
  return { kind: o['kind'], code: o['code'], quantity: o['quantity'] };
}

/**
 * The dispensing rows of the visit's drug lines, or RuleRefused naming the first line the
 * prescription does not allow. `items` are the resolved lines (the catalogue's kind).
 */
export async function dispense(
  db: Queryable,
  personId: string,
  prescriptionId: string,
  items: readonly unknown[],
): Promise<Dispensing[]> {
  const rx = await findEPrescription(db, prescriptionId);
  if (rx === undefined) return [];
  const allowed = new Map<string, number>();
  for (const it of rx.items) allowed.set(it.code, (allowed.get(it.code) ?? 0) + scaled(it.quantity));
  const given = await dispensedOf(db, personId, prescriptionId);
  const taken = new Map<string, number>();
  const rows: Dispensing[] = [];
  items.forEach((item, i) => {
    const { kind, code, quantity } = lineOf(item);
    if (kind !== 'drug' || typeof code !== 'string' || typeof quantity !== 'number') return;
    const prescribed = allowed.get(code);
    if (prescribed === undefined)
      throw new RuleRefused(
        'R-D8',
        'not_prescribed',
        `R-D8: 第${i + 1}项 ${code} 不在电子处方 ${prescriptionId} 所开药品内，不能凭该处方调剂；请另行结算`,
        `items[${i}].code`,
      );
    const before = scaled(given.get(code) ?? 0) + (taken.get(code) ?? 0);
    const left = prescribed - before;
    if (scaled(quantity) > left)
      throw new RuleRefused(
        'R-D8',
        'beyond_prescription',
        `R-D8: 第${i + 1}项 ${code} 调剂数量 ${String(quantity)} 超过电子处方 ${prescriptionId} 剩余可调剂数量 ${shown(Math.max(0, left))}（处方 ${shown(prescribed)}，已调剂 ${shown(before)}）`,
        `items[${i}].quantity`,
      );
    taken.set(code, (taken.get(code) ?? 0) + scaled(quantity));
    rows.push({ lineNo: i + 1, prescriptionId, code, quantity });
  });
  return rows;
}
