// The write of a settlement or a reversal: ONE statement (data-modifying CTEs), so PostgreSQL makes
// it atomic without an explicit transaction and it costs one round trip.
//
// No double spending (防重复支付): the statement first bumps the person's account version with a
// compare-and-swap (`WHERE version = expected`). Everything else in the statement hangs off that
// row, so when a concurrent settlement of the same person got there first nothing at all is
// written and the caller recomputes from fresh accumulators. Idempotency: the unique index on the
// settlement's request id aborts the whole statement on reuse.
import type { Accumulators } from '@yibao/engine';
import type { Queryable } from '../db/types.js';
import { ACCUMULATOR_COLUMNS } from './records.js';
import { AMOUNT_COLUMNS, type Amounts } from './settlement-columns.js';

export interface ItemLine {
  lineNo: number;
  code: string;
  name: string;
  kind: string;
  class: string;
  quantity: number;
  unitPriceFen: number;
  totalFen: number;
  fullSelfPayFen: number;
  overLimitSelfPayFen: number;
  firstSelfPayFen: number;
  inScopeFen: number;
  institutionBorneFen: number;
}

export interface SettlementWrite {
  id: string;
  personId: string;
  institutionId: string;
  requestId: string;
  requestHash: string;
  date: string;
  year: number;
  visitKind: string;
  benefitGroup: string;
  reverses: string | null;
  policyVersion: string;
  policyHash: string;
  amountsFen: Amounts;
  /** The account version read before computing; the write happens only if it still holds. */
  expectedVersion: number;
  /** Added to the account balance: minus the account payment, or plus it for a reversal. */
  accountDeltaFen: number;
  accumulatorsAfterFen: Accumulators;
  ytdDeltaFen: Accumulators;
  visit: unknown;
  result: object;
  /** `result` already serialized (the HTTP reply), so a batch need not serialize it again. */
  resultJson?: string;
  /** The lines as uploaded with the engine's split (a settlement), or the original's negated (a reversal). */
  lines: ItemLine[];
}

const ACC_COLUMNS = ACCUMULATOR_COLUMNS.map(([, c]) => c);
const AMOUNT_COLS = AMOUNT_COLUMNS.map(([, c]) => c);

// $1 person, $2 expected version, $3 account delta, $4 year, $5.. accumulators, then the settlement.
const ACC_BASE = 5;
const ST_BASE = ACC_BASE + ACC_COLUMNS.length;
const ST_FIELDS = [
  'id',
  'institution_id',
  'request_id',
  'date',
  'year',
  'visit_kind',
  'benefit_group',
  'reverses',
  'policy_version',
  'policy_hash',
  ...AMOUNT_COLS,
  'ytd_delta',
  'visit',
  'request_hash',
  'lines',
  'result',
] as const;
const CASTS: Record<string, string> = {
  date: 'date',
  year: 'integer',
  ytd_delta: 'jsonb',
  visit: 'jsonb',
  lines: 'json',
  result: 'json',
};
const castOf = (field: string): string => CASTS[field] ?? (field.endsWith('_fen') ? 'bigint' : 'text');

const WRITE_SQL = `WITH guard AS (
  UPDATE person_accounts SET version = version + 1, balance_fen = balance_fen + $3::bigint
  WHERE person_id = $1 AND version = $2::bigint
  RETURNING person_id
), acc AS (
  INSERT INTO person_year_accumulators AS y (person_id, year, ${ACC_COLUMNS.join(', ')}, version)
  SELECT person_id, $4::integer, ${ACC_COLUMNS.map((_, i) => `$${ACC_BASE + i}::bigint`).join(', ')}, 1 FROM guard
  ON CONFLICT (person_id, year) DO UPDATE SET
    ${ACC_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, version = y.version + 1
  RETURNING 1
), st AS (
  INSERT INTO settlements (person_id, ${ST_FIELDS.join(', ')})
  SELECT person_id, ${ST_FIELDS.map((f, i) => `$${ST_BASE + i}::${castOf(f)}`).join(', ')} FROM guard
  RETURNING id
)
SELECT (SELECT count(*) FROM guard)::int AS written`;

/** A line as stored in the settlement's `lines` (amounts in fen); the view settlement_items shows the same fields. */
export function lineRow(l: ItemLine): Record<string, unknown> {
  return {
    line_no: l.lineNo,
    code: l.code,
    name: l.name,
    kind: l.kind,
    class: l.class,
    quantity: l.quantity,
    unit_price_fen: l.unitPriceFen,
    total_fen: l.totalFen,
    full_self_pay_fen: l.fullSelfPayFen,
    over_limit_self_pay_fen: l.overLimitSelfPayFen,
    first_self_pay_fen: l.firstSelfPayFen,
    in_scope_fen: l.inScopeFen,
    institution_borne_fen: l.institutionBorneFen,
  };
}

/** A stored line back as an ItemLine (the inverse of lineRow). */
export function storedLine(row: Record<string, unknown>): ItemLine {
  const n = (key: string): number => Number(row[key] ?? 0);
  const t = (key: string): string => {
    const v = row[key];
    return typeof v === 'string' ? v : '';
  };
  return {
    lineNo: n('line_no'),
    code: t('code'),
    name: t('name'),
    kind: t('kind'),
    class: t('class'),
    quantity: n('quantity'),
    unitPriceFen: n('unit_price_fen'),
    totalFen: n('total_fen'),
    fullSelfPayFen: n('full_self_pay_fen'),
    overLimitSelfPayFen: n('over_limit_self_pay_fen'),
    firstSelfPayFen: n('first_self_pay_fen'),
    inScopeFen: n('in_scope_fen'),
    institutionBorneFen: n('institution_borne_fen'),
  };
}

/** Writes it all, or nothing; false when the version moved (the caller recomputes and retries). */
export async function writeSettlement(db: Queryable, w: SettlementWrite): Promise<boolean> {
  const stValues: Record<(typeof ST_FIELDS)[number], unknown> = {
    id: w.id,
    institution_id: w.institutionId,
    request_id: w.requestId,
    date: w.date,
    year: w.year,
    visit_kind: w.visitKind,
    benefit_group: w.benefitGroup,
    reverses: w.reverses,
    policy_version: w.policyVersion,
    policy_hash: w.policyHash,
    ...Object.fromEntries(AMOUNT_COLUMNS.map(([name, column]) => [column, w.amountsFen[name]])),
    ytd_delta: JSON.stringify(w.ytdDeltaFen),
    visit: JSON.stringify(w.visit),
    request_hash: w.requestHash,
    lines: JSON.stringify(w.lines.map(lineRow)),
    result: w.resultJson ?? JSON.stringify(w.result),
  } as Record<(typeof ST_FIELDS)[number], unknown>;
  const params: unknown[] = [
    w.personId,
    w.expectedVersion,
    w.accountDeltaFen,
    w.year,
    ...ACCUMULATOR_COLUMNS.map(([name]) => w.accumulatorsAfterFen[name]),
    ...ST_FIELDS.map((f) => stValues[f]),
  ];
  const rows = await db.query<{ written: number }>(WRITE_SQL, params, 'yibao_write_settlement_v2');
  return rows[0]?.written === 1;
}
