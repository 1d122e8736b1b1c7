// Payment facts at write time (支付信息, issue 14; PAYMENT_POLICY.md §1–§5, R-E1, R-F5):
// - payment_clock: the first month not yet run (第一个未结算月份), one row. Every settlement and
//   reversal reads it with its context and, in its write statement, takes it FOR KEY SHARE and checks
//   it still holds (or writes nothing and is recomputed, like the account compare-and-swap); a run
//   takes it FOR UPDATE to move it on, so it waits for the writes in flight and every later write
//   sees the new month. No record is lost or counted twice (docs/payments.md § Locking).
// - settlement_payment_facts: one row per settlement or reversal of a region that pays by the policy,
//   written by the same statement as the settlement. Settlement side: keyed by person (decisions.md,
//   "The settlement side is keyed by person"); the run reads it by payment month.
export const name = 'payment_facts';

export const sql = `
CREATE TABLE payment_clock (
  id                integer PRIMARY KEY CHECK (id = 1),
  first_open_month  text NOT NULL CHECK (first_open_month ~ '^[0-9]{4}-[0-9]{2}$')
);
INSERT INTO payment_clock (id, first_open_month) VALUES (1, '2025-01');

CREATE TABLE settlement_payment_facts (
  person_id             text NOT NULL,
  settlement_id         text NOT NULL,
  payment_month         text NOT NULL,            -- 支付月份 YYYY-MM
  institution_id        text NOT NULL,
  pool                  text NOT NULL CHECK (pool IN ('employee', 'resident')),
  fund                  text NOT NULL CHECK (fund IN ('outpatient', 'inpatient')),
  method                text NOT NULL,            -- item | dip | bed_day | capitation
  dip_group             text,
  dip_ratio             text,
  dip_points            bigint,                   -- hundredths of a point
  reference_cost_fen    bigint,
  bed_days              integer,
  bed_day_amount_fen    bigint,
  capitation_centre_id  text,
  outflow_centre_id     text,
  fund_pay_fen          bigint NOT NULL,
  account_pay_fen       bigint NOT NULL,
  events                json NOT NULL,
  PRIMARY KEY (person_id, settlement_id)
);
CREATE INDEX settlement_payment_facts_month ON settlement_payment_facts (payment_month);
`;
