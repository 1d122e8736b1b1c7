// 定点申请 one by one: the applicant and its stations, the checklist (R-A2), the decision; the
// review while it is submitted, the resubmission once it was returned; and every round in its history.
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { registryApi } from '../api/registry-endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useApi } from '../hooks/useApi';
import { useInstitutionDirectory } from '../hooks/useDirectory';
import { useLocale } from '../i18n/LocaleContext';
import { ApplicationCriteria } from './registry/ApplicationCriteria';
import { ResubmissionForm } from './registry/applications/ResubmissionForm';
import { ReviewPanel } from './registry/applications/ReviewPanel';
import { RecordHistory } from './registry/RecordHistory';
import { StateTag } from './registry/StateTag';

export default function ApplicationDetailPage() {
  const { t } = useLocale();
  const { applicationId = '' } = useParams();
  const directory = useInstitutionDirectory();
  const [version, setVersion] = useState(0);
  const application = useApi(
    (signal) => registryApi.application(applicationId, signal),
    [applicationId, version],
  );
  const changed = () => {
    setVersion((v) => v + 1);
  };
  if (application.error !== undefined)
    return <ErrorAlert error={application.error} onRetry={application.reload} />;
  const a = application.data;
  if (a === undefined) return <Loading />;
  const name = (id: string) => <Link to={`/institutions/${id}`}>{directory.byId.get(id)?.name ?? id}</Link>;
  return (
    <div data-testid="page-application">
      <Typography.Title level={3} className="page-title">
        <Space>
          {t('work.applicationTitle', { id: a.id })}
          <span data-testid="application-state">
            <StateTag state={a.state} />
          </span>
          {a.greenChannel ? <Tag color="purple">{t('registry.greenChannel')}</Tag> : null}
        </Space>
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'institution', label: t('work.applicant'), children: name(a.institutionId) },
            {
              key: 'stations',
              label: t('work.stations'),
              children:
                a.stationIds.length === 0 ? (
                  '—'
                ) : (
                  <Space wrap>
                    {a.stationIds.map((id) => (
                      <span key={id}>{name(id)}</span>
                    ))}
                  </Space>
                ),
            },
            { key: 'submitted', label: t('registry.submitted'), children: a.submittedOn },
            {
              key: 'decision',
              label: t('registry.decision'),
              children:
                a.decidedOn === null
                  ? '—'
                  : `${t('registry.decidedOn', { date: a.decidedOn, reviewer: a.reviewer ?? '—' })} · ${a.decisionReason ?? ''}`,
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('work.checklist')}
        style={{ marginBottom: 16 }}
        data-testid="application-checklist"
      >
        <ApplicationCriteria criteria={a.criteria} />
      </Card>
      {a.state === 'submitted' ? <ReviewPanel application={a} onReviewed={changed} /> : null}
      {a.state === 'returned' ? <ResubmissionForm application={a} onResubmitted={changed} /> : null}
      <RecordHistory entity="application" id={a.id} version={version} />
    </div>
  );
}
