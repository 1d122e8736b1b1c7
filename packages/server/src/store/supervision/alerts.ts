// 疑点 and their transitions (SUPERVISION_RULES.md §5, §6): SQL only. Inserts go by identity with
// ON CONFLICT DO NOTHING, so whatever runs at once, an identity is stored once.
import type { AlertDraft, AlertHistoryEntry, AlertStatus, Scheme } from '@yibao/engine';
import type { Queryable } from '../../db/types.js';

export interface StoredAlert {
  id: string;
  ruleId: string;
  ruleName: string;
  resultType: string;
  requirement: string;
  institutionId: string;
  personId: string;
  settlementId: string;
  line: number | null;
  date: string;
  amountFen: number;
  pool: Scheme;
  fund: 'outpatient' | 'inpatient';
  evidence: string[];
  contractId: string | null;
  doctor: string | null;
  text: string;
  raisedOn: string;
  appealDeadline: string;
  status: AlertStatus;
  history: AlertHistoryEntry[];
}

/** A run's new alert: the draft with its id (kept only if its identity is new). */
export interface NewAlert {
  id: string;
  draft: AlertDraft;
}

/**
 * Stores the alerts whose identity is new, each with its first history entry (open on raisedOn),
 * in one statement; answers how many were new.
 */
export async function insertAlerts(
  db: Queryable,
  alerts: readonly NewAlert[],
  run: { runId: string; raisedOn: string; appealDeadline: string; actor: string },
): Promise<number> {
  if (alerts.length === 0) return 0;
  const rows = alerts.map(({ id, draft: d }) => ({
    person_id: d.personId,
    id,
    identity: d.identity,
    rule_id: d.ruleId,
    rule_name: d.ruleName,
    result_type: d.resultType,
    requirement: d.requirement,
    institution_id: d.institutionId,
    settlement_id: d.settlementId,
    line_no: d.line,
    date: d.date,
    pool: d.pool,
    fund: d.fund,
    amount_fen: d.amount,
    evidence: d.evidence,
    contract_id: d.contractId,
    doctor: d.doctor,
    text: d.text,
  }));
  const inserted = await db.query<{ alert_id: string }>(
    `WITH ins AS (
       INSERT INTO supervision_alerts (person_id, id, identity, rule_id, rule_name, result_type, requirement,
         institution_id, settlement_id, line_no, date, pool, fund, amount_fen, evidence, contract_id, doctor,
         text, raised_on, appeal_deadline, status, run_id)
       SELECT x.person_id, x.id, x.identity, x.rule_id, x.rule_name, x.result_type, x.requirement,
         x.institution_id, x.settlement_id, x.line_no, x.date, x.pool, x.fund, x.amount_fen,
         ARRAY(SELECT json_array_elements_text(x.evidence)), x.contract_id, x.doctor, x.text,
         $2::date, $3::date, 'open', $4
       FROM json_to_recordset($1::json) AS x(person_id text, id text, identity text, rule_id text,
         rule_name text, result_type text, requirement text, institution_id text, settlement_id text,
         line_no integer, date date, pool text, fund text, amount_fen bigint, evidence json,
         contract_id text, doctor text, text text)
       ON CONFLICT (person_id, identity) DO NOTHING
       RETURNING person_id, id
     )
     INSERT INTO supervision_alert_history (person_id, alert_id, seq, status, on_date, by_actor, reason)
     SELECT person_id, id, 1, 'open', $2::date, $5, NULL FROM ins
     RETURNING alert_id`,
    [JSON.stringify(rows), run.raisedOn, run.appealDeadline, run.runId, run.actor],
  );
  return inserted.length;
}

interface AlertRow {
  id: string;
  person_id: string;
  rule_id: string;
  rule_name: string;
  result_type: string;
  requirement: string;
  institution_id: string;
  settlement_id: string;
  line_no: number | null;
  date: string;
  amount_fen: string | number;
  pool: string;
  fund: 'outpatient' | 'inpatient';
  evidence: string[];
  contract_id: string | null;
  doctor: string | null;
  text: string;
  raised_on: string;
  appeal_deadline: string;
  status: AlertStatus;
}

const ALERT_COLUMNS = `a.id, a.person_id, a.rule_id, a.rule_name, a.result_type, a.requirement, a.institution_id,
  a.settlement_id, a.line_no, a.date::text AS date, a.amount_fen, a.pool, a.fund, a.evidence, a.contract_id,
  a.doctor, a.text, a.raised_on::text AS raised_on, a.appeal_deadline::text AS appeal_deadline, a.status`;

function alertOf(r: AlertRow, history: AlertHistoryEntry[]): StoredAlert {
  return {
    id: r.id,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    resultType: r.result_type,
    requirement: r.requirement,
    institutionId: r.institution_id,
    personId: r.person_id,
    settlementId: r.settlement_id,
    line: r.line_no,
    date: r.date,
    amountFen: Number(r.amount_fen),
    pool: r.pool as Scheme,
    fund: r.fund,
    evidence: r.evidence,
    contractId: r.contract_id,
    doctor: r.doctor,
    text: r.text,
    raisedOn: r.raised_on,
    appealDeadline: r.appeal_deadline,
    status: r.status,
    history,
  };
}

