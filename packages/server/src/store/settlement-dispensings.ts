// 电子处方的调剂记录 (R-D8): what settlements have dispensed of one e-prescription, by drug code —
// net of reversals, whose rows are the original's negated. Written by the settlement's own
// statement (settlement-batch-writes.ts); read here before the settlement is computed.
import type { Queryable } from '../db/types.js';
import type { Dispensing } from './settlement-writes.js';

/** Quantity dispensed so far per drug code (ten-thousandths are kept exact by numeric). */
export async function dispensedOf(
  db: Queryable,
  personId: string,
  prescriptionId: string,
): Promise<Map<string, number>> {
  const rows = await db.query<{ code: string; quantity: string | number }>(
    `SELECT code, sum(quantity) AS quantity FROM e_prescription_dispensings
     WHERE person_id = $1 AND prescription_id = $2 GROUP BY code`,
    [personId, prescriptionId],
  );
  return new Map(rows.map((r) => [r.code, Number(r.quantity)]));
}

/** A settlement's own dispensing rows (for its reversal to give them back). */
export function dispensingsOf(rows: unknown): Dispensing[] {
  if (!Array.isArray(rows)) return [];
  return (rows as Record<string, unknown>[]).map((r) => ({
    lineNo: Number(r['line_no']),
    prescriptionId: String(r['prescription_id']),
    code: String(r['code']),
    quantity: Number(r['quantity']),
  }));
}
