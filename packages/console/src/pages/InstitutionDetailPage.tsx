// An institution's page: what it is and where it sits in the network, its settlements, a day's
// reconciliation, its agreements and designation applications (the registry of issue 4), and its
// assessments, credit rating, public disclosure and complaints; for an administrator, its
// systems' credentials (issue 13). Parts a role may not read are not asked for (session/areas.ts).
import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/endpoints';
import type { Institution } from '@yibao/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { label } from '../format/labels';
import { useApi } from '../hooks/useApi';
import { useInstitutionDirectory } from '../hooks/useDirectory';
import { useQueryState } from '../hooks/useQueryState';
import { useLocale } from '../i18n/LocaleContext';
import { AssessmentPanel } from './institutions/AssessmentPanel';
import { Reconciliation } from './institutions/Reconciliation';
import { AgreementsCard } from './registry/AgreementsCard';
import { CredentialsCard } from './institutions/CredentialsCard';
import { useSession } from '../session/SessionContext';
import { SettlementHistoryCard } from './settlements/SettlementHistoryCard';
import { sortOf } from './settlements/sort';

export default function InstitutionDetailPage() {
  const { t } = useLocale();
  const { institutionId = '' } = useParams();
  const query = useQueryState();
  const directory = useInstitutionDirectory();
  const readsSettlements = useSession().sees('settlements');
  const institution = useApi((signal) => api.institution(institutionId, signal), [institutionId]);
  const children = useApi(
    (signal) => api.institutions({ parentId: institutionId, page: 1, pageSize: 500 }, signal),
    [institutionId],
  );
  const page = query.getNumber('page', 1);
  const pageSize = query.getNumber('pageSize', 10);
  const sort = sortOf(query.get('sort'));
  const history = useApi(
    readsSettlements ? (signal) => api.settlements({ institutionId, sort, page, pageSize }, signal) : null,
    [institutionId, sort, page, pageSize, readsSettlements],
  );
  const latest = history.data?.items[0]?.date;
  const day = query.get('day') ?? latest ?? new Date().toISOString().slice(0, 10);

  if (institution.error !== undefined)
    return <ErrorAlert error={institution.error} onRetry={institution.reload} />;
  const i = institution.data;
  if (i === undefined) return <Loading />;
  const parent = i.parentId === null ? undefined : directory.byId.get(i.parentId);
  return (
    <div data-testid="page-institution-detail">
      <Typography.Title level={3} className="page-title">
        {i.name}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 14 }}>
          {i.id}
        </Typography.Text>
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'type', label: t('institutions.type'), children: label(t, 'institutionType', i.type) },
            {
              key: 'level',
              label: t('institutions.level'),
              children: i.level === null ? t('institutions.noLevel') : label(t, 'level', i.level),
            },
            {
              key: 'county',
              label: t('institutions.county'),
              children: <Link to={`/institutions?county=${encodeURIComponent(i.county)}`}>{i.county}</Link>,
            },
            {
              key: 'parent',
              label: t('institutions.parent'),
              children:
                i.parentId === null ? (
                  '—'
                ) : (
                  <Link to={`/institutions/${i.parentId}`}>{parent?.name ?? i.parentId}</Link>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('institution.children')} style={{ marginBottom: 16 }}>
        {children.error !== undefined ? (
          <ErrorAlert error={children.error} onRetry={children.reload} />
        ) : null}
        <Table<Institution>
          rowKey="id"
          size="small"
          pagination={false}
          loading={children.loading}
          dataSource={children.data?.items ?? []}
          locale={{ emptyText: t('institution.noChildren') }}
          columns={[
            { title: t('institutions.id'), dataIndex: 'id', width: 120 },
            {
              title: t('institutions.name'),
              key: 'name',
              render: (_, c) => <Link to={`/institutions/${c.id}`}>{c.name}</Link>,
            },
            {
              title: t('institutions.type'),
              key: 'type',
              render: (_, c) => <Tag>{label(t, 'institutionType', c.type)}</Tag>,
            },
          ]}
        />
      </Card>
      <CredentialsCard institutionId={i.id} />
      <AgreementsCard institutionId={i.id} />
      <AssessmentPanel institutionId={i.id} />
      {readsSettlements && (
        <>
          <Reconciliation
            institutionId={i.id}
            day={day}
            onDay={(d) => {
              query.set({ day: d });
            }}
          />
          <SettlementHistoryCard
            title={t('institution.settlements')}
            history={history}
            sort={sort}
            hide={['institution']}
          />
        </>
      )}
    </div>
  );
}
