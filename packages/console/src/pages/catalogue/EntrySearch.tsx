// 目录查询: entries in force on a date by code or name, paged; a row opens the entry's versions and
// its history (who, when, why).
import { DatePicker, Descriptions, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CatalogueEntry, CatalogueHistoryEvent } from '@yibao/api';
import { ITEM_KINDS } from '@yibao/api/constants';
import { api } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { label } from '../../format/labels';
import { useApi } from '../../hooks/useApi';
import { useQueryState } from '../../hooks/useQueryState';
import { useLocale } from '../../i18n/LocaleContext';
import { ClassTag, Flags, limitText, periodText, priceText, ratioText } from './format';

export function EntrySearch({ today }: { today: string }) {
  const { t } = useLocale();
  const query = useQueryState();
  const q = query.get('q') ?? '';
  const kind = query.get('kind');
  const date = query.get('date') ?? today;
  const page = query.getNumber('page', 1);
  const pageSize = query.getNumber('pageSize', 20);
  const open = query.get('code');
  const list = useApi(
    (signal) =>
      api.catalogue({ q, kind: kind as CatalogueEntry['kind'] | undefined, date, page, pageSize }, signal),
    [q, kind, date, page, pageSize],
  );
  return (
    <div data-testid="catalogue-search">
      <Space className="filters" wrap>
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('catalogue.searchPlaceholder')}
          style={{ width: 260 }}
          data-testid="catalogue-q"
          onSearch={(value) => {
            query.set({ q: value.trim(), page: undefined });
          }}
        />
        <span>{t('catalogue.kind')}</span>
        <Select
          allowClear
          style={{ width: 120 }}
          value={kind}
          placeholder={t('common.all')}
          onChange={(k: string | undefined) => {
            query.set({ kind: k, page: undefined });
          }}
          options={ITEM_KINDS.map((k) => ({ value: k, label: label(t, 'itemKind', k) }))}
        />
        <span>{t('catalogue.date')}</span>
        <DatePicker
          allowClear={false}
          value={dayjs(date)}
          onChange={(d) => {
            if (d !== null) query.set({ date: d.format('YYYY-MM-DD'), page: undefined });
          }}
        />
      </Space>
      {list.error !== undefined ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<CatalogueEntry>
        rowKey={(e) => `${e.code}|${e.validFrom}`}
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        data-testid="catalogue-table"
        locale={{ emptyText: t('catalogue.noEntries') }}
        onRow={(e) => ({
          onClick: () => {
            query.set({ code: e.code });
          },
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => {
            query.set({ page: p, pageSize: s });
          },
        }}
        columns={[
          {
            title: t('catalogue.code'),
            dataIndex: 'code',
            width: 140,
            render: (c: string) => <code>{c}</code>,
          },
          {
            title: t('catalogue.name'),
            key: 'name',
            width: 220,
            render: (_, e) => (
              <div>
                <div>{e.name}</div>
                {e.dosageForm !== null || e.unit !== null ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[e.dosageForm, e.unit].filter((x) => x !== null).join(' · ')}
                  </Typography.Text>
                ) : null}
              </div>
            ),
          },
          {
            title: t('catalogue.kind'),
            key: 'kind',
            width: 70,
            render: (_, e) => label(t, 'itemKind', e.kind),
          },
          {
            title: t('catalogue.class'),
            key: 'class',
            width: 110,
            render: (_, e) => <ClassTag t={t} entry={e} />,
          },
          {
            title: t('catalogue.paymentLimit'),
            key: 'limit',
            width: 110,
            align: 'right',
            render: (_, e) => limitText(e.paymentLimit),
          },
          {
            title: t('catalogue.price'),
            key: 'price',
            width: 230,
            render: (_, e) => priceText(t, e.priceStandard),
          },
          { title: t('catalogue.flags'), key: 'flags', render: (_, e) => <Flags t={t} entry={e} /> },
          { title: t('catalogue.period'), key: 'period', width: 190, render: (_, e) => periodText(t, e) },
        ]}
      />
      <EntryDrawer
        code={open}
        onClose={() => {
          query.set({ code: undefined });
        }}
      />
    </div>
  );
}

const ACTION_COLOR = { added: 'green', changed: 'volcano', ended: 'red' } as const;

function EntryDrawer({ code, onClose }: { code: string | undefined; onClose: () => void }) {
  const { t } = useLocale();
  const detail = useApi(code === undefined ? null : (signal) => api.catalogueEntryVersions(code, signal), [
    code,
  ]);
  const latest = detail.data?.versions.at(-1);
  return (
    <Drawer
      open={code !== undefined}
      onClose={onClose}
      size={880}
      title={code === undefined ? '' : t('catalogue.entryVersions', { code })}
      destroyOnHidden
    >
      <div data-testid="catalogue-entry">
        {detail.error !== undefined ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
        {latest !== undefined ? (
          <Descriptions
            size="small"
            bordered
            column={2}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'name', label: t('catalogue.name'), children: latest.name },
              { key: 'kind', label: t('catalogue.kind'), children: label(t, 'itemKind', latest.kind) },
              { key: 'generic', label: t('catalogue.genericName'), children: latest.genericName ?? '—' },
              { key: 'form', label: t('catalogue.dosageForm'), children: latest.dosageForm ?? '—' },
              { key: 'unit', label: t('catalogue.unit'), children: latest.unit ?? '—' },
              { key: 'flags', label: t('catalogue.flags'), children: <Flags t={t} entry={latest} /> },
              {
                key: 'scope',
                label: t('catalogue.restrictedScope'),
                span: 2,
                children: latest.restrictedScope ?? '—',
              },
            ]}
          />
        ) : null}
        <Table<CatalogueEntry>
          rowKey="validFrom"
          size="small"
          loading={detail.loading}
          pagination={false}
          dataSource={detail.data?.versions ?? []}
          data-testid="catalogue-entry-versions"
          columns={[
            { title: t('catalogue.period'), key: 'period', render: (_, e) => periodText(t, e) },
            { title: t('catalogue.class'), key: 'class', render: (_, e) => <ClassTag t={t} entry={e} /> },
            { title: t('catalogue.ratio'), key: 'ratio', render: (_, e) => ratioText(t, e) },
            { title: t('catalogue.paymentLimit'), key: 'limit', render: (_, e) => limitText(e.paymentLimit) },
            { title: t('catalogue.price'), key: 'price', render: (_, e) => priceText(t, e.priceStandard) },
            { title: t('catalogue.catalogueVersion'), dataIndex: 'catalogueVersion' },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('catalogue.history')}
        </Typography.Title>
        <Table<CatalogueHistoryEvent>
          rowKey={(h) => `${h.recordedAt}|${h.validFrom}|${h.action}`}
          size="small"
          pagination={false}
          dataSource={detail.data?.history ?? []}
          data-testid="catalogue-entry-history"
          columns={[
            {
              title: t('catalogue.recordedAt'),
              key: 'at',
              render: (_, h) => h.recordedAt.replace('T', ' ').slice(0, 19),
            },
            {
              title: t('catalogue.action'),
              key: 'action',
              render: (_, h) => (
                <Tag color={ACTION_COLOR[h.action]}>{t(`catalogue.historyAction.${h.action}`)}</Tag>
              ),
            },
            { title: t('catalogue.period'), key: 'period', render: (_, h) => periodText(t, h.data) },
            { title: t('catalogue.actor'), dataIndex: 'actor' },
            { title: t('catalogue.reason'), dataIndex: 'reason' },
            { title: t('catalogue.catalogueVersion'), dataIndex: 'catalogueVersion' },
          ]}
        />
      </div>
    </Drawer>
  );
}
