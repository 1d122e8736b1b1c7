// A settlement is one row (issue 3's speed goals, measured in docs/benchmarks.md). Before this, a
// 10-line visit wrote 12 rows — the settlement, a request key, ten lines — and its 3.4 kB answer was
// parsed into jsonb, compressed with pglz and moved out of line into the TOAST table. Profiling
// PostgreSQL under load put a third of its time there. Now:
// - the request id is a unique column of the settlement, with the request's hash beside it
//   (idempotency_keys is gone; the unique index is still what makes retries safe);
// - the lines (明细, R-G1: every uploaded line, self-paid ones included) are a json array on the
//   row, and the view `settlement_items` still shows them one row per line for SQL readers;
// - the answer is stored as `json`: the exact bytes the caller received, checked but not rebuilt;
// - rows up to 4 kB after compression stay in the table instead of TOAST, and where the server
//   supports it (PostgreSQL built with lz4; not PGlite) compression is lz4 instead of pglz.
export const name = 'settlement_one_row';

const LINE_FIELDS = `line_no integer, code text, name text, kind text, class text, quantity numeric,
  unit_price_fen bigint, total_fen bigint, full_self_pay_fen bigint, over_limit_self_pay_fen bigint,
  first_self_pay_fen bigint, in_scope_fen bigint, institution_borne_fen bigint`;

export const sql = `
ALTER TABLE settlements ADD COLUMN request_hash text, ADD COLUMN lines json;

UPDATE settlements s SET
  request_hash = (SELECT k.request_hash FROM idempotency_keys k WHERE k.request_id = s.request_id),
  lines = coalesce((SELECT json_agg(json_build_object(
      'line_no', i.line_no, 'code', i.code, 'name', i.name, 'kind', i.kind, 'class', i.class,
      'quantity', i.quantity, 'unit_price_fen', i.unit_price_fen, 'total_fen', i.total_fen,
      'full_self_pay_fen', i.full_self_pay_fen, 'over_limit_self_pay_fen', i.over_limit_self_pay_fen,
      'first_self_pay_fen', i.first_self_pay_fen, 'in_scope_fen', i.in_scope_fen,
      'institution_borne_fen', i.institution_borne_fen) ORDER BY i.line_no)
    FROM settlement_items i WHERE i.settlement_id = s.id), '[]'::json);

ALTER TABLE settlements
  ALTER COLUMN request_hash SET NOT NULL,
  ALTER COLUMN lines SET NOT NULL,
  ALTER COLUMN result TYPE json USING result::json;

CREATE UNIQUE INDEX settlements_request_id ON settlements (request_id);
DROP TABLE idempotency_keys;
DROP TABLE settlement_items;

CREATE VIEW settlement_items AS
  SELECT s.id AS settlement_id, s.person_id, l.*
  FROM settlements s CROSS JOIN LATERAL json_to_recordset(s.lines) AS l(${LINE_FIELDS});

ALTER TABLE settlements SET (toast_tuple_target = 4096);
DO $$
BEGIN
  ALTER TABLE settlements ALTER COLUMN result SET COMPRESSION lz4, ALTER COLUMN lines SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END $$;
`;
