// The designated list (定点名录), searched and paged by the service.
import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints';
import { INSTITUTION_TYPES, LEVELS } from '@yibao/api/constants';
import type { Institution } from '@yibao/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { label } from '../../format/labels';
import { useApi } from '../../hooks/useApi';
import { useInstitutionDirectory } from '../../hooks/useDirectory';
import type { QueryState } from '../../hooks/useQueryState';
import { useLocale } from '../../i18n/LocaleContext';

interface FilterValues {
  q?: string;
  type?: string;
  level?: string;
}

export function InstitutionList({ query, county }: { query: QueryState; county: string | undefined }) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  const filter = { q: query.get('q'), type: query.get('type'), level: query.get('level') };
  const page = query.getNumber('page', 1);
  const pageSize = query.getNumber('pageSize', 20);
  const result = useApi(
    (signal) => api.institutions({ ...filter, county, page, pageSize }, signal),
    [filter.q, filter.type, filter.level, county, page, pageSize],
  );
  return (
    <>
      <Form<FilterValues>
        layout="inline"
        className="filters"
        initialValues={filter}
        onFinish={(v) => {
          query.set({ q: v.q?.trim(), type: v.type, level: v.level, page: undefined });
        }}
      >
        <Form.Item name="q" label={t('institutions.search')}>
          <Input allowClear style={{ width: 200 }} placeholder={t('institutions.searchPlaceholder')} />
        </Form.Item>
        <Form.Item name="type" label={t('institutions.type')}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('common.all')}
            options={INSTITUTION_TYPES.map((v) => ({ value: v, label: label(t, 'institutionType', v) }))}
          />
        </Form.Item>
        <Form.Item name="level" label={t('institutions.level')}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('common.all')}
            options={LEVELS.map((v) => ({ value: v, label: label(t, 'level', v) }))}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {result.error !== undefined ? <ErrorAlert error={result.error} onRetry={result.reload} /> : null}
      <Table<Institution>
        rowKey="id"
        size="small"
        loading={result.loading}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: t('institutions.empty') }}
        data-testid="institution-table"
        pagination={{
          current: page,
          pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
        }}
        onChange={(p) => {
          query.set({ page: p.current, pageSize: p.pageSize });
        }}
        columns={[
          { title: t('institutions.id'), dataIndex: 'id', width: 120 },
          {
            title: t('institutions.name'),
            key: 'name',
            render: (_, i) => (
              <Link to={`/institutions/${i.id}`} data-testid="institution-link">
                {i.name}
              </Link>
            ),
          },
          {
            title: t('institutions.type'),
            key: 'type',
            width: 140,
            render: (_, i) => label(t, 'institutionType', i.type),
          },
          {
            title: t('institutions.level'),
            key: 'level',
            width: 90,
            render: (_, i) => (i.level === null ? '—' : <Tag>{label(t, 'level', i.level)}</Tag>),
          },
          { title: t('institutions.county'), dataIndex: 'county', width: 100 },
          {
            title: t('institutions.parent'),
            key: 'parent',
            render: (_, i) =>
              i.parentId === null ? (
                '—'
              ) : (
                <Link to={`/institutions/${i.parentId}`}>
                  {directory.byId.get(i.parentId)?.name ?? i.parentId}
                </Link>
              ),
          },
        ]}
      />
    </>
  );
}
