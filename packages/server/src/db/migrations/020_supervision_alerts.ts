// 基金监管 (issue 15, SUPERVISION_RULES.md §5–§7): the 事后 runs, the alerts (疑点) they raise with
// every workflow transition, exemptions (豁免) and the deductions (扣款) an upheld alert confirms.
//
// Keys (decisions.md "Keys"): alerts, their history, exemptions and deductions grow with visits and
// point at settlements, so they are settlement side: person_id leads every primary key and unique
// index, and one alert's transition with its deduction stays on one person's shard. An alert's
// identity (rule, subject settlement, line; F-14–F-16 rule, person, month) always names its
// person, so UNIQUE (person_id, identity) is the same guarantee as UNIQUE (identity): a re-run, an
// overlapping range or two runs at once insert with ON CONFLICT DO NOTHING and create nothing twice.
// Runs are few (one a night, or every few minutes for R-F3): a plain table keyed by id.
export const name = 'supervision_alerts';

export const sql = `
CREATE TABLE supervision_runs (                    -- 事后批量运行
  id            text PRIMARY KEY,
  region        text NOT NULL,
  from_date     date NOT NULL,
  to_date       date NOT NULL,
  run_on        date NOT NULL,                     -- raisedOn of the alerts it creates
  policy_hash   text NOT NULL,                     -- the rule library it judged with
  full_run      boolean NOT NULL,                  -- false: only persons settled since the range's watermark
  status        text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  raised        integer,
  done_persons  integer NOT NULL DEFAULT 0,
  total_persons integer,
  -- Every settlement stored before this instant was judged (a margin before the run's start, so a
  -- settlement committed late with an earlier created_at is judged again next time): what a later
  -- run of an overlapping range may skip.
  watermark     timestamptz,
  started_by    text NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  error         text,
  CHECK (from_date <= to_date)
);
CREATE INDEX supervision_runs_range ON supervision_runs (region, from_date, to_date) WHERE status = 'done';

CREATE TABLE supervision_alerts (                  -- 疑点
  person_id       text NOT NULL,
  id              text NOT NULL,
  identity        text NOT NULL,                   -- F-08|<settlement>|<line>, F-14|<person>|<YYYY-MM> …
  rule_id         text NOT NULL,
  rule_name       text NOT NULL,
  result_type     text NOT NULL,
  requirement     text NOT NULL,
  institution_id  text NOT NULL,                   -- the settling institution; F-14–F-17 the contract's centre
  settlement_id   text NOT NULL,
  line_no         integer,                         -- the line index (0-based, as the contract), NULL: the whole settlement
  date            date NOT NULL,
  pool            text NOT NULL,
  fund            text NOT NULL CHECK (fund IN ('outpatient', 'inpatient')),
  amount_fen      bigint NOT NULL CHECK (amount_fen >= 0),
  evidence        text[] NOT NULL,                 -- settlement ids, the subject included
  contract_id     text,
  doctor          text,
  text            text NOT NULL,
  raised_on       date NOT NULL,
  appeal_deadline date NOT NULL,
  status          text NOT NULL CHECK (status IN ('open', 'appealed', 'upheld', 'overturned')),
  run_id          text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE UNIQUE INDEX supervision_alerts_identity ON supervision_alerts (person_id, identity);
CREATE INDEX supervision_alerts_id ON supervision_alerts (id);
CREATE INDEX supervision_alerts_institution ON supervision_alerts (institution_id, status, date);
CREATE INDEX supervision_alerts_rule ON supervision_alerts (rule_id, status, date);
CREATE INDEX supervision_alerts_status ON supervision_alerts (status, date);
CREATE INDEX supervision_alerts_settlement ON supervision_alerts (settlement_id);

-- Every transition of an alert, oldest first (seq 1 is 'open', written with the alert).
CREATE TABLE supervision_alert_history (
  person_id  text NOT NULL,
  alert_id   text NOT NULL,
  seq        integer NOT NULL,
  status     text NOT NULL,
  on_date    date NOT NULL,                        -- the business date (raisedOn, appealedOn, decidedOn)
  by_actor   text NOT NULL,                        -- actorOf(identity): never a header's word
  at         timestamptz NOT NULL DEFAULT now(),
  reason     text,
  PRIMARY KEY (person_id, alert_id, seq)
);

CREATE TABLE supervision_exemptions (              -- 豁免: runs after it raise no alert it covers
  person_id  text NOT NULL,
  id         text NOT NULL,
  rule_id    text NOT NULL,
  from_date  date NOT NULL,
  to_date    date NOT NULL,
  reason     text NOT NULL,
  by_actor   text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id),
  CHECK (from_date <= to_date)
);
CREATE INDEX supervision_exemptions_id ON supervision_exemptions (id);

-- 扣款 (R-E1, SUPERVISION_RULES.md §7): one row per upheld alert with an amount, written in the
-- review's transaction. The primary key (person_id, alert_id) is "exactly once". year/month are
-- the confirmation month (decidedOn's); the monthly payment run of the month after (payment_year,
-- payment_month), or the first month not yet run, takes it and sets taken_by_run.
CREATE TABLE supervision_deductions (
  person_id      text NOT NULL,
  alert_id       text NOT NULL,
  request_id     text NOT NULL,                    -- alert-{id}: PAYMENT_CONTRACT.md's requestId
  institution_id text NOT NULL,
  pool           text NOT NULL,
  fund           text NOT NULL CHECK (fund IN ('outpatient', 'inpatient')),
  amount_fen     bigint NOT NULL CHECK (amount_fen > 0),
  year           integer NOT NULL,
  month          integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  payment_year   integer NOT NULL,
  payment_month  integer NOT NULL CHECK (payment_month BETWEEN 1 AND 12),
  confirmed_on   date NOT NULL,
  confirmed_at   timestamptz NOT NULL DEFAULT now(),
  taken_by_run   text,                             -- the monthly payment run that deducted it; NULL: not yet
  PRIMARY KEY (person_id, alert_id)
);
CREATE INDEX supervision_deductions_institution ON supervision_deductions (institution_id, year, month);
CREATE INDEX supervision_deductions_payment ON supervision_deductions (payment_year, payment_month) WHERE taken_by_run IS NULL;
`;
