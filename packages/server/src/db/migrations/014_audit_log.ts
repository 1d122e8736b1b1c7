// 审计日志 (issue 13, R-F4): who did what, when, from where, and how it ended — for every write and
// every sensitive read. Append-only twice over:
// - each writing process keeps a hash chain of its own (chain_id, seq): an entry's hash covers its
//   fields and the previous entry's hash, so a changed row breaks the chain at that seq
//   (`yibao audit verify`); a chain's first link names the newest anchor of the log when it began;
// - audit_anchors records (chain_id, seq, hash) from time to time, so a tail deleted after an anchor
//   is seen: the chain stops short of its anchor.
// And in the database: a trigger refuses UPDATE, DELETE and TRUNCATE on both tables, on
// PostgreSQL and PGlite alike (a superuser can still disable it — that is what the chain is for).
//
// pseudonym_keys: the server's secret for analysts' pseudonymised person ids (access/pseudonym.ts),
// created on first use so that a pseudonym is stable across restarts.
export const name = 'audit_log';

export const sql = `
CREATE TABLE audit_log (
  chain_id   text NOT NULL,
  seq        bigint NOT NULL CHECK (seq >= 1),
  at         timestamptz NOT NULL,
  actor      text NOT NULL,                 -- actorOf(identity): officer:wang, institution:H001/k1, cli:ops, open
  ip         text,                          -- the caller's address as the service saw it
  action     text NOT NULL,                 -- "POST /api/v1/persons/:id/consents", or a CLI action
  target     text,                          -- record ids from the route's params (id=R001 …)
  status     integer,                       -- the HTTP status answered
  outcome    text NOT NULL,                 -- ok, or the error code (forbidden, not_found …)
  detail     jsonb NOT NULL,                -- a short summary: ids, a reveal's reason; never a body or a secret
  prev_hash  text NOT NULL,
  hash       text NOT NULL,
  PRIMARY KEY (chain_id, seq)
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor, at);

CREATE TABLE audit_anchors (
  chain_id  text NOT NULL,
  seq       bigint NOT NULL,
  hash      text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (chain_id, seq)
);
CREATE INDEX audit_anchors_at ON audit_anchors (at);

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

CREATE TABLE pseudonym_keys (
  name        text PRIMARY KEY,
  secret      text NOT NULL,                -- hex
  created_at  timestamptz NOT NULL DEFAULT now()
);
`;
