// No foreign-key triggers on the settlement path (issue 3's speed goals, docs/benchmarks.md).
// Each foreign key fires a trigger per inserted row that looks the referenced row up again and
// locks it (FOR KEY SHARE); profiling put these at about 5 % of PostgreSQL's time under load.
// What they guarded still holds without them, because of how rows get there and because nothing
// deletes persons, institutions or settlements:
// - settlements.person_id and person_year_accumulators.person_id: both rows are written only by a
//   statement whose compare-and-swap on person_accounts found the person's account, and that
//   account keeps its own foreign key to persons;
// - settlements.institution_id: the settlement's read answers 404 for an unknown institution
//   before anything is written;
// - settlements.reverses: a reversal is written from the original settlement it has just read,
//   and settlements_reversed_once still refuses a second reversal.
export const name = 'settlement_write_triggers';

export const sql = `
ALTER TABLE settlements DROP CONSTRAINT IF EXISTS settlements_person_id_fkey;
ALTER TABLE settlements DROP CONSTRAINT IF EXISTS settlements_institution_id_fkey;
ALTER TABLE settlements DROP CONSTRAINT IF EXISTS settlements_reverses_fkey;
ALTER TABLE person_year_accumulators DROP CONSTRAINT IF EXISTS person_year_accumulators_person_id_fkey;
`;
