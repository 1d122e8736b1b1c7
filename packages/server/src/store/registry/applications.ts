// designation_applications: an applicant with its checklist and the review's decision (R-A2, R-A3).
import type { Queryable } from '../../db/types.js';
import type { CriterionCheck } from '../../registry/criteria.js';

export type ApplicationState = 'submitted' | 'approved' | 'rejected' | 'returned';

/** The application as stored, without the institutions it names. */
export interface StoredApplication {
  id: string;
  institutionId: string;
  stationIds: string[];
  submittedOn: string;
  criteria: CriterionCheck[];
  greenChannel: boolean;
  state: ApplicationState;
  decidedOn: string | null;
  decisionReason: string | null;
  reviewer: string | null;
}

interface ApplicationRow {
  id: string;
  institution_id: string;
  station_ids: string[];
  submitted_on: string;
  criteria: CriterionCheck[];
  green_channel: boolean;
  state: ApplicationState;
  decided_on: string | null;
  decision_reason: string | null;
  reviewer: string | null;
}

const SELECT = `SELECT id, institution_id, station_ids, submitted_on::text, criteria, green_channel, state,
  decided_on::text, decision_reason, reviewer FROM designation_applications`;

function fromRow(r: ApplicationRow): StoredApplication {
  return {
    id: r.id,
    institutionId: r.institution_id,
    stationIds: r.station_ids,
    submittedOn: r.submitted_on,
    criteria: r.criteria,
    greenChannel: r.green_channel,
    state: r.state,
    decidedOn: r.decided_on,
    decisionReason: r.decision_reason,
    reviewer: r.reviewer,
  };
}

/** The application; `forUpdate` holds its row until the transaction ends. */
export async function storedApplication(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<StoredApplication | undefined> {
  const rows = await db.query<ApplicationRow>(`${SELECT} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  return rows[0] === undefined ? undefined : fromRow(rows[0]);
}

export async function storedApplications(
  db: Queryable,
  state: string | undefined,
): Promise<StoredApplication[]> {
  const rows = await db.query<ApplicationRow>(
    `${SELECT} ${state === undefined ? '' : 'WHERE state = $1'} ORDER BY submitted_on DESC, id`,
    state === undefined ? [] : [state],
  );
  return rows.map(fromRow);
}

/** A submitted application; false when the id is taken. */
export async function insertApplication(
  tx: Queryable,
  a: Pick<
    StoredApplication,
    'id' | 'institutionId' | 'stationIds' | 'submittedOn' | 'criteria' | 'greenChannel'
  >,
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO designation_applications (id, institution_id, station_ids, submitted_on, criteria, green_channel, state)
     VALUES ($1, $2, $3::text[], $4, $5::jsonb, $6, 'submitted') ON CONFLICT (id) DO NOTHING RETURNING id`,
    [a.id, a.institutionId, a.stationIds, a.submittedOn, JSON.stringify(a.criteria), a.greenChannel],
  );
  return inserted.length === 1;
}

export async function recordDecision(
  tx: Queryable,
  id: string,
  d: { state: ApplicationState; decidedOn: string; reason: string; reviewer: string },
): Promise<void> {
  await tx.query(
    `UPDATE designation_applications SET state = $2, decided_on = $3, decision_reason = $4, reviewer = $5 WHERE id = $1`,
    [id, d.state, d.decidedOn, d.reason, d.reviewer],
  );
}

/** 重新提交: a returned application back to submitted, with its amended checklist; the decision cleared. */
export async function recordResubmission(
  tx: Queryable,
  id: string,
  r: { submittedOn: string; criteria: CriterionCheck[]; greenChannel: boolean },
): Promise<void> {
  await tx.query(
    `UPDATE designation_applications SET state = 'submitted', submitted_on = $2, criteria = $3::jsonb,
       green_channel = $4, decided_on = NULL, decision_reason = NULL, reviewer = NULL WHERE id = $1`,
    [id, r.submittedOn, JSON.stringify(r.criteria), r.greenChannel],
  );
}
