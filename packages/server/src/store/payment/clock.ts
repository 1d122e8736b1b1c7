// The payment clock (migration 017): the first month not yet run. Settlement writes hold it FOR KEY
// SHARE in their own statement (store/settlement-batch-writes.ts); a run takes it FOR UPDATE here to
// move it past the month it closes, so it waits for the writes in flight, and every write after it
// sees the new month (docs/payments.md § Locking).
import type { Database, Queryable } from '../../db/types.js';

export async function firstOpenMonth(db: Queryable): Promise<string> {
  const rows = await db.query<{ m: string }>('SELECT first_open_month AS m FROM payment_clock WHERE id = 1');
  return rows[0]?.m ?? '0000-00';
}

/** The month after "YYYY-MM". */
export function nextMonth(key: string): string {
  const y = Number(key.slice(0, 4));
  const m = Number(key.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before "YYYY-MM". */
export function previousMonth(key: string): string {
  const y = Number(key.slice(0, 4));
  const m = Number(key.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Closes `month` for records: the clock moves past it (if it is not already), under FOR UPDATE, in a
 * short transaction of its own — settlements wait only for this, not for the run's computation.
 * After it commits no record can be given `month` any more, so the run reads a month that is fixed.
 */
export async function closeMonth(db: Database, month: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ m: string }>(
      'SELECT first_open_month AS m FROM payment_clock WHERE id = 1 FOR UPDATE',
    );
    const open = rows[0]?.m ?? '0000-00';
    if (open <= month)
      await tx.query('UPDATE payment_clock SET first_open_month = $1 WHERE id = 1', [nextMonth(month)]);
  });
}

/**
 * Runs `work` with the clock held FOR KEY SHARE (a deduction's payment month is assigned under it):
 * a run closing a month waits for it, and it sees a month a run has just closed as closed.
 */
export async function underOpenClock<T>(
  db: Database,
  work: (tx: Queryable, firstOpen: string) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ m: string }>(
      'SELECT first_open_month AS m FROM payment_clock WHERE id = 1 FOR KEY SHARE',
    );
    return work(tx, rows[0]?.m ?? '0000-00');
  });
}
