// The console's dashboard (首页): the share of visits and of fund spending at primary institutions
// by month — the number the tiered-care policies exist to raise — with fund spending by level, by
// scheme and by benefit group. One grouped read of the monthly summary (migrations 002, 005) gives a small
// cube; every breakdown is folded from it here, so the database does one cheap pass.
import type { Database } from '../db/types.js';
import { fenToYuan } from '@yibao/engine';

export interface DashboardFilter {
  from: string; // YYYY-MM-DD, inclusive
  to: string; // YYYY-MM-DD, inclusive
  county?: string | undefined; // 所在县（区）of the institution
}

/** Institution level as the dashboard groups it: a pharmacy has no level, so it is its own bucket. */
export type LevelBucket = 'primary' | 'secondary' | 'tertiary' | 'pharmacy';

export interface MonthFigures {
  month: string; // YYYY-MM
  visits: number; // 就诊人次 at medical institutions (pharmacies excluded), net of reversals
  primaryVisits: number; // 基层就诊人次
  primaryVisitShare: number | null; // percent, one decimal; null when no visits
  fundPay: number; // 统筹基金支付 at medical institutions, yuan, net
  primaryFundPay: number;
  primaryFundShare: number | null; // percent, one decimal
}

export interface Breakdown {
  key: string;
  fundPay: number; // yuan, net of reversals
  visits: number; // net count
}

export interface Dashboard {
  from: string;
  to: string;
  county: string | null;
  counts: { settlements: number; reversals: number; net: number };
  totals: {
    totalCost: number;
    fundPay: number;
    institutionBorne: number;
    primaryVisitShare: number | null;
    primaryFundShare: number | null;
  };
  months: MonthFigures[];
  fundByLevel: Breakdown[];
  fundByScheme: Breakdown[];
  fundByBenefitGroup: Breakdown[];
  institutionBorneByLevel: Breakdown[];
  counties: string[];
}

interface CubeRow {
  month: string;
  level: LevelBucket;
  scheme: string;
  benefit_group: string;
  is_reversal: boolean;
  n: number;
  fund_fen: string | number; // bigint sums come back as strings from node-postgres
  borne_fen: string | number;
  cost_fen: string | number;
}

