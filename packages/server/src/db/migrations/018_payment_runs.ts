// Runs (月度结算 and 年终清算, issue 14; PAYMENT_POLICY.md §1, §2, §8, ruling 1 and 9) and confirmed
// audit deductions (审核扣款, §2):
// - a run is made once and never changed: one row per month (or year), unique, holding the run as
//   computed (rows in fen, each with its explanation) and what it read (agreements' percents,
//   contract-days, deductions, budgets and scores: ruling 9). Concurrent requests insert one row;
//   the losers read the winner's.
// - payment_run_rows: the same rows as columns, one per cell, for the reads by institution and the
//   year-end (the document stays the answer as given).
// - payment_deductions: handed over by supervision, idempotent on request id, each with the payment
//   month it is taken in, assigned when written under the payment clock (migration 017).
export const name = 'payment_runs';

export const sql = `
CREATE TABLE payment_monthly_runs (
  id              text PRIMARY KEY,
  year            integer NOT NULL,
  month           integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  policy_version  text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  run             json NOT NULL,                   -- the run as computed: rows (fen) with their explanations
  inputs          json NOT NULL,                   -- what it read (ruling 9)
  UNIQUE (year, month)
);

CREATE TABLE payment_run_rows (
  run_id               text NOT NULL REFERENCES payment_monthly_runs (id),
  institution_id       text NOT NULL,
  pool                 text NOT NULL,
  fund                 text NOT NULL,
  year                 integer NOT NULL,
  month                integer NOT NULL,
  row                  json NOT NULL,               -- the MonthlyRow (fen, events)
  PRIMARY KEY (run_id, institution_id, pool, fund)
);
CREATE INDEX payment_run_rows_institution ON payment_run_rows (institution_id, year, month);

CREATE TABLE payment_year_end_runs (
  id              text PRIMARY KEY,
  year            integer NOT NULL UNIQUE,
  policy_version  text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  run             json NOT NULL,
  inputs          json NOT NULL
);

CREATE TABLE payment_deductions (
  id              text PRIMARY KEY,
  request_id      text NOT NULL UNIQUE,
  request_hash    text NOT NULL,
  institution_id  text NOT NULL REFERENCES institutions (id),
  year            integer NOT NULL,                -- when confirmed
  month           integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  pool            text NOT NULL CHECK (pool IN ('employee', 'resident')),
  fund            text NOT NULL CHECK (fund IN ('outpatient', 'inpatient')),
  amount_fen      bigint NOT NULL CHECK (amount_fen > 0),
  reason          text NOT NULL,
  alert_ids       text[] NOT NULL DEFAULT '{}',
  payment_month   text NOT NULL,                   -- the month whose run takes it
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_deductions_month ON payment_deductions (payment_month);
`;
