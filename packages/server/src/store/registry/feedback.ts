// satisfaction_surveys and complaints (R-A10), and an institution's yearly sums for the disclosure.
import type { Queryable } from '../../db/types.js';

export interface Survey {
  id: string;
  institutionId: string;
  periodFrom: string;
  periodTo: string;
  respondents: number;
  satisfied: number;
}

export interface Complaint {
  id: string;
  institutionId: string;
  kind: 'report' | 'complaint'; // 举报 | 投诉
  receivedOn: string;
  summary: string;
  personId: string | null;
  state: 'open' | 'substantiated' | 'unfounded';
  resolution: string | null;
  closedOn: string | null;
}

export async function insertSurvey(db: Queryable, survey: Survey): Promise<void> {
  await db.query(
    `INSERT INTO satisfaction_surveys (id, institution_id, period_from, period_to, respondents, satisfied) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      survey.id,
      survey.institutionId,
      survey.periodFrom,
      survey.periodTo,
      survey.respondents,
      survey.satisfied,
    ],
  );
}

const COMPLAINT_SELECT = `SELECT id, institution_id, kind, received_on::text, summary, person_id, state, resolution, closed_on::text FROM complaints`;

function complaintOf(r: Record<string, unknown>): Complaint {
  return {
    id: String(r.id),
    institutionId: String(r.institution_id),
    kind: r.kind as Complaint['kind'],
    receivedOn: String(r.received_on),
    summary: String(r.summary),
    personId: (r.person_id as string | null) ?? null,
    state: r.state as Complaint['state'],
    resolution: (r.resolution as string | null) ?? null,
    closedOn: (r.closed_on as string | null) ?? null,
  };
}

export async function listComplaints(db: Queryable, institutionId: string): Promise<Complaint[]> {
  const rows = await db.query(`${COMPLAINT_SELECT} WHERE institution_id = $1 ORDER BY received_on DESC, id`, [
    institutionId,
  ]);
  return rows.map(complaintOf);
}

/** The complaint; `forUpdate` holds its row until the transaction ends. */
export async function findComplaint(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<Complaint | undefined> {
  const [row] = await db.query(`${COMPLAINT_SELECT} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return row === undefined ? undefined : complaintOf(row);
}

export async function insertComplaint(
  db: Queryable,
  c: Pick<Complaint, 'id' | 'institutionId' | 'kind' | 'receivedOn' | 'summary' | 'personId'>,
): Promise<void> {
  await db.query(
    `INSERT INTO complaints (id, institution_id, kind, received_on, summary, person_id, state) VALUES ($1, $2, $3, $4, $5, $6, 'open')`,
    [c.id, c.institutionId, c.kind, c.receivedOn, c.summary, c.personId],
  );
}

export async function closeComplaintRow(
  db: Queryable,
  id: string,
  c: Pick<Complaint, 'state' | 'resolution' | 'closedOn'>,
): Promise<void> {
  await db.query(`UPDATE complaints SET state = $2, resolution = $3, closed_on = $4 WHERE id = $1`, [
    id,
    c.state,
    c.resolution,
    c.closedOn,
  ]);
}

/** An institution's settlements, surveys and complaints between two dates: fen and counts. */
export async function disclosureSums(
  db: Queryable,
  institutionId: string,
  from: string,
  to: string,
): Promise<{
  visits: number;
  totalFen: number;
  fundFen: number;
  respondents: number | null;
  satisfied: number | null;
  received: number;
  substantiated: number;
}> {
  const [s] = await db.query<{ visits: number; total: number; fund: number }>(
    `SELECT count(*) FILTER (WHERE reverses IS NULL)::int - count(*) FILTER (WHERE reverses IS NOT NULL)::int AS visits,
       coalesce(sum(total_cost_fen), 0)::bigint AS total, coalesce(sum(fund_pay_fen), 0)::bigint AS fund
     FROM settlements WHERE institution_id = $1 AND date BETWEEN $2::date AND $3::date`,
    [institutionId, from, to],
  );
  const [sv] = await db.query<{ respondents: number | null; satisfied: number | null }>(
    `SELECT sum(respondents)::int AS respondents, sum(satisfied)::int AS satisfied FROM satisfaction_surveys
     WHERE institution_id = $1 AND period_to BETWEEN $2::date AND $3::date`,
    [institutionId, from, to],
  );
  const [c] = await db.query<{ received: number; substantiated: number }>(
    `SELECT count(*)::int AS received, count(*) FILTER (WHERE state = 'substantiated')::int AS substantiated
     FROM complaints WHERE institution_id = $1 AND received_on BETWEEN $2::date AND $3::date`,
    [institutionId, from, to],
  );
  return {
    visits: s?.visits ?? 0,
    totalFen: s?.total ?? 0,
    fundFen: s?.fund ?? 0,
    respondents: sv?.respondents ?? null,
    satisfied: sv?.satisfied ?? null,
    received: c?.received ?? 0,
    substantiated: c?.substantiated ?? 0,
  };
}
