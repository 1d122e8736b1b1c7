// 扣款 confirmed by upheld alerts (SUPERVISION_RULES.md §7, R-E1): SQL only. The monthly payment run
// reads the rows of its month not yet taken (docs/supervision.md § Deductions for the payment run).
import type { DeductionDraft } from '@yibao/engine';
import type { Queryable } from '../../db/types.js';

export interface DeductionRow extends DeductionDraft {
  personId: string;
  paymentYear: number;
  paymentMonth: number;
  confirmedOn: string;
}

/** Writes the alert's deduction once: a second write of the same alert is refused by the key and answers false. */
export async function insertDeduction(db: Queryable, d: DeductionRow): Promise<boolean> {
  const alertId = d.alertIds[0];
  if (alertId === undefined || d.alertIds.length !== 1) throw new Error('a deduction row is one alert');
  const rows = await db.query(
    `INSERT INTO supervision_deductions (person_id, alert_id, request_id, institution_id, pool, fund, amount_fen,
       year, month, payment_year, payment_month, confirmed_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::date)
     ON CONFLICT (person_id, alert_id) DO NOTHING RETURNING alert_id`,
    [
      d.personId,
      alertId,
      d.requestId,
      d.institutionId,
      d.pool,
      d.fund,
      d.amount,
      d.year,
      d.month,
      d.paymentYear,
      d.paymentMonth,
      d.confirmedOn,
    ],
  );
  return rows.length === 1;
}

/** The deductions confirmed, one per alert, filtered by institution and confirmation year and month. */
export async function listDeductions(
  db: Queryable,
  filter: { institutionId?: string | undefined; year?: number | undefined; month?: number | undefined },
): Promise<DeductionDraft[]> {
  const rows = await db.query<{
    alert_id: string;
    request_id: string;
    institution_id: string;
    pool: string;
    fund: 'outpatient' | 'inpatient';
    amount_fen: string | number;
    year: number;
    month: number;
  }>(
    `SELECT alert_id, request_id, institution_id, pool, fund, amount_fen, year, month FROM supervision_deductions
     WHERE ($1::text IS NULL OR institution_id = $1) AND ($2::integer IS NULL OR year = $2)
       AND ($3::integer IS NULL OR month = $3)
     ORDER BY institution_id, year, month, pool, fund, confirmed_at, alert_id`,
    [filter.institutionId ?? null, filter.year ?? null, filter.month ?? null],
  );
  return rows.map((r) => ({
    requestId: r.request_id,
    institutionId: r.institution_id,
    year: r.year,
    month: r.month,
    pool: r.pool as DeductionDraft['pool'],
    fund: r.fund,
    amount: Number(r.amount_fen),
    alertIds: [r.alert_id],
  }));
}
