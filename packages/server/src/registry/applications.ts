// 定点申请与评审 (R-A1–R-A4, R-A11, R-A12): an applicant institution with its checklist; a centre
// and its stations (a township centre and its village clinics) are reviewed and designated together.
import { randomUUID } from 'node:crypto';
import { levelMismatch } from '@yibao/engine';
import type { InstitutionType, Level } from '@yibao/engine';
import type { Database, Queryable } from '../db/types.js';
import { ApiError, notFound } from '../errors.js';
import { CRITERIA, CRITERION_NAMES, unmet, type CriterionCheck } from './criteria.js';
import { recordVersion, type Change } from './history.js';
import { institutionView, type InstitutionView } from './institutions.js';

export type ApplicationState = 'submitted' | 'approved' | 'rejected' | 'returned';

export interface ApplicantInstitution {
  id: string;
  name: string;
  type: InstitutionType;
  level?: Level | null;
  county: string;
  parentId?: string | null;
  founderId?: string | null;
  region?: string | null; // 所在统筹区 when outside the home region (异地定点); absent = home region
}

export interface ApplicationInput {
  id?: string;
  institution: ApplicantInstitution;
  stations?: ApplicantInstitution[];
  submittedOn: string;
  criteria: CriterionCheck[];
  greenChannel?: boolean;
}

export interface Application {
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
  institution?: InstitutionView;
  stations?: InstitutionView[];
}

const STATION_OF: Partial<Record<InstitutionType, InstitutionType>> = {
  community_centre: 'community_station',
  township_centre: 'village_clinic',
};

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

function fromRow(r: ApplicationRow): Application {
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

export async function findApplication(db: Queryable, id: string): Promise<Application | undefined> {
  const rows = await db.query<ApplicationRow>(`${SELECT} WHERE id = $1`, [id]);
  const row = rows[0];
  if (row === undefined) return undefined;
  const app = fromRow(row);
  app.institution = await institutionView(db, app.institutionId);
  app.stations = [];
  for (const s of app.stationIds) {
    const v = await institutionView(db, s);
    if (v) app.stations.push(v);
  }
  return app;
}

export async function listApplications(db: Queryable, state: string | undefined): Promise<Application[]> {
  const rows = await db.query<ApplicationRow>(
    `${SELECT} ${state === undefined ? '' : 'WHERE state = $1'} ORDER BY submitted_on DESC, id`,
    state === undefined ? [] : [state],
  );
  return rows.map(fromRow);
}

function checkCriteria(criteria: readonly CriterionCheck[]): void {
  CRITERIA.forEach((item) => {
    const n = criteria.filter((c) => c.item === item).length;
    if (n !== 1) {
      throw new ApiError(
        400,
        'criteria_incomplete',
        `R-A2: 定点条件清单须逐项填写一次「${CRITERION_NAMES[item]}」(${item})`,
        'criteria',
      );
    }
  });
  criteria.forEach((c, i) => {
    if (c.met && c.evidence.trim() === '') {
      throw new ApiError(
        400,
        'evidence_required',
        `R-A2: 「${CRITERION_NAMES[c.item]}」标为已达到，须附佐证说明`,
        `criteria[${i}].evidence`,
      );
    }
  });
}

/** Level and structure of an applicant (R-A1, R-A4, R-A11): returns the level to record. */
async function checkApplicant(
  db: Queryable,
  inst: ApplicantInstitution,
  field: string,
): Promise<Level | null> {
  let level = inst.level ?? null;
  if (inst.type === 'internet_hospital') {
    // R-A11: an internet hospital set up by a designated primary institution, with its founder's level.
    if (!inst.founderId)
      throw new ApiError(
        400,
        'founder_required',
        'R-A11: 互联网医院须注明设立它的实体机构 founderId',
        `${field}.founderId`,
      );
    const founder = await institutionView(db, inst.founderId);
    if (!founder) throw notFound('设立机构', `${field}.founderId`, inst.founderId);
    if (founder.designation !== 'designated') {
      throw new ApiError(
        422,
        'founder_not_designated',
        `R-A11: 设立机构 ${founder.id} 不是定点医疗机构`,
        `${field}.founderId`,
      );
    }
    if (level !== null && level !== founder.level) {
      throw new ApiError(
        400,
        'level_mismatch',
        `互联网医院等级随设立机构（${String(founder.level)}）`,
        `${field}.level`,
      );
    }
    level = founder.level;
  }
  const mismatch = levelMismatch(inst.type, level);
  if (mismatch) throw new ApiError(400, 'institution_level_mismatch', mismatch, `${field}.level`);
  return level;
}

async function insertApplicant(
  tx: Queryable,
  inst: ApplicantInstitution,
  level: Level | null,
  parentId: string | null,
  field: string,
): Promise<void> {
  const rows = await tx.query(
    `INSERT INTO institutions (id, name, type, level, county, parent_id, founder_id, region, designation)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'applicant') ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      inst.id,
      inst.name,
      inst.type,
      level,
      inst.county,
      parentId,
      inst.founderId ?? null,
      inst.region ?? null,
    ],
  );
  if (rows.length === 0) {
    const existing = await tx.query<{ designation: string }>(
      'SELECT designation FROM institutions WHERE id = $1',
      [inst.id],
    );
    if (existing[0]?.designation !== 'rejected') {
      throw new ApiError(
        409,
        'already_registered',
        `机构编码 ${inst.id} 已登记（${existing[0]?.designation ?? ''}）`,
        `${field}.id`,
      );
    }
    // A rejected applicant may apply again.
    await tx.query(`UPDATE institutions SET designation = 'applicant' WHERE id = $1`, [inst.id]);
  }
}

export async function submitApplication(
  db: Database,
  input: ApplicationInput,
  change: Change,
): Promise<Application> {
  checkCriteria(input.criteria);
  const stations = input.stations ?? [];
  const stationType = STATION_OF[input.institution.type];
  stations.forEach((s, i) => {
    if (stationType === undefined || s.type !== stationType) {
      throw new ApiError(
        400,
        'station_type',
        `R-A4: 只有社区卫生服务中心（带服务站）或乡镇卫生院（带村卫生室）可与下属机构一并申请；第${i + 1}个下属机构类型应为 ${stationType ?? '（无）'}`,
        `stations[${i}].type`,
      );
    }
  });
  const level = await checkApplicant(db, input.institution, 'institution');
  if (input.institution.parentId)
    throw new ApiError(
      400,
      'parent_via_centre',
      'R-A4: 站点、村卫生室随其中心一并申请，见 stations',
      'institution.parentId',
    );
  const id = input.id ?? `APP-${randomUUID().slice(0, 8)}`;
  return db.transaction(async (tx) => {
    await insertApplicant(tx, input.institution, level, null, 'institution');
    for (const [i, s] of stations.entries()) {
      await insertApplicant(
        tx,
        { ...s, level: 'primary' },
        'primary',
        input.institution.id,
        `stations[${i}]`,
      );
    }
    const inserted = await tx.query(
      `INSERT INTO designation_applications (id, institution_id, station_ids, submitted_on, criteria, green_channel, state)
       VALUES ($1, $2, $3::text[], $4, $5::jsonb, $6, 'submitted') ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        id,
        input.institution.id,
        stations.map((s) => s.id),
        input.submittedOn,
        JSON.stringify(input.criteria),
        input.greenChannel ?? false,
      ],
    );
    if (inserted.length === 0) throw new ApiError(409, 'already_exists', `申请编号 ${id} 已存在`, 'id');
    const app = await findApplication(tx, id);
    if (!app) throw new Error('application vanished');
    await recordVersion(tx, 'application', id, app, change);
    return app;
  });
}

