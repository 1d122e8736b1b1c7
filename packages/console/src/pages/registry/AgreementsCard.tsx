// 服务协议与定点申请 of one institution: each yearly agreement with its state on today's date, its
// indicators and the history of its states; and the designation applications naming it.
import { Button, Card, Descriptions, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import type { Agreement, DesignationApplication } from '@yibao/api';
import { Can } from '../../components/Can';
import { ErrorAlert } from '../../components/ErrorAlert';
import { label } from '../../format/labels';
import { useApi } from '../../hooks/useApi';
import { useLocale } from '../../i18n/LocaleContext';
import { AgreementActions } from './agreements/AgreementActions';
import { SignAgreementModal } from './agreements/SignAgreementModal';
import { ApplicationCriteria } from './ApplicationCriteria';
import { StateTag } from './StateTag';

function Indicators({ values }: { values: Record<string, number | null> }) {
  const { t } = useLocale();
  return (
    <Descriptions
      size="small"
      column={1}
      items={Object.entries(values).map(([key, value]) => ({
        key,
        label: label(t, 'indicator', key),
        children: value === null ? '—' : String(value),
      }))}
    />
  );
}

export function AgreementsCard({ institutionId }: { institutionId: string }) {
  const { t } = useLocale();
  const agreements = useApi((signal) => api.agreements(institutionId, signal), [institutionId]);
  const applications = useApi((signal) => api.applications(undefined, signal), []);
  const [signing, setSigning] = useState(false);
  const latest = agreements.data?.items.reduce<Agreement | undefined>(
    (last, a) => (last === undefined || a.year > last.year ? a : last),
    undefined,
  );
  // An older service without the registry answers 404: say so instead of an error.
  const noRegistry = agreements.error instanceof ApiRequestError && agreements.error.status === 404;
  const mine = (applications.data?.items ?? []).filter(
    (a) => a.institutionId === institutionId || a.stationIds.includes(institutionId),
  );
  return (
    <Card
      size="small"
      title={t('institution.agreements')}
      style={{ marginBottom: 16 }}
      data-testid="agreements"
      extra={
        <Can permission="registry.write">
          <Button
            size="small"
            type="primary"
            data-testid="agreement-sign"
            onClick={() => {
              setSigning(true);
            }}
          >
            {t('work.signAgreement')}
          </Button>
        </Can>
      }
    >
      <SignAgreementModal
        institutionId={institutionId}
        latest={latest}
        open={signing}
        onCancel={() => {
          setSigning(false);
        }}
        onDone={() => {
          setSigning(false);
          agreements.reload();
        }}
      />
      {noRegistry ? <Empty description={t('institution.agreementsComing')} /> : null}
      {agreements.error !== undefined && !noRegistry ? (
        <ErrorAlert error={agreements.error} onRetry={agreements.reload} />
      ) : null}
      <Table<Agreement>
        rowKey="id"
        size="small"
        pagination={false}
        loading={agreements.loading}
        dataSource={agreements.data?.items ?? []}
        locale={{ emptyText: t('registry.noAgreements') }}
        columns={[
          {
            title: t('registry.agreement'),
            key: 'id',
            width: 190,
            // The agreement's acts sit under its number, so the indicators keep their width.
            render: (_, a) => (
              <>
                <div style={{ marginBottom: 6 }}>{a.id}</div>
                <AgreementActions
                  agreement={a}
                  renewed={(agreements.data?.items ?? []).some((b) => b.year === a.year + 1)}
                  onChanged={agreements.reload}
                />
              </>
            ),
          },
          { title: t('registry.year'), dataIndex: 'year', width: 70 },
          {
            title: t('registry.term'),
            key: 'term',
            width: 200,
            render: (_, a) => `${a.validFrom} — ${a.validTo}`,
          },
          { title: t('registry.signedOn'), dataIndex: 'signedOn', width: 110 },
          {
            title: t('registry.stateToday'),
            key: 'state',
            width: 110,
            render: (_, a) => <StateTag state={a.stateOnDate} />,
          },
          {
            title: t('registry.indicators'),
            key: 'indicators',
            width: 300,
            render: (_, a) => <Indicators values={a.indicatorsOnDate} />,
          },
          {
            title: t('registry.history'),
            key: 'history',
            width: 260,
            render: (_, a) => (
              <Timeline
                style={{ marginBottom: -24 }}
                items={a.states.map((s) => ({
                  key: s.seq,
                  color: s.state === 'active' ? 'green' : s.state === 'terminated' ? 'red' : 'orange',
                  content: (
                    <span>
                      {s.effectiveOn} <StateTag state={s.state} /> {s.reason}
                    </span>
                  ),
                }))}
              />
            ),
          },
        ]}
      />
      {mine.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('registry.applications')}
          </Typography.Title>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {mine.map((a: DesignationApplication) => (
              <Card
                key={a.id}
                size="small"
                type="inner"
                title={
                  <Space>
                    <Link to={`/institutions/applications/${encodeURIComponent(a.id)}`}>{a.id}</Link>
                    <StateTag state={a.state} />
                    {a.greenChannel ? <Tag color="purple">{t('registry.greenChannel')}</Tag> : null}
                  </Space>
                }
              >
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {t('registry.submittedOn', { date: a.submittedOn })}
                  {a.decidedOn !== null
                    ? ` · ${t('registry.decidedOn', { date: a.decidedOn, reviewer: a.reviewer ?? '—' })}`
                    : ''}
                  {a.decisionReason !== null ? ` · ${a.decisionReason}` : ''}
                </Typography.Paragraph>
                <ApplicationCriteria criteria={a.criteria} />
              </Card>
            ))}
          </Space>
        </>
      ) : null}
    </Card>
  );
}
