// Keys for a distributed PostgreSQL (decisions 18–20, docs/server.md § Keys). Citus requires every
// primary key and unique constraint of a distributed table to include its distribution column; the
// settlement side is distributed by person_id, so:
// - settlements: the primary key is (person_id, id) and a reversal is unique per (person_id,
//   reverses) — a reversal is always its original's person's — with a plain index on id for the
//   reads that only know the id (GET /settlements/{id});
// - the request id, unique over the whole agency, leaves the settlement for a table of its own,
//   settlement_requests (request_id PRIMARY KEY), written by the same statement as the settlement,
//   so a retry still finds its answer and a race still loses on a unique key. It is distributed by
//   its own key, not by person: a reused request id is caught whoever the person is;
// - the registry's referrals no longer hold a foreign key to settlements(id) (no longer unique by
//   itself; a reference table could not point at a distributed one anyway). Nothing deletes
//   settlements (decision 13), and the referral's previous settlement is read, never joined on write.
// person_accounts and person_year_accumulators are keyed by person already. Registry and catalogue
// tables (persons, institutions, agreements, …) are reference tables and keep their keys.
export const name = 'person_keys';

export const sql = `
CREATE TABLE settlement_requests (                 -- 幂等: one row per request id ever answered
  request_id     text PRIMARY KEY,
  request_hash   text NOT NULL,                    -- sha-256 of the canonical request body
  person_id      text NOT NULL,                    -- where the settlement lives (its shard)
  settlement_id  text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
INSERT INTO settlement_requests (request_id, request_hash, person_id, settlement_id, created_at)
  SELECT request_id, request_hash, person_id, id, created_at FROM settlements;

ALTER TABLE referrals DROP CONSTRAINT IF EXISTS referrals_previous_settlement_id_fkey;

DROP INDEX settlements_request_id;
DROP INDEX settlements_reversed_once;
ALTER TABLE settlements DROP CONSTRAINT settlements_pkey;
ALTER TABLE settlements ADD CONSTRAINT settlements_pkey PRIMARY KEY (person_id, id);
CREATE INDEX settlements_id ON settlements (id);
-- A settlement is reversed at most once: the database refuses a second reversal.
CREATE UNIQUE INDEX settlements_reversed_once ON settlements (person_id, reverses) WHERE reverses IS NOT NULL;
`;
