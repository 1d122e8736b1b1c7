// Test support for the stored side of supervision: the worked examples' institutions, persons and
// contracts (SUPERVISION_RULES.md §9), and settlements written as rows the way the settlement
// service stores them (store/supervision/facts.ts says where each fact lives), so a run reads them
// through the same SQL it reads production rows with. Amounts in yuan, as the document writes them.
import { toFen } from '@yibao/engine';
import type { Queryable } from '../db/types.js';

export const INSTITUTIONS = [
  { id: 'C1', name: '城东社区卫生服务中心', type: 'community_centre', level: 'primary', county: '城东区' },
  {
    id: 'S1',
    name: '城东社区卫生服务站',
    type: 'community_station',
    level: 'primary',
    county: '城东区',
    parent: 'C1',
  },
  { id: 'C2', name: '城西社区卫生服务中心', type: 'community_centre', level: 'primary', county: '城西区' },
  { id: 'H2', name: '城东区人民医院', type: 'general_hospital', level: 'secondary', county: '城东区' },
  { id: 'H3', name: '示范市第一人民医院', type: 'general_hospital', level: 'tertiary', county: '城西区' },
  { id: 'D1', name: '惠民大药房', type: 'pharmacy', level: null, county: '城东区' },
] as const;

/**
 * m, f, k, c of §9 and the near-misses' n, g, d; c and d are contracted with C1 (王医生, all 2026),
 * and so are d14, d15, d16 and c17: the family-doctor near-misses each get a person of their own, so
 * that one example's visits do not count in another's month or 90 days.
 */
export const PERSONS = ['m', 'f', 'k', 'c', 'n', 'g', 'd', 'd14', 'd15', 'd16', 'c17'] as const;
export const CONTRACTED = ['c', 'd', 'd14', 'd15', 'd16', 'c17'] as const;

export async function seedRegistry(db: Queryable): Promise<void> {
  for (const i of INSTITUTIONS)
    await db.query(
      `INSERT INTO institutions (id, name, type, level, county, parent_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [i.id, i.name, i.type, i.level, i.county, 'parent' in i ? i.parent : null],
    );
  for (const p of PERSONS)
    await db.query(
      `INSERT INTO persons (id, name, scheme, category, region) VALUES ($1, $2, 'resident', 'adult', 'demo')`,
      [p, `参保人${p}`],
    );
  for (const p of CONTRACTED)
    await db.query(
      `INSERT INTO family_doctor_contracts (id, person_id, community_centre_id, doctor, identity_verified, valid_from, valid_to)
       VALUES ($1, $2, 'C1', '王医生', true, '2026-01-01', '2026-12-31')`,
      [`K-${p}`, p],
    );
}

export interface LineIn {
  code: string;
  inScope: number; // yuan
  kind?: string;
  class?: string;
  days?: number;
  refusedBy?: string;
}

export interface SettlementIn {
  id: string;
  person: string;
  at: string;
  date: string;
  kind?: string;
  /** The engine's benefit group; chronic and special visits default to their own (certified). */
  benefitGroup?: string;
  admission?: string;
  diagnosis?: string;
  fund?: number; // yuan
  proxy?: boolean;
  referral?: boolean;
  lines?: LineIn[];
  /** Stored an hour ago (before any run's watermark) unless `now`. */
  storedNow?: boolean;
}

export const 诊查费 = (): LineIn => ({ code: '110200001', inScope: 10 });

let stored = 0;

/** Writes one settlement row as the service would; settlements are stored in call order. */
export async function storeSettlement(db: Queryable, s: SettlementIn): Promise<void> {
  const lines = s.lines ?? [诊查费()];
  const kind = s.kind ?? 'outpatient';
  const total = lines.reduce((a, l) => a + l.inScope, 0);
  const group =
    s.benefitGroup ??
    (kind === 'outpatient' || kind === 'emergency' || kind === 'pharmacy' ? 'general_outpatient' : kind);
  const visit = {
    kind,
    ...(s.diagnosis !== undefined ? { diagnosis: s.diagnosis } : {}),
    ...(s.admission !== undefined ? { admissionDate: s.admission } : {}),
    ...(s.proxy !== undefined ? { proxy: s.proxy } : {}),
  };
  const request = {
    person: { scheme: 'resident' },
    visit: {
      ...visit,
      referral: s.referral === true ? { fromLevel: 'primary', direction: 'up', filed: true } : null,
    },
    items: lines.map((l) => ({ class: l.class ?? 'A', ...(l.days !== undefined ? { days: l.days } : {}) })),
  };
  const lineRows = lines.map((l, i) => ({
    line_no: i + 1,
    code: l.code,
    name: l.code,
    kind: l.kind ?? 'service',
    class: l.class ?? 'A',
    quantity: 1,
    unit_price_fen: toFen(l.inScope),
    total_fen: toFen(l.inScope),
    full_self_pay_fen: 0,
    over_limit_self_pay_fen: 0,
    first_self_pay_fen: 0,
    in_scope_fen: toFen(l.inScope),
    institution_borne_fen: 0,
    days: l.days ?? null,
    refused_by: l.refusedBy ?? null,
  }));
  const fund = toFen(s.fund ?? 0);
  const totalFen = toFen(total);
  stored++;
  await db.query(
    `INSERT INTO settlements (id, person_id, institution_id, request_id, request_hash, date, year, visit_kind,
       benefit_group, policy_version, policy_hash, total_cost_fen, full_self_pay_fen, over_limit_self_pay_fen,
       first_self_pay_fen, in_scope_fen, deductible_fen, fund_pay_fen, pooled_self_pay_fen, over_cap_fen,
       institution_borne_fen, personal_part_fen, account_pay_fen, cash_pay_fen, ytd_delta, visit, result, lines,
       request, created_at)
     VALUES ($1, $2, $3, $4, 'h', $5::date, $6, $7, $8, '2026', 'test', $9, 0, 0, 0, $9, 0, $10, $11, 0, 0, $11, 0,
       $11, '{}'::jsonb, $12::jsonb, '{}'::json, $13::json, $14::json,
       ${s.storedNow === true ? 'now()' : `now() - interval '1 hour' + make_interval(secs => $15::integer / 1000.0)`})`,
    [
      s.id,
      s.person,
      s.at,
      `req-${s.id}`,
      s.date,
      Number(s.date.slice(0, 4)),
      kind,
      group,
      totalFen,
      fund,
      totalFen - fund,
      JSON.stringify(visit),
      JSON.stringify(lineRows),
      JSON.stringify(request),
      ...(s.storedNow === true ? [] : [stored]),
    ],
  );
}

/** A reversal row of a stored settlement (it makes the original invisible to the rules). */
export async function storeReversal(db: Queryable, id: string, original: SettlementIn): Promise<void> {
  await db.query(
    `INSERT INTO settlements (id, person_id, institution_id, request_id, request_hash, date, year, visit_kind,
       benefit_group, reverses, policy_version, policy_hash, total_cost_fen, full_self_pay_fen,
       over_limit_self_pay_fen, first_self_pay_fen, in_scope_fen, deductible_fen, fund_pay_fen,
       pooled_self_pay_fen, over_cap_fen, institution_borne_fen, personal_part_fen, account_pay_fen,
       cash_pay_fen, ytd_delta, visit, result, lines)
     VALUES ($1, $2, $3, $4, 'h', $5::date, 2026, 'outpatient', 'general_outpatient', $6, '2026', 'test',
       0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '{}'::jsonb, '{}'::jsonb, '{}'::json, '[]'::json)`,
    [id, original.person, original.at, `req-${id}`, original.date, original.id],
  );
}
