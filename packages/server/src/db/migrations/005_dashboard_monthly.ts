// The dashboard's summary by month instead of by day (measured in docs/benchmarks.md, "Console"):
// by day, a year of demo visits left 64,000 summary rows for 100,000 settlements — nearly one row
// per settlement, so the summary saved nothing. By month it is a few thousand rows a year; the
// days of a partly covered month at either end of a range are read from the settlements.
// The watermark of migration 002 stays: the monthly rows hold exactly what the daily rows held.
export const name = 'dashboard_monthly';

export const sql = `
CREATE TABLE dashboard_monthly (
  month                  date NOT NULL,   -- first day of the month
  institution_id         text NOT NULL REFERENCES institutions (id),
  scheme                 text NOT NULL,
  benefit_group          text NOT NULL,
  is_reversal            boolean NOT NULL,
  n                      integer NOT NULL,
  fund_pay_fen           bigint NOT NULL,
  institution_borne_fen  bigint NOT NULL,
  total_cost_fen         bigint NOT NULL,
  PRIMARY KEY (month, institution_id, scheme, benefit_group, is_reversal)
);

INSERT INTO dashboard_monthly
SELECT date_trunc('month', date)::date, institution_id, scheme, benefit_group, is_reversal, sum(n),
       sum(fund_pay_fen), sum(institution_borne_fen), sum(total_cost_fen)
FROM dashboard_daily
GROUP BY 1, 2, 3, 4, 5;

DROP TABLE dashboard_daily;
ANALYZE dashboard_monthly;
`;
