// The year's accumulators, each against its cap or deductible with the clause that sets it: the
// server's answer (GET /persons/{id}/limits); the console only chooses the words.
import { Progress, Table, Tag, Tooltip, Typography } from 'antd';
import type { PersonLimit } from '@yibao/api';
import { Money } from '../../components/Money';
import { useLocale } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/messages.zh';

interface Props {
  limits: PersonLimit[];
}

const LIMIT_TITLES: Record<PersonLimit['kind'], MessageKey> = {
  cap: 'caps.cap',
  deductible: 'caps.deductible',
  tierThreshold: 'caps.tierThreshold',
};

/** The note under a row's title: why its limit is what it is. */
function noteOf(r: PersonLimit): MessageKey | undefined {
  if (r.raised) return 'caps.raisedNote';
  return r.accumulator === 'outpatientDeductiblePaid' ? 'caps.sharedDeductibleNote' : undefined;
}

export function AccumulatorCaps({ limits }: Props) {
  const { t } = useLocale();
  return (
    <Table<PersonLimit>
      rowKey="accumulator"
      size="small"
      pagination={false}
      dataSource={limits}
      data-testid="accumulator-caps"
      columns={[
        {
          title: t('caps.accumulator'),
          key: 'title',
          render: (_, r) => {
            const note = noteOf(r);
            return (
              <span>
                {t(`caps.${r.accumulator}`)}
                {note !== undefined ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t(note)}
                  </Typography.Text>
                ) : null}
              </span>
            );
          },
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
                <Typography.Text type="secondary">{t(LIMIT_TITLES[r.kind])} </Typography.Text>
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
            r.citation === null ? (
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
