// Bulk registration for seeding: a thousand rows per statement instead of one round trip each.
// Existing ids are left as they are, so seeding again is harmless.
import type { Queryable } from '../db/types.js';
import { toFen } from '@yibao/engine';
import type { Institution, Person } from './records.js';

const BATCH = 1000;

export async function insertInstitutionsBulk(
  db: Queryable,
  institutions: readonly Institution[],
): Promise<void> {
  // Foreign keys are checked at the end of each statement, so a station may sit in the same batch
  // as its centre; across batches the list must put parents first.
  for (let i = 0; i < institutions.length; i += BATCH) {
    const rows = institutions.slice(i, i + BATCH).map((x) => ({
      id: x.id,
      name: x.name,
      type: x.type,
      level: x.level,
      county: x.county,
      parent_id: x.parentId,
    }));
    await db.query(
      `INSERT INTO institutions (id, name, type, level, county, parent_id)
       SELECT id, name, type, level, county, parent_id
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, type text, level text, county text, parent_id text)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}

export async function insertPersonsBulk(db: Queryable, persons: readonly Person[]): Promise<void> {
  for (let i = 0; i < persons.length; i += BATCH) {
    const rows = persons.slice(i, i + BATCH).map((p) => ({
      id: p.id,
      name: p.name,
      scheme: p.scheme,
      category: p.category,
      region: p.region,
      chronic_diseases: p.chronicDiseases,
      family_doctor_contract: p.familyDoctorContract,
      relocated: p.relocated,
      balance_fen: toFen(p.accountBalance),
      id_number: p.idNumber ?? null,
    }));
    await db.query(
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, scheme text, category text, region text,
           chronic_diseases text[], family_doctor_contract boolean, relocated boolean, balance_fen bigint,
           id_number text)
       ), p AS (
         INSERT INTO persons (id, name, scheme, category, region, chronic_diseases, family_doctor_contract, relocated, id_number)
         SELECT id, name, scheme, category, region, chronic_diseases, family_doctor_contract, relocated, id_number FROM x
         ON CONFLICT (id) DO NOTHING RETURNING id
       )
       INSERT INTO person_accounts (person_id, balance_fen) SELECT x.id, x.balance_fen FROM x JOIN p ON p.id = x.id`,
      [JSON.stringify(rows)],
    );
  }
}
