// 合规校验: the region's versions against the guidance's fixed numbers (R-H1…R-H7). Settlement
// applies the version in force regardless; this card is where a policy maker sees a breach.
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { api } from '../../api/endpoints';
import type { ComplianceFinding } from '@yibao/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { useLocale } from '../../i18n/LocaleContext';

export function ComplianceCard({ region }: { region: string }) {
  const { t } = useLocale();
  const report = useApi((signal) => api.policyCompliance(region, signal), [region]);
  const breaches = report.data?.breaches ?? [];
  return (
    <Card
      size="small"
      title={t('policy.complianceTitle')}
      style={{ marginBottom: 16 }}
      data-testid="policy-compliance"
    >
      {report.error !== undefined ? <ErrorAlert error={report.error} onRetry={report.reload} /> : null}
      {report.data !== undefined ? (
        <Alert
          style={{ marginBottom: breaches.length > 0 ? 12 : 0 }}
          type={breaches.length === 0 ? 'success' : 'warning'}
          showIcon
          title={t('policy.complianceSummary', { checks: report.data.checks, breaches: breaches.length })}
        />
      ) : null}
      {breaches.length > 0 ? (
        <Table<ComplianceFinding>
          size="small"
          pagination={false}
          rowKey={(f) => `${f.rule}-${f.version}-${f.group ?? ''}-${f.text}`}
          dataSource={breaches}
          columns={[
            {
              title: t('policy.complianceRule'),
              dataIndex: 'rule',
              render: (rule: string) => <Tag color="orange">{rule}</Tag>,
            },
            { title: t('policy.version'), render: (_: unknown, f) => `${f.version} (${f.from})` },
            {
              title: t('policy.appliesTo'),
              dataIndex: 'group',
              render: (g: string | null) => g ?? t('policy.regionWide'),
            },
            { title: t('policy.complianceFinding'), dataIndex: 'text' },
            {
              title: t('policy.complianceConstraint'),
              render: (_: unknown, f) =>
                f.constraint === undefined ? (
                  '—'
                ) : (
                  <Typography.Text type="secondary">
                    {f.constraint.text}（{f.constraint.source}）
                  </Typography.Text>
                ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
