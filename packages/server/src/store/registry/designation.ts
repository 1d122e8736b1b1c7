// institutions as the registry keeps them: designation state and structure (centre → stations,
// township centre → village clinics, founder → internet hospital), and the published list's query.
import type { InstitutionType, Level } from '@yibao/engine';
import type { Queryable } from '../../db/types.js';
import { agreementActiveSql } from './agreement-sql.js';

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

/** Designated institutions matching the filter, with their designated members, one page. */
export async function designatedPage(
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

/** The stations, village clinics and internet hospitals an institution set up. */
export async function memberIds(db: Queryable, id: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM institutions WHERE parent_id = $1 OR founder_id = $1`,
    [id],
  );
  return rows.map((m) => m.id);
}

export async function setDesignation(
  db: Queryable,
  ids: readonly string[],
  designation: Designation,
  designatedOn?: string,
): Promise<void> {
  if (designatedOn === undefined) {
    await db.query(`UPDATE institutions SET designation = $2 WHERE id = ANY ($1::text[])`, [
      ids,
      designation,
    ]);
  } else {
    await db.query(
      `UPDATE institutions SET designation = $2, designated_on = $3 WHERE id = ANY ($1::text[])`,
      [ids, designation, designatedOn],
    );
  }
}

/** Every agreement of the institutions still running on `from` is terminated from it, with `reason`. */
export async function terminateAgreementsFrom(
  db: Queryable,
  ids: readonly string[],
  from: string,
  reason: string,
): Promise<void> {
  await db.query(
    `INSERT INTO agreement_state_changes (agreement_id, seq, state, effective_on, reason)
     SELECT a.id, coalesce((SELECT max(seq) FROM agreement_state_changes c WHERE c.agreement_id = a.id), 0) + 1,
            'terminated', $2::date, $3
     FROM agreements a WHERE a.institution_id = ANY ($1::text[]) AND a.valid_to >= $2::date
       AND (SELECT c.state FROM agreement_state_changes c WHERE c.agreement_id = a.id ORDER BY c.seq DESC LIMIT 1) <> 'terminated'`,
    [ids, from, reason],
  );
}

/** An applicant, unless the id is taken: false then. */
export async function insertApplicant(
  db: Queryable,
  inst: {
    id: string;
    name: string;
    type: InstitutionType;
    level: Level | null;
    county: string;
    parentId: string | null;
    founderId: string | null;
    region: string | null;
  },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO institutions (id, name, type, level, county, parent_id, founder_id, region, designation)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'applicant') ON CONFLICT (id) DO NOTHING RETURNING id`,
    [inst.id, inst.name, inst.type, inst.level, inst.county, inst.parentId, inst.founderId, inst.region],
  );
  return rows.length === 1;
}
