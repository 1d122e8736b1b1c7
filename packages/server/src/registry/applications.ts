// 定点申请与评审 (R-A1–R-A4, R-A11, R-A12): an applicant institution with its checklist; a centre
// and its stations (a township centre and its village clinics) are reviewed and designated together.
import { randomUUID } from 'node:crypto';
import { levelMismatch } from '@yibao/engine';
import type { InstitutionType, Level } from '@yibao/engine';
import type { Database, Queryable } from '../db/types.js';
import { Conflict, Invalid, NotFound, RuleRefused } from '../domain/errors.js';
import {
  insertApplication,
  recordDecision,
  recordResubmission,
  storedApplication,
  storedApplications,
  type ApplicationState,
  type StoredApplication,
} from '../store/registry/applications.js';
import { insertApplicant as insertInstitution, setDesignation } from '../store/registry/designation.js';
import { CRITERIA, CRITERION_NAMES, unmet, type CriterionCheck } from './criteria.js';
import { recordVersion, type Change } from './history.js';
import { institutionView, type InstitutionView } from './designation.js';

export type { ApplicationState } from '../store/registry/applications.js';

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

export interface Application extends StoredApplication {
  institution?: InstitutionView;
  stations?: InstitutionView[];
}

const STATION_OF: Partial<Record<InstitutionType, InstitutionType>> = {
  community_centre: 'community_station',
  township_centre: 'village_clinic',
};

export async function findApplication(db: Queryable, id: string): Promise<Application | undefined> {
  const stored = await storedApplication(db, id);
  if (stored === undefined) return undefined;
  const app: Application = { ...stored };
  app.institution = await institutionView(db, app.institutionId);
  app.stations = [];
  for (const s of app.stationIds) {
    const v = await institutionView(db, s);
    if (v) app.stations.push(v);
  }
  return app;
}

export async function listApplications(db: Queryable, state: string | undefined): Promise<Application[]> {
  return storedApplications(db, state);
}

