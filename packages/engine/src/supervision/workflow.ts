// The alert workflow (SUPERVISION_RULES.md §6, §7) as pure transitions: open → appealed → upheld or
// overturned, each kept with who, when and why; the deduction an upheld alert makes. The server
// stores the answer in one transaction and turns a refusal into its HTTP error.
import { addDays } from './facts.js';
import type { AlertDraft, Fund, SupervisionRule } from './types.js';
import type { Scheme } from '../contract.js';

export type AlertStatus = 'open' | 'appealed' | 'upheld' | 'overturned';

export interface AlertHistoryEntry {
  status: AlertStatus;
  on: string; // business date
  by: string; // x-yibao-actor
  at: string; // when it was recorded (ISO time, from the caller: the engine has no clock)
  reason: string | null;
}

export interface AlertRecord {
  id: string;
  ruleId: string;
  institutionId: string;
  pool: Scheme;
  fund: Fund;
  amount: number; // fen
  raisedOn: string;
  appealDeadline: string;
  status: AlertStatus;
  history: readonly AlertHistoryEntry[];
}

export interface Actor {
  by: string;
  at: string;
}

/** A refusal the server answers with the contract's status, code and field. */
export interface WorkflowRefusal {
  ok: false;
  status: 400 | 409 | 422;
  code: string;
  field: string | null;
  message: string;
}
export type Transition = { ok: true; alert: AlertRecord } | WorkflowRefusal;

const refuse = (
  status: 400 | 409 | 422,
  code: string,
  field: string | null,
  message: string,
): WorkflowRefusal => ({
  ok: false,
  status,
  code,
  field,
  message,
});

/** A new alert from a run: open on raisedOn, deadline raisedOn + the appeal window (calendar days). */
export function openAlert(
  draft: Pick<AlertDraft, 'ruleId' | 'institutionId' | 'pool' | 'fund' | 'amount'>,
  id: string,
  raisedOn: string,
  appealWindowDays: number,
  actor: Actor,
): AlertRecord {
  return {
    id,
    ruleId: draft.ruleId,
    institutionId: draft.institutionId,
    pool: draft.pool,
    fund: draft.fund,
    amount: draft.amount,
    raisedOn,
    appealDeadline: addDays(raisedOn, appealWindowDays),
    status: 'open',
    history: [{ status: 'open', on: raisedOn, ...actor, reason: null }],
  };
}

const lastOn = (a: AlertRecord): string => a.history[a.history.length - 1]?.on ?? a.raisedOn;

/** open → appealed, raisedOn ≤ appealedOn ≤ appealDeadline. */
export function appealAlert(a: AlertRecord, reason: string, appealedOn: string, actor: Actor): Transition {
  if (a.status !== 'open')
    return refuse(409, 'invalid_state', null, `告警状态为${a.status}，只有待申诉（open）的告警可以申诉`);
  if (appealedOn < a.raisedOn)
    return refuse(400, 'invalid_date', 'appealedOn', `申诉日期${appealedOn}早于告警日期${a.raisedOn}`);
  if (appealedOn > a.appealDeadline)
    return refuse(
      422,
      'appeal_late',
      'appealedOn',
      `申诉期已于${a.appealDeadline}届满，${appealedOn}申诉逾期`,
    );
  return {
    ok: true,
    alert: {
      ...a,
      status: 'appealed',
      history: [...a.history, { status: 'appealed', on: appealedOn, ...actor, reason }],
    },
  };
}

/** open or appealed → upheld | overturned; an open alert is upheld only after its deadline. */
export function reviewAlert(
  a: AlertRecord,
  decision: 'upheld' | 'overturned',
  reason: string,
  decidedOn: string,
  actor: Actor,
): Transition {
  if (a.status === 'upheld' || a.status === 'overturned')
    return refuse(409, 'invalid_state', null, `告警已于${lastOn(a)}审核为${a.status}，不可再次审核`);
  if (decidedOn < lastOn(a))
    return refuse(400, 'invalid_date', 'decidedOn', `审核日期${decidedOn}早于上一次状态变更${lastOn(a)}`);
  if (decision === 'upheld' && a.status === 'open' && decidedOn <= a.appealDeadline)
    return refuse(409, 'appeal_window_open', null, `申诉期至${a.appealDeadline}，期内不能维持未申诉的告警`);
  return {
    ok: true,
    alert: {
      ...a,
      status: decision,
      history: [...a.history, { status: decision, on: decidedOn, ...actor, reason }],
    },
  };
}

export interface DeductionDraft {
  requestId: string; // alert-{id}
  institutionId: string;
  year: number;
  month: number;
  pool: Scheme;
  fund: Fund;
  amount: number; // fen
  alertIds: readonly string[];
}

/** The deduction an upheld alert makes (R-E1): its whole amount, in the month of the decision. */
export function deductionOf(a: AlertRecord, rule: Pick<SupervisionRule, 'deducts'>): DeductionDraft | null {
  if (a.status !== 'upheld' || a.amount <= 0 || !rule.deducts) return null;
  const decided = lastOn(a);
  return {
    requestId: `alert-${a.id}`,
    institutionId: a.institutionId,
    year: Number(decided.slice(0, 4)),
    month: Number(decided.slice(5, 7)),
    pool: a.pool,
    fund: a.fund,
    amount: a.amount,
    alertIds: [a.id],
  };
}

/** GET /supervision/deductions: summed per (institution, year, month, pool, fund), amount > 0. */
export function sumDeductions(deductions: readonly DeductionDraft[]): DeductionDraft[] {
  const by = new Map<string, DeductionDraft>();
  for (const d of deductions) {
    const key = [d.institutionId, d.year, d.month, d.pool, d.fund].join('|');
    const prev = by.get(key);
    by.set(
      key,
      prev
        ? {
            ...prev,
            requestId: '',
            amount: prev.amount + d.amount,
            alertIds: [...prev.alertIds, ...d.alertIds],
          }
        : d,
    );
  }
  return [...by.values()].filter((d) => d.amount > 0);
}