/** The range split into whole months (read from the summary) and the days of partly covered months. */
export interface RangeParts {
  months: { first: string; last: string } | null; // first days of the first and last whole month
  edges: Array<{ from: string; to: string }>; // inclusive day ranges outside the whole months
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const utc = (day: string): Date => new Date(`${day}T00:00:00Z`);
const addDays = (day: string, n: number): string => isoDay(new Date(utc(day).getTime() + n * 86_400_000));
const firstOfMonth = (day: string): string => `${day.slice(0, 7)}-01`;
const firstOfNextMonth = (day: string): string => {
  const d = utc(firstOfMonth(day));
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
};

export function rangeParts(from: string, to: string): RangeParts {
  const wholeFrom = from === firstOfMonth(from) ? from : firstOfNextMonth(from);
  const afterTo = addDays(to, 1);
  const wholeUntil = afterTo === firstOfMonth(afterTo) ? afterTo : firstOfMonth(to); // exclusive
  if (wholeFrom >= wholeUntil) return { months: null, edges: [{ from, to }] };
  const edges: RangeParts['edges'] = [];
  if (from < wholeFrom) edges.push({ from, to: addDays(wholeFrom, -1) });
  if (wholeUntil <= to) edges.push({ from: wholeUntil, to });
  return { months: { first: wholeFrom, last: firstOfMonth(addDays(wholeUntil, -1)) }, edges };
}

const WATERMARK = '(SELECT summarized_before FROM dashboard_watermark WHERE id = 1)';
const SETTLEMENT_FACTS = `SELECT date_trunc('month', s.date)::date AS month, s.institution_id, p.scheme, s.benefit_group,
      s.reverses IS NOT NULL AS is_reversal, 1 AS n, s.fund_pay_fen, s.institution_borne_fen, s.total_cost_fen
    FROM settlements s JOIN persons p ON p.id = s.person_id`;

/**
 * Whole months come from the summary; the days of partly covered months, and every settlement
 * created since the watermark (the tail, by the created_at index), from the settlements. One
 * statement, hence one snapshot: a refresh running meanwhile can neither drop nor double a row.
 */
function cubeQuery(filter: DashboardFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const parts = rangeParts(filter.from, filter.to);
  const facts: string[] = [
    `${SETTLEMENT_FACTS} WHERE s.created_at >= ${WATERMARK} AND s.date >= ${p(filter.from)}::date AND s.date <= ${p(filter.to)}::date`,
  ];
  if (parts.months !== null)
    facts.push(`SELECT m.month, m.institution_id, m.scheme, m.benefit_group, m.is_reversal, m.n, m.fund_pay_fen,
        m.institution_borne_fen, m.total_cost_fen
      FROM dashboard_monthly m WHERE m.month >= ${p(parts.months.first)}::date AND m.month <= ${p(parts.months.last)}::date`);
  for (const edge of parts.edges)
    facts.push(
      `${SETTLEMENT_FACTS} WHERE s.created_at < ${WATERMARK} AND s.date >= ${p(edge.from)}::date AND s.date <= ${p(edge.to)}::date`,
    );
  const byCounty =
    filter.county !== undefined && filter.county !== '' ? `WHERE i.county = ${p(filter.county)}` : '';
  const sql = `WITH facts AS (${facts.join('\n    UNION ALL\n    ')})
  SELECT to_char(f.month, 'YYYY-MM') AS month, coalesce(i.level, 'pharmacy') AS level, f.scheme, f.benefit_group,
         f.is_reversal, sum(f.n)::int AS n, sum(f.fund_pay_fen)::bigint AS fund_fen,
         sum(f.institution_borne_fen)::bigint AS borne_fen, sum(f.total_cost_fen)::bigint AS cost_fen
  FROM facts f JOIN institutions i ON i.id = f.institution_id
  ${byCounty}
  GROUP BY 1, 2, 3, 4, 5`;
  return { sql, params };
}

// Settlements commit within milliseconds of their created_at (the transaction's start); a row is
// folded into the summary only once it is this much older, so none can commit behind the watermark.
const SETTLE_MARGIN = "interval '60 seconds'";
// The tail is read live; folding it more often than this would only add writes to reads.
const REFRESH_AFTER = "interval '120 seconds'";

/**
 * Folds the settlements created since the watermark (less the margin) into the summary and moves
 * the watermark, in one transaction; the row lock makes concurrent refreshes take turns.
 */
export async function refreshDashboardSummary(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const [mark] = await tx.query<{ stale: boolean }>(
      `SELECT summarized_before < now() - ${REFRESH_AFTER} AS stale FROM dashboard_watermark WHERE id = 1 FOR UPDATE`,
    );
    if (mark?.stale !== true) return;
    await tx.query(
      `INSERT INTO dashboard_monthly AS d
       SELECT date_trunc('month', s.date)::date, s.institution_id, p.scheme, s.benefit_group, s.reverses IS NOT NULL,
              count(*), sum(s.fund_pay_fen), sum(s.institution_borne_fen), sum(s.total_cost_fen)
       FROM settlements s JOIN persons p ON p.id = s.person_id
       WHERE s.created_at >= ${WATERMARK} AND s.created_at < now() - ${SETTLE_MARGIN}
       GROUP BY 1, 2, 3, 4, 5
       ON CONFLICT (month, institution_id, scheme, benefit_group, is_reversal) DO UPDATE SET
         n = d.n + excluded.n, fund_pay_fen = d.fund_pay_fen + excluded.fund_pay_fen,
         institution_borne_fen = d.institution_borne_fen + excluded.institution_borne_fen,
         total_cost_fen = d.total_cost_fen + excluded.total_cost_fen`,
    );
    await tx.query(
      `UPDATE dashboard_watermark SET summarized_before = now() - ${SETTLE_MARGIN} WHERE id = 1`,
    );
  });
}

/** Percent with one decimal, from two counts or two fen sums (integers, so no float drift). */
const share = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part * 1000) / whole) / 10;

function addTo(map: Map<string, { fen: number; n: number }>, key: string, fen: number, n: number): void {
  const entry = map.get(key) ?? { fen: 0, n: 0 };
  entry.fen += fen;
  entry.n += n;
  map.set(key, entry);
}

const toBreakdown = (map: Map<string, { fen: number; n: number }>, order?: readonly string[]): Breakdown[] =>
  [...map.entries()]
    .map(([key, v]) => ({ key, fundPay: fenToYuan(v.fen), visits: v.n }))
    .sort((a, b) =>
      order === undefined
        ? b.fundPay - a.fundPay || a.key.localeCompare(b.key)
        : order.indexOf(a.key) - order.indexOf(b.key),
    );

