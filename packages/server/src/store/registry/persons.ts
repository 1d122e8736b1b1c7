// The registry's side of persons: what POST /persons registered (the fall-back facts of decision 10),
// the home county, and the row lock that queues changes of one person's care.
import type { Queryable } from '../../db/types.js';

/** What the person was registered with (POST /persons), and the home county (户籍所在县). */
export interface Registered {
  region: string;
  county: string | null;
  chronicDiseases: string[];
  familyDoctorContract: boolean;
  relocated: boolean;
}

export async function registered(db: Queryable, personId: string): Promise<Registered | undefined> {
  const rows = await db.query<{
    region: string;
    county: string | null;
    chronic_diseases: string[];
    family_doctor_contract: boolean;
    relocated: boolean;
  }>(
    'SELECT region, county, chronic_diseases, family_doctor_contract, relocated FROM persons WHERE id = $1',
    [personId],
  );
  const row = rows[0];
  return row === undefined
    ? undefined
    : {
        region: row.region,
        county: row.county,
        chronicDiseases: row.chronic_diseases,
        familyDoctorContract: row.family_doctor_contract,
        relocated: row.relocated,
      };
}

export async function personExists(db: Queryable, personId: string): Promise<boolean> {
  return (await db.query('SELECT id FROM persons WHERE id = $1', [personId])).length === 1;
}

/** Holds the person's row until the transaction ends; false when there is no such person. */
export async function lockPerson(tx: Queryable, personId: string): Promise<boolean> {
  return (await tx.query('SELECT id FROM persons WHERE id = $1 FOR UPDATE', [personId])).length === 1;
}

export async function setCounty(tx: Queryable, personId: string, county: string): Promise<void> {
  await tx.query('UPDATE persons SET county = $2 WHERE id = $1', [personId, county]);
}
