// 定点申请与评审: every designation application, by state, with its checklist and decision.
import { Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints';
import type { DesignationApplication } from '@yibao/api';
import { Can } from '../../components/Can';
import { ErrorAlert } from '../../components/ErrorAlert';
import { label } from '../../format/labels';
import { useApi } from '../../hooks/useApi';
import { useInstitutionDirectory } from '../../hooks/useDirectory';
import type { QueryState } from '../../hooks/useQueryState';
import { useLocale } from '../../i18n/LocaleContext';
import { ApplicationCriteria } from './ApplicationCriteria';
import { NewApplicationModal } from './applications/NewApplicationModal';
import { StateTag } from './StateTag';

const STATES = ['submitted', 'approved', 'rejected', 'returned'] as const;

export function ApplicationsTab({ query }: { query: QueryState }) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  const state = query.get('state');
  const result = useApi((signal) => api.applications(state, signal), [state]);
  const [recording, setRecording] = useState(false);
  const navigate = useNavigate();
  return (
    <>
      <Space className="filters">
        <span>{t('registry.state')}</span>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('common.all')}
          value={state}
          onChange={(s: string | undefined) => {
            query.set({ state: s });
          }}
          options={STATES.map((s) => ({ value: s, label: label(t, 'registryState', s) }))}
        />
        <Can permission="registry.write">
          <Button
            type="primary"
            data-testid="application-new"
            onClick={() => {
              setRecording(true);
            }}
          >
            {t('work.newApplication')}
          </Button>
        </Can>
      </Space>
      <NewApplicationModal
        open={recording}
        onCancel={() => {
          setRecording(false);
        }}
        onDone={(a) => {
          setRecording(false);
          void navigate(`/institutions/applications/${encodeURIComponent(a.id)}`);
        }}
      />
      {result.error !== undefined ? <ErrorAlert error={result.error} onRetry={result.reload} /> : null}
      <Table<DesignationApplication>
        rowKey="id"
        size="small"
        loading={result.loading}
        dataSource={result.data?.items ?? []}
        data-testid="application-table"
        locale={{ emptyText: t('registry.noApplications') }}
        expandable={{ expandedRowRender: (a) => <ApplicationCriteria criteria={a.criteria} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('registry.application'),
            key: 'id',
            width: 140,
            render: (_, a) => (
              <Link
                to={`/institutions/applications/${encodeURIComponent(a.id)}`}
                data-testid="application-link"
              >
                {a.id}
              </Link>
            ),
          },
          {
            title: t('institutions.name'),
            key: 'institution',
            render: (_, a) => (
              <span>
                <Link to={`/institutions/${a.institutionId}`}>
                  {directory.byId.get(a.institutionId)?.name ?? a.institutionId}
                </Link>
                {a.stationIds.length > 0 ? (
                  <Tag style={{ marginLeft: 8 }}>
                    {t('registry.withStations', { n: a.stationIds.length })}
                  </Tag>
                ) : null}
              </span>
            ),
          },
          { title: t('registry.submitted'), dataIndex: 'submittedOn', width: 110 },
          {
            title: t('registry.state'),
            key: 'state',
            width: 100,
            render: (_, a) => <StateTag state={a.state} />,
          },
          {
            title: t('registry.criteriaMet'),
            key: 'criteria',
            width: 110,
            render: (_, a) => `${a.criteria.filter((c) => c.met).length} / ${a.criteria.length}`,
          },
          {
            title: t('registry.greenChannel'),
            key: 'green',
            width: 100,
            render: (_, a) => (a.greenChannel ? t('common.yes') : t('common.no')),
          },
          {
            title: t('registry.decision'),
            key: 'decision',
            render: (_, a) => (a.decidedOn === null ? '—' : `${a.decidedOn} ${a.decisionReason ?? ''}`),
          },
        ]}
      />
    </>
  );
}
