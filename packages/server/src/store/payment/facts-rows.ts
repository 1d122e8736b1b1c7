// settlement_payment_facts (migration 017) row <-> the engine's PaymentFacts (amounts in fen, points
// in hundredths). Written by the settlement's own statement (store/settlement-batch-writes.ts).
import type { PaymentFacts } from '@yibao/engine';
import type { Queryable } from '../../db/types.js';

/** The columns a settlement write fills, each from the facts (null when the record has none). */
export const FACTS_FIELDS: ReadonlyArray<readonly [string, string, (f: PaymentFacts) => unknown]> = [
  ['payment_month', 'text', (f) => f.paymentMonth],
  ['pool', 'text', (f) => f.pool],
  ['fund', 'text', (f) => f.fund],
  ['method', 'text', (f) => f.method],
  ['dip_group', 'text', (f) => f.dipGroup],
  ['dip_ratio', 'text', (f) => f.dipRatio],
  ['dip_points', 'bigint', (f) => f.dipPoints],
  ['reference_cost_fen', 'bigint', (f) => f.referenceCost],
  ['bed_days', 'integer', (f) => f.bedDays],
  ['bed_day_amount_fen', 'bigint', (f) => f.bedDayAmount],
  ['capitation_centre_id', 'text', (f) => f.capitationCentreId],
  ['outflow_centre_id', 'text', (f) => f.outflowCentreId],
  ['fund_pay_fen', 'bigint', (f) => f.fundPay],
  ['account_pay_fen', 'bigint', (f) => f.accountPay],
  ['events', 'json', (f) => JSON.stringify(f.events)],
];

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A stored row (row_to_json or a plain select) back as PaymentFacts; null for none. */
export function storedPaymentFacts(row: Record<string, unknown> | null | undefined): PaymentFacts | null {
  if (row === null || row === undefined) return null;
  const raw = row['events'];
  const events: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return {
    paymentMonth: row['payment_month'] as string,
    institutionId: row['institution_id'] as string,
    pool: row['pool'] as PaymentFacts['pool'],
    fund: row['fund'] as PaymentFacts['fund'],
    method: row['method'] as string,
    dipGroup: (row['dip_group'] as string | null) ?? null,
    dipRatio: (row['dip_ratio'] as PaymentFacts['dipRatio']) ?? null,
    dipPoints: num(row['dip_points']),
    referenceCost: num(row['reference_cost_fen']),
    bedDays: num(row['bed_days']),
    bedDayAmount: num(row['bed_day_amount_fen']),
    capitationCentreId: (row['capitation_centre_id'] as string | null) ?? null,
    outflowCentreId: (row['outflow_centre_id'] as string | null) ?? null,
    fundPay: Number(row['fund_pay_fen']),
    accountPay: Number(row['account_pay_fen']),
    events: (events as PaymentFacts['events'] | null) ?? [],
  };
}

/** The payment facts of a settlement by its id (GET /settlements/{id}/payment), with its institution. */
export async function findPaymentFacts(
  db: Queryable,
  settlementId: string,
): Promise<{ institutionId: string; facts: PaymentFacts | null } | undefined> {
  const rows = await db.query<{ institution_id: string; f: Record<string, unknown> | null }>(
    `SELECT s.institution_id, (SELECT row_to_json(f) FROM settlement_payment_facts f
        WHERE f.person_id = s.person_id AND f.settlement_id = s.id) AS f
     FROM settlements s WHERE s.id = $1`,
    [settlementId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return { institutionId: row.institution_id, facts: storedPaymentFacts(row.f) };
}
