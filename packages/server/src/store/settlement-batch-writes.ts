// Several settlements of different persons written by ONE statement: under load the per-statement
// costs (a round trip, parse/bind, a commit and its WAL flush) are shared by the whole batch.
// Each settlement in it keeps its own compare-and-swap on its person's account version: the ones
// whose version moved are simply not written (the caller recomputes them), and the statement as a
// whole is atomic, so every settlement is still all or nothing.
//
// No double spending (防重复支付): the statement first bumps each person's account version with a
// compare-and-swap (`WHERE version = expected`); everything else hangs off the rows it bumped, so a
// settlement whose person moved on since the read writes nothing at all. Idempotency (幂等): the
// unique index on the settlement's request id aborts the whole statement on reuse.
//
// Each value is a parameter of its own (a VALUES row per settlement, one prepared statement per
// batch size). The batch used to travel as one JSON document unpacked by json_to_recordset, and
// PostgreSQL then spent a quarter of its time parsing JSON: the envelope, and again each answer.
// Now only the answer and the lines are read as json, once each.
import type { Queryable } from '../db/types.js';
import { ACCUMULATOR_COLUMNS } from './records.js';
import { AMOUNT_COLUMNS } from './settlement-columns.js';
import { lineRow, type SettlementWrite } from './settlement-writes.js';
import { FACTS_FIELDS } from './payment/facts-rows.js';

const ACC = ACCUMULATOR_COLUMNS.map(([, c]) => c);
const AMOUNTS = AMOUNT_COLUMNS.map(([, c]) => c);

/** One VALUES row: each column with its type, and how a write fills it. */
const FIELDS: ReadonlyArray<readonly [string, string, (w: SettlementWrite) => unknown]> = [
  ['id', 'text', (w) => w.id],
  ['person_id', 'text', (w) => w.personId],
  ['expected_version', 'bigint', (w) => w.expectedVersion],
  ['account_delta_fen', 'bigint', (w) => w.accountDeltaFen],
  ['year', 'integer', (w) => w.year],
  ...ACCUMULATOR_COLUMNS.map(
    ([name, c]) => [`acc_${c}`, 'bigint', (w: SettlementWrite) => w.accumulatorsAfterFen[name]] as const,
  ),
  ['institution_id', 'text', (w) => w.institutionId],
  ['request_id', 'text', (w) => w.requestId],
  ['request_hash', 'text', (w) => w.requestHash],
  ['date', 'date', (w) => w.date],
  ['visit_kind', 'text', (w) => w.visitKind],
  ['benefit_group', 'text', (w) => w.benefitGroup],
  ['reverses', 'text', (w) => w.reverses],
  ['policy_version', 'text', (w) => w.policyVersion],
  ['policy_hash', 'text', (w) => w.policyHash],
  ...AMOUNT_COLUMNS.map(([name, c]) => [c, 'bigint', (w: SettlementWrite) => w.amountsFen[name]] as const),
  ['ytd_delta', 'jsonb', (w) => JSON.stringify(w.ytdDeltaFen)],
  ['visit', 'jsonb', (w) => JSON.stringify(w.visit)],
  ['lines', 'json', (w) => JSON.stringify(w.lines.map(lineRow))],
  ['request', 'json', (w) => w.requestJson],
  // null when the visit dispensed nothing (most): the insert below then reads no rows
  [
    'dispensed',
    'json',
    (w) =>
      w.dispensings.length === 0
        ? null
        : JSON.stringify(
            w.dispensings.map((d) => ({
              line_no: d.lineNo,
              prescription_id: d.prescriptionId,
              code: d.code,
              quantity: d.quantity,
            })),
          ),
  ],
  // Serialized once, by the service (it is also the HTTP reply), and sent as those same bytes.
  ['result', 'json', (w) => w.resultJson ?? JSON.stringify(w.result)],
  // Payment facts (issue 14): the clock as read, and the facts' columns (null: none to store).
  ['pay_open', 'text', (w) => w.firstOpenMonth],
  ...FACTS_FIELDS.map(
    ([c, type, value]) =>
      [`pf_${c}`, type, (w: SettlementWrite) => (w.payment === null ? null : value(w.payment))] as const,
  ),
];

const SETTLEMENT_COLUMNS = [
  'id',
  'person_id',
  'institution_id',
  'request_id',
  'date',
  'year',
  'visit_kind',
  'benefit_group',
  'reverses',
  'policy_version',
  'policy_hash',
  ...AMOUNTS,
  'ytd_delta',
  'visit',
  'request_hash',
  'lines',
  'request',
  'result',
];

