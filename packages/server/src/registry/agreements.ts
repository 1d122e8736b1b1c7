// 医疗服务协议 (R-A5, R-A6, R-A9): yearly agreements with indicators and settlement terms,
// supplementary agreements that amend them from a date, and states with reasons and dates.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/types.js';
import { ApiError, notFound } from '../errors.js';
import { recordVersion, type Change } from './history.js';
import { institutionView } from './institutions.js';

export type AgreementState = 'active' | 'suspended' | 'terminated';

/** The agreement's audit and cost-control indicators (R-A6); shares in whole percent. */
export interface Indicators {
  drugCostShareMax?: number; // 药占比上限（按机构等级）
  selfPaidDrugShareMax?: number; // 自费药品占药品费用比例上限
  inpatientOutOfScopeShareMax?: number; // 住院目录外费用占比上限
  inpatientPersonalBurdenShareMax?: number; // 住院个人负担比例上限
  totalControlAmount?: number; // 总额控制指标，元
  catalogueStockingRateMin?: number; // 基本药物配备率下限
  catalogueUsageRateMin?: number; // 基本药物使用率下限
  satisfactionMin?: number; // 参保人满意度下限 (R-A10)
}

export interface SettlementTerms {
  method: string; // 结算方式: e.g. 'monthly' 按月结算
  paymentDays: number; // 审核后多少日内拨付
  qualityDepositPercent?: number; // 质量保证金比例
}

export interface StateChange {
  seq: number;
  state: AgreementState;
  effectiveOn: string;
  reason: string;
}

export interface Amendment {
  id: string;
  signedOn: string;
  effectiveOn: string;
  changes: { indicators?: Indicators; settlementTerms?: Partial<SettlementTerms> };
  reason: string;
}

export interface Agreement {
  id: string;
  institutionId: string;
  year: number;
  validFrom: string;
  validTo: string;
  signedOn: string;
  indicators: Indicators; // as signed
  settlementTerms: SettlementTerms;
  states: StateChange[];
  amendments: Amendment[];
}

/** An agreement as in force on one date: amendments applied, the state then. */
export interface AgreementOnDate extends Agreement {
  date: string;
  stateOnDate: AgreementState | 'not_in_term';
  indicatorsOnDate: Indicators;
  termsOnDate: SettlementTerms;
}

interface AgreementRow {
  id: string;
  institution_id: string;
  year: number;
  valid_from: string;
  valid_to: string;
  signed_on: string;
  indicators: Indicators;
  settlement_terms: SettlementTerms;
}

export async function findAgreement(db: Queryable, id: string): Promise<Agreement | undefined> {
  const rows = await db.query<AgreementRow>(
    `SELECT id, institution_id, year, valid_from::text, valid_to::text, signed_on::text, indicators, settlement_terms
     FROM agreements WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  const states = await db.query<{ seq: number; state: AgreementState; effective_on: string; reason: string }>(
    `SELECT seq, state, effective_on::text, reason FROM agreement_state_changes WHERE agreement_id = $1 ORDER BY seq`,
    [id],
  );
  const amendments = await db.query<{
    id: string;
    signed_on: string;
    effective_on: string;
    changes: Amendment['changes'];
    reason: string;
  }>(
    `SELECT id, signed_on::text, effective_on::text, changes, reason FROM agreement_amendments WHERE agreement_id = $1
     ORDER BY effective_on, id`,
    [id],
  );
  return {
    id: r.id,
    institutionId: r.institution_id,
    year: r.year,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    signedOn: r.signed_on,
    indicators: r.indicators,
    settlementTerms: r.settlement_terms,
    states: states.map((s) => ({
      seq: s.seq,
      state: s.state,
      effectiveOn: s.effective_on,
      reason: s.reason,
    })),
    amendments: amendments.map((a) => ({
      id: a.id,
      signedOn: a.signed_on,
      effectiveOn: a.effective_on,
      changes: a.changes,
      reason: a.reason,
    })),
  };
}

/** The agreement as in force on `date`: the state then, the indicators and terms with amendments applied. */
export function onDate(a: Agreement, date: string): AgreementOnDate {
  let state: AgreementState | 'not_in_term' = 'not_in_term';
  if (date >= a.validFrom && date <= a.validTo) {
    for (const s of a.states) if (s.effectiveOn <= date) state = s.state;
  }
  let indicators = { ...a.indicators };
  let terms = { ...a.settlementTerms };
  for (const m of a.amendments) {
    if (m.effectiveOn > date) continue;
    indicators = { ...indicators, ...m.changes.indicators };
    terms = { ...terms, ...m.changes.settlementTerms };
  }
  return { ...a, date, stateOnDate: state, indicatorsOnDate: indicators, termsOnDate: terms };
}

export async function listAgreements(db: Queryable, institutionId: string): Promise<Agreement[]> {
  const ids = await db.query<{ id: string }>(
    `SELECT id FROM agreements WHERE institution_id = $1 ORDER BY valid_from`,
    [institutionId],
  );
  const out: Agreement[] = [];
  for (const { id } of ids) {
    const a = await findAgreement(db, id);
    if (a) out.push(a);
  }
  return out;
}

export interface SignInput {
  id?: string;
  year: number;
  validFrom?: string;
  validTo?: string;
  signedOn: string;
  indicators: Indicators;
  settlementTerms: SettlementTerms;
}

/** 签订年度协议 (R-A6): only with a designated institution, one agreement at a time. */
export async function signAgreement(
  db: Database,
  institutionId: string,
  input: SignInput,
  change: Change,
): Promise<Agreement> {
  const validFrom = input.validFrom ?? `${input.year}-01-01`;
  const validTo = input.validTo ?? `${input.year}-12-31`;
  if (validFrom > validTo) throw new ApiError(400, 'invalid_term', '协议起始日期晚于终止日期', 'validTo');
  return db.transaction(async (tx) => {
    const inst = await institutionView(tx, institutionId);
    if (!inst) throw notFound('定点医药机构', 'institutionId', institutionId);
    if (inst.designation !== 'designated') {
      throw new ApiError(
        422,
        'not_designated',
        `R-A6: 只与定点机构签订服务协议；${institutionId} 当前为 ${inst.designation}`,
        'institutionId',
      );
    }
    const overlap = await tx.query<{ id: string }>(
      `SELECT id FROM agreements WHERE institution_id = $1 AND valid_from <= $3::date AND valid_to >= $2::date
       AND (SELECT c.state FROM agreement_state_changes c WHERE c.agreement_id = agreements.id ORDER BY c.seq DESC LIMIT 1) <> 'terminated'`,
      [institutionId, validFrom, validTo],
    );
    if (overlap[0]) {
      throw new ApiError(
        409,
        'agreement_overlap',
        `R-A6: ${institutionId} 在 ${validFrom}–${validTo} 已有协议 ${overlap[0].id}；请以补充协议变更`,
        'validFrom',
      );
    }
    const id = input.id ?? `AGR-${institutionId}-${input.year}-${randomUUID().slice(0, 4)}`;
    const inserted = await tx.query(
      `INSERT INTO agreements (id, institution_id, year, valid_from, valid_to, signed_on, indicators, settlement_terms)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        id,
        institutionId,
        input.year,
        validFrom,
        validTo,
        input.signedOn,
        JSON.stringify(input.indicators),
        JSON.stringify(input.settlementTerms),
      ],
    );
    if (inserted.length === 0) throw new ApiError(409, 'already_exists', `协议编号 ${id} 已存在`, 'id');
    await tx.query(
      `INSERT INTO agreement_state_changes (agreement_id, seq, state, effective_on, reason) VALUES ($1, 1, 'active', $2, $3)`,
      [id, validFrom, '签订协议'],
    );
    return saved(tx, id, change);
  });
}

