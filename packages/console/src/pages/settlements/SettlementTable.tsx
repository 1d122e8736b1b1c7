// A page of settlements, sorted and paged by the service. Used by 结算查询 and by the person and
// institution pages for their histories.
import { Table, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import type { Page, SettlementSort, SettlementSummary } from '@yibao/api';
import { Money } from '../../components/Money';
import { label } from '../../format/labels';
import { useInstitutionDirectory } from '../../hooks/useDirectory';
import { useLocale } from '../../i18n/LocaleContext';

interface Props {
  page: Page<SettlementSummary> | undefined;
  loading: boolean;
  sort: SettlementSort;
  onChange: (next: { page: number; pageSize: number; sort: SettlementSort }) => void;
  hide?: ReadonlyArray<'person' | 'institution'>;
}

const SORTABLE = { date: 'date', totalCost: 'totalCost', fundPay: 'fundPay' } as const;
type SortField = keyof typeof SORTABLE;

function orderOf(sort: SettlementSort, field: SortField): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

export function SettlementTable({ page, loading, sort, onChange, hide = [] }: Props) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  const columns = [
    {
      title: t('settlements.date'),
      dataIndex: 'date',
      key: 'date',
      width: 110,
      sorter: true,
      sortOrder: orderOf(sort, 'date'),
    },
    {
      title: t('settlements.id'),
      key: 'id',
      render: (_: unknown, s: SettlementSummary) => (
        // Ids are time-ordered (UUIDv7): their beginning is the same for a day's settlements, so
        // the random end is what tells them apart at a glance; the full id is on hover.
        <Tooltip title={s.settlementId}>
          <Link
            to={`/settlements/${s.settlementId}`}
            data-testid="settlement-link"
            style={{ fontFamily: 'monospace' }}
          >
            …{s.settlementId.slice(-12)}
          </Link>
        </Tooltip>
      ),
      width: 130,
    },
    ...(hide.includes('person')
      ? []
      : [
          {
            title: t('settlements.person'),
            key: 'person',
            width: 120,
            render: (_: unknown, s: SettlementSummary) => (
              <Link to={`/persons/${s.personId}`}>{s.personId}</Link>
            ),
          },
        ]),
    ...(hide.includes('institution')
      ? []
      : [
          {
            title: t('settlements.institution'),
            key: 'institution',
            render: (_: unknown, s: SettlementSummary) => (
              <Link to={`/institutions/${s.institutionId}`}>
                {directory.byId.get(s.institutionId)?.name ?? s.institutionId}
              </Link>
            ),
          },
        ]),
    {
      title: t('settlements.kind'),
      key: 'kind',
      width: 110,
      render: (_: unknown, s: SettlementSummary) => label(t, 'visitKind', s.visitKind),
    },
    {
      title: t('settlements.benefitGroup'),
      key: 'group',
      width: 120,
      render: (_: unknown, s: SettlementSummary) => label(t, 'benefitGroup', s.benefitGroup),
    },
    {
      title: t('amount.totalCost'),
      key: 'totalCost',
      align: 'right' as const,
      width: 110,
      sorter: true,
      sortOrder: orderOf(sort, 'totalCost'),
      render: (_: unknown, s: SettlementSummary) => <Money value={s.totalCost} />,
    },
    {
      title: t('amount.fundPay'),
      key: 'fundPay',
      align: 'right' as const,
      width: 110,
      sorter: true,
      sortOrder: orderOf(sort, 'fundPay'),
      render: (_: unknown, s: SettlementSummary) => <Money value={s.fundPay} />,
    },
    {
      title: t('amount.cashPay'),
      key: 'cashPay',
      align: 'right' as const,
      width: 100,
      render: (_: unknown, s: SettlementSummary) => <Money value={s.cashPay} />,
    },
    {
      title: t('settlements.status'),
      key: 'status',
      width: 100,
      render: (_: unknown, s: SettlementSummary) =>
        s.reverses !== null ? (
          <Tag color="red">{t('settlements.isReversal')}</Tag>
        ) : s.reversedBy !== null ? (
          <Tag color="orange">{t('settlements.reversed')}</Tag>
        ) : (
          <Tag color="green">{t('settlements.settled')}</Tag>
        ),
    },
  ];
  return (
    <Table<SettlementSummary>
      rowKey="settlementId"
      size="small"
      loading={loading}
      dataSource={page?.items ?? []}
      columns={columns}
      scroll={{ x: 1100 }}
      data-testid="settlement-table"
      locale={{ emptyText: t('settlements.empty') }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { n: total }),
      }}
      onChange={(pagination, _filters, sorter) => {
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        const key =
          typeof one?.columnKey === 'string' && one.columnKey in SORTABLE
            ? (one.columnKey as SortField)
            : undefined;
        const next: SettlementSort =
          key === undefined || one?.order === undefined || one.order === null
            ? '-date'
            : one.order === 'ascend'
              ? key
              : `-${key}`;
        const sortChanged = next !== sort;
        onChange({
          page: sortChanged ? 1 : (pagination.current ?? 1),
          pageSize: pagination.pageSize ?? 20,
          sort: next,
        });
      }}
    />
  );
}
