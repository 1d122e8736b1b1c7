// The search of 结算查询: person, institution, date range, visit kind. Applied on submit, so typing
// a person id does not fire a request per keystroke; the applied values live in the URL.
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { VISIT_KINDS } from '@yibao/api/constants';
import { label } from '../../format/labels';
import { useInstitutionDirectory } from '../../hooks/useDirectory';
import { useSession } from '../../session/SessionContext';
import { useLocale } from '../../i18n/LocaleContext';

export interface SettlementFilterValues {
  personId?: string | undefined;
  institutionId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  kind?: string | undefined;
}

interface FormValues {
  personId?: string;
  institutionId?: string;
  range?: [Dayjs, Dayjs] | null;
  kind?: string;
}

export function SettlementFilters({
  value,
  onSearch,
}: {
  value: SettlementFilterValues;
  onSearch: (v: SettlementFilterValues) => void;
}) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  // A 机构用户 sees its own institution's settlements only (the service narrows the list): no picker.
  const boundTo = useSession().account?.institutionId ?? null;
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    form.setFieldsValue({
      personId: value.personId,
      institutionId: value.institutionId,
      range: value.from !== undefined && value.to !== undefined ? [dayjs(value.from), dayjs(value.to)] : null,
      kind: value.kind,
    });
  }, [form, value.personId, value.institutionId, value.from, value.to, value.kind]);

  const submit = (v: FormValues): void => {
    const personId = v.personId?.trim();
    onSearch({
      personId: personId === '' ? undefined : personId,
      institutionId: v.institutionId,
      from: v.range?.[0].format('YYYY-MM-DD'),
      to: v.range?.[1].format('YYYY-MM-DD'),
      kind: v.kind,
    });
  };

  return (
    <Form form={form} layout="inline" onFinish={submit} className="filters" data-testid="settlement-filters">
      <Form.Item
        name="personId"
        label={t('settlements.person')}
        rules={[{ pattern: /^[A-Za-z0-9_-]{0,64}$/, message: t('validation.personId') }]}
      >
        <Input
          allowClear
          placeholder={t('settlements.personPlaceholder')}
          style={{ width: 180 }}
          data-testid="filter-person"
        />
      </Form.Item>
      <Form.Item name="institutionId" label={t('settlements.institution')} hidden={boundTo !== null}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 260 }}
          loading={!directory.ready && directory.error === undefined}
          placeholder={t('settlements.institutionPlaceholder')}
          options={directory.list.map((i) => ({ value: i.id, label: `${i.name} (${i.id})` }))}
          data-testid="filter-institution"
        />
      </Form.Item>
      <Form.Item name="range" label={t('settlements.dateRange')}>
        <DatePicker.RangePicker data-testid="filter-range" />
      </Form.Item>
      <Form.Item name="kind" label={t('settlements.kind')}>
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('common.all')}
          options={VISIT_KINDS.map((k) => ({ value: k, label: label(t, 'visitKind', k) }))}
          data-testid="filter-kind"
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="filter-submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
