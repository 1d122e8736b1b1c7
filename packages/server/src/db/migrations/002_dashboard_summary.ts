// The dashboard's summary (首页汇总): settlements folded by day, institution, scheme and benefit
// group, so the console's dashboard reads a few thousand rows instead of a year of settlements.
// It covers the settlements created before a watermark; the dashboard adds the few created since
// (by the created_at index) in the same statement, so it is exact without touching the settlement
// path: no trigger, no hot summary row for concurrent settlements to queue on.
export const name = 'dashboard_summary';

export const sql = `
CREATE TABLE dashboard_daily (
  date                   date NOT NULL,
  institution_id         text NOT NULL REFERENCES institutions (id),
  scheme                 text NOT NULL,
  benefit_group          text NOT NULL,
  is_reversal            boolean NOT NULL,
  n                      integer NOT NULL,
  fund_pay_fen           bigint NOT NULL,
  institution_borne_fen  bigint NOT NULL,
  total_cost_fen         bigint NOT NULL,
  PRIMARY KEY (date, institution_id, scheme, benefit_group, is_reversal)
);

-- One row: every settlement with created_at before summarized_before is in dashboard_daily.
CREATE TABLE dashboard_watermark (
  id                 integer PRIMARY KEY CHECK (id = 1),
  summarized_before  timestamptz NOT NULL
);
INSERT INTO dashboard_watermark (id, summarized_before) VALUES (1, '-infinity');

-- The tail after the watermark, and the settlement list's created-at sort.
CREATE INDEX settlements_created_at ON settlements (created_at);

-- A database that already holds settlements is summarised once, here.
INSERT INTO dashboard_daily
SELECT s.date, s.institution_id, p.scheme, s.benefit_group, s.reverses IS NOT NULL, count(*),
       sum(s.fund_pay_fen), sum(s.institution_borne_fen), sum(s.total_cost_fen)
FROM settlements s JOIN persons p ON p.id = s.person_id
WHERE s.created_at < now() - interval '60 seconds'
GROUP BY 1, 2, 3, 4, 5;
UPDATE dashboard_watermark SET summarized_before = now() - interval '60 seconds';
`;
