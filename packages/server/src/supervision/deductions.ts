// GET /supervision/deductions (SUPERVISION_CONTRACT.md): the confirmed deductions summed per
// (institution, year, month, pool, fund) with the alerts they come from (engine sumDeductions).
import { fenToYuan, sumDeductions } from '@yibao/engine';
import type { Deductions } from '@yibao/api';
import type { Queryable } from '../db/types.js';
import { listDeductions } from '../store/supervision/deductions.js';

export async function deductionsOf(
  db: Queryable,
  filter: { institutionId?: string | undefined; year?: number | undefined; month?: number | undefined },
): Promise<Deductions> {
  const rows = await listDeductions(db, filter);
  return {
    items: sumDeductions(rows).map((d) => ({
      institutionId: d.institutionId,
      year: d.year,
      month: d.month,
      pool: d.pool,
      fund: d.fund,
      amount: fenToYuan(d.amount),
      alertIds: [...d.alertIds],
    })),
  };
}
