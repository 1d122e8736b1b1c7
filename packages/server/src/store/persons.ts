// 参保人员: enrolment, reads, and the year's accumulators.
import type { Accumulators, Scheme } from '@yibao/engine';
import type { Queryable } from '../db/types.js';
import { fenToYuan, toFen } from '@yibao/engine';
import { ACCUMULATOR_COLUMNS, type Page, type Person } from './records.js';

interface PersonRow {
  id: string;
  name: string;
  scheme: string;
  category: string;
  region: string;
  chronic_diseases: string[];
  family_doctor_contract: boolean;
  relocated: boolean;
  balance_fen: number;
  sex: string | null;
  birth_date: string | null;
  id_number: string | null;
}

const SELECT_PERSON = `SELECT p.id, p.name, p.scheme, p.category, p.region, p.chronic_diseases,
  p.family_doctor_contract, p.relocated, a.balance_fen, p.sex, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
  p.id_number
  FROM persons p JOIN person_accounts a ON a.person_id = p.id`;

function fromRow(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    scheme: row.scheme as Scheme,
    category: row.category as Person['category'],
    region: row.region,
    chronicDiseases: row.chronic_diseases,
    familyDoctorContract: row.family_doctor_contract,
    relocated: row.relocated,
    accountBalance: fenToYuan(row.balance_fen),
    sex: row.sex as Person['sex'],
    birthDate: row.birth_date,
    idNumber: row.id_number,
  };
}

/** Enrols the person with their account in one statement; false when the id is taken. */
export async function insertPerson(db: Queryable, person: Person): Promise<boolean> {
  const rows = await db.query(
    `WITH p AS (
       INSERT INTO persons (id, name, scheme, category, region, chronic_diseases, family_doctor_contract, relocated, sex, birth_date, id_number)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $10, $11::date, $12) ON CONFLICT (id) DO NOTHING RETURNING id)
     INSERT INTO person_accounts (person_id, balance_fen) SELECT id, $9::bigint FROM p RETURNING person_id`,
    [
      person.id,
      person.name,
      person.scheme,
      person.category,
      person.region,
      person.chronicDiseases,
      person.familyDoctorContract,
      person.relocated,
      toFen(person.accountBalance),
      person.sex,
      person.birthDate,
      person.idNumber ?? null,
    ],
  );
  return rows.length === 1;
}

export async function findPerson(db: Queryable, id: string): Promise<Person | undefined> {
  const rows = await db.query<PersonRow>(`${SELECT_PERSON} WHERE p.id = $1`, [id]);
  return rows[0] === undefined ? undefined : fromRow(rows[0]);
}

export interface PersonFilter {
  region?: string | undefined;
  scheme?: string | undefined;
  category?: string | undefined;
  chronicDisease?: string | undefined;
  q?: string | undefined; // part of the name or id
}

export async function listPersons(
  db: Queryable,
  filter: PersonFilter,
  page: number,
  pageSize: number,
): Promise<Page<Person>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.region !== undefined) add((n) => `p.region = ${n}`, filter.region);
  if (filter.scheme !== undefined) add((n) => `p.scheme = ${n}`, filter.scheme);
  if (filter.category !== undefined) add((n) => `p.category = ${n}`, filter.category);
  if (filter.chronicDisease !== undefined)
    add((n) => `${n} = ANY (p.chronic_diseases)`, filter.chronicDisease);
  if (filter.q !== undefined)
    add((n) => `(p.name LIKE '%' || ${n} || '%' OR p.id LIKE ${n} || '%')`, filter.q);
  const whereSql = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM persons p ${whereSql}`,
    params,
  );
  const rows = await db.query<PersonRow>(
    `${SELECT_PERSON} ${whereSql} ORDER BY p.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items: rows.map(fromRow), total: count?.n ?? 0, page, pageSize };
}

/** The year's accumulators in yuan (all zero before the first settlement of the year). */
export async function findAccumulators(db: Queryable, personId: string, year: number): Promise<Accumulators> {
  const columns = ACCUMULATOR_COLUMNS.map(([, column]) => column).join(', ');
  const rows = await db.query<Record<string, number>>(
    `SELECT ${columns} FROM person_year_accumulators WHERE person_id = $1 AND year = $2`,
    [personId, year],
  );
  const row = rows[0];
  const result = {} as Accumulators;
  for (const [name, column] of ACCUMULATOR_COLUMNS) result[name] = fenToYuan(row?.[column] ?? 0);
  return result;
}