export interface ReviewInput {
  decision: 'approve' | 'reject' | 'return';
  reason: string;
  reviewer: string;
  decidedOn: string;
}

/** 评审 (R-A3): approve designates the institution with its stations together (R-A4). */
export async function reviewApplication(
  db: Database,
  id: string,
  review: ReviewInput,
  change: Change,
): Promise<Application> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<ApplicationRow>(`${SELECT} WHERE id = $1 FOR UPDATE`, [id]);
    const row = rows[0];
    if (!row) throw notFound('定点申请', 'id', id);
    if (row.state !== 'submitted') {
      throw new ApiError(
        409,
        'already_decided',
        `申请 ${id} 已处理（${row.state}），不能再次评审`,
        'decision',
      );
    }
    if (review.decidedOn < row.submitted_on)
      throw new ApiError(400, 'invalid_date', '评审日期不能早于申请日期', 'decidedOn');
    const missing = unmet(row.criteria);
    if (review.decision === 'approve' && missing.length > 0 && !row.green_channel) {
      throw new ApiError(
        422,
        'criteria_not_met',
        `R-A2: 未达到定点条件：${missing.map((m) => CRITERION_NAMES[m]).join('、')}；非绿色通道申请不能批准`,
        'decision',
      );
    }
    const state: ApplicationState =
      review.decision === 'approve' ? 'approved' : review.decision === 'reject' ? 'rejected' : 'returned';
    await tx.query(
      `UPDATE designation_applications SET state = $2, decided_on = $3, decision_reason = $4, reviewer = $5 WHERE id = $1`,
      [id, state, review.decidedOn, review.reason, review.reviewer],
    );
    const members = [row.institution_id, ...row.station_ids];
    if (state === 'approved') {
      await tx.query(
        `UPDATE institutions SET designation = 'designated', designated_on = $2 WHERE id = ANY ($1::text[])`,
        [members, review.decidedOn],
      );
    } else if (state === 'rejected') {
      await tx.query(`UPDATE institutions SET designation = 'rejected' WHERE id = ANY ($1::text[])`, [
        members,
      ]);
    }
    const app = await findApplication(tx, id);
    if (!app) throw new Error('application vanished');
    await recordVersion(tx, 'application', id, app, change);
    for (const m of members) await recordVersion(tx, 'institution', m, await institutionView(tx, m), change);
    return app;
  });
}
