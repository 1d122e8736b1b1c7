// 医保目录 (issue 12): the agency's catalogue as dated versions of each code with their history,
// the catalogue versions (imports and manual changes) they came from, and per institution the
// approved service items (R-C3). The drug stock list stays in institution_catalogue (the old
// PUT /institutions/{id}/catalogue) and is read through the view institution_stock_list; a later
// migration renames the table to institution_stock_list and leaves a view under the old name, once
// no code writes it by that name (docs/catalogue.md § Stock list).
//
// catalogue_state.generation grows with every change that a settlement's lookups depend on, in the
// change's own transaction (triggers, so the old route's writes count too): each process's
// in-memory cache compares it and reloads (catalogue/cache.ts).
//
// No foreign keys from entries and history to catalogue_versions: each fires a lookup per row and
// an import writes 100,000 rows of each (decision 13's reasoning); the version row is written first,
// in the same transaction, by the only code that writes either (catalogue/apply.ts), and nothing
// deletes catalogue versions.
export const name = 'catalogue';

export const sql = `
CREATE TABLE catalogue_state (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  generation  bigint NOT NULL
);
INSERT INTO catalogue_state (id, generation) VALUES (true, 1);

CREATE FUNCTION catalogue_bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalogue_state SET generation = generation + 1 WHERE id;
  RETURN NULL;
END
$$;

CREATE TABLE catalogue_versions (
  id            text PRIMARY KEY,
  title         text NOT NULL,
  source        text NOT NULL CHECK (source IN ('manual', 'csv', 'xlsx', 'national_tsv', 'demo')),
  file_name     text,
  published_on  date,
  summary       jsonb,
  last_history_id bigint,                        -- the catalogue_history id of its last event (diffs)
  recorded_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor         text NOT NULL,
  reason        text NOT NULL
);

CREATE TABLE catalogue_entries (
  code                text NOT NULL,
  valid_from          date NOT NULL,
  valid_to            date,
  name                text NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('drug', 'service', 'material')),
  class               text NOT NULL CHECK (class IN ('A', 'B', 'self')),
  self_pay_ratio      integer CHECK (self_pay_ratio BETWEEN 0 AND 10000),
  payment_limit_fen   bigint CHECK (payment_limit_fen >= 0),
  price_primary_fen   bigint,
  price_secondary_fen bigint,
  price_tertiary_fen  bigint,
  step_down           boolean NOT NULL DEFAULT false,
  public_health       boolean NOT NULL DEFAULT false,
  fixed_self_pay      boolean NOT NULL DEFAULT false,
  volume_procurement  boolean NOT NULL DEFAULT false,
  generic_name        text,
  dosage_form         text,
  unit                text,
  restricted_scope    text,
  catalogue_version   text NOT NULL,                -- catalogue_versions.id (no foreign key: see above)
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_from <= valid_to)
);

-- One row per version touched by a change: the version as it stood after it, the action, which
-- catalogue version made the change (change_version; the entry's own catalogue_version is the
-- version it came from), who and why. Typed columns like catalogue_entries, not jsonb: an import
-- writes 100,000 of them (docs/benchmarks.md).
CREATE TABLE catalogue_history (
  id                  bigserial PRIMARY KEY,
  action              text NOT NULL CHECK (action IN ('added', 'changed', 'ended')),
  change_version      text NOT NULL,                -- catalogue_versions.id
  recorded_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor               text NOT NULL,
  reason              text NOT NULL,
  code                text NOT NULL,
  valid_from          date NOT NULL,
  valid_to            date,
  name                text NOT NULL,
  kind                text NOT NULL,
  class               text NOT NULL,
  self_pay_ratio      integer,
  payment_limit_fen   bigint,
  price_primary_fen   bigint,
  price_secondary_fen bigint,
  price_tertiary_fen  bigint,
  step_down           boolean NOT NULL,
  public_health       boolean NOT NULL,
  fixed_self_pay      boolean NOT NULL,
  volume_procurement  boolean NOT NULL,
  generic_name        text,
  dosage_form         text,
  unit                text,
  restricted_scope    text,
  catalogue_version   text NOT NULL
);
CREATE INDEX catalogue_history_code ON catalogue_history (code, id);

CREATE TABLE institution_approved_items (
  institution_id  text NOT NULL REFERENCES institutions (id),
  code            text NOT NULL,
  PRIMARY KEY (institution_id, code)
);
CREATE TABLE institution_approved_lists (
  institution_id  text PRIMARY KEY REFERENCES institutions (id),
  recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor           text NOT NULL,
  reason          text NOT NULL
);

CREATE VIEW institution_stock_list AS
  SELECT institution_id, code, name, generic_name, dosage_form, price_fen
  FROM institution_catalogue WHERE list = 'drug';

CREATE TRIGGER catalogue_entries_generation AFTER INSERT OR UPDATE OR DELETE ON catalogue_entries
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump_generation();
CREATE TRIGGER institution_approved_items_generation AFTER INSERT OR UPDATE OR DELETE ON institution_approved_items
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump_generation();
CREATE TRIGGER institution_approved_lists_generation AFTER INSERT OR UPDATE OR DELETE ON institution_approved_lists
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump_generation();
CREATE TRIGGER institution_catalogue_generation AFTER INSERT OR UPDATE OR DELETE ON institution_catalogue
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump_generation();
`;