async function historiesOf(
  db: Queryable,
  keys: readonly { personId: string; id: string }[],
): Promise<Map<string, AlertHistoryEntry[]>> {
  const out = new Map<string, AlertHistoryEntry[]>();
  if (keys.length === 0) return out;
  const rows = await db.query<{
    alert_id: string;
    status: AlertStatus;
    on_date: string;
    by_actor: string;
    at: Date | string;
    reason: string | null;
  }>(
    `SELECT h.alert_id, h.status, h.on_date::text AS on_date, h.by_actor, h.at, h.reason
     FROM supervision_alert_history h
     WHERE h.person_id = ANY($1::text[]) AND h.alert_id = ANY($2::text[])
     ORDER BY h.alert_id, h.seq`,
    [keys.map((k) => k.personId), keys.map((k) => k.id)],
  );
  for (const r of rows) {
    const entry: AlertHistoryEntry = {
      status: r.status,
      on: r.on_date,
      by: r.by_actor,
      at: new Date(r.at).toISOString(),
      reason: r.reason,
    };
    const own = out.get(r.alert_id);
    if (own) own.push(entry);
    else out.set(r.alert_id, [entry]);
  }
  return out;
}

/** One alert with its history; `lock` holds its row until the transaction ends (a transition). */
export async function readAlert(db: Queryable, id: string, lock = false): Promise<StoredAlert | undefined> {
  const rows = await db.query<AlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM supervision_alerts a WHERE a.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const history = await historiesOf(db, [{ personId: row.person_id, id: row.id }]);
  return alertOf(row, history.get(row.id) ?? []);
}

export interface AlertFilter {
  institutionId?: string | undefined;
  ruleId?: string | undefined;
  status?: AlertStatus | undefined;
  personId?: string | undefined;
  settlementId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** R-F3: only the family-doctor alerts (those routed to a contract), or none of them. */
  familyDoctor?: boolean | undefined;
  /** The county (区县) of the alert's institution: a district's view. */
  county?: string | undefined;
  doctor?: string | undefined;
  contractId?: string | undefined;
}

function whereOf(f: AlertFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (clause: (p: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (f.institutionId !== undefined) add((p) => `a.institution_id = ${p}`, f.institutionId);
  if (f.ruleId !== undefined) add((p) => `a.rule_id = ${p}`, f.ruleId);
  if (f.status !== undefined) add((p) => `a.status = ${p}`, f.status);
  if (f.personId !== undefined) add((p) => `a.person_id = ${p}`, f.personId);
  if (f.settlementId !== undefined) add((p) => `a.settlement_id = ${p}`, f.settlementId);
  if (f.from !== undefined) add((p) => `a.date >= ${p}::date`, f.from);
  if (f.to !== undefined) add((p) => `a.date <= ${p}::date`, f.to);
  if (f.familyDoctor !== undefined) where.push(`a.contract_id IS ${f.familyDoctor ? 'NOT ' : ''}NULL`);
  if (f.county !== undefined)
    add((p) => `a.institution_id IN (SELECT k.id FROM institutions k WHERE k.county = ${p})`, f.county);
  if (f.doctor !== undefined) add((p) => `a.doctor = ${p}`, f.doctor);
  if (f.contractId !== undefined) add((p) => `a.contract_id = ${p}`, f.contractId);
  return { sql: where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`, params };
}

/** A page of alerts, newest evidence first (date, then id), with the total matched. */
export async function listAlerts(
  db: Queryable,
  filter: AlertFilter,
  page: { page: number; pageSize: number },
): Promise<{ items: StoredAlert[]; total: number }> {
  const { sql, params } = whereOf(filter);
  const [count] = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM supervision_alerts a ${sql}`,
    params,
  );
  const rows = await db.query<AlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM supervision_alerts a ${sql}
     ORDER BY a.date DESC, a.id DESC LIMIT ${String(page.pageSize)} OFFSET ${String((page.page - 1) * page.pageSize)}`,
    params,
  );
  const histories = await historiesOf(
    db,
    rows.map((r) => ({ personId: r.person_id, id: r.id })),
  );
  return {
    items: rows.map((r) => alertOf(r, histories.get(r.id) ?? [])),
    total: Number(count?.n ?? 0),
  };
}

/**
 * A transition: the new status, if the alert still has the one it was read with (the row is
 * locked, so this holds; the condition is the database's word on it too), and its history entry.
 */
export async function recordTransition(
  db: Queryable,
  alert: { personId: string; id: string; from: AlertStatus },
  entry: AlertHistoryEntry,
  seq: number,
): Promise<boolean> {
  const updated = await db.query(
    `UPDATE supervision_alerts SET status = $4 WHERE person_id = $1 AND id = $2 AND status = $3 RETURNING id`,
    [alert.personId, alert.id, alert.from, entry.status],
  );
  if (updated.length === 0) return false;
  await db.query(
    `INSERT INTO supervision_alert_history (person_id, alert_id, seq, status, on_date, by_actor, at, reason)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7::timestamptz, $8)`,
    [alert.personId, alert.id, seq, entry.status, entry.on, entry.by, entry.at, entry.reason],
  );
  return true;
}
