// One assessment's findings: each indicator measured from the period's settlements against the
// agreement's threshold, whether it was met and the points it cost.
import { Table, Typography } from 'antd';
import type { AssessmentFinding } from '@yibao/api';
import { Money } from '../../components/Money';
import { formatCount, formatPercent } from '../../format/numbers';
import { isMessageKey } from '../../i18n/LocaleContext';
import { useLocale } from '../../i18n/LocaleContext';

// The unit follows from the indicator: the total-control amount is yuan, complaints are a count,
// every other indicator (shares, satisfaction) is percent.
function Value({ indicator, value }: { indicator: string; value: number | null }) {
  if (value === null) return <span>—</span>;
  if (indicator === 'totalControlAmount') return <Money value={value} />;
  if (indicator === 'complaints') return <span>{formatCount(value)}</span>;
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatPercent(value)}</span>;
}

function Met({ met }: { met: boolean | null }) {
  const { t } = useLocale();
  // The mark alone says little to a screen reader or in print: the word goes in its label.
  const [mark, colour, words] =
    met === null
      ? ['—', '#8c8c8c', t('assessment.metNone')]
      : met
        ? ['✓', '#389e0d', t('assessment.metYes')]
        : ['✗', '#cf1322', t('assessment.metNo')];
  return (
    <span role="img" aria-label={words} title={words} style={{ color: colour, fontWeight: 600 }}>
      {mark}
    </span>
  );
}

export function FindingsTable({ findings }: { findings: AssessmentFinding[] }) {
  const { t } = useLocale();
  return (
    <Table<AssessmentFinding>
      data-testid="findings"
      rowKey="indicator"
      size="small"
      pagination={false}
      dataSource={findings}
      locale={{ emptyText: t('assessment.noFindings') }}
      columns={[
        {
          title: t('assessment.indicator'),
          key: 'name',
          // The service names an indicator in Chinese; the dictionary has it in both languages,
          // and an indicator it does not know yet keeps the service's name.
          render: (_, f) => {
            const key = `finding.${f.indicator}`;
            return isMessageKey(key) ? t(key) : f.name;
          },
        },
        {
          title: t('assessment.measured'),
          key: 'measured',
          align: 'right',
          width: 150,
          render: (_, f) => <Value indicator={f.indicator} value={f.measured} />,
        },
        {
          title: t('assessment.threshold'),
          key: 'threshold',
          align: 'right',
          width: 150,
          render: (_, f) => <Value indicator={f.indicator} value={f.threshold} />,
        },
        {
          title: t('assessment.met'),
          key: 'met',
          align: 'center',
          width: 80,
          render: (_, f) => <Met met={f.met} />,
        },
        {
          title: t('assessment.points'),
          key: 'points',
          align: 'right',
          width: 140,
          render: (_, f) =>
            f.points > 0 ? (
              <Typography.Text type="danger">−{f.points}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">0</Typography.Text>
            ),
        },
      ]}
    />
  );
}
