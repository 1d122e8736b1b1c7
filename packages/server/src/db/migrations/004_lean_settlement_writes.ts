// Lighter settlement writes, measured by the service benchmark (docs/benchmarks.md):
// - the lines' foreign key to their settlement cost a trigger call per line (ten per visit) and
//   guarded nothing the writing statement does not already guarantee: a settlement and its lines
//   are inserted by one statement from one CTE, and nothing deletes settlements;
// - the date-only index duplicated (institution_id, date) for every read the service makes.
export const name = 'lean_settlement_writes';

export const sql = `
ALTER TABLE settlement_items DROP CONSTRAINT IF EXISTS settlement_items_settlement_id_fkey;
DROP INDEX IF EXISTS settlements_date;
`;