async function saved(tx: Queryable, id: string, change: Change): Promise<Agreement> {
  const a = await findAgreement(tx, id);
  if (!a) throw new Error('agreement vanished');
  await recordVersion(tx, 'agreement', id, a, change);
  return a;
}

const TRANSITIONS: Readonly<Record<AgreementState, readonly AgreementState[]>> = {
  active: ['suspended', 'terminated'],
  suspended: ['active', 'terminated'],
  terminated: [],
};

const STATE_NAMES: Readonly<Record<AgreementState, string>> = {
  active: '履行中',
  suspended: '暂停',
  terminated: '终止',
};

/** 暂停、恢复、终止 (R-A9): each with its reason and the date it takes effect. */
export async function changeAgreementState(
  db: Database,
  id: string,
  input: { state: AgreementState; effectiveOn: string; reason: string },
  change: Change,
): Promise<Agreement> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT id FROM agreements WHERE id = $1 FOR UPDATE', [id]);
    const a = await findAgreement(tx, id);
    if (!a) throw notFound('协议', 'id', id);
    const last = a.states[a.states.length - 1];
    if (!last) throw new Error('agreement without state');
    if (!TRANSITIONS[last.state].includes(input.state)) {
      throw new ApiError(
        409,
        'invalid_transition',
        `R-A9: 协议当前为「${STATE_NAMES[last.state]}」，不能变为「${STATE_NAMES[input.state]}」`,
        'state',
      );
    }
    if (input.effectiveOn < last.effectiveOn) {
      throw new ApiError(
        400,
        'invalid_date',
        `生效日期不能早于上一次状态变更（${last.effectiveOn}）`,
        'effectiveOn',
      );
    }
    await tx.query(
      `INSERT INTO agreement_state_changes (agreement_id, seq, state, effective_on, reason) VALUES ($1, $2, $3, $4, $5)`,
      [id, last.seq + 1, input.state, input.effectiveOn, input.reason],
    );
    return saved(tx, id, change);
  });
}

/** 补充协议 (R-A5, R-A6): amends indicators or terms from a date within the term. */
export async function amendAgreement(
  db: Database,
  id: string,
  input: {
    id?: string;
    signedOn: string;
    effectiveOn: string;
    changes: Amendment['changes'];
    reason: string;
  },
  change: Change,
): Promise<Agreement> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT id FROM agreements WHERE id = $1 FOR UPDATE', [id]);
    const a = await findAgreement(tx, id);
    if (!a) throw notFound('协议', 'id', id);
    if (input.effectiveOn < a.validFrom || input.effectiveOn > a.validTo) {
      throw new ApiError(
        400,
        'outside_term',
        `补充协议生效日期须在协议期内（${a.validFrom}–${a.validTo}）`,
        'effectiveOn',
      );
    }
    if (a.states[a.states.length - 1]?.state === 'terminated') {
      throw new ApiError(409, 'terminated', '已终止的协议不能补充', 'id');
    }
    const amendmentId = input.id ?? `${id}-S${a.amendments.length + 1}`;
    await tx.query(
      `INSERT INTO agreement_amendments (id, agreement_id, signed_on, effective_on, changes, reason) VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [amendmentId, id, input.signedOn, input.effectiveOn, JSON.stringify(input.changes), input.reason],
    );
    return saved(tx, id, change);
  });
}
