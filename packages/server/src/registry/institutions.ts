// 定点机构 as the registry sees them: designation state, structure (centre → stations, township
// centre → village clinics, founder → internet hospital), and the published list (R-A3).
import type { InstitutionType, Level } from '@yibao/engine';
import type { Database, Queryable } from '../db/types.js';
import { ApiError, notFound } from '../errors.js';
import { agreementActiveSql } from './agreement-sql.js';
import { recordVersion, type Change } from './history.js';

export type Designation = 'applicant' | 'designated' | 'rejected' | 'cancelled';

export interface InstitutionView {
  id: string;
  name: string;
  type: InstitutionType;
  level: Level | null;
  county: string;
  parentId: string | null;
  founderId: string | null;
  designation: Designation;
  designatedOn: string | null;
  region: string | null;
}

interface Row {
  id: string;
  name: string;
  type: InstitutionType;
  level: Level | null;
  county: string;
  parent_id: string | null;
  founder_id: string | null;
  designation: Designation;
  designated_on: string | null;
  region: string | null;
}

const SELECT = `SELECT id, name, type, level, county, parent_id, founder_id, designation, designated_on::text, region FROM institutions`;

const fromRow = (r: Row): InstitutionView => ({
  id: r.id,
  name: r.name,
  type: r.type,
  level: r.level,
  county: r.county,
  parentId: r.parent_id,
  founderId: r.founder_id,
  designation: r.designation,
  designatedOn: r.designated_on,
  region: r.region ?? null,
});

export async function institutionView(db: Queryable, id: string): Promise<InstitutionView | undefined> {
  const rows = await db.query<Row>(`${SELECT} WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : fromRow(rows[0]);
}

export interface PublishedInstitution extends InstitutionView {
  members: InstitutionView[]; // stations / village clinics / internet hospitals it set up
  agreementActive: boolean; // has an active service agreement today
}

export interface PublishedFilter {
  county?: string | undefined;
  type?: string | undefined;
  level?: string | undefined;
  q?: string | undefined;
  date: string;
}

/** 定点医药机构名单 (R-A3): designated institutions, searchable, with their members. */
export async function publishedList(
  db: Queryable,
  filter: PublishedFilter,
  page: number,
  pageSize: number,
): Promise<{ items: PublishedInstitution[]; total: number; page: number; pageSize: number }> {
  const where = [`i.designation = 'designated'`];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.county !== undefined) add((n) => `i.county = ${n}`, filter.county);
  if (filter.type !== undefined) add((n) => `i.type = ${n}`, filter.type);
  if (filter.level !== undefined) add((n) => `i.level = ${n}`, filter.level);
  if (filter.q !== undefined)
    add((n) => `(i.name LIKE '%' || ${n} || '%' OR i.id LIKE ${n} || '%')`, filter.q);
  const whereSql = where.join(' AND ');
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM institutions i WHERE ${whereSql}`,
    params,
  );
  params.push(filter.date);
  const dateParam = `$${params.length}`;
  const rows = await db.query<Row & { members: Row[] | null; agreement_active: boolean }>(
    `SELECT i.id, i.name, i.type, i.level, i.county, i.parent_id, i.founder_id, i.designation, i.designated_on::text, i.region,
       (SELECT json_agg(json_build_object('id', m.id, 'name', m.name, 'type', m.type, 'level', m.level, 'county', m.county,
          'parent_id', m.parent_id, 'founder_id', m.founder_id, 'designation', m.designation, 'designated_on', m.designated_on, 'region', m.region) ORDER BY m.id)
        FROM institutions m WHERE (m.parent_id = i.id OR m.founder_id = i.id) AND m.designation = 'designated') AS members,
       ${agreementActiveSql('i.id', `${dateParam}::date`)} AS agreement_active
     FROM institutions i WHERE ${whereSql}
     ORDER BY i.county, i.level NULLS LAST, i.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return {
    items: rows.map((r) => ({
      ...fromRow(r),
      members: (r.members ?? []).map(fromRow),
      agreementActive: r.agreement_active,
    })),
    total: count?.n ?? 0,
    page,
    pageSize,
  };
}

/** 取消定点 (R-A8, R-A9): the institution and its members leave the list; their agreements end. */
export async function cancelDesignation(
  db: Database,
  id: string,
  input: { effectiveOn: string; reason: string },
  change: Change,
): Promise<InstitutionView> {
  return db.transaction(async (tx) => {
    const inst = await institutionView(tx, id);
    if (!inst) throw notFound('定点医药机构', 'id', id);
    if (inst.designation !== 'designated')
      throw new ApiError(409, 'not_designated', `${id} 当前不是定点机构（${inst.designation}）`, 'id');
    const members = await tx.query<{ id: string }>(
      `SELECT id FROM institutions WHERE parent_id = $1 OR founder_id = $1`,
      [id],
    );
    const ids = [id, ...members.map((m) => m.id)];
    await tx.query(`UPDATE institutions SET designation = 'cancelled' WHERE id = ANY ($1::text[])`, [ids]);
    // Every agreement still running on the date is terminated from it, with the same reason.
    await tx.query(
      `INSERT INTO agreement_state_changes (agreement_id, seq, state, effective_on, reason)
       SELECT a.id, coalesce((SELECT max(seq) FROM agreement_state_changes c WHERE c.agreement_id = a.id), 0) + 1,
              'terminated', $2::date, $3
       FROM agreements a WHERE a.institution_id = ANY ($1::text[]) AND a.valid_to >= $2::date
         AND (SELECT c.state FROM agreement_state_changes c WHERE c.agreement_id = a.id ORDER BY c.seq DESC LIMIT 1) <> 'terminated'`,
      [ids, input.effectiveOn, `取消定点：${input.reason}`],
    );
    for (const m of ids) await recordVersion(tx, 'institution', m, await institutionView(tx, m), change);
    const after = await institutionView(tx, id);
    if (!after) throw new Error('institution vanished');
    return after;
  });
}
