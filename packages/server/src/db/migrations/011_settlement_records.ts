// The settlement on the agency's records (issue 12 §3):
// - settlements.request: the resolved engine request — every fact the engine used, after the
//   catalogue and the registry (the items with their catalogue facts and any refusedBy, the
//   person's and institution's facts, the referral and e-prescription from their records, the
//   accumulators) — so a settlement replays exactly. json, not jsonb: it is written on every
//   settlement and read only to replay (the same reason as `result`, migration 007).
// - e_prescription_dispensings: what each settlement dispensed of an e-prescription (R-D8), one row
//   per visit line; a reversal writes the same rows negated, so the sum per prescription and code
//   is what has been dispensed. Settlement side: keyed by person (decisions.md, "The settlement side
//   is keyed by person"); an e-prescription is its own person's, so the prescription's rows live
//   on its person's shard, and the person's account compare-and-swap that every settlement passes
//   serialises two dispensings of one prescription.
export const name = 'settlement_records';

export const sql = `
ALTER TABLE settlements ADD COLUMN request json;

CREATE TABLE e_prescription_dispensings (
  person_id        text NOT NULL,
  settlement_id    text NOT NULL,
  line_no          integer NOT NULL,                -- the settlement's line (1-based)
  prescription_id  text NOT NULL,
  code             text NOT NULL,
  quantity         numeric(14, 4) NOT NULL,         -- negative: a reversal gives it back
  PRIMARY KEY (person_id, settlement_id, line_no)
);
CREATE INDEX e_prescription_dispensings_rx ON e_prescription_dispensings (person_id, prescription_id);
`;
