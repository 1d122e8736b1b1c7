// Several settlements of different persons written by ONE statement: under load the per-statement
// costs (a round trip, parse/bind, a commit and its WAL flush) are shared by the whole batch.
// Each settlement in it keeps its own compare-and-swap on its person's account version: the ones
// whose version moved are simply not written (the caller recomputes them), and the statement as a
// whole is atomic, so every settlement is still all or nothing.
import type { Queryable } from '../db/types.js';
import { ACCUMULATOR_COLUMNS } from './records.js';
import { AMOUNT_COLUMNS } from './settlement-columns.js';
import { lineRow, type SettlementWrite } from './settlement-writes.js';

const ACC = ACCUMULATOR_COLUMNS.map(([, c]) => c);
const AMOUNTS = AMOUNT_COLUMNS.map(([, c]) => c);

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
  'result',
];

const RECORD_TYPE = [
  'id text',
  'person_id text',
  'expected_version bigint',
  'account_delta_fen bigint',
  'year integer',
  ...ACC.map((c) => `acc_${c} bigint`),
  'institution_id text',
  'request_id text',
  'request_hash text',
  'date date',
  'visit_kind text',
  'benefit_group text',
  'reverses text',
  'policy_version text',
  'policy_hash text',
  ...AMOUNTS.map((c) => `${c} bigint`),
  'ytd_delta jsonb',
  'visit jsonb',
  'lines json',
  'result json',
].join(', ');

// The batch arrives as json, not jsonb: the answers and lines are stored as the json text they
// are, so nothing builds (and sorts the keys of) a jsonb value of several kilobytes per settlement.
const BATCH_SQL = `WITH x AS (
  SELECT * FROM json_to_recordset($1::json) AS r(${RECORD_TYPE})
), guard AS (
  UPDATE person_accounts a SET version = a.version + 1, balance_fen = a.balance_fen + x.account_delta_fen
  FROM x WHERE a.person_id = x.person_id AND a.version = x.expected_version
    -- the array lets the planner probe the index per person instead of scanning every account
    AND a.person_id = ANY ($2::text[])
  RETURNING a.person_id
), ok AS (
  SELECT x.* FROM x JOIN guard ON guard.person_id = x.person_id
), acc AS (
  INSERT INTO person_year_accumulators AS y (person_id, year, ${ACC.join(', ')}, version)
  SELECT person_id, year, ${ACC.map((c) => `acc_${c}`).join(', ')}, 1 FROM ok
  ON CONFLICT (person_id, year) DO UPDATE SET
    ${ACC.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, version = y.version + 1
  RETURNING 1
), st AS (
  INSERT INTO settlements (${SETTLEMENT_COLUMNS.join(', ')})
  SELECT ${SETTLEMENT_COLUMNS.join(', ')} FROM ok
  RETURNING id
)
SELECT id FROM ok`;

function record(w: SettlementWrite): Record<string, unknown> {
  return {
    id: w.id,
    person_id: w.personId,
    expected_version: w.expectedVersion,
    account_delta_fen: w.accountDeltaFen,
    year: w.year,
    ...Object.fromEntries(ACCUMULATOR_COLUMNS.map(([name, c]) => [`acc_${c}`, w.accumulatorsAfterFen[name]])),
    institution_id: w.institutionId,
    request_id: w.requestId,
    request_hash: w.requestHash,
    date: w.date,
    visit_kind: w.visitKind,
    benefit_group: w.benefitGroup,
    reverses: w.reverses,
    policy_version: w.policyVersion,
    policy_hash: w.policyHash,
    ...Object.fromEntries(AMOUNT_COLUMNS.map(([name, c]) => [c, w.amountsFen[name]])),
    ytd_delta: w.ytdDeltaFen,
    visit: w.visit,
    lines: w.lines.map(lineRow),
  };
}

/**
 * The batch as one JSON array. Each answer is serialized once, by the service (it is also the HTTP
 * reply), and spliced in here as it is instead of being serialized a second time.
 */
function batchJson(writes: readonly SettlementWrite[]): string {
  const parts = writes.map((w) => {
    const rest = JSON.stringify(record(w));
    return `${rest.slice(0, -1)},"result":${w.resultJson ?? JSON.stringify(w.result)}}`;
  });
  return `[${parts.join(',')}]`;
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
  const rows = await db.query<{ id: string }>(
    BATCH_SQL,
    [batchJson(writes), writes.map((w) => w.personId)],
    'yibao_settle_batch_v3',
  );
  return new Set(rows.map((r) => r.id));
}
