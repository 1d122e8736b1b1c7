// The lines of a hand-built visit: a code picked from the agency's catalogue (which decides the class
// and the Class B self-pay ratio, as the service does), name, kind, quantity, unit price, and the
// self-pay consent where it matters. Checked before anything is sent.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import type { CatalogueEntry } from '@yibao/api';
import { ITEM_KINDS } from '@yibao/api/constants';
import { label } from '../../format/labels';
import { useLocale } from '../../i18n/LocaleContext';
import { ClassTag } from '../catalogue/format';
import { CatalogueCodeInput } from './CatalogueCodeInput';
import { hasAtMostDecimals, refuse } from './validation';

export function ItemsEditor() {
  const { t } = useLocale();
  const form = Form.useFormInstance();
  const pick = (index: number, e: CatalogueEntry): void => {
    const path = (f: string) => ['items', index, f];
    form.setFieldValue(path('name'), e.name);
    form.setFieldValue(path('kind'), e.kind);
    form.setFieldValue(path('class'), e.class);
    form.setFieldValue(path('selfPayRatio'), e.class === 'B' ? e.selfPayRatio : null);
    form.setFieldValue(path('fromCatalogue'), true);
  };
  // A code typed by hand and not picked is 目录外 until an entry is picked: fully self-paid.
  const typed = (index: number): void => {
    if (form.getFieldValue(['items', index, 'fromCatalogue']) === false) return;
    form.setFieldValue(['items', index, 'class'], 'self');
    form.setFieldValue(['items', index, 'selfPayRatio'], null);
    form.setFieldValue(['items', index, 'fromCatalogue'], false);
  };
  return (
    <Form.List
      name="items"
      rules={[
        {
          validator: (_, items: unknown[] | undefined) =>
            refuse(items === undefined || items.length === 0, t('validation.oneItem')),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="try-items">
          {fields.length > 0 ? (
            <Space className="items-header" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <span style={{ width: 20 }} />
              <span style={{ width: 200 }}>{t('line.code')}</span>
              <span style={{ width: 150 }}>{t('line.name')}</span>
              <span style={{ width: 90 }}>{t('line.kind')}</span>
              <span style={{ width: 100 }}>{t('line.class')}</span>
              <span style={{ width: 90 }}>{t('line.quantity')}</span>
              <span style={{ width: 110 }}>{t('line.unitPrice')}</span>
              <span style={{ width: 120 }}>{t('try.consent')}</span>
            </Space>
          ) : null}
          {fields.map((field, index) => (
            <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <span style={{ display: 'inline-block', width: 20, paddingTop: 5, color: '#8c8c8c' }}>
                {index + 1}
              </span>
              <Form.Item
                name={[field.name, 'code']}
                rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
              >
                <CatalogueCodeInput
                  onPick={(e) => {
                    pick(field.name, e);
                  }}
                  onType={() => {
                    typed(field.name);
                  }}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'name']}
                rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
              >
                <Input placeholder={t('line.name')} style={{ width: 150 }} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'kind']}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Select
                  style={{ width: 90 }}
                  options={ITEM_KINDS.map((k) => ({ value: k, label: label(t, 'itemKind', k) }))}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'class']} hidden>
                <Input />
              </Form.Item>
              <Form.Item name={[field.name, 'selfPayRatio']} hidden>
                <InputNumber />
              </Form.Item>
              <Form.Item name={[field.name, 'fromCatalogue']} hidden valuePropName="checked">
                <Checkbox />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const line = getFieldValue(['items', field.name]) as
                    | { class?: 'A' | 'B' | 'self'; selfPayRatio?: number | null; fromCatalogue?: boolean }
                    | undefined;
                  const itemClass = line?.class ?? 'self';
                  return (
                    <div style={{ width: 100, paddingTop: 4 }} data-testid="try-line-class">
                      {line?.fromCatalogue === false ? (
                        <Tag title={t('try.outOfCatalogue')}>{t('try.outOfCatalogue')}</Tag>
                      ) : (
                        <ClassTag
                          t={t}
                          entry={{ class: itemClass, selfPayRatio: line?.selfPayRatio ?? null }}
                        />
                      )}
                    </div>
                  );
                }}
              </Form.Item>
              <Form.Item
                name={[field.name, 'quantity']}
                rules={[
                  { required: true, message: t('validation.required') },
                  {
                    validator: (_, v: number | null | undefined) =>
                      refuse(
                        typeof v === 'number' && (v <= 0 || !hasAtMostDecimals(v, 4)),
                        t('validation.quantity'),
                      ),
                  },
                ]}
              >
                <InputNumber placeholder={t('line.quantity')} style={{ width: 90 }} min={0} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'unitPrice']}
                rules={[
                  { required: true, message: t('validation.required') },
                  {
                    validator: (_, v: number | null | undefined) =>
                      refuse(typeof v === 'number' && !hasAtMostDecimals(v, 2), t('validation.amount')),
                  },
                ]}
              >
                <InputNumber
                  placeholder={t('line.unitPrice')}
                  style={{ width: 110 }}
                  min={0}
                  data-testid="try-unit-price"
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const itemClass = getFieldValue(['items', field.name, 'class']) as string | undefined;
                  if (itemClass === 'self')
                    return (
                      <Form.Item name={[field.name, 'consent']} valuePropName="checked">
                        <Checkbox>{t('try.consent')}</Checkbox>
                      </Form.Item>
                    );
                  return null;
                }}
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                onClick={() => {
                  remove(field.name);
                }}
                aria-label={t('try.removeItem')}
              />
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => {
              add({
                code: '',
                name: '',
                kind: 'drug',
                class: 'self',
                quantity: 1,
                unitPrice: 0,
                fromCatalogue: false,
              });
            }}
            data-testid="try-add-item"
          >
            {t('try.addItem')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
