// 经办人员账户 (issue 13): the officers' accounts, their signed-in sessions and their bearer tokens.
// - accounts: a password is kept only as its scrypt hash, self-describing (access/passwords.ts);
//   the failed sign-ins and the lock are counted here, so the lock-out holds across processes. A
//   机构用户 (institution_user) is bound to one institution and holds no other role; no other
//   account is bound to one (the checks say it twice: the domain's message, the table's guard).
// - sessions: keyed by the SHA-256 of the cookie's value, so a read of the table cannot sign in;
//   `expires_at` is the absolute end (8 h), `last_seen_at` the idle clock (30 min).
// - api_tokens: keyed by the SHA-256 of the token, shown once to its maker.
// Not settlement-side data: no person key (decisions.md, "Keys").
export const name = 'accounts';

export const sql = `
CREATE TABLE accounts (
  id               text PRIMARY KEY,
  username         text NOT NULL UNIQUE,
  display_name     text NOT NULL,
  password_hash    text NOT NULL,
  roles            text[] NOT NULL,
  institution_id   text REFERENCES institutions (id),
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_sign_ins  integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  last_sign_in_at  timestamptz,
  created_at       timestamptz NOT NULL,
  created_by       text NOT NULL,
  updated_at       timestamptz NOT NULL,
  updated_by       text NOT NULL,
  CONSTRAINT accounts_roles_present CHECK (cardinality(roles) >= 1),
  CONSTRAINT accounts_institution_user_bound CHECK (
    (institution_id IS NOT NULL) = ('institution_user' = ANY (roles))
  ),
  CONSTRAINT accounts_institution_user_alone CHECK (
    NOT ('institution_user' = ANY (roles)) OR cardinality(roles) = 1
  )
);

CREATE TABLE sessions (
  id_hash          text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts (id),
  csrf_token       text NOT NULL,
  created_at       timestamptz NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL,
  ended_at         timestamptz,
  ip               text,
  user_agent       text
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE api_tokens (
  id               text PRIMARY KEY,
  token_hash       text NOT NULL UNIQUE,
  account_id       text NOT NULL REFERENCES accounts (id),
  name             text NOT NULL,
  created_at       timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL,
  revoked_at       timestamptz,
  last_used_at     timestamptz
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);
`;
