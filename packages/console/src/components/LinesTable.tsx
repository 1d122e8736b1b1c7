// A visit's lines: what was uploaded (name, class, quantity, price) beside what the settlement made
// of each (fully self-paid, over the limit, first self-pay, in scope, borne by the institution).
import { Table, Tag } from 'antd';
import type { ResultItem, SettlementLine } from '@yibao/api';
import { label } from '../format/labels';
import { useLocale } from '../i18n/LocaleContext';
import { Money } from './Money';

export interface LineRow {
  index: number;
  code: string;
  name: string;
  kind: string;
  class: string;
  quantity: number | undefined;
  unitPrice: number | undefined;
  result: ResultItem | undefined;
}

/** What was uploaded for a line: a stored settlement's line, or a line typed on 试算. */
export type UploadedLine = Pick<
  SettlementLine,
  'code' | 'name' | 'kind' | 'class' | 'quantity' | 'unitPrice'
>;

/** Joins the uploaded lines and the result's per-line amounts by position. */
export function lineRows(lines: ReadonlyArray<UploadedLine>, items: readonly ResultItem[]): LineRow[] {
  const count = Math.max(lines.length, items.length);
  return Array.from({ length: count }, (_, index) => {
    const line = lines[index];
    const item = items[index];
    return {
      index,
      code: line?.code ?? item?.code ?? '',
      name: line?.name ?? '',
      kind: line?.kind ?? '',
      class: line?.class ?? '',
      quantity: line?.quantity,
      unitPrice: line?.unitPrice,
      result: item,
    };
  });
}

export function LinesTable({ rows }: { rows: LineRow[] }) {
  const { t } = useLocale();
  const amount = (pick: (r: ResultItem) => number) => (_: unknown, row: LineRow) =>
    row.result === undefined ? '—' : <Money value={pick(row.result)} />;
  return (
    <Table<LineRow>
      size="small"
      rowKey="index"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 1000 }}
      data-testid="lines"
      columns={[
        { title: '#', key: 'n', width: 44, render: (_, r) => r.index + 1 },
        { title: t('line.code'), dataIndex: 'code', width: 120 },
        { title: t('line.name'), dataIndex: 'name', width: 180 },
        { title: t('line.kind'), key: 'kind', width: 80, render: (_, r) => label(t, 'itemKind', r.kind) },
        {
          title: t('line.class'),
          key: 'class',
          width: 90,
          render: (_, r) => (
            <Tag color={r.class === 'self' ? 'red' : r.class === 'B' ? 'gold' : 'green'}>
              {label(t, 'itemClass', r.class)}
            </Tag>
          ),
        },
        { title: t('line.quantity'), dataIndex: 'quantity', width: 70, align: 'right' },
        {
          title: t('line.unitPrice'),
          key: 'unitPrice',
          width: 100,
          align: 'right',
          render: (_, r) => <Money value={r.unitPrice} />,
        },
        { title: t('line.total'), key: 'total', width: 100, align: 'right', render: amount((i) => i.total) },
        {
          title: t('amount.fullSelfPay'),
          key: 'full',
          width: 100,
          align: 'right',
          render: amount((i) => i.fullSelfPay),
        },
        {
          title: t('amount.overLimitSelfPay'),
          key: 'over',
          width: 100,
          align: 'right',
          render: amount((i) => i.overLimitSelfPay),
        },
        {
          title: t('amount.firstSelfPay'),
          key: 'first',
          width: 100,
          align: 'right',
          render: amount((i) => i.firstSelfPay),
        },
        {
          title: t('amount.inScope'),
          key: 'scope',
          width: 110,
          align: 'right',
          render: amount((i) => i.inScope),
        },
        {
          title: t('amount.institutionBorne'),
          key: 'borne',
          width: 100,
          align: 'right',
          render: (_, row) =>
            row.result === undefined ? (
              '—'
            ) : (
              <>
                <Money value={row.result.institutionBorne} />
                {/* 事中 refusal (SUPERVISION_CONTRACT.md): the rule and the refused part, inside the borne amount. */}
                {row.result.refusedBy !== undefined && (
                  <div>
                    <Tag color="volcano" data-testid="refused-by">
                      {t('line.refusedBy', {
                        rule: row.result.refusedBy,
                        amount: (row.result.refusedAmount ?? row.result.institutionBorne).toFixed(2),
                      })}
                    </Tag>
                  </div>
                )}
              </>
            ),
        },
      ]}
    />
  );
}
