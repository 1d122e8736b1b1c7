// 审核扣款 (PAYMENT_POLICY §2; PAYMENT_CONTRACT.md POST /payments/deductions): supervision hands over a
// confirmed deduction; it is taken in the run of the month after its confirmation, or in the first
// open month when that one is already run. Its payment month is assigned when it is written, under
// the payment clock (store/payment/clock.ts), so a run counts it exactly once. Idempotent on requestId.
import { deductionMonthOf, toFen } from '@yibao/engine';
import type { DeductionBody } from '@yibao/api';
import type { Database, Queryable } from '../db/types.js';
import { isPgError, UNIQUE_VIOLATION } from '../db/types.js';
import { Conflict, NotFound } from '../domain/errors.js';
import { newSettlementId } from '../settle/ids.js';
import { requestHash } from '../settle/request-hash.js';
import { underOpenClock } from '../store/payment/clock.js';

export interface DeductionAnswer {
  status: 200 | 201;
  body: {
    id: string;
    requestId: string;
    institutionId: string;
    year: number;
    month: number;
    pool: string;
    fund: string;
    amount: number;
    reason: string;
    alertIds: string[];
    paymentMonth: string;
  };
}

type Row = Record<string, unknown>;

function toBody(r: Row): DeductionAnswer['body'] {
  return {
    id: r['id'] as string,
    requestId: r['request_id'] as string,
    institutionId: r['institution_id'] as string,
    year: Number(r['year']),
    month: Number(r['month']),
    pool: r['pool'] as string,
    fund: r['fund'] as string,
    amount: Number(r['amount_fen']) / 100,
    reason: r['reason'] as string,
    alertIds: (r['alert_ids'] as string[] | null) ?? [],
    paymentMonth: r['payment_month'] as string,
  };
}

const SELECT = `SELECT id, request_id, request_hash, institution_id, year, month, pool, fund, amount_fen, reason,
  alert_ids, payment_month FROM payment_deductions`;

async function replay(db: Database, body: DeductionBody, hash: string): Promise<DeductionAnswer | undefined> {
  const rows = await db.query<Row>(`${SELECT} WHERE request_id = $1`, [body.requestId]);
  const r = rows[0];
  if (r === undefined) return undefined;
  if (r['request_hash'] !== hash)
    throw new Conflict(
      'request_id_reused',
      `请求流水号 ${body.requestId} 已用于另一笔不同的扣款`,
      'requestId',
    );
  return { status: 200, body: toBody(r) };
}

const INSERT = `INSERT INTO payment_deductions (id, request_id, request_hash, institution_id, year, month, pool, fund,
    amount_fen, reason, alert_ids, payment_month)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12)`;
const RETURNING =
  'RETURNING id, request_id, institution_id, year, month, pool, fund, amount_fen, reason, alert_ids, payment_month';

function insertParams(body: DeductionBody, hash: string, firstOpen: string): unknown[] {
  return [
    newSettlementId(),
    body.requestId,
    hash,
    body.institutionId,
    body.year,
    body.month,
    body.pool,
    body.fund,
    toFen(body.amount),
    body.reason,
    body.alertIds ?? [],
    deductionMonthOf(body.year, body.month, firstOpen),
  ];
}

/**
 * 监管移交 (issue 15 §4): an upheld alert's deduction written inside the review's own transaction, so
 * the alert is decided and its deduction confirmed together or not at all. The payment month is
 * assigned under the payment clock as for POST /payments/deductions; the alert's request id makes it
 * exactly once. Answers the payment month ("YYYY-MM") it is taken in.
 */
export async function handOverDeduction(tx: Queryable, body: DeductionBody): Promise<string> {
  const clock = await tx.query<{ m: string }>(
    'SELECT first_open_month AS m FROM payment_clock WHERE id = 1 FOR KEY SHARE',
  );
  const firstOpen = clock[0]?.m ?? '0000-00';
  const rows = await tx.query<Row>(
    `${INSERT} ON CONFLICT (request_id) DO NOTHING RETURNING payment_month`,
    insertParams(body, requestHash(body), firstOpen),
  );
  if (rows[0] !== undefined) return rows[0]['payment_month'] as string;
  const kept = await tx.query<Row>('SELECT payment_month FROM payment_deductions WHERE request_id = $1', [
    body.requestId,
  ]);
  return kept[0]?.['payment_month'] as string;
}

export async function recordDeduction(db: Database, body: DeductionBody): Promise<DeductionAnswer> {
  const hash = requestHash(body);
  const again = await replay(db, body, hash);
  if (again !== undefined) return again;
  const known = await db.query('SELECT 1 FROM institutions WHERE id = $1', [body.institutionId]);
  if (known.length === 0) throw new NotFound('定点医药机构', body.institutionId, 'institutionId');
  try {
    const row = await underOpenClock(db, async (tx, firstOpen) => {
      const rows = await tx.query<Row>(`${INSERT} ${RETURNING}`, insertParams(body, hash, firstOpen));
      return rows[0] as Row;
    });
    return { status: 201, body: toBody(row) };
  } catch (err) {
    // a concurrent request with this id won: answer as a retry (or refuse another body)
    if (isPgError(err) && err.code === UNIQUE_VIOLATION) {
      const winner = await replay(db, body, hash);
      if (winner !== undefined) return winner;
    }
    throw err;
  }
}
