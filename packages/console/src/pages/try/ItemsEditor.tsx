// The lines of a hand-built visit: code, name, kind, class, quantity, unit price, and the Class B
// self-pay ratio or the self-pay consent where they matter. Checked before anything is sent.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { ITEM_CLASSES, ITEM_KINDS } from '@yibao/api/constants';
import { label } from '../../format/labels';
import { useLocale } from '../../i18n/LocaleContext';
import { hasAtMostDecimals, refuse } from './validation';

export function ItemsEditor() {
  const { t } = useLocale();
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
              <span style={{ width: 120 }}>{t('line.code')}</span>
              <span style={{ width: 150 }}>{t('line.name')}</span>
              <span style={{ width: 90 }}>{t('line.kind')}</span>
              <span style={{ width: 100 }}>{t('line.class')}</span>
              <span style={{ width: 90 }}>{t('line.quantity')}</span>
              <span style={{ width: 110 }}>{t('line.unitPrice')}</span>
              <span style={{ width: 120 }}>{t('try.classNote')}</span>
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
                <Input placeholder={t('line.code')} style={{ width: 120 }} />
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
              <Form.Item
                name={[field.name, 'class']}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Select
                  style={{ width: 100 }}
                  options={ITEM_CLASSES.map((c) => ({ value: c, label: label(t, 'itemClass', c) }))}
                />
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
                  if (itemClass === 'B')
                    return (
                      <Form.Item
                        name={[field.name, 'selfPayRatio']}
                        rules={[
                          {
                            validator: (_, v: number | null | undefined) =>
                              refuse(typeof v === 'number' && (v < 0 || v > 1), t('validation.ratio')),
                          },
                        ]}
                      >
                        <InputNumber
                          placeholder={t('try.selfPayRatio')}
                          style={{ width: 120 }}
                          min={0}
                          max={1}
                          step={0.05}
                        />
                      </Form.Item>
                    );
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
              add({ code: '', name: '', kind: 'drug', class: 'A', quantity: 1, unitPrice: 0 });
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
