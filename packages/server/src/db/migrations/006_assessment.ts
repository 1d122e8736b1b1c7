// Agreement assessment and credit rating (考核与信用等级, R-A7, R-A8), satisfaction surveys and the
// reporting channel (满意度调查与举报, R-A10).
export const name = 'assessment';

export const sql = `
CREATE TABLE assessments (
  id              text PRIMARY KEY,
  agreement_id    text NOT NULL REFERENCES agreements (id),
  institution_id  text NOT NULL REFERENCES institutions (id),
  period_from     date NOT NULL,
  period_to       date NOT NULL,
  measured        jsonb NOT NULL,        -- indicators measured from the period's settlements
  findings        jsonb NOT NULL,        -- each indicator against its threshold
  score           integer NOT NULL,
  rating          text NOT NULL CHECK (rating IN ('A', 'B', 'C', 'D')),
  assessed_on     date NOT NULL,
  published       boolean NOT NULL DEFAULT false,
  UNIQUE (agreement_id, period_from, period_to)
);
CREATE INDEX assessments_institution ON assessments (institution_id, period_to);

CREATE TABLE satisfaction_surveys (
  id              text PRIMARY KEY,
  institution_id  text NOT NULL REFERENCES institutions (id),
  period_from     date NOT NULL,
  period_to       date NOT NULL,
  respondents     integer NOT NULL CHECK (respondents > 0),
  satisfied       integer NOT NULL CHECK (satisfied >= 0),
  CHECK (satisfied <= respondents)
);
CREATE INDEX satisfaction_surveys_institution ON satisfaction_surveys (institution_id, period_to);

CREATE TABLE complaints (
  id              text PRIMARY KEY,
  institution_id  text NOT NULL REFERENCES institutions (id),
  kind            text NOT NULL CHECK (kind IN ('report', 'complaint')),  -- 举报 | 投诉
  received_on     date NOT NULL,
  summary         text NOT NULL,
  person_id       text REFERENCES persons (id),
  state           text NOT NULL CHECK (state IN ('open', 'substantiated', 'unfounded')),
  resolution      text,
  closed_on       date
);
CREATE INDEX complaints_institution ON complaints (institution_id, received_on);
`;
