// 授权记录 (R-B7): the person's consents to institutions reading their data, as the service keeps
// them — in force, expired or withdrawn (who withdrew, why).
import type { Consent } from '@yibao/api';
import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { label } from '../../format/labels';
import { useApi } from '../../hooks/useApi';
import { useInstitutionDirectory } from '../../hooks/useDirectory';
import { useLocale } from '../../i18n/LocaleContext';

export function ConsentsCard({ personId }: { personId: string }) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  const consents = useApi((signal) => api.consents(personId, signal), [personId]);
  return (
    <Card size="small" title={t('consent.title')} style={{ marginBottom: 16 }} data-testid="consents">
      {consents.error !== undefined ? <ErrorAlert error={consents.error} onRetry={consents.reload} /> : null}
      <Table<Consent>
        size="small"
        rowKey="id"
        loading={consents.loading}
        pagination={false}
        dataSource={consents.data?.items ?? []}
        locale={{ emptyText: t('consent.empty') }}
        columns={[
          {
            title: t('consent.institution'),
            dataIndex: 'institutionId',
            render: (id: string) => (
              <Link to={`/institutions/${id}`}>{directory.byId.get(id)?.name ?? id}</Link>
            ),
          },
          {
            title: t('consent.scope'),
            dataIndex: 'scope',
            render: (scope: string) => label(t, 'consentScope', scope),
          },
          {
            title: t('consent.valid'),
            key: 'valid',
            render: (_: unknown, c: Consent) => `${c.validFrom} – ${c.validTo}`,
          },
          { title: t('consent.reference'), dataIndex: 'reference', render: (r: string | null) => r ?? '—' },
          {
            title: t('consent.status'),
            key: 'status',
            render: (_: unknown, c: Consent) =>
              c.withdrawnAt !== null ? (
                <Tag color="red" title={c.withdrawalReason ?? undefined}>
                  {t('consent.withdrawn')}
                </Tag>
              ) : c.active ? (
                <Tag color="green">{t('consent.active')}</Tag>
              ) : (
                <Tag>{t('consent.inactive')}</Tag>
              ),
          },
          { title: t('consent.recordedBy'), dataIndex: 'recordedBy' },
        ]}
      />
    </Card>
  );
}
