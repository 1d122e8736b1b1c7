// 政策参数: a region's parameters by version — each value with its citation and the dates it applies
// between — and what changed from one version to another.
import { Card, Descriptions, Select, Space, Typography } from 'antd';
import { api } from '../api/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useApi } from '../hooks/useApi';
import { useQueryState } from '../hooks/useQueryState';
import { useLocale } from '../i18n/LocaleContext';
import { ComplianceCard } from './policy/ComplianceCard';
import { ParameterTable } from './policy/ParameterTable';
import { VersionDiff } from './policy/VersionDiff';

export default function PolicyPage() {
  const { t } = useLocale();
  const query = useQueryState();
  const regions = useApi((signal) => api.policyRegions(signal), []);
  const region = regions.data?.find((r) => r.code === query.get('region')) ?? regions.data?.[0];
  const versions = region?.versions ?? [];
  const latest = versions.at(-1)?.id;
  const version = versions.some((v) => v.id === query.get('version')) ? query.get('version') : latest;
  const diffTo = versions.some((v) => v.id === query.get('to')) ? query.get('to') : latest;
  const diffFrom = versions.some((v) => v.id === query.get('from')) ? query.get('from') : versions.at(-2)?.id;
  const code = region?.code;
  const detail = useApi(
    code === undefined || version === undefined ? null : (signal) => api.policyRegion(code, version, signal),
    [code, version],
  );
  const diff = useApi(
    code === undefined || diffFrom === undefined || diffTo === undefined
      ? null
      : (signal) => api.policyDiff(code, diffFrom, diffTo, signal),
    [code, diffFrom, diffTo],
  );
  const versionOptions = versions.map((v) => ({ value: v.id, label: `${v.id} (${v.effectiveFrom})` }));

  if (regions.error !== undefined) return <ErrorAlert error={regions.error} onRetry={regions.reload} />;
  if (region === undefined) return <Loading />;
  const current = versions.find((v) => v.id === version);
  return (
    <div data-testid="page-policy">
      <Typography.Title level={3} className="page-title">
        {t('policy.title')}
      </Typography.Title>
      <Space className="filters" wrap>
        <span>{t('policy.region')}</span>
        <Select
          style={{ minWidth: 160 }}
          value={region.code}
          onChange={(r: string) => {
            query.set({ region: r, version: undefined, from: undefined, to: undefined });
          }}
          options={(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
        />
        <span>{t('policy.version')}</span>
        <Select
          data-testid="policy-version"
          style={{ minWidth: 160 }}
          value={version}
          onChange={(v: string) => {
            query.set({ version: v });
          }}
          options={versionOptions}
        />
      </Space>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'range',
              label: t('policy.inForce'),
              children:
                current === undefined
                  ? '—'
                  : t('policy.periodValue', {
                      from: current.effectiveFrom,
                      until: current.until ?? t('policy.open'),
                    }),
            },
            { key: 'note', label: t('policy.note'), children: current?.note ?? '—' },
            { key: 'hash', label: t('policy.hash'), children: region.hash },
          ]}
        />
      </Card>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={t('policy.diffTitle')}
        extra={
          <Space>
            <Select
              data-testid="diff-from"
              style={{ minWidth: 140 }}
              value={diffFrom}
              onChange={(v: string) => {
                query.set({ from: v });
              }}
              options={versionOptions}
            />
            <span>→</span>
            <Select
              data-testid="diff-to"
              style={{ minWidth: 140 }}
              value={diffTo}
              onChange={(v: string) => {
                query.set({ to: v });
              }}
              options={versionOptions}
            />
          </Space>
        }
      >
        {versions.length < 2 ? (
          <Typography.Text type="secondary">{t('policy.oneVersion')}</Typography.Text>
        ) : null}
        {diff.error !== undefined ? <ErrorAlert error={diff.error} onRetry={diff.reload} /> : null}
        <VersionDiff diff={diff.data} loading={diff.loading} />
      </Card>
      <ComplianceCard region={region.code} />
      <Card size="small" title={t('policy.parameters')} style={{ marginBottom: 16 }}>
        {detail.error !== undefined ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
        <ParameterTable parameters={detail.data?.parameters ?? []} loading={detail.loading} />
      </Card>
    </div>
  );
}