function checkCriteria(criteria: readonly CriterionCheck[]): void {
  CRITERIA.forEach((item) => {
    const n = criteria.filter((c) => c.item === item).length;
    if (n !== 1) {
      throw new Invalid(
        'criteria',
        'criteria_incomplete',
        `R-A2: 定点条件清单须逐项填写一次「${CRITERION_NAMES[item]}」(${item})`,
      );
    }
  });
  criteria.forEach((c, i) => {
    if (c.met && c.evidence.trim() === '') {
      throw new Invalid(
        `criteria[${i}].evidence`,
        'evidence_required',
        `R-A2: 「${CRITERION_NAMES[c.item]}」标为已达到，须附佐证说明`,
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
      throw new Invalid(
        `${field}.founderId`,
        'founder_required',
        'R-A11: 互联网医院须注明设立它的实体机构 founderId',
      );
    const founder = await institutionView(db, inst.founderId);
    if (!founder) throw new NotFound('设立机构', inst.founderId, `${field}.founderId`);
    if (founder.designation !== 'designated') {
      throw new RuleRefused(
        'R-A11',
        'founder_not_designated',
        `R-A11: 设立机构 ${founder.id} 不是定点医疗机构`,
        `${field}.founderId`,
      );
    }
    if (level !== null && level !== founder.level) {
      throw new Invalid(
        `${field}.level`,
        'level_mismatch',
        `互联网医院等级随设立机构（${String(founder.level)}）`,
      );
    }
    level = founder.level;
  }
  const mismatch = levelMismatch(inst.type, level);
  if (mismatch) throw new Invalid(`${field}.level`, 'institution_level_mismatch', mismatch);
  return level;
}

async function insertApplicant(
  tx: Queryable,
  inst: ApplicantInstitution,
  level: Level | null,
  parentId: string | null,
  field: string,
): Promise<void> {
  const inserted = await insertInstitution(tx, {
    id: inst.id,
    name: inst.name,
    type: inst.type,
    level,
    county: inst.county,
    parentId,
    founderId: inst.founderId ?? null,
    region: inst.region ?? null,
  });
  if (!inserted) {
    const existing = await institutionView(tx, inst.id);
    if (existing?.designation !== 'rejected') {
      throw new Conflict(
        'already_registered',
        `机构编码 ${inst.id} 已登记（${existing?.designation ?? ''}）`,
        `${field}.id`,
      );
    }
    // A rejected applicant may apply again.
    await setDesignation(tx, [inst.id], 'applicant');
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
      throw new Invalid(
        `stations[${i}].type`,
        'station_type',
        `R-A4: 只有社区卫生服务中心（带服务站）或乡镇卫生院（带村卫生室）可与下属机构一并申请；第${i + 1}个下属机构类型应为 ${stationType ?? '（无）'}`,
      );
    }
  });
  const level = await checkApplicant(db, input.institution, 'institution');
  if (input.institution.parentId)
    throw new Invalid(
      'institution.parentId',
      'parent_via_centre',
      'R-A4: 站点、村卫生室随其中心一并申请，见 stations',
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
    const inserted = await insertApplication(tx, {
      id,
      institutionId: input.institution.id,
      stationIds: stations.map((s) => s.id),
      submittedOn: input.submittedOn,
      criteria: input.criteria,
      greenChannel: input.greenChannel ?? false,
    });
    if (!inserted) throw new Conflict('already_exists', `申请编号 ${id} 已存在`, 'id');
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
    const row = await storedApplication(tx, id, true);
    if (!row) throw new NotFound('定点申请', id, 'id');
    if (row.state !== 'submitted') {
      throw new Conflict('already_decided', `申请 ${id} 已处理（${row.state}），不能再次评审`, 'decision');
    }
    if (review.decidedOn < row.submittedOn)
      throw new Invalid('decidedOn', 'invalid_date', '评审日期不能早于申请日期');
    const missing = unmet(row.criteria);
    if (review.decision === 'approve' && missing.length > 0 && !row.greenChannel) {
      throw new RuleRefused(
        'R-A2',
        'criteria_not_met',
        `R-A2: 未达到定点条件：${missing.map((m) => CRITERION_NAMES[m]).join('、')}；非绿色通道申请不能批准`,
        'decision',
      );
    }
    const state: ApplicationState =
      review.decision === 'approve' ? 'approved' : review.decision === 'reject' ? 'rejected' : 'returned';
    await recordDecision(tx, id, {
      state,
      decidedOn: review.decidedOn,
      reason: review.reason,
      reviewer: review.reviewer,
    });
    const members = [row.institutionId, ...row.stationIds];
    if (state === 'approved') await setDesignation(tx, members, 'designated', review.decidedOn);
    else if (state === 'rejected') await setDesignation(tx, members, 'rejected');
    const app = await findApplication(tx, id);
    if (!app) throw new Error('application vanished');
    await recordVersion(tx, 'application', id, app, change);
    for (const m of members) await recordVersion(tx, 'institution', m, await institutionView(tx, m), change);
    return app;
  });
}

export interface ResubmissionInput {
  resubmittedOn: string;
  criteria: CriterionCheck[];
  greenChannel?: boolean;
  reason: string;
}

/**
 * 补正后重新提交 (R-A3): a returned application, amended, is submitted again and awaits a new
 * review. Only a returned one; not before it was returned. The returned round stays in the
 * application's history (record_versions), the new round replaces it on the record.
 */
export async function resubmitApplication(
  db: Database,
  id: string,
  input: ResubmissionInput,
  change: Change,
): Promise<Application> {
  checkCriteria(input.criteria);
  return db.transaction(async (tx) => {
    const row = await storedApplication(tx, id, true);
    if (!row) throw new NotFound('定点申请', id, 'id');
    if (row.state !== 'returned') {
      throw new Conflict(
        'not_returned',
        `申请 ${id} 当前为 ${row.state}，只有退回补正的申请可以重新提交`,
        'id',
      );
    }
    if (row.decidedOn !== null && input.resubmittedOn < row.decidedOn) {
      throw new Invalid('resubmittedOn', 'invalid_date', `重新提交日期不能早于退回日期（${row.decidedOn}）`);
    }
    await recordResubmission(tx, id, {
      submittedOn: input.resubmittedOn,
      criteria: input.criteria,
      greenChannel: input.greenChannel ?? row.greenChannel,
    });
    const app = await findApplication(tx, id);
    if (!app) throw new Error('application vanished');
    await recordVersion(tx, 'application', id, app, change);
    return app;
  });
}
