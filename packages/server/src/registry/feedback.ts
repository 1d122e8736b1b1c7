// 满意度调查与举报投诉 (R-A10): survey results per institution and period, and reports and complaints
// with their outcome; both feed the assessment (R-A7) and the public disclosure.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/types.js';
import { ApiError, notFound } from '../errors.js';
import { listAssessments, type Assessment } from './assessment.js';
import { recordVersion, type Change } from './history.js';
import { institutionView, type InstitutionView } from './institutions.js';

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

async function mustExist(db: Queryable, institutionId: string): Promise<InstitutionView> {
  const inst = await institutionView(db, institutionId);
  if (!inst) throw notFound('定点医药机构', 'id', institutionId);
  return inst;
}

export async function recordSurvey(
  db: Database,
  institutionId: string,
  input: Omit<Survey, 'id' | 'institutionId'>,
): Promise<Survey> {
  await mustExist(db, institutionId);
  if (input.periodTo < input.periodFrom)
    throw new ApiError(400, 'invalid_term', '调查期终止日期早于起始日期', 'periodTo');
  if (input.satisfied > input.respondents)
    throw new ApiError(400, 'invalid', '满意人数不能多于受访人数', 'satisfied');
  const survey: Survey = { id: `SUR-${randomUUID().slice(0, 8)}`, institutionId, ...input };
  await db.query(
    `INSERT INTO satisfaction_surveys (id, institution_id, period_from, period_to, respondents, satisfied) VALUES ($1, $2, $3, $4, $5, $6)`,
    [survey.id, institutionId, input.periodFrom, input.periodTo, input.respondents, input.satisfied],
  );
  return survey;
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

/** 举报/投诉受理 (R-A10). */
export async function receiveComplaint(
  db: Database,
  institutionId: string,
  input: { kind: Complaint['kind']; receivedOn: string; summary: string; personId?: string | null },
  change: Change,
): Promise<Complaint> {
  await mustExist(db, institutionId);
  const id = `CMP-${randomUUID().slice(0, 8)}`;
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO complaints (id, institution_id, kind, received_on, summary, person_id, state) VALUES ($1, $2, $3, $4, $5, $6, 'open')`,
      [id, institutionId, input.kind, input.receivedOn, input.summary, input.personId ?? null],
    );
    const [row] = await tx.query(`${COMPLAINT_SELECT} WHERE id = $1`, [id]);
    if (!row) throw new Error('complaint vanished');
    const c = complaintOf(row);
    await recordVersion(tx, 'complaint', id, c, change);
    return c;
  });
}

/** 办结: substantiated or unfounded, with the resolution. */
export async function closeComplaint(
  db: Database,
  id: string,
  input: { state: 'substantiated' | 'unfounded'; resolution: string; closedOn: string },
  change: Change,
): Promise<Complaint> {
  return db.transaction(async (tx) => {
    const [before] = await tx.query(`${COMPLAINT_SELECT} WHERE id = $1 FOR UPDATE`, [id]);
    if (!before) throw notFound('举报投诉', 'id', id);
    const c = complaintOf(before);
    if (c.state !== 'open') throw new ApiError(409, 'already_closed', `举报投诉 ${id} 已办结`, 'state');
    if (input.closedOn < c.receivedOn)
      throw new ApiError(400, 'invalid_date', '办结日期早于受理日期', 'closedOn');
    await tx.query(`UPDATE complaints SET state = $2, resolution = $3, closed_on = $4 WHERE id = $1`, [
      id,
      input.state,
      input.resolution,
      input.closedOn,
    ]);
    const after = { ...c, state: input.state, resolution: input.resolution, closedOn: input.closedOn };
    await recordVersion(tx, 'complaint', id, after, change);
    return after;
  });
}

export interface Disclosure {
  institution: InstitutionView;
  year: number;
  visits: number;
  costPerVisit: number | null; // 次均费用
  fundPay: number;
  satisfaction: number | null;
  complaints: { received: number; substantiated: number };
  assessment: Pick<Assessment, 'periodFrom' | 'periodTo' | 'score' | 'rating' | 'consequence'> | null; // published only
}

/** 信息公开 (R-A10): an institution's fees, quality and satisfaction for a year, as the public sees them. */
export async function disclosure(db: Queryable, institutionId: string, year: number): Promise<Disclosure> {
  const institution = await mustExist(db, institutionId);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
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
  const published = (await listAssessments(db, { institutionId, year, publishedOnly: true }))[0];
  const visits = s?.visits ?? 0;
  return {
    institution,
    year,
    visits,
    costPerVisit: visits > 0 ? Math.round((s?.total ?? 0) / visits) / 100 : null,
    fundPay: (s?.fund ?? 0) / 100,
    satisfaction: sv?.respondents ? Math.round(((sv.satisfied ?? 0) * 1000) / sv.respondents) / 10 : null,
    complaints: { received: c?.received ?? 0, substantiated: c?.substantiated ?? 0 },
    assessment: published
      ? {
          periodFrom: published.periodFrom,
          periodTo: published.periodTo,
          score: published.score,
          rating: published.rating,
          consequence: published.consequence,
        }
      : null,
  };
}
