// The registry the agency keeps (issue 4): designation applications, service agreements, the
// institutions' lists, insured persons' care relationships, referrals and e-prescriptions. Every
// change also writes a snapshot to record_versions (who, when, what), so any record reads as of a
// past moment and a settlement can be re-explained later.
export const name = 'registry';

export const sql = `
-- 历史版本: every version of every registry record, in order.
CREATE TABLE record_versions (
  entity       text NOT NULL,                  -- e.g. 'agreement', 'referral'
  record_id    text NOT NULL,
  version      integer NOT NULL,
  data         jsonb NOT NULL,                 -- the whole record after the change
  recorded_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor        text NOT NULL,                  -- 经办人 / the calling system
  reason       text NOT NULL,
  PRIMARY KEY (entity, record_id, version)
);
CREATE INDEX record_versions_time ON record_versions (entity, record_id, recorded_at);

-- 定点状态 and structure: applicant institutions exist before they are designated.
ALTER TABLE institutions ADD COLUMN designation text NOT NULL DEFAULT 'designated'
  CHECK (designation IN ('applicant', 'designated', 'rejected', 'cancelled'));
ALTER TABLE institutions ADD COLUMN designated_on date;
ALTER TABLE institutions ADD COLUMN founder_id text REFERENCES institutions (id); -- an internet hospital's founder (R-A11)
ALTER TABLE institutions ADD COLUMN region text;                                  -- the pooling region it is in; NULL = the home region
CREATE INDEX institutions_designation ON institutions (designation, county, type, level);

-- 参保人户籍所在县: a visit's scope (in county / cross county / out of city) follows from it.
ALTER TABLE persons ADD COLUMN county text;

-- 定点申请 (R-A2, R-A3, R-A4): the criteria checklist, the green channel, the review.
CREATE TABLE designation_applications (
  id              text PRIMARY KEY,
  institution_id  text NOT NULL REFERENCES institutions (id),
  station_ids     text[] NOT NULL DEFAULT '{}',   -- reviewed and designated together (R-A4)
  submitted_on    date NOT NULL,
  criteria        jsonb NOT NULL,                 -- [{ item, met, evidence }]
  green_channel   boolean NOT NULL DEFAULT false,
  state           text NOT NULL CHECK (state IN ('submitted', 'approved', 'rejected', 'returned')),
  decided_on      date,
  decision_reason text,
  reviewer        text
);
CREATE INDEX designation_applications_state ON designation_applications (state);

-- 医疗服务协议 (R-A6) and its state history (R-A9): active on a date = within its term and the last
-- state change in force on that date is not a suspension or termination.
CREATE TABLE agreements (
  id              text PRIMARY KEY,
  institution_id  text NOT NULL REFERENCES institutions (id),
  year            integer NOT NULL,
  valid_from      date NOT NULL,
  valid_to        date NOT NULL,
  signed_on       date NOT NULL,
  indicators      jsonb NOT NULL,
  settlement_terms jsonb NOT NULL,
  CHECK (valid_from <= valid_to)
);
CREATE INDEX agreements_institution ON agreements (institution_id, valid_from);

CREATE TABLE agreement_state_changes (
  agreement_id    text NOT NULL REFERENCES agreements (id),
  seq             integer NOT NULL,
  state           text NOT NULL CHECK (state IN ('active', 'suspended', 'terminated')),
  effective_on    date NOT NULL,
  reason          text NOT NULL,
  PRIMARY KEY (agreement_id, seq)
);

-- 补充协议: amends an agreement's indicators or terms from a date (R-A5, R-A6).
CREATE TABLE agreement_amendments (
  id              text PRIMARY KEY,
  agreement_id    text NOT NULL REFERENCES agreements (id),
  signed_on       date NOT NULL,
  effective_on    date NOT NULL,
  changes         jsonb NOT NULL,
  reason          text NOT NULL
);

-- 药品库存目录与服务项目价格 (R-A14).
CREATE TABLE institution_catalogue (
  institution_id  text NOT NULL REFERENCES institutions (id),
  list            text NOT NULL CHECK (list IN ('drug', 'service')),
  code            text NOT NULL,
  name            text NOT NULL,
  generic_name    text,
  dosage_form     text,
  price_fen       bigint,
  PRIMARY KEY (institution_id, list, code)
);

-- 参保期 (enrolment periods): not insured on a date -> 422.
CREATE TABLE enrolments (
  id          text PRIMARY KEY,
  person_id   text NOT NULL REFERENCES persons (id),
  valid_from  date NOT NULL,
  valid_to    date,                                  -- NULL = open
  CHECK (valid_to IS NULL OR valid_from <= valid_to)
);
CREATE INDEX enrolments_person ON enrolments (person_id, valid_from);

-- 选定定点机构 (R-B2) and 首诊机构 (R-B3), per person and year.
CREATE TABLE chosen_institutions (
  person_id        text NOT NULL REFERENCES persons (id),
  year             integer NOT NULL,
  institution_ids  text[] NOT NULL,
  PRIMARY KEY (person_id, year)
);
CREATE TABLE first_contact_choices (
  person_id       text NOT NULL REFERENCES persons (id),
  year            integer NOT NULL,
  institution_id  text NOT NULL REFERENCES institutions (id),
  chosen_on       date NOT NULL,
  PRIMARY KEY (person_id, year)                      -- one a year: the database refuses a second
);

-- 家庭医生签约 "1+1+1" (R-B4).
CREATE TABLE family_doctor_contracts (
  id                  text PRIMARY KEY,
  person_id           text NOT NULL REFERENCES persons (id),
  community_centre_id text REFERENCES institutions (id),
  district_hospital_id text REFERENCES institutions (id),
  city_hospital_id    text REFERENCES institutions (id),
  doctor              text NOT NULL,
  priority_group      text,                          -- e.g. disabled_elderly, assistance
  identity_verified   boolean NOT NULL,
  valid_from          date NOT NULL,
  valid_to            date NOT NULL,
  ended_on            date,                          -- ended early
  CHECK (valid_from <= valid_to)
);
CREATE INDEX family_doctor_contracts_person ON family_doctor_contracts (person_id, valid_from);

-- 慢特病认定 (R-C10, R-C8).
CREATE TABLE disease_certifications (
  id            text PRIMARY KEY,
  person_id     text NOT NULL REFERENCES persons (id),
  code          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('chronic', 'special')),
  valid_from    date NOT NULL,
  valid_to      date,
  certified_by  text REFERENCES institutions (id),
  revoked_on    date
);
CREATE INDEX disease_certifications_person ON disease_certifications (person_id);

-- 异地安置备案 (R-B5): a second filing in a year after relocation benefits were used cancels them.
CREATE TABLE relocation_filings (
  id            text PRIMARY KEY,
  person_id     text NOT NULL REFERENCES persons (id),
  filed_on      date NOT NULL,
  destination   text NOT NULL,
  valid_from    date NOT NULL,
  valid_to      date,
  cancels_year  integer                              -- the year whose relocation benefit this filing cancelled
);
CREATE INDEX relocation_filings_person ON relocation_filings (person_id, filed_on);

-- 转诊单 (R-D3, R-D6): issued by an institution, filed (备案) with the agency.
CREATE TABLE referrals (
  id                    text PRIMARY KEY,
  person_id             text NOT NULL REFERENCES persons (id),
  from_institution_id   text NOT NULL REFERENCES institutions (id),
  to_institution_id     text NOT NULL REFERENCES institutions (id),
  issued_on             date NOT NULL,
  valid_until           date NOT NULL,
  filed_on              date,                          -- NULL = not filed
  previous_settlement_id text REFERENCES settlements (id), -- the stay before, for the linked deductible
  diagnosis             text,
  CHECK (issued_on <= valid_until)
);
CREATE INDEX referrals_person ON referrals (person_id, issued_on);

-- 电子处方 (R-D8).
CREATE TABLE e_prescriptions (
  id               text PRIMARY KEY,
  person_id        text NOT NULL REFERENCES persons (id),
  institution_id   text NOT NULL REFERENCES institutions (id),   -- the prescribing institution
  doctor           text NOT NULL,
  issued_on        date NOT NULL,
  valid_until      date NOT NULL,
  items            jsonb NOT NULL,                               -- [{ code, name, quantity }]
  CHECK (issued_on <= valid_until)
);
CREATE INDEX e_prescriptions_person ON e_prescriptions (person_id, issued_on);
`;
