// What changed between two versions: each parameter's value before and after, with the citation.
import { ArrowRightOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Typography } from 'antd';
import type { ParameterChange, PolicyDiff } from '@yibao/api';
import { label } from '../../format/labels';
import { formatPolicyValue } from '../../format/policyValue';
import { useLocale } from '../../i18n/LocaleContext';
import { CitationCell } from './CitationCell';
import { GroupTags } from './GroupTags';

const CHANGE_COLOR = { value: 'volcano', citation: 'default', added: 'green', removed: 'red' } as const;

export function VersionDiff({ diff, loading }: { diff: PolicyDiff | undefined; loading: boolean }) {
  const { t } = useLocale();
  return (
    <Table<ParameterChange>
      rowKey={(c) => `${c.name}|${c.groups.join(',')}`}
      size="small"
      loading={loading}
      dataSource={diff?.changes ?? []}
      pagination={false}
      scroll={{ x: 1000 }}
      data-testid="policy-diff"
      locale={{ emptyText: t('policy.noChanges') }}
      columns={[
        {
          title: t('policy.parameter'),
          key: 'name',
          width: 240,
          render: (_, c) => (
            <div>
              <div>{label(t, 'paramName', c.name)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.name}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: t('policy.appliesTo'),
          key: 'groups',
          width: 200,
          render: (_, c) => <GroupTags groups={c.groups} />,
        },
        {
          title: t('policy.change'),
          key: 'change',
          render: (_, c) => (
            <Space wrap>
              <Tag color={CHANGE_COLOR[c.change]}>{label(t, 'change', c.change)}</Tag>
              <span data-testid="diff-before">
                {c.before === null ? '—' : formatPolicyValue(t, c.unit, c.before.value)}
              </span>
              <ArrowRightOutlined />
              <strong data-testid="diff-after">
                {c.after === null ? '—' : formatPolicyValue(t, c.unit, c.after.value)}
              </strong>
            </Space>
          ),
        },
        {
          title: t('policy.citation'),
          key: 'citation',
          width: 320,
          render: (_, c) => (c.after === null ? '—' : <CitationCell source={c.after.source} />),
        },
      ]}
    />
  );
}
