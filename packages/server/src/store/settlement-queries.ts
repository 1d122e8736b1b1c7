// Reading settlements back: the paged list, and the daily reconciliation (对账) by institution.
import type { Reconciliation, SettlementSort, SettlementSummary } from '@yibao/api';
import type { Queryable } from '../db/types.js';

// The answered shapes are the contract's (@yibao/api).
export type { Reconciliation, SettlementSort, SettlementSummary };
import { fenToYuan } from '@yibao/engine';
import type { Page } from './records.js';
import { AMOUNT_COLUMNS, type Amounts } from './settlement-columns.js';

export interface SettlementFilter {
  institutionId?: string | undefined;
  personId?: string | undefined;
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  kind?: string | undefined;
  benefitGroup?: string | undefined;
}

/** The allowed sort keys and their SQL; anything else is refused at the edge. */
export const SETTLEMENT_SORTS = {
  date: 's.date ASC, s.created_at ASC',
  '-date': 's.date DESC, s.created_at DESC',
  totalCost: 's.total_cost_fen ASC, s.id',
  '-totalCost': 's.total_cost_fen DESC, s.id',
  fundPay: 's.fund_pay_fen ASC, s.id',
  '-fundPay': 's.fund_pay_fen DESC, s.id',
  createdAt: 's.created_at ASC',
  '-createdAt': 's.created_at DESC',
} as const satisfies Record<SettlementSort, string>;

function whereOf(filter: SettlementFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.institutionId !== undefined) add((n) => `s.institution_id = ${n}`, filter.institutionId);
  if (filter.personId !== undefined) add((n) => `s.person_id = ${n}`, filter.personId);
  if (filter.date !== undefined) add((n) => `s.date = ${n}::date`, filter.date);
  if (filter.from !== undefined) add((n) => `s.date >= ${n}::date`, filter.from);
  if (filter.to !== undefined) add((n) => `s.date <= ${n}::date`, filter.to);
  if (filter.kind !== undefined) add((n) => `s.visit_kind = ${n}`, filter.kind);
  if (filter.benefitGroup !== undefined) add((n) => `s.benefit_group = ${n}`, filter.benefitGroup);
  return { sql: where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`, params };
}

interface SummaryRow {
  id: string;
  request_id: string;
  person_id: string;
  institution_id: string;
  date: string;
  visit_kind: string;
  benefit_group: string;
  reverses: string | null;
  reversed_by: string | null;
  policy_version: string;
  total_cost_fen: number;
  fund_pay_fen: number;
  account_pay_fen: number;
  cash_pay_fen: number;
  personal_part_fen: number;
  institution_borne_fen: number;
  created_at: string;
}

export async function listSettlements(
  db: Queryable,
  filter: SettlementFilter,
  sort: SettlementSort,
  page: number,
  pageSize: number,
): Promise<Page<SettlementSummary>> {
  const { sql: whereSql, params } = whereOf(filter);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM settlements s ${whereSql}`,
    params,
  );
  const rows = await db.query<SummaryRow>(
    `SELECT s.id, s.request_id, s.person_id, s.institution_id, s.date::text AS date, s.visit_kind, s.benefit_group,
       s.reverses, (SELECT r.id FROM settlements r WHERE r.person_id = s.person_id AND r.reverses = s.id) AS reversed_by, s.policy_version,
       s.total_cost_fen, s.fund_pay_fen, s.account_pay_fen, s.cash_pay_fen, s.personal_part_fen,
       s.institution_borne_fen, to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
     FROM settlements s ${whereSql}
     ORDER BY ${SETTLEMENT_SORTS[sort]} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return {
    items: rows.map((r) => ({
      settlementId: r.id,
      requestId: r.request_id,
      personId: r.person_id,
      institutionId: r.institution_id,
      date: r.date,
      visitKind: r.visit_kind,
      benefitGroup: r.benefit_group,
      reverses: r.reverses,
      reversedBy: r.reversed_by,
      policyVersion: r.policy_version,
      totalCost: fenToYuan(r.total_cost_fen),
      fundPay: fenToYuan(r.fund_pay_fen),
      accountPay: fenToYuan(r.account_pay_fen),
      cashPay: fenToYuan(r.cash_pay_fen),
      personalPart: fenToYuan(r.personal_part_fen),
      institutionBorne: fenToYuan(r.institution_borne_fen),
      createdAt: r.created_at,
    })),
    total: count?.n ?? 0,
    page,
    pageSize,
  };
}

export type ReconciliationPart = Reconciliation['settlements'];

const SUMS = AMOUNT_COLUMNS.map(([, c]) => `sum(${c})::bigint AS ${c}`).join(', ');

/**
 * 日对账: one institution, one day. Reversals are grouped by the day of the visit they cancel (a
 * reversal carries its original's date), so the net is that day's final position.
 */
export async function reconcile(db: Queryable, institutionId: string, date: string): Promise<Reconciliation> {
  const rows = await db.query(
    `SELECT (reverses IS NOT NULL) AS is_reversal, benefit_group, count(*)::int AS n, ${SUMS}
     FROM settlements WHERE institution_id = $1 AND date = $2::date
     GROUP BY 1, 2`,
    [institutionId, date],
  );
  const empty = (): ReconciliationPart => ({
    count: 0,
    totals: Object.fromEntries(AMOUNT_COLUMNS.map(([name]) => [name, 0])) as Amounts,
  });
  const settlements = empty();
  const reversals = empty();
  const net = empty();
  const byGroup: Record<string, number> = {};
  for (const row of rows) {
    const part = row['is_reversal'] === true ? reversals : settlements;
    const n = Number(row['n']);
    part.count += n;
    for (const [name, column] of AMOUNT_COLUMNS) {
      const fen = Number(row[column] ?? 0);
      part.totals[name] += fen;
      net.totals[name] += fen;
    }
    const group = String(row['benefit_group']);
    byGroup[group] = (byGroup[group] ?? 0) + Number(row['fund_pay_fen'] ?? 0);
  }
  // Sums were kept in fen; convert once at the end so no float error creeps into the totals.
  for (const part of [settlements, reversals, net])
    for (const [name] of AMOUNT_COLUMNS) part.totals[name] = fenToYuan(part.totals[name]);
  // The net count is settlements still standing: each reversal cancels one.
  net.count = settlements.count - reversals.count;
  const fundPayByBenefitGroup = Object.fromEntries(
    Object.entries(byGroup).map(([g, fen]) => [g, fenToYuan(fen)]),
  );
  return { institutionId, date, settlements, reversals, net, fundPayByBenefitGroup };
}
