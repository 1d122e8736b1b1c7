// 日对账: one institution's day — settlements, reversals and the net the institution's books should
// show, by fund, account, cash and institution-borne amounts.
import { Card, DatePicker, Empty, Table } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/endpoints';
import type { AmountName } from '@yibao/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { useApi } from '../../hooks/useApi';
import { useLocale } from '../../i18n/LocaleContext';

const SHOWN: AmountName[] = ['totalCost', 'fundPay', 'accountPay', 'cashPay', 'institutionBorne'];

export function Reconciliation({
  institutionId,
  day,
  onDay,
}: {
  institutionId: string;
  day: string;
  onDay: (d: string) => void;
}) {
  const { t } = useLocale();
  const result = useApi((signal) => api.reconciliation(institutionId, day, signal), [institutionId, day]);
  const r = result.data;
  const rows =
    r === undefined
      ? []
      : [
          { key: 'settlements', label: t('reconciliation.settlements'), part: r.settlements },
          { key: 'reversals', label: t('reconciliation.reversals'), part: r.reversals },
          { key: 'net', label: t('reconciliation.net'), part: r.net },
        ];
  return (
    <Card
      size="small"
      title={t('reconciliation.title')}
      style={{ marginBottom: 16 }}
      extra={
        <DatePicker
          allowClear={false}
          value={dayjs(day)}
          onChange={(d) => {
            if (d !== null) onDay(d.format('YYYY-MM-DD'));
          }}
          data-testid="reconciliation-day"
        />
      }
    >
      {result.error !== undefined ? <ErrorAlert error={result.error} onRetry={result.reload} /> : null}
      {r !== undefined && r.settlements.count === 0 && r.reversals.count === 0 ? (
        <Empty description={t('reconciliation.empty')} />
      ) : (
        <Table
          size="small"
          pagination={false}
          loading={result.loading}
          dataSource={rows}
          columns={[
            { title: '', dataIndex: 'label', key: 'label', width: 120 },
            {
              title: t('reconciliation.count'),
              key: 'count',
              align: 'right',
              render: (_, row) => row.part.count,
            },
            ...SHOWN.map((name) => ({
              title: t(`amount.${name}`),
              key: name,
              align: 'right' as const,
              render: (_: unknown, row: (typeof rows)[number]) => <Money value={row.part.totals[name]} />,
            })),
          ]}
        />
      )}
    </Card>
  );
}
