// 参保人员: find an insured person by name or number, scheme, category or chronic disease.
import { Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/endpoints';
import { CATEGORIES, SCHEMES } from '@yibao/api/constants';
import type { Person } from '@yibao/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { label } from '../format/labels';
import { useApi } from '../hooks/useApi';
import { useQueryState } from '../hooks/useQueryState';
import { useLocale } from '../i18n/LocaleContext';

interface FilterValues {
  q?: string;
  scheme?: string;
  category?: string;
  chronicDisease?: string;
}

export default function PersonsPage() {
  const { t } = useLocale();
  const query = useQueryState();
  const [form] = Form.useForm<FilterValues>();
  const filter = {
    q: query.get('q'),
    scheme: query.get('scheme'),
    category: query.get('category'),
    chronicDisease: query.get('chronicDisease'),
  };
  const page = query.getNumber('page', 1);
  const pageSize = query.getNumber('pageSize', 20);
  const result = useApi(
    (signal) => api.persons({ ...filter, page, pageSize }, signal),
    [filter.q, filter.scheme, filter.category, filter.chronicDisease, page, pageSize],
  );
  useEffect(() => {
    form.setFieldsValue(filter);
  }, [form, filter.q, filter.scheme, filter.category, filter.chronicDisease]);
  const scheme = Form.useWatch('scheme', form);
  const categories =
    scheme === 'resident' || scheme === 'employee'
      ? CATEGORIES[scheme]
      : [...CATEGORIES.resident, ...CATEGORIES.employee];

  return (
    <div data-testid="page-persons">
      <Typography.Title level={3} className="page-title">
        {t('persons.title')}
      </Typography.Title>
      <Form
        form={form}
        layout="inline"
        className="filters"
        onFinish={(v) => {
          query.set({
            q: v.q?.trim(),
            scheme: v.scheme,
            category: v.category,
            chronicDisease: v.chronicDisease?.trim().toUpperCase(),
            page: undefined,
          });
        }}
      >
        <Form.Item name="q" label={t('persons.search')}>
          <Input
            allowClear
            placeholder={t('persons.searchPlaceholder')}
            style={{ width: 200 }}
            data-testid="person-search"
          />
        </Form.Item>
        <Form.Item name="scheme" label={t('persons.scheme')}>
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('common.all')}
            options={SCHEMES.map((s) => ({ value: s, label: label(t, 'scheme', s) }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('persons.category')}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('common.all')}
            options={categories.map((c) => ({ value: c, label: label(t, 'category', c) }))}
          />
        </Form.Item>
        <Form.Item
          name="chronicDisease"
          label={t('persons.chronicDisease')}
          rules={[{ pattern: /^[A-Za-z][0-9]{2}(\.[0-9A-Za-z]{1,4})?$/, message: t('validation.icd10') }]}
        >
          <Input allowClear placeholder="I10" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="person-submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                query.set({
                  q: undefined,
                  scheme: undefined,
                  category: undefined,
                  chronicDisease: undefined,
                  page: undefined,
                });
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {result.error !== undefined ? <ErrorAlert error={result.error} onRetry={result.reload} /> : null}
      <Table<Person>
        rowKey="id"
        size="small"
        loading={result.loading}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: t('persons.empty') }}
        data-testid="person-table"
        pagination={{
          current: page,
          pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { n: total }),
        }}
        onChange={(p) => {
          query.set({ page: p.current, pageSize: p.pageSize });
        }}
        columns={[
          {
            title: t('persons.id'),
            key: 'id',
            width: 140,
            render: (_, p) => (
              <Link to={`/persons/${p.id}`} data-testid="person-link">
                {p.id}
              </Link>
            ),
          },
          // Masked by the service (R-B7): shown as given.
          { title: t('persons.name'), dataIndex: 'name', width: 120 },
          {
            title: t('privacy.idNumber'),
            key: 'idNumber',
            width: 180,
            render: (_, p) => p.idNumber ?? '—',
          },
          {
            title: t('persons.scheme'),
            key: 'scheme',
            width: 110,
            render: (_, p) => label(t, 'scheme', p.scheme),
          },
          {
            title: t('persons.category'),
            key: 'category',
            width: 100,
            render: (_, p) => label(t, 'category', p.category),
          },
          {
            title: t('persons.chronicDiseases'),
            key: 'chronic',
            render: (_, p) =>
              p.chronicDiseases.length === 0 ? '—' : p.chronicDiseases.map((c) => <Tag key={c}>{c}</Tag>),
          },
          {
            title: t('persons.familyDoctor'),
            key: 'contract',
            width: 110,
            render: (_, p) =>
              p.familyDoctorContract ? <Tag color="green">{t('persons.contracted')}</Tag> : '—',
          },
          { title: t('persons.region'), dataIndex: 'region', width: 90 },
        ]}
      />
    </div>
  );
}
