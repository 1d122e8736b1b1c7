// 个人信息保护 (R-B7): the person's 身份证号 (optional, checked by its GB 11643 check digit when
// given) and the person's consents (授权) to an institution reading their data. A consent is never
// deleted or edited: a withdrawal is recorded on it (who, when, why), so what was allowed on a day
// can always be told.
export const name = 'person_id_number';

export const sql = `
ALTER TABLE persons ADD COLUMN id_number text;
CREATE INDEX persons_id_number ON persons (id_number) WHERE id_number IS NOT NULL;

CREATE TABLE person_consents (
  id                 text PRIMARY KEY,
  person_id          text NOT NULL REFERENCES persons (id),
  institution_id     text NOT NULL REFERENCES institutions (id),
  scope              text NOT NULL CHECK (scope IN ('insurance', 'health')),
  valid_from         date NOT NULL,
  valid_to           date NOT NULL CHECK (valid_to >= valid_from),
  reference          text,                       -- the signed form's number, where there is one
  recorded_at        timestamptz NOT NULL DEFAULT now(),
  recorded_by        text NOT NULL,
  withdrawn_at       timestamptz,
  withdrawn_by       text,
  withdrawal_reason  text
);
CREATE INDEX person_consents_person ON person_consents (person_id, institution_id);
`;
