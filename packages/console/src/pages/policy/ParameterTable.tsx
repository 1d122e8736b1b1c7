// The parameters in force in one version: value, who it applies to, the dates it applies between,
// and its citation.
import { Input, Table, Typography } from 'antd';
import { useState } from 'react';
import type { PolicyParameter } from '@yibao/api';
import { label } from '../../format/labels';
import { formatPolicyValue } from '../../format/policyValue';
import { useLocale } from '../../i18n/LocaleContext';
import { CitationCell } from './CitationCell';
import { GroupTags } from './GroupTags';

export function ParameterTable({ parameters, loading }: { parameters: PolicyParameter[]; loading: boolean }) {
  const { t } = useLocale();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown =
    needle === ''
      ? parameters
      : parameters.filter((p) =>
          `${p.name} ${p.description} ${label(t, 'paramName', p.name)}`.toLowerCase().includes(needle),
        );
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('policy.filterPlaceholder')}
        style={{ maxWidth: 320, marginBottom: 12 }}
        onChange={(e) => {
          setFilter(e.target.value);
        }}
      />
      <Table<PolicyParameter>
        rowKey={(p) => `${p.name}|${p.groups.join(',')}|${p.effectiveFrom}`}
        size="small"
        loading={loading}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        data-testid="parameter-table"
        locale={{ emptyText: t('policy.noParameters') }}
        columns={[
          {
            title: t('policy.parameter'),
            key: 'name',
            width: 280,
            render: (_, p) => (
              <div>
                <div>{label(t, 'paramName', p.name)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.name} · {p.description}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('policy.appliesTo'),
            key: 'groups',
            width: 220,
            render: (_, p) => <GroupTags groups={p.groups} />,
          },
          {
            title: t('policy.value'),
            key: 'value',
            width: 220,
            render: (_, p) => <strong>{formatPolicyValue(t, p.unit, p.value)}</strong>,
          },
          {
            title: t('policy.period'),
            key: 'period',
            width: 190,
            render: (_, p) =>
              t('policy.periodValue', { from: p.effectiveFrom, until: p.until ?? t('policy.open') }),
          },
          {
            title: t('policy.citation'),
            key: 'citation',
            render: (_, p) => <CitationCell source={p.source} />,
          },
        ]}
      />
    </>
  );
}
