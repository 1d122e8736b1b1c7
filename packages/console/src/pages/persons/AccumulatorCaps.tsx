// The year's accumulators, each against its cap or deductible with the clause that sets it.
import { Progress, Table, Tag, Tooltip, Typography } from 'antd';
import type { Accumulators, Person, PolicyParameter } from '../../api/types';
import { Money } from '../../components/Money';
import { useLocale } from '../../i18n/LocaleContext';
import { capRows, type CapRow } from './caps';

interface Props {
  person: Person;
  ytd: Accumulators;
  parameters: PolicyParameter[];
  date: string;
}

export function AccumulatorCaps({ person, ytd, parameters, date }: Props) {
  const { t } = useLocale();
  const rows = capRows(person, ytd, parameters, date);
  return (
    <Table<CapRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="accumulator-caps"
      columns={[
        {
          title: t('caps.accumulator'),
          key: 'title',
          render: (_, r) => (
            <span>
              {t(r.title)}
              {r.note !== undefined ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t(r.note)}
                </Typography.Text>
              ) : null}
            </span>
          ),
        },
        {
          title: t('caps.used'),
          key: 'used',
          align: 'right',
          width: 120,
          render: (_, r) => <Money value={r.used} />,
        },
        {
          title: t('caps.limit'),
          key: 'limit',
          align: 'right',
          width: 150,
          render: (_, r) =>
            r.limit === null ? (
              <Typography.Text type="secondary">{t('caps.none')}</Typography.Text>
            ) : (
              <span>
                <Typography.Text type="secondary">{t(r.limitTitle)} </Typography.Text>
                <Money value={r.limit} />
              </span>
            ),
        },
        {
          title: t('caps.progress'),
          key: 'progress',
          width: 200,
          render: (_, r) =>
            r.limit === null || r.limit === 0 ? (
              '—'
            ) : (
              <Progress
                size="small"
                percent={Math.min(100, Math.round((r.used / r.limit) * 1000) / 10)}
                status={r.used >= r.limit ? 'exception' : 'normal'}
              />
            ),
        },
        {
          title: t('caps.citation'),
          key: 'citation',
          width: 120,
          render: (_, r) =>
            r.citation === undefined ? (
              '—'
            ) : (
              <Tooltip title={`${r.citation.document} ${r.citation.clause}`}>
                <Tag color="blue">{r.citation.requirement}</Tag>
              </Tooltip>
            ),
        },
      ]}
    />
  );
}
