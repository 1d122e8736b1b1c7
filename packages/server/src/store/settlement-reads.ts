// The reads a settlement and a reversal start from: one round trip each that brings the request
// id's previous use, the person's facts, account version and accumulators, and the institution.
import type { Accumulators, InstitutionType, Level, Scheme, Sex } from '@yibao/engine';
import type { Queryable } from '../db/types.js';
import { ACCUMULATOR_COLUMNS } from './records.js';
import { storedLine, type Dispensing, type ItemLine } from './settlement-writes.js';
import { dispensingsOf } from './settlement-dispensings.js';
import { factsColumnsSql, type FactsRow } from '../registry/person-facts.js';

export interface PreviousUse {
  requestHash: string;
  settlementId: string;
}

export interface PersonFacts {
  scheme: Scheme;
  category: string;
  region: string;
  chronicDiseases: string[];
  familyDoctorContract: boolean;
  relocated: boolean;
  balanceFen: number;
  version: number;
  /** 性别、出生日期 as registered: the 事中 rules F-02 and F-03 read them (null: not judged). */
  sex: Sex | null;
  birthDate: string | null;
}

export interface SettleContext {
  previous: PreviousUse | undefined;
  person: PersonFacts | undefined;
  institution: { type: InstitutionType; level: Level | null } | undefined;
  accumulatorsFen: Accumulators;
  /** What the registry says on the visit date; undefined when the person or institution is unknown. */
  facts: FactsRow | undefined;
}

type ContextRow = Record<string, unknown> & {
  k_hash: string | null;
  k_settlement: string | null;
  p_id: string | null;
  balance_fen: number | null;
  version: number | null;
};

const ACC_SELECT = ACCUMULATOR_COLUMNS.map(([, c]) => `coalesce(y.${c}, 0) AS ${c}`).join(', ');

function accumulatorsOf(row: Record<string, unknown>): Accumulators {
  const acc = {} as Accumulators;
  for (const [name, column] of ACCUMULATOR_COLUMNS) acc[name] = Number(row[column] ?? 0);
  return acc;
}

function personOf(row: ContextRow): PersonFacts | undefined {
  if (row.p_id === null) return undefined;
  return {
    scheme: row['scheme'] as Scheme,
    category: row['category'] as string,
    region: row['region'] as string,
    chronicDiseases: row['chronic_diseases'] as string[],
    familyDoctorContract: row['family_doctor_contract'] as boolean,
    relocated: row['p_relocated'] as boolean,
    balanceFen: row.balance_fen ?? 0,
    sex: (row['p_sex'] as Sex | null) ?? null,
    birthDate: (row['p_birth_date'] as string | null) ?? null,
    version: row.version ?? 0,
  };
}

function previousOf(row: ContextRow): PreviousUse | undefined {
  return row.k_hash === null || row.k_settlement === null
    ? undefined
    : { requestHash: row.k_hash, settlementId: row.k_settlement };
}

export interface SettleContextKey {
  personId: string;
  institutionId: string;
  year: number;
  requestId: string;
  /** The visit date, for the registry's facts. */
  date: string;
}

function contextOf(row: ContextRow): SettleContext {
  return {
    previous: previousOf(row),
    person: personOf(row),
    institution:
      row['i_id'] === null
        ? undefined
        : { type: row['i_type'] as InstitutionType, level: row['i_level'] as Level | null },
    accumulatorsFen: accumulatorsOf(row),
    facts: row['insured'] === null ? undefined : (row as unknown as FactsRow),
  };
}

// The read for many keys at once; `n` puts the answers back in the order of the keys. Each
// lookup is a LATERAL subquery with LIMIT 1, so it stays an index probe per key: a plain join
// lets the planner hash-join a whole table against the batch, whose cost grows with the
// population instead of with the batch. The registry's facts come in the same statement: one
// round trip and one statement per batch instead of two.
const SETTLE_CONTEXTS_SQL = `SELECT q.n, k.k_hash, k.k_settlement, pp.*, ii.*, ff.*
  FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::date[]) WITH ORDINALITY AS q(person_id, institution_id, year, request_id, day, n)
  LEFT JOIN LATERAL (
    SELECT k.request_hash AS k_hash, k.settlement_id AS k_settlement FROM settlement_requests k
    WHERE k.request_id = q.request_id LIMIT 1) k ON true
  LEFT JOIN LATERAL (
    SELECT p.id AS p_id, p.scheme, p.category, p.region, p.chronic_diseases, p.family_doctor_contract, p.relocated AS p_relocated,
      p.sex AS p_sex, to_char(p.birth_date, 'YYYY-MM-DD') AS p_birth_date,
      a.balance_fen, a.version, ${ACC_SELECT}
    FROM persons p JOIN person_accounts a ON a.person_id = p.id
    LEFT JOIN person_year_accumulators y ON y.person_id = p.id AND y.year = q.year
    WHERE p.id = q.person_id LIMIT 1) pp ON true
  LEFT JOIN LATERAL (
    SELECT i.id AS i_id, i.type AS i_type, i.level AS i_level FROM institutions i
    WHERE i.id = q.institution_id LIMIT 1) ii ON true
  LEFT JOIN LATERAL (
    SELECT ${factsColumnsSql('q.day')} FROM persons p, institutions i
    WHERE p.id = q.person_id AND i.id = q.institution_id LIMIT 1) ff ON true`;

