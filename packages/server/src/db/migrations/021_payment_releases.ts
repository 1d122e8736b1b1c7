// 拨付放行 (issue 13 §2, two-person rule for money): a monthly run's payment list is released for
// transfer by a finance officer other than the one who made it. The run keeps its maker (the
// authenticated identity, or the command line's operator); a release is one row per run, once.
// Runs made before this migration have the maker 'system' (nobody can be refused as their maker).
export const name = 'payment_releases';

export const sql = `
ALTER TABLE payment_monthly_runs ADD COLUMN made_by text NOT NULL DEFAULT 'system';

CREATE TABLE payment_run_releases (
  run_id       text PRIMARY KEY REFERENCES payment_monthly_runs (id),
  made_by      text NOT NULL,                    -- the run's maker, as the release checked it
  released_by  text NOT NULL,
  released_at  timestamptz NOT NULL DEFAULT now(),
  reason       text NOT NULL
);
`;
