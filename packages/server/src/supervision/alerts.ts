// 疑点 workflow stored (SUPERVISION_RULES.md §6–§7, issue 15 §4): open → appealed (by the
// institution, within the window) → upheld or overturned by a reviewer. Each transition is the
// engine's (workflow.ts) and is stored with the alert's new status in one transaction, the row
// locked; an upheld alert with an amount writes its deduction in that same transaction.
import {
  appealAlert,
  appealWindowOn,
  deductionOf,
  fenToYuan,
  reviewAlert,
  type AlertRecord,
  type SupervisionLibrary,
  type Transition,
} from '@yibao/engine';
import type { Alert, AppealBody, AlertReviewBody } from '@yibao/api';
import type { Database, Queryable } from '../db/types.js';
import { Conflict, Invalid, NotFound, RuleRefused } from '../domain/errors.js';
import {
  listAlerts,
  readAlert,
  recordTransition,
  type AlertFilter,
  type StoredAlert,
} from '../store/supervision/alerts.js';
import { insertDeduction } from '../store/supervision/deductions.js';
import { handOverDeduction } from '../payment/deductions.js';
import { ruleOf } from './library.js';

export function alertToWire(a: StoredAlert): Alert {
  return {
    id: a.id,
    ruleId: a.ruleId,
    ruleName: a.ruleName,
    resultType: a.resultType,
    institutionId: a.institutionId,
    personId: a.personId,
    settlementId: a.settlementId,
    line: a.line,
    date: a.date,
    amount: fenToYuan(a.amountFen),
    pool: a.pool,
    fund: a.fund,
    evidence: a.evidence,
    contractId: a.contractId,
    doctor: a.doctor,
    text: a.text,
    raisedOn: a.raisedOn,
    appealDeadline: a.appealDeadline,
    status: a.status,
    history: a.history,
  };
}

function recordOf(a: StoredAlert): AlertRecord {
  return {
    id: a.id,
    ruleId: a.ruleId,
    institutionId: a.institutionId,
    pool: a.pool,
    fund: a.fund,
    amount: a.amountFen,
    raisedOn: a.raisedOn,
    appealDeadline: a.appealDeadline,
    status: a.status,
    history: a.history,
  };
}

export async function findAlert(db: Queryable, id: string): Promise<StoredAlert> {
  const alert = await readAlert(db, id);
  if (alert === undefined) throw new NotFound('疑点', id, 'id');
  return alert;
}

export async function pageOfAlerts(
  db: Queryable,
  filter: AlertFilter,
  page: { page: number; pageSize: number },
): Promise<{ items: Alert[]; total: number; page: number; pageSize: number }> {
  const { items, total } = await listAlerts(db, filter, page);
  return { items: items.map(alertToWire), total, ...page };
}

/** The engine's refusal as the domain's error: 409 state, 422 the appeal window, 400 a date. */
function refused(t: Exclude<Transition, { ok: true }>, requirement: string): Error {
  if (t.status === 409) return new Conflict(t.code, t.message, t.field);
  if (t.status === 422) return new RuleRefused(requirement, t.code, `${requirement}: ${t.message}`, t.field);
  return new Invalid(t.field ?? 'date', t.code, t.message);
}

/** Who acts and when it is recorded; `own` refuses an institution acting on another's alert (403). */
export interface Acting {
  by: string;
  at: string;
  own?: (institutionId: string) => void;
}

async function transition(
  db: Database,
  library: SupervisionLibrary,
  id: string,
  acting: Acting,
  step: (a: AlertRecord) => Transition,
  after?: (tx: Queryable, next: AlertRecord, stored: StoredAlert) => Promise<void>,
): Promise<Alert> {
  return db.transaction(async (tx) => {
    const stored = await readAlert(tx, id, true);
    if (stored === undefined) throw new NotFound('疑点', id, 'id');
    acting.own?.(stored.institutionId);
    const t = step(recordOf(stored));
    if (!t.ok)
      throw refused(t, appealWindowOn(library, stored.raisedOn)?.source.requirement ?? stored.requirement);
    const entry = t.alert.history[t.alert.history.length - 1];
    if (entry === undefined) throw new Error('a transition without a history entry');
    const moved = await recordTransition(
      tx,
      { personId: stored.personId, id: stored.id, from: stored.status },
      entry,
      t.alert.history.length,
    );
    if (!moved) throw new Conflict('invalid_state', `疑点 ${id} 的状态已被同时变更，请刷新后重试`);
    if (after) await after(tx, t.alert, stored);
    return alertToWire({ ...stored, status: t.alert.status, history: [...t.alert.history] });
  });
}

/** 申诉: the institution (for F-14–F-17 the centre) explains, raisedOn ≤ appealedOn ≤ appealDeadline. */
export function appeal(
  db: Database,
  library: SupervisionLibrary,
  id: string,
  body: AppealBody,
  acting: Acting,
): Promise<Alert> {
  return transition(db, library, id, acting, (a) =>
    appealAlert(a, body.reason, body.appealedOn, { by: acting.by, at: acting.at }),
  );
}

/**
 * 复核: upheld or overturned. Upholding an alert of a deducting rule with an amount confirms its
 * deduction (R-E1) in the same transaction: the institution's, in the month of the decision, taken by
 * the following month's payment run. The deduction's key is the alert, so it is written once.
 */
export function review(
  db: Database,
  library: SupervisionLibrary,
  id: string,
  body: AlertReviewBody,
  acting: Acting,
): Promise<Alert> {
  return transition(
    db,
    library,
    id,
    acting,
    (a) => reviewAlert(a, body.decision, body.reason, body.decidedOn, { by: acting.by, at: acting.at }),
    async (tx, next, stored) => {
      const deduction = deductionOf(next, ruleOf(library, stored.ruleId, 'ruleId'));
      if (deduction === null) return;
      // Handed to the payments side in this same transaction (PAYMENT_CONTRACT.md's deduction, the
      // monthly run's one source): its payment month is the month after the decision, or the first
      // month not yet run. The supervision's own row keeps the same month for its views.
      const taken = await handOverDeduction(tx, {
        requestId: deduction.requestId,
        institutionId: deduction.institutionId,
        year: deduction.year,
        month: deduction.month,
        pool: deduction.pool,
        fund: deduction.fund,
        amount: fenToYuan(deduction.amount),
        reason: `基金监管 ${stored.ruleId} 疑点 ${stored.id} 复核维持：${body.reason}`.slice(0, 500),
        alertIds: [...deduction.alertIds],
      });
      const paid = { year: Number(taken.slice(0, 4)), month: Number(taken.slice(5, 7)) };
      await insertDeduction(tx, {
        ...deduction,
        personId: stored.personId,
        paymentYear: paid.year,
        paymentMonth: paid.month,
        confirmedOn: body.decidedOn,
      });
    },
  );
}
