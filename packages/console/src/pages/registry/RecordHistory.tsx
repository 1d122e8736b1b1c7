// 变更历史: every version of a registry record — when, who, and why (GET /history/{entity}/{id}).
import { Card, Timeline, Typography } from 'antd';
import { registryApi } from '../../api/registry-endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { useLocale } from '../../i18n/LocaleContext';

export function RecordHistory({ entity, id, version }: { entity: string; id: string; version?: number }) {
  const { t } = useLocale();
  const history = useApi((signal) => registryApi.history(entity, id, signal), [entity, id, version]);
  return (
    <Card size="small" title={t('work.history')} style={{ marginBottom: 16 }} data-testid="record-history">
      {history.error !== undefined ? <ErrorAlert error={history.error} onRetry={history.reload} /> : null}
      <Timeline
        items={(history.data?.items ?? []).map((v) => ({
          key: v.version,
          content: (
            <span>
              <Typography.Text type="secondary">
                {new Date(v.recordedAt).toLocaleString()} · {v.actor}
              </Typography.Text>{' '}
              {v.reason}
            </span>
          ),
        }))}
      />
    </Card>
  );
}
