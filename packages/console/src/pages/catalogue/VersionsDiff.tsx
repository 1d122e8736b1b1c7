// 版本对比: the catalogue versions (each import or manual change) and what changed between two —
// the entries added, ended and changed, field by field.
import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { CatalogueDiff, CatalogueVersion } from '@yibao/api';
import { api } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { label } from '../../format/labels';
import { useApi } from '../../hooks/useApi';
import { useQueryState } from '../../hooks/useQueryState';
import { useLocale } from '../../i18n/LocaleContext';
import { changeValue, ClassTag, periodText } from './format';

type Row =
  | { kind: 'added'; code: string; name: string; detail: CatalogueDiff['added'][number] }
  | { kind: 'ended'; code: string; name: string; validTo: string | null }
  | { kind: 'removed'; code: string; name: string }
  | { kind: 'changed'; code: string; name: string; fields: CatalogueDiff['changed'][number]['fields'] };

const COLOR = { added: 'green', ended: 'red', removed: 'red', changed: 'volcano' } as const;

function rowsOf(d: CatalogueDiff): Row[] {
  return [
    ...d.added.map((e) => ({ kind: 'added' as const, code: e.code, name: e.name, detail: e })),
    ...d.changed.map((c) => ({
      kind: 'changed' as const,
      code: c.code,
      name: c.after.name,
      fields: c.fields,
    })),
    ...d.ended.map((x) => ({ kind: 'ended' as const, code: x.code, name: x.entry.name, validTo: x.validTo })),
    ...d.removed.map((e) => ({ kind: 'removed' as const, code: e.code, name: e.name })),
  ];
}

export function VersionsDiff() {
  const { t } = useLocale();
  const query = useQueryState();
  const versions = useApi((signal) => api.catalogueVersions(signal), []);
  const items = versions.data?.items ?? [];
  const has = (id: string | undefined): id is string => id !== undefined && items.some((v) => v.id === id);
  const fromQ = query.get('from');
  const toQ = query.get('to');
  const from = has(fromQ) ? fromQ : items.at(-2)?.id;
  const to = has(toQ) ? toQ : items.at(-1)?.id;
  const diff = useApi(
    from === undefined || to === undefined ? null : (signal) => api.catalogueDiff(from, to, signal),
    [from, to],
  );
  const options = items.map((v) => ({ value: v.id, label: `${v.id} · ${v.title}` }));
  const rows = diff.data === undefined ? [] : rowsOf(diff.data);
  return (
    <div data-testid="catalogue-versions">
      {versions.error !== undefined ? <ErrorAlert error={versions.error} onRetry={versions.reload} /> : null}
      <Table<CatalogueVersion>
        rowKey="id"
        size="small"
        loading={versions.loading}
        dataSource={[...items].reverse()}
        pagination={false}
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('catalogue.versionId'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
          { title: t('catalogue.versionTitle'), dataIndex: 'title' },
          { title: t('catalogue.source'), dataIndex: 'source', render: (s: string) => <Tag>{s}</Tag> },
          {
            title: t('catalogue.summaryTitle'),
            key: 'summary',
            render: (_, v) => (v.summary === null ? '—' : t('catalogue.summary', v.summary)),
          },
          { title: t('catalogue.actor'), dataIndex: 'actor' },
          { title: t('catalogue.reason'), dataIndex: 'reason' },
          {
            title: t('catalogue.recordedAt'),
            dataIndex: 'recordedAt',
            render: (at: string) => at.replace('T', ' ').slice(0, 19),
          },
        ]}
      />
      {items.length < 2 ? (
        <Alert type="info" showIcon title={t('catalogue.needTwoVersions')} />
      ) : (
        <Card
          size="small"
          title={
            <Space wrap>
              <span>{t('catalogue.compare')}</span>
              <Select
                style={{ minWidth: 260 }}
                value={from}
                options={options}
                data-testid="catalogue-diff-from"
                onChange={(v: string) => {
                  query.set({ from: v });
                }}
              />
              <ArrowRightOutlined />
              <Select
                style={{ minWidth: 260 }}
                value={to}
                options={options}
                data-testid="catalogue-diff-to"
                onChange={(v: string) => {
                  query.set({ to: v });
                }}
              />
            </Space>
          }
        >
          {diff.error !== undefined ? <ErrorAlert error={diff.error} onRetry={diff.reload} /> : null}
          <Table<Row>
            rowKey={(r) => `${r.kind}|${r.code}`}
            size="small"
            loading={diff.loading}
            dataSource={rows}
            data-testid="catalogue-diff"
            locale={{ emptyText: t('catalogue.noDiff') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: t('catalogue.action'),
                key: 'kind',
                width: 90,
                render: (_, r) => <Tag color={COLOR[r.kind]}>{t(`catalogue.${r.kind}`)}</Tag>,
              },
              {
                title: t('catalogue.code'),
                dataIndex: 'code',
                width: 140,
                render: (c: string) => <code>{c}</code>,
              },
              { title: t('catalogue.name'), dataIndex: 'name', width: 200 },
              {
                title: t('catalogue.fields'),
                key: 'fields',
                render: (_, r) => {
                  if (r.kind === 'changed')
                    return (
                      <Space orientation="vertical" size={0}>
                        {r.fields.map((f) => (
                          <span key={f.field}>
                            <Typography.Text type="secondary">{f.field}</Typography.Text>{' '}
                            {changeValue(t, f.field, f.before)} <ArrowRightOutlined />{' '}
                            <b>{changeValue(t, f.field, f.after)}</b>
                          </span>
                        ))}
                      </Space>
                    );
                  if (r.kind === 'added')
                    return (
                      <Space>
                        {label(t, 'itemKind', r.detail.kind)}
                        <ClassTag t={t} entry={r.detail} />
                        {periodText(t, r.detail)}
                      </Space>
                    );
                  if (r.kind === 'ended') return `${t('catalogue.validTo')} ${r.validTo ?? '—'}`;
                  return '—';
                },
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
