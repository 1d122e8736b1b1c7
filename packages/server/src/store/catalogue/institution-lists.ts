// Per institution: the approved service items (R-C3, institution_approved_items with a marker row
// in institution_approved_lists saying a list is on record) and the drug stock list (R-A14, the
// view institution_stock_list over the old institution_catalogue).
import type { Queryable } from '../../db/types.js';
import type { CatalogueChange, InstitutionLists } from '../../catalogue/types.js';

export async function listsOf(db: Queryable, institutionId: string): Promise<InstitutionLists> {
  const rows = await db.query<{ list: 'approved' | 'stock' | 'approved_marker'; code: string | null }>(
    `SELECT 'approved_marker' AS list, NULL AS code FROM institution_approved_lists WHERE institution_id = $1
     UNION ALL SELECT 'approved', code FROM institution_approved_items WHERE institution_id = $1
     UNION ALL SELECT 'stock', code FROM institution_stock_list WHERE institution_id = $1`,
    [institutionId],
  );
  let approved: Set<string> | null = null;
  let stock: Set<string> | null = null;
  for (const r of rows) {
    if (r.list === 'approved_marker') approved ??= new Set();
    else if (r.list === 'approved' && r.code !== null) (approved ??= new Set()).add(r.code);
    else if (r.code !== null) (stock ??= new Set()).add(r.code);
  }
  return { approvedServices: approved, stockDrugs: stock };
}

export async function approvedItemsOf(db: Queryable, institutionId: string): Promise<string[] | null> {
  const lists = await listsOf(db, institutionId);
  return lists.approvedServices === null ? null : [...lists.approvedServices].sort();
}

/** Replaces the institution's approved service items whole (an empty list is a list: nothing approved). */
export async function replaceApprovedItems(
  tx: Queryable,
  institutionId: string,
  codes: readonly string[],
  change: CatalogueChange,
): Promise<void> {
  await tx.query('DELETE FROM institution_approved_items WHERE institution_id = $1', [institutionId]);
  await tx.query(
    `INSERT INTO institution_approved_items (institution_id, code) SELECT $1, unnest($2::text[])`,
    [institutionId, codes],
  );
  await tx.query(
    `INSERT INTO institution_approved_lists (institution_id, actor, reason) VALUES ($1, $2, $3)
     ON CONFLICT (institution_id) DO UPDATE SET recorded_at = clock_timestamp(), actor = $2, reason = $3`,
    [institutionId, change.actor, change.reason],
  );
}

/** Takes the approved list off record: the institution is no longer checked against one. */
export async function removeApprovedList(tx: Queryable, institutionId: string): Promise<void> {
  await tx.query('DELETE FROM institution_approved_items WHERE institution_id = $1', [institutionId]);
  await tx.query('DELETE FROM institution_approved_lists WHERE institution_id = $1', [institutionId]);
}
