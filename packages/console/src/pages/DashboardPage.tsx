// 首页: how much of the region's care and of its fund goes to primary institutions — the number the
// tiered-care policies exist to raise — month by month, and where the fund's money goes.
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api/endpoints';
import { EChart } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { formatCount, formatPercent, formatYuan } from '../format/numbers';
import { useApi } from '../hooks/useApi';
import { useQueryState } from '../hooks/useQueryState';
import { useLocale } from '../i18n/LocaleContext';
import { fundBarOption, fundPieOption, primaryShareOption } from './dashboard/charts';
import { DashboardFilters } from './dashboard/DashboardFilters';
import { takePrefetched } from './dashboard/prefetch';

const thisYear = new Date().getFullYear();

export function DashboardPage() {
  const { t, locale } = useLocale();
  const query = useQueryState();
  const from = query.get('from') ?? `${thisYear}-01-01`;
  const to = query.get('to') ?? `${thisYear}-12-31`;
  const county = query.get('county');
  const [early] = useState(() => takePrefetched({ from, to, county }));
  const { data, error, loading, reload } = useApi(
    (signal) => api.dashboard({ from, to, county }, signal),
    [from, to, county],
    early,
  );

  const charts = useMemo(
    () =>
      data === undefined
        ? undefined
        : {
            share: primaryShareOption(t, data),
            level: fundPieOption(t, data.fundByLevel, 'level'),
            scheme: fundPieOption(t, data.fundByScheme, 'scheme'),
            group: fundBarOption(t, data.fundByBenefitGroup, 'benefitGroup', locale),
            borne: fundBarOption(t, data.institutionBorneByLevel, 'level', locale),
          },
    [data, t, locale],
  );

  const yuan = (n: number): string => formatYuan(n);
  return (
    <div data-testid="page-dashboard">
      <Typography.Title level={3} className="page-title">
        {t('dashboard.title')}
      </Typography.Title>
      <DashboardFilters
        from={from}
        to={to}
        county={county}
        counties={data?.counties ?? []}
        onChange={(next) => {
          query.set(next);
        }}
      />
      {error !== undefined ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {loading && data === undefined ? <Loading /> : null}
      {data !== undefined && charts !== undefined ? (
        <>
          <Row gutter={[16, 16]} className="stat-cards">
            <Col xs={12} md={6} xxl={3}>
              <Card size="small">
                <Statistic title={t('dashboard.settlements')} value={formatCount(data.counts.settlements)} />
              </Card>
            </Col>
            <Col xs={12} md={6} xxl={3}>
              <Card size="small">
                <Statistic title={t('dashboard.reversals')} value={formatCount(data.counts.reversals)} />
              </Card>
            </Col>
            <Col xs={12} md={6} xxl={3}>
              <Card size="small">
                <Statistic title={t('dashboard.netSettlements')} value={formatCount(data.counts.net)} />
              </Card>
            </Col>
            <Col xs={12} md={6} xxl={3}>
              <Card size="small">
                <Statistic
                  title={t('dashboard.primaryVisitShare')}
                  value={formatPercent(data.totals.primaryVisitShare)}
                  styles={{ content: { color: '#389e0d' } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6} xxl={3}>
              <Card size="small">
                <Statistic
                  title={t('dashboard.primaryFundShare')}
                  value={formatPercent(data.totals.primaryFundShare)}
                  styles={{ content: { color: '#d46b08' } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6} xxl={3}>
              <Card size="small">
                <Statistic title={t('dashboard.totalCost')} value={yuan(data.totals.totalCost)} />
              </Card>
            </Col>
            <Col xs={12} md={6} xxl={3}>
              <Card size="small">
                <Statistic title={t('dashboard.fundPay')} value={yuan(data.totals.fundPay)} />
              </Card>
            </Col>
            <Col xs={12} md={6} xxl={3}>
              <Card size="small">
                <Statistic
                  title={t('dashboard.institutionBorne')}
                  value={yuan(data.totals.institutionBorne)}
                />
              </Card>
            </Col>
          </Row>
          {data.counts.settlements === 0 ? (
            <Card style={{ marginTop: 16 }}>
              <Empty description={t('dashboard.empty')} />
            </Card>
          ) : (
            <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
              <Col xs={24}>
                <Card
                  size="small"
                  title={t('dashboard.primaryShareByMonth')}
                  extra={<Typography.Text type="secondary">{t('dashboard.shareNote')}</Typography.Text>}
                >
                  <EChart testId="chart-primary-share" option={charts.share} height={320} />
                </Card>
              </Col>
              <Col xs={24} lg={8}>
                <Card size="small" title={t('dashboard.fundByLevel')}>
                  <EChart testId="chart-fund-level" option={charts.level} height={280} />
                </Card>
              </Col>
              <Col xs={24} lg={8}>
                <Card size="small" title={t('dashboard.fundByScheme')}>
                  <EChart testId="chart-fund-scheme" option={charts.scheme} height={280} />
                </Card>
              </Col>
              <Col xs={24} lg={8}>
                <Card size="small" title={t('dashboard.fundByBenefitGroup')}>
                  <EChart testId="chart-fund-group" option={charts.group} height={280} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('dashboard.institutionBorneByLevel')}>
                  {data.totals.institutionBorne === 0 ? (
                    <Empty
                      data-testid="chart-borne-level"
                      data-rendered="true"
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={t('dashboard.noInstitutionBorne')}
                    />
                  ) : (
                    <EChart testId="chart-borne-level" option={charts.borne} height={200} />
                  )}
                </Card>
              </Col>
            </Row>
          )}
        </>
      ) : null}
    </div>
  );
}