function batchSql(size: number): string {
  const rows = Array.from(
    { length: size },
    (_, r) => `(${FIELDS.map(([, type], c) => `$${r * FIELDS.length + c + 1}::${type}`).join(', ')})`,
  );
  const persons = size * FIELDS.length + 1;
  return `WITH x (${FIELDS.map(([name]) => name).join(', ')}) AS (
  VALUES ${rows.join(',\n    ')}
), clock AS (
  -- the payment clock (migration 017), held FOR KEY SHARE until this statement commits: a run takes
  -- it FOR UPDATE, so it waits for this write, and a write after the run sees the month moved on
  -- (the row re-read under the lock) and writes nothing: its facts are recomputed, like a lost CAS
  SELECT first_open_month FROM payment_clock WHERE id = 1 FOR KEY SHARE
), guard AS (
  UPDATE person_accounts a SET version = a.version + 1, balance_fen = a.balance_fen + x.account_delta_fen
  FROM x, clock WHERE a.person_id = x.person_id AND a.version = x.expected_version
    AND x.pay_open = clock.first_open_month
    -- the array lets the planner probe the index per person instead of scanning every account
    AND a.person_id = ANY ($${persons}::text[])
  RETURNING a.person_id
), ok AS (
  SELECT x.* FROM x JOIN guard ON guard.person_id = x.person_id
), acc AS (
  INSERT INTO person_year_accumulators AS y (person_id, year, ${ACC.join(', ')}, version)
  SELECT person_id, year, ${ACC.map((c) => `acc_${c}`).join(', ')}, 1 FROM ok
  ON CONFLICT (person_id, year) DO UPDATE SET
    ${ACC.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, version = y.version + 1
  RETURNING 1
), req AS (
  -- the request id, unique over the agency, in its own table (migration 009): a reused one fails
  -- the whole statement on settlement_requests_pkey and nothing is written
  INSERT INTO settlement_requests (request_id, request_hash, person_id, settlement_id)
  SELECT request_id, request_hash, person_id, id FROM ok
  RETURNING 1
), disp AS (
  -- what an e-prescription gave (R-D8): in the same statement, so it is dispensed only if the
  -- settlement is written, and the person's compare-and-swap above serialises two dispensings
  INSERT INTO e_prescription_dispensings (person_id, settlement_id, line_no, prescription_id, code, quantity)
  SELECT ok.person_id, ok.id, d.line_no, d.prescription_id, d.code, d.quantity
  FROM ok, json_to_recordset(ok.dispensed) AS d(line_no integer, prescription_id text, code text, quantity numeric)
  WHERE ok.dispensed IS NOT NULL
  RETURNING 1
), pay AS (
  INSERT INTO settlement_payment_facts (person_id, settlement_id, institution_id, ${FACTS_FIELDS.map(([c]) => c).join(', ')})
  SELECT person_id, id, institution_id, ${FACTS_FIELDS.map(([c]) => `pf_${c}`).join(', ')} FROM ok
  WHERE pf_payment_month IS NOT NULL
  RETURNING 1
), st AS (
  INSERT INTO settlements (${SETTLEMENT_COLUMNS.join(', ')})
  SELECT ${SETTLEMENT_COLUMNS.join(', ')} FROM ok
  RETURNING id
)
SELECT id FROM ok`;
}

const statements = new Map<number, string>();
function statementFor(size: number): string {
  let sql = statements.get(size);
  if (sql === undefined) {
    sql = batchSql(size);
    statements.set(size, sql);
  }
  return sql;
}

/**
 * Writes the settlements (at most one per person) in one statement; returns the ids written. A
 * settlement missing from the answer lost its compare-and-swap. Any error (a reused request id in
 * the batch, say) fails the whole statement and nothing is written.
 */
export async function writeSettlementBatch(
  db: Queryable,
  writes: readonly SettlementWrite[],
): Promise<Set<string>> {
  const params: unknown[] = [];
  for (const w of writes) for (const [, , value] of FIELDS) params.push(value(w));
  params.push(writes.map((w) => w.personId));
  const rows = await db.query<{ id: string }>(
    statementFor(writes.length),
    params,
    `yibao_settle_batch_v7_${writes.length}`,
  );
  return new Set(rows.map((r) => r.id));
}

/** One settlement or reversal, as a batch of one: false when its account version moved. */
export async function writeSettlement(db: Queryable, write: SettlementWrite): Promise<boolean> {
  return (await writeSettlementBatch(db, [write])).has(write.id);
}