const LEVEL_ORDER: readonly LevelBucket[] = ['primary', 'secondary', 'tertiary', 'pharmacy'];

/** Months from `from` to `to`, so a month with no visits still shows as a gap on the chart. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endKey = to.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= endKey) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export async function dashboard(db: Database, filter: DashboardFilter): Promise<Dashboard> {
  await refreshDashboardSummary(db);
  const byCounty = filter.county !== undefined && filter.county !== '';
  const cube = cubeQuery(filter);
  const [rows, counties] = await Promise.all([
    db.query<CubeRow>(cube.sql, cube.params),
    db.query<{ county: string }>('SELECT DISTINCT county FROM institutions ORDER BY county'),
  ]);

  const perMonth = new Map<
    string,
    { visits: number; primaryVisits: number; fen: number; primaryFen: number }
  >();
  const byLevel = new Map<string, { fen: number; n: number }>();
  const byScheme = new Map<string, { fen: number; n: number }>();
  const byGroup = new Map<string, { fen: number; n: number }>();
  const borneByLevel = new Map<string, { fen: number; n: number }>();
  let settlements = 0;
  let reversals = 0;
  let costFen = 0;
  let fundFen = 0;
  let borneFen = 0;
  for (const row of rows) {
    const fen = Number(row.fund_fen);
    const borne = Number(row.borne_fen);
    // A reversal row carries negated amounts; it also cancels one visit.
    const visits = row.is_reversal ? -row.n : row.n;
    if (row.is_reversal) reversals += row.n;
    else settlements += row.n;
    costFen += Number(row.cost_fen);
    fundFen += fen;
    borneFen += borne;
    addTo(byLevel, row.level, fen, visits);
    addTo(byScheme, row.scheme, fen, visits);
    addTo(byGroup, row.benefit_group, fen, visits);
    addTo(borneByLevel, row.level, borne, visits);
    // Shares are over medical institutions: a pharmacy purchase is not a visit (诊疗人次).
    if (row.level === 'pharmacy') continue;
    const m = perMonth.get(row.month) ?? { visits: 0, primaryVisits: 0, fen: 0, primaryFen: 0 };
    m.visits += visits;
    m.fen += fen;
    if (row.level === 'primary') {
      m.primaryVisits += visits;
      m.primaryFen += fen;
    }
    perMonth.set(row.month, m);
  }

  const months = monthsBetween(filter.from, filter.to).map((month): MonthFigures => {
    const m = perMonth.get(month) ?? { visits: 0, primaryVisits: 0, fen: 0, primaryFen: 0 };
    return {
      month,
      visits: m.visits,
      primaryVisits: m.primaryVisits,
      primaryVisitShare: share(m.primaryVisits, m.visits),
      fundPay: fenToYuan(m.fen),
      primaryFundPay: fenToYuan(m.primaryFen),
      primaryFundShare: share(m.primaryFen, m.fen),
    };
  });
  const all = [...perMonth.values()].reduce(
    (a, m) => ({
      visits: a.visits + m.visits,
      primaryVisits: a.primaryVisits + m.primaryVisits,
      fen: a.fen + m.fen,
      primaryFen: a.primaryFen + m.primaryFen,
    }),
    { visits: 0, primaryVisits: 0, fen: 0, primaryFen: 0 },
  );
  return {
    from: filter.from,
    to: filter.to,
    county: byCounty ? (filter.county ?? null) : null,
    counts: { settlements, reversals, net: settlements - reversals },
    totals: {
      totalCost: fenToYuan(costFen),
      fundPay: fenToYuan(fundFen),
      institutionBorne: fenToYuan(borneFen),
      primaryVisitShare: share(all.primaryVisits, all.visits),
      primaryFundShare: share(all.primaryFen, all.fen),
    },
    months,
    fundByLevel: toBreakdown(byLevel, LEVEL_ORDER),
    fundByScheme: toBreakdown(byScheme),
    fundByBenefitGroup: toBreakdown(byGroup),
    institutionBorneByLevel: toBreakdown(borneByLevel, LEVEL_ORDER),
    counties: counties.map((c) => c.county),
  };
}
