// What a year-end run reads besides the twelve runs (PAYMENT_POLICY §3 Prices, §7, §8): the pools'
// insured person-days, each institution's kind, and the assessment scores of the year's agreements.
import type { InstitutionKind } from '@yibao/engine';
import type { Queryable } from '../../db/types.js';

/**
 * §3: Σ over the region's persons of each scheme of their insured days in the year (a person without
 * enrolment periods is insured every day).
 */
export async function insuredPersonDays(
  db: Queryable,
  region: string,
  year: number,
): Promise<{ employee: number; resident: number }> {
  const rows = await db.query<{ scheme: string; days: unknown }>(
    `SELECT p.scheme, sum(CASE
         WHEN NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id) THEN ($2::date - $1::date + 1)
         ELSE (SELECT coalesce(sum(greatest(0, least($2::date, coalesce(e.valid_to, $2::date)) - greatest($1::date, e.valid_from) + 1)), 0)
               FROM enrolments e WHERE e.person_id = p.id) END) AS days
     FROM persons p WHERE p.region = $3 GROUP BY p.scheme`,
    [`${year}-01-01`, `${year}-12-31`, region],
  );
  const out = { employee: 0, resident: 0 };
  for (const r of rows)
    if (r.scheme === 'employee' || r.scheme === 'resident') out[r.scheme] = Number(r.days);
  return out;
}

/** Each institution's kind for the sharing set and growth: its level, or pharmacy (no level). */
export async function institutionKinds(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, InstitutionKind>> {
  const rows = await db.query<{ id: string; type: string; level: string | null }>(
    'SELECT id, type, level FROM institutions WHERE id = ANY ($1::text[])',
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      (r.type === 'pharmacy' || r.level === null ? 'pharmacy' : r.level) as InstitutionKind,
    ]),
  );
}

/** §8: each agreement's score: its assessment with the latest period end (the later made on a tie). */
export async function agreementScores(
  db: Queryable,
  agreementIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db.query<{ agreement_id: string; score: unknown }>(
    `SELECT DISTINCT ON (agreement_id) agreement_id, score FROM assessments
     WHERE agreement_id = ANY ($1::text[])
     ORDER BY agreement_id, period_to DESC, assessed_on DESC, id DESC`,
    [agreementIds],
  );
  return new Map(rows.map((r) => [r.agreement_id, Number(r.score)]));
}
