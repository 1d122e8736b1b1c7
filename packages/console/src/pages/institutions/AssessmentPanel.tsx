// 考核与信用 of one institution (R-A7, R-A8, R-A10): its agreement assessments with score, credit
// rating and what follows from it; the findings of the chosen one (the latest unless one is picked,
// kept in the URL as ?assessment=); the year's public disclosure; the reports and complaints.
import { Card, Empty, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../api/endpoints';
import type { Assessment } from '@yibao/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useQueryState } from '../../hooks/useQueryState';
import { useLocale } from '../../i18n/LocaleContext';
import { ComplaintList } from './ComplaintList';
import { DisclosureSummary } from './DisclosureSummary';
import { FindingsTable } from './FindingsTable';
import { RatingTag } from './RatingTag';

const period = (a: Assessment): string => `${a.periodFrom} — ${a.periodTo}`;

export function AssessmentPanel({ institutionId }: { institutionId: string }) {
  const { t } = useLocale();
  const query = useQueryState();
  const assessments = useApi((signal) => api.assessments(institutionId, signal), [institutionId]);
  const items = assessments.data?.items ?? [];
  // The service lists the latest period first.
  const latest = items[0];
  const wanted = query.get('assessment');
  const selected = items.find((a) => a.id === wanted) ?? latest;
  // Disclosure is yearly: the latest assessment's year; without one, the last complete year.
  const disclosureYear =
    latest === undefined ? new Date().getFullYear() - 1 : Number(latest.periodTo.slice(0, 4));

  let body: ReactNode;
  if (assessments.error !== undefined)
    body = <ErrorAlert error={assessments.error} onRetry={assessments.reload} />;
  else if (assessments.data === undefined) body = <Loading />;
  else if (items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessment.empty')} />;
  else
    body = (
      <>
        <Table<Assessment>
          data-testid="assessment-table"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={items}
          rowSelection={{
            type: 'radio',
            columnWidth: 40,
            selectedRowKeys: selected === undefined ? [] : [selected.id],
            onChange: (keys) => {
              // The latest is the default: leave the URL clean when it is chosen again.
              const id = String(keys[0] ?? '');
              query.set({ assessment: id === latest?.id ? undefined : id }, { replace: true });
            },
          }}
          columns={[
            { title: t('assessment.period'), key: 'period', width: 210, render: (_, a) => period(a) },
            { title: t('assessment.score'), dataIndex: 'score', width: 70, align: 'right' },
            {
              title: t('assessment.rating'),
              key: 'rating',
              width: 110,
              render: (_, a) => <RatingTag rating={a.rating} />,
            },
            // The consequence is the service's own sentence (the agency's scheme), shown as written.
            { title: t('assessment.consequence'), dataIndex: 'consequence' },
            {
              title: t('assessment.depositReturn'),
              key: 'deposit',
              width: 130,
              align: 'right',
              render: (_, a) => `${a.depositReturnPercent}%`,
            },
            { title: t('assessment.assessedOn'), dataIndex: 'assessedOn', width: 110 },
            {
              title: t('assessment.published'),
              key: 'published',
              width: 90,
              render: (_, a) =>
                a.published ? (
                  <Tag color="green">{t('assessment.isPublished')}</Tag>
                ) : (
                  <Tag>{t('assessment.notPublished')}</Tag>
                ),
            },
          ]}
        />
        {selected === undefined ? null : (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('assessment.findings', { period: period(selected) })}
            </Typography.Title>
            <FindingsTable findings={selected.findings} />
          </>
        )}
      </>
    );

  return (
    <Card
      size="small"
      title={t('institution.assessment')}
      style={{ marginBottom: 16 }}
      data-testid="assessments"
    >
      {body}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('disclosure.title', { year: disclosureYear })}
      </Typography.Title>
      {assessments.data === undefined && assessments.error === undefined ? (
        <Loading />
      ) : (
        <DisclosureSummary institutionId={institutionId} year={disclosureYear} />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('complaints.title')}
      </Typography.Title>
      <ComplaintList institutionId={institutionId} />
    </Card>
  );
}
