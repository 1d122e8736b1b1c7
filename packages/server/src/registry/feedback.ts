// 满意度调查与举报投诉 (R-A10): survey results per institution and period, and reports and complaints
// with their outcome; both feed the assessment (R-A7) and the public disclosure.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/types.js';
import { Conflict, Invalid, NotFound } from '../domain/errors.js';
import {
  closeComplaintRow,
  disclosureSums,
  findComplaint,
  insertComplaint,
  insertSurvey,
  type Complaint,
  type Survey,
} from '../store/registry/feedback.js';
import { listAssessments, type Assessment } from './assessment.js';
import { recordVersion, type Change } from './history.js';
import { mustFindInstitution, type InstitutionView } from './designation.js';

export { listComplaints, type Complaint, type Survey } from '../store/registry/feedback.js';

export async function recordSurvey(
  db: Database,
  institutionId: string,
  input: Omit<Survey, 'id' | 'institutionId'>,
): Promise<Survey> {
  await mustFindInstitution(db, institutionId, 'id');
  if (input.periodTo < input.periodFrom)
    throw new Invalid('periodTo', 'invalid_term', '调查期终止日期早于起始日期');
  if (input.satisfied > input.respondents)
    throw new Invalid('satisfied', 'invalid', '满意人数不能多于受访人数');
  const survey: Survey = { id: `SUR-${randomUUID().slice(0, 8)}`, institutionId, ...input };
  await insertSurvey(db, survey);
  return survey;
}

/** 举报/投诉受理 (R-A10). */
export async function receiveComplaint(
  db: Database,
  institutionId: string,
  input: { kind: Complaint['kind']; receivedOn: string; summary: string; personId?: string | null },
  change: Change,
): Promise<Complaint> {
  await mustFindInstitution(db, institutionId, 'id');
  const id = `CMP-${randomUUID().slice(0, 8)}`;
  return db.transaction(async (tx) => {
    await insertComplaint(tx, {
      id,
      institutionId,
      kind: input.kind,
      receivedOn: input.receivedOn,
      summary: input.summary,
      personId: input.personId ?? null,
    });
    const c = await findComplaint(tx, id);
    if (!c) throw new Error('complaint vanished');
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
    const c = await findComplaint(tx, id, true);
    if (!c) throw new NotFound('举报投诉', id, 'id');
    if (c.state !== 'open') throw new Conflict('already_closed', `举报投诉 ${id} 已办结`, 'state');
    if (input.closedOn < c.receivedOn) throw new Invalid('closedOn', 'invalid_date', '办结日期早于受理日期');
    await closeComplaintRow(tx, id, input);
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
  const institution = await mustFindInstitution(db, institutionId, 'id');
  const sums = await disclosureSums(db, institutionId, `${year}-01-01`, `${year}-12-31`);
  const published = (await listAssessments(db, { institutionId, year, publishedOnly: true }))[0];
  const visits = sums.visits;
  return {
    institution,
    year,
    visits,
    costPerVisit: visits > 0 ? Math.round(sums.totalFen / visits) / 100 : null,
    fundPay: sums.fundFen / 100,
    satisfaction: sums.respondents
      ? Math.round(((sums.satisfied ?? 0) * 1000) / sums.respondents) / 10
      : null,
    complaints: { received: sums.received, substantiated: sums.substantiated },
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
