// 豁免 (SUPERVISION_RULES.md §6): per person and rule over a date range; runs after it skip what it covers. SQL only.
import type { Exemption } from '@yibao/engine';
import type { Queryable } from '../../db/types.js';

export interface StoredExemption extends Exemption {
  id: string;
  reason: string;
  by: string;
  at: string;
}

interface Row {
  id: string;
  person_id: string;
  rule_id: string;
  from_date: string;
  to_date: string;
  reason: string;
  by_actor: string;
  at: Date | string;
}

const COLUMNS = `id, person_id, rule_id, from_date::text AS from_date, to_date::text AS to_date, reason, by_actor, at`;

const exemptionOf = (r: Row): StoredExemption => ({
  id: r.id,
  personId: r.person_id,
  ruleId: r.rule_id,
  from: r.from_date,
  to: r.to_date,
  reason: r.reason,
  by: r.by_actor,
  at: new Date(r.at).toISOString(),
});

export async function insertExemption(
  db: Queryable,
  e: Omit<StoredExemption, 'at'>,
): Promise<StoredExemption> {
  const [row] = await db.query<Row>(
    `INSERT INTO supervision_exemptions (person_id, id, rule_id, from_date, to_date, reason, by_actor)
     VALUES ($1, $2, $3, $4::date, $5::date, $6, $7) RETURNING ${COLUMNS}`,
    [e.personId, e.id, e.ruleId, e.from, e.to, e.reason, e.by],
  );
  if (row === undefined) throw new Error('exemption insert returned no row');
  return exemptionOf(row);
}

export async function exemptionsOfPersons(db: Queryable, personIds: readonly string[]): Promise<Exemption[]> {
  if (personIds.length === 0) return [];
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM supervision_exemptions WHERE person_id = ANY($1::text[])`,
    [personIds],
  );
  return rows.map(exemptionOf);
}

export async function listExemptions(
  db: Queryable,
  filter: { personId?: string | undefined; ruleId?: string | undefined },
): Promise<StoredExemption[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM supervision_exemptions
     WHERE ($1::text IS NULL OR person_id = $1) AND ($2::text IS NULL OR rule_id = $2)
     ORDER BY at, id LIMIT 1000`,
    [filter.personId ?? null, filter.ruleId ?? null],
  );
  return rows.map(exemptionOf);
}