export async function readSettleContexts(
  db: Queryable,
  keys: readonly SettleContextKey[],
): Promise<SettleContext[]> {
  const rows = await db.query<ContextRow & { n: number | string }>(
    SETTLE_CONTEXTS_SQL,
    [
      keys.map((k) => k.personId),
      keys.map((k) => k.institutionId),
      keys.map((k) => k.year),
      keys.map((k) => k.requestId),
      keys.map((k) => k.date),
    ],
    'yibao_settle_contexts_v4',
  );
  const answers: SettleContext[] = new Array<SettleContext>(keys.length);
  for (const row of rows) answers[Number(row.n) - 1] = contextOf(row);
  return answers;
}

/** The settlement to reverse, with its person's account version and accumulators for its year. */
export interface ReverseContext {
  previous: PreviousUse | undefined;
  original:
    | {
        personId: string;
        reverses: string | null;
        reversedBy: string | null;
        visitKind: string;
        benefitGroup: string;
        policyVersion: string;
        policyHash: string;
        year: number;
        accountPayFen: number;
        ytdDeltaFen: Accumulators;
        lines: ItemLine[];
        /** What the settlement dispensed of an e-prescription: the reversal gives it back. */
        dispensings: Dispensing[];
        response: Record<string, unknown>;
        version: number;
        accumulatorsFen: Accumulators;
      }
    | undefined;
}

const REVERSE_CONTEXT_SQL = `SELECT k.request_hash AS k_hash, k.settlement_id AS k_settlement,
    s.id AS s_id, s.person_id, s.reverses, s.visit_kind, s.benefit_group, s.policy_version, s.policy_hash, s.year, s.account_pay_fen, s.ytd_delta, s.lines, s.result,
    (SELECT r.id FROM settlements r WHERE r.person_id = s.person_id AND r.reverses = s.id) AS reversed_by,
    (SELECT json_agg(json_build_object('line_no', d.line_no, 'prescription_id', d.prescription_id, 'code', d.code, 'quantity', d.quantity))
       FROM e_prescription_dispensings d WHERE d.person_id = s.person_id AND d.settlement_id = s.id) AS dispensed,
    a.version, a.balance_fen, ${ACC_SELECT}
  FROM (SELECT 1) AS one
  LEFT JOIN settlement_requests k ON k.request_id = $2
  LEFT JOIN settlements s ON s.id = $1
  LEFT JOIN person_accounts a ON a.person_id = s.person_id
  LEFT JOIN person_year_accumulators y ON y.person_id = s.person_id AND y.year = s.year`;

export async function readReverseContext(
  db: Queryable,
  key: { settlementId: string; requestId: string },
): Promise<ReverseContext> {
  const rows = await db.query<ContextRow>(REVERSE_CONTEXT_SQL, [key.settlementId, key.requestId]);
  const row = rows[0] as ContextRow;
  return {
    previous: previousOf(row),
    original:
      row['s_id'] === null
        ? undefined
        : {
            personId: row['person_id'] as string,
            reverses: row['reverses'] as string | null,
            reversedBy: row['reversed_by'] as string | null,
            visitKind: row['visit_kind'] as string,
            benefitGroup: row['benefit_group'] as string,
            policyVersion: row['policy_version'] as string,
            policyHash: row['policy_hash'] as string,
            year: row['year'] as number,
            accountPayFen: Number(row['account_pay_fen']),
            ytdDeltaFen: row['ytd_delta'] as Accumulators,
            lines: (row['lines'] as Record<string, unknown>[]).map(storedLine),
            dispensings: dispensingsOf(row['dispensed']),
            response: row['result'] as Record<string, unknown>,
            version: row.version ?? 0,
            accumulatorsFen: accumulatorsOf(row),
          },
  };
}

/** The stored answer of a settlement or reversal, exactly as it was given. */
export async function findSettlementResponse(
  db: Queryable,
  settlementId: string,
): Promise<Record<string, unknown> | undefined> {
  const rows = await db.query<{ result: Record<string, unknown> }>(
    'SELECT result FROM settlements WHERE id = $1',
    [settlementId],
  );
  return rows[0]?.result;
}
