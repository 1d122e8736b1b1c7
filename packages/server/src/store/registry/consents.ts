// person_consents: a person's consents (授权) to institutions, recorded and withdrawn — never edited
// otherwise, never deleted.
import type { Queryable } from '../../db/types.js';

export interface ConsentRecord {
  id: string;
  personId: string;
  institutionId: string;
  scope: 'insurance' | 'health';
  validFrom: string;
  validTo: string;
  reference: string | null;
  recordedAt: string;
  recordedBy: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawalReason: string | null;
}

interface Row {
  id: string;
  person_id: string;
  institution_id: string;
  scope: 'insurance' | 'health';
  valid_from: string;
  valid_to: string;
  reference: string | null;
  recorded_at: Date | string;
  recorded_by: string;
  withdrawn_at: Date | string | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
}

const COLUMNS = `id, person_id, institution_id, scope, valid_from::text AS valid_from, valid_to::text AS valid_to,
  reference, recorded_at, recorded_by, withdrawn_at, withdrawn_by, withdrawal_reason`;

const iso = (at: Date | string): string => (at instanceof Date ? at : new Date(at)).toISOString();

function fromRow(row: Row): ConsentRecord {
  return {
    id: row.id,
    personId: row.person_id,
    institutionId: row.institution_id,
    scope: row.scope,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    reference: row.reference,
    recordedAt: iso(row.recorded_at),
    recordedBy: row.recorded_by,
    withdrawnAt: row.withdrawn_at === null ? null : iso(row.withdrawn_at),
    withdrawnBy: row.withdrawn_by,
    withdrawalReason: row.withdrawal_reason,
  };
}

export async function insertConsent(
  db: Queryable,
  consent: Omit<ConsentRecord, 'recordedAt' | 'withdrawnAt' | 'withdrawnBy' | 'withdrawalReason'>,
): Promise<ConsentRecord> {
  const rows = await db.query<Row>(
    `INSERT INTO person_consents (id, person_id, institution_id, scope, valid_from, valid_to, reference, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [
      consent.id,
      consent.personId,
      consent.institutionId,
      consent.scope,
      consent.validFrom,
      consent.validTo,
      consent.reference,
      consent.recordedBy,
    ],
  );
  return fromRow(rows[0] as Row);
}

export async function consentsOf(db: Queryable, personId: string): Promise<ConsentRecord[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM person_consents WHERE person_id = $1 ORDER BY valid_from DESC, recorded_at DESC, id`,
    [personId],
  );
  return rows.map(fromRow);
}

export async function findConsent(
  db: Queryable,
  personId: string,
  id: string,
): Promise<ConsentRecord | undefined> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM person_consents WHERE person_id = $1 AND id = $2`,
    [personId, id],
  );
  return rows[0] === undefined ? undefined : fromRow(rows[0]);
}

/** Marks the consent withdrawn; undefined when it was withdrawn already (the first withdrawal stands). */
export async function withdrawConsent(
  db: Queryable,
  personId: string,
  id: string,
  by: string,
  reason: string,
): Promise<ConsentRecord | undefined> {
  const rows = await db.query<Row>(
    `UPDATE person_consents SET withdrawn_at = now(), withdrawn_by = $3, withdrawal_reason = $4
     WHERE person_id = $1 AND id = $2 AND withdrawn_at IS NULL RETURNING ${COLUMNS}`,
    [personId, id, by, reason],
  );
  return rows[0] === undefined ? undefined : fromRow(rows[0]);
}

/** Whether a consent of `scope` from the person to the institution is in force on `day`. */
export async function hasConsent(
  db: Queryable,
  personId: string,
  institutionId: string,
  scope: 'insurance' | 'health',
  day: string,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM person_consents
     WHERE person_id = $1 AND institution_id = $2 AND scope = $3 AND withdrawn_at IS NULL
       AND valid_from <= $4::date AND valid_to >= $4::date LIMIT 1`,
    [personId, institutionId, scope, day],
  );
  return rows.length > 0;
}
