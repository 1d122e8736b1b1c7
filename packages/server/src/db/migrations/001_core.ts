// The core tables. Amounts are integer fen (分) in bigint columns. Every table that grows with
// visits carries person_id, so a distributed PostgreSQL (Citus) can shard by person later.
export const name = 'core';

export const sql = `
CREATE TABLE institutions (                      -- 定点医药机构
  id          text PRIMARY KEY,                  -- 定点医药机构编码
  name        text NOT NULL,
  type        text NOT NULL,
  level       text,                              -- NULL for a pharmacy
  county      text NOT NULL,
  parent_id   text REFERENCES institutions (id), -- a station's centre, a village clinic's township centre
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX institutions_parent ON institutions (parent_id);

CREATE TABLE persons (                           -- 参保人员
  id                      text PRIMARY KEY,      -- 个人编号
  name                    text NOT NULL,
  scheme                  text NOT NULL CHECK (scheme IN ('resident', 'employee')),
  category                text NOT NULL,
  region                  text NOT NULL,         -- policy region (统筹区)
  chronic_diseases        text[] NOT NULL DEFAULT '{}',
  family_doctor_contract  boolean NOT NULL DEFAULT false,
  relocated               boolean NOT NULL DEFAULT false,
  created_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persons_region ON persons (region);

-- 个人账户: the balance, and the version that serialises a person's settlements. Every settlement
-- and reversal bumps the version with a compare-and-swap in the same statement that writes it.
CREATE TABLE person_accounts (
  person_id    text PRIMARY KEY REFERENCES persons (id),
  balance_fen  bigint NOT NULL DEFAULT 0 CHECK (balance_fen >= 0),
  version      bigint NOT NULL DEFAULT 0
);

-- 年度累计: the accumulators of CALC_CONTRACT.md's ytd, per person and year.
CREATE TABLE person_year_accumulators (
  person_id                      text NOT NULL REFERENCES persons (id),
  year                           integer NOT NULL,
  outpatient_deductible_paid_fen bigint NOT NULL DEFAULT 0,
  outpatient_fund_paid_fen       bigint NOT NULL DEFAULT 0,
  outpatient_in_scope_fen        bigint NOT NULL DEFAULT 0,
  chronic_fund_paid_fen          bigint NOT NULL DEFAULT 0,
  special_deductible_paid_fen    bigint NOT NULL DEFAULT 0,
  inpatient_fund_paid_fen        bigint NOT NULL DEFAULT 0,
  version                        bigint NOT NULL DEFAULT 0,  -- changes of this row
  PRIMARY KEY (person_id, year)
);

-- 结算记录: one per visit settled, and one per reversal (reverses = the settlement it cancels).
CREATE TABLE settlements (
  id                      text PRIMARY KEY,
  person_id               text NOT NULL REFERENCES persons (id),
  institution_id          text NOT NULL REFERENCES institutions (id),
  request_id              text NOT NULL,
  date                    date NOT NULL,
  year                    integer NOT NULL,
  visit_kind              text NOT NULL,
  benefit_group           text NOT NULL,
  reverses                text REFERENCES settlements (id),
  policy_version          text NOT NULL,
  policy_hash             text NOT NULL,     -- the policy release (发布版本) that computed it
  total_cost_fen          bigint NOT NULL,
  full_self_pay_fen       bigint NOT NULL,
  over_limit_self_pay_fen bigint NOT NULL,
  first_self_pay_fen      bigint NOT NULL,
  in_scope_fen            bigint NOT NULL,
  deductible_fen          bigint NOT NULL,
  fund_pay_fen            bigint NOT NULL,
  pooled_self_pay_fen     bigint NOT NULL,
  over_cap_fen            bigint NOT NULL,
  institution_borne_fen   bigint NOT NULL,
  personal_part_fen       bigint NOT NULL,
  account_pay_fen         bigint NOT NULL,
  cash_pay_fen            bigint NOT NULL,
  ytd_delta               jsonb NOT NULL,    -- fen moved per accumulator, so a reversal moves it back exactly
  visit                   jsonb NOT NULL,    -- the visit as the institution sent it
  result                  jsonb NOT NULL,    -- the answer as given (amounts in yuan, items, trace)
  created_at              timestamptz NOT NULL DEFAULT now()
);
-- A settlement is reversed at most once: the database refuses a second reversal.
CREATE UNIQUE INDEX settlements_reversed_once ON settlements (reverses) WHERE reverses IS NOT NULL;
CREATE INDEX settlements_institution_date ON settlements (institution_id, date);
CREATE INDEX settlements_person_date ON settlements (person_id, date);
CREATE INDEX settlements_date ON settlements (date);

-- 明细: every line the institution uploaded, self-paid ones included (R-G1).
CREATE TABLE settlement_items (
  settlement_id           text NOT NULL REFERENCES settlements (id),
  line_no                 integer NOT NULL,
  person_id               text NOT NULL,
  code                    text NOT NULL,
  name                    text NOT NULL,
  kind                    text NOT NULL,
  class                   text NOT NULL,
  quantity                numeric NOT NULL,
  unit_price_fen          bigint NOT NULL,
  total_fen               bigint NOT NULL,
  full_self_pay_fen       bigint NOT NULL,
  over_limit_self_pay_fen bigint NOT NULL,
  first_self_pay_fen      bigint NOT NULL,
  in_scope_fen            bigint NOT NULL,
  institution_borne_fen   bigint NOT NULL,
  PRIMARY KEY (settlement_id, line_no)
);

-- 幂等: a request id is used once; the unique key is what makes retries safe, not a lookup.
CREATE TABLE idempotency_keys (
  request_id    text PRIMARY KEY,
  request_hash  text NOT NULL,     -- sha-256 of the canonical request body
  settlement_id text NOT NULL REFERENCES settlements (id),
  person_id     text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
`;
