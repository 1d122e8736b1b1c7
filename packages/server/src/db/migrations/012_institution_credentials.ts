// 机构接口凭证 (issue 13): an institution's systems sign their requests with a key id and a secret.
// - institution_credentials: several per institution (one per system or site, and the new one of a
//   rotation beside the old one in its grace period). Only SHA-256(secret) is kept — the signing
//   key of both schemes is that hash, so the secret itself never reaches the database
//   (docs/decisions.md, "Credentials keep the secret's hash"). A reference table: not keyed by person.
// - credential_nonces: the nonces seen while their timestamp is still acceptable, so a replayed
//   signature is refused by every process on the database (the primary key decides who came first).
//   Pruned once `expires_at` (the timestamp's window end) has passed. UNLOGGED: written on every
//   signed request, so it skips the WAL and its commit's flush; a crash of the database (not a
//   clean restart) empties it, which re-opens the last 300 s of signatures to one replay each —
//   harmless for the settlement path, whose writes are idempotent by requestId (decisions.md 52).
export const name = 'institution_credentials';

export const sql = `
CREATE TABLE institution_credentials (
  key_id          text PRIMARY KEY,                         -- 凭证编号, public (x-yibao-key-id, x-tif-paasid, the mTLS certificate's CN)
  institution_id  text NOT NULL REFERENCES institutions (id),
  secret_sha256   text NOT NULL,                            -- hex SHA-256 of the secret shown once: the signing key
  label           text,                                     -- which system or site holds it
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      text NOT NULL,                            -- actorOf(identity) of who issued it
  expires_at      timestamptz,                              -- set by a rotation: the old key's grace period ends
  replaced_by     text REFERENCES institution_credentials (key_id),
  revoked_at      timestamptz,
  revoked_by      text,
  revoke_reason   text
);
CREATE INDEX institution_credentials_institution ON institution_credentials (institution_id, created_at);

CREATE UNLOGGED TABLE credential_nonces (
  key_id      text NOT NULL,
  nonce       text NOT NULL,
  expires_at  timestamptz NOT NULL,
  PRIMARY KEY (key_id, nonce)
);
CREATE INDEX credential_nonces_expiry ON credential_nonces (expires_at);
`;
