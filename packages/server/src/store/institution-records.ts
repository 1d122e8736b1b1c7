// 定点医药机构: registration and reads.
import type { InstitutionType, Level } from '@yibao/engine';
import type { Queryable } from '../db/types.js';
import type { Institution, Page } from './records.js';

interface InstitutionRow {
  id: string;
  name: string;
  type: string;
  level: string | null;
  county: string;
  parent_id: string | null;
}

const COLUMNS = 'id, name, type, level, county, parent_id';

function fromRow(row: InstitutionRow): Institution {
  return {
    id: row.id,
    name: row.name,
    type: row.type as InstitutionType,
    level: row.level as Level | null,
    county: row.county,
    parentId: row.parent_id,
  };
}

/** Inserts the institution; false when the id is already taken (the caller decides what that means). */
export async function insertInstitution(db: Queryable, inst: Institution): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO institutions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [inst.id, inst.name, inst.type, inst.level, inst.county, inst.parentId],
  );
  return rows.length === 1;
}

export async function findInstitution(db: Queryable, id: string): Promise<Institution | undefined> {
  const rows = await db.query<InstitutionRow>(`SELECT ${COLUMNS} FROM institutions WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : fromRow(rows[0]);
}

export interface InstitutionFilter {
  county?: string | undefined;
  type?: string | undefined;
  level?: string | undefined;
  parentId?: string | undefined;
  q?: string | undefined; // part of the name or id
}

export async function listInstitutions(
  db: Queryable,
  filter: InstitutionFilter,
  page: number,
  pageSize: number,
): Promise<Page<Institution>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.county !== undefined) add((n) => `county = ${n}`, filter.county);
  if (filter.type !== undefined) add((n) => `type = ${n}`, filter.type);
  if (filter.level !== undefined) add((n) => `level = ${n}`, filter.level);
  if (filter.parentId !== undefined) add((n) => `parent_id = ${n}`, filter.parentId);
  if (filter.q !== undefined) add((n) => `(name LIKE '%' || ${n} || '%' OR id LIKE ${n} || '%')`, filter.q);
  const whereSql = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM institutions ${whereSql}`,
    params,
  );
  const rows = await db.query<InstitutionRow>(
    `SELECT ${COLUMNS} FROM institutions ${whereSql} ORDER BY id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items: rows.map(fromRow), total: count?.n ?? 0, page, pageSize };
}
