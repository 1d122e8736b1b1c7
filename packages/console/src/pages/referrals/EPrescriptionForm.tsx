// 开具电子处方 (R-D8, R-A12): the person, the prescribing institution (not a pharmacy) and doctor,
// the validity, and one to a hundred items with their quantities.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import type { EPrescription, EPrescriptionBody } from '@yibao/api';
import { registryApi } from '../../api/registry-endpoints';
import { Can } from '../../components/Can';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n/LocaleContext';
import { useFormAction } from '../registry/forms/apiErrors';
import { DateInput, todayString } from '../registry/forms/DateInput';
import { InstitutionSelect, isMedical } from '../registry/forms/InstitutionSelect';
import { LIMITS } from '../registry/forms/limits';
import { PersonPicker } from '../try/PersonPicker';

export function EPrescriptionForm({ onCreated }: { onCreated: (rx: EPrescription) => void }) {
  const { t } = useLocale();
  const [form] = Form.useForm<EPrescriptionBody>();
  const action = useFormAction(
    form,
    (v) =>
      registryApi.createEPrescription({
        ...v,
        id: v.id === undefined || v.id.trim() === '' ? undefined : v.id.trim(),
        doctor: v.doctor.trim(),
        items: v.items.map((i) => ({ ...i, code: i.code.trim(), name: i.name.trim() })),
      }),
    (created) => {
      form.resetFields();
      onCreated(created);
    },
  );
  const required = [{ required: true, message: t('work.required') }];
  return (
    <Form<EPrescriptionBody>
      form={form}
      layout="vertical"
      data-testid="prescription-form"
      initialValues={{ issuedOn: todayString(), items: [{ code: '', name: '', quantity: 1 }] }}
    >
      {action.error !== undefined ? <ErrorAlert error={action.error} /> : null}
      <Form.Item name="personId" label={t('settlements.person')} rules={required}>
        <PersonPicker />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="institutionId" label={t('work.prescribingInstitution')} rules={required}>
            <InstitutionSelect<string> accept={isMedical} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="doctor"
            label={t('work.doctor')}
            rules={[
              ...required,
              { whitespace: true, message: t('work.required') },
              { max: LIMITS.doctor, message: t('work.tooLong', { max: LIMITS.doctor }) },
            ]}
          >
            <Input maxLength={LIMITS.doctor} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="issuedOn" label={t('work.issuedOn')} rules={required}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="validUntil" label={t('work.validUntil')} rules={required}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Form.List
        name="items"
        rules={[
          {
            validator: (_, items: unknown[] | undefined) =>
              items !== undefined && items.length >= 1 && items.length <= LIMITS.itemsMax
                ? Promise.resolve()
                : Promise.reject(new Error(t('work.itemsCount', { max: LIMITS.itemsMax }))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              {t('work.items')}
            </Typography.Paragraph>
            {fields.map((field) => (
              <Space key={field.key} align="start" style={{ display: 'flex' }}>
                <Form.Item
                  name={[field.name, 'code']}
                  rules={[...required, { max: LIMITS.id, message: t('work.tooLong', { max: LIMITS.id }) }]}
                >
                  <Input placeholder={t('work.itemCode')} maxLength={LIMITS.id} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ max: LIMITS.itemName, message: t('work.tooLong', { max: LIMITS.itemName }) }]}
                >
                  <Input
                    placeholder={t('work.itemName')}
                    maxLength={LIMITS.itemName}
                    style={{ width: 220 }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'quantity']}
                  rules={[
                    ...required,
                    { type: 'number', min: Number.MIN_VALUE, message: t('work.positive') },
                  ]}
                >
                  <InputNumber placeholder={t('work.quantity')} min={0} style={{ width: 100 }} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('work.remove')}
                  onClick={() => {
                    remove(field.name);
                  }}
                />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              icon={<PlusOutlined />}
              disabled={fields.length >= LIMITS.itemsMax}
              onClick={() => {
                add({ code: '', name: '', quantity: 1 });
              }}
              style={{ marginBottom: 16 }}
            >
              {t('work.addItem')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item
        name="id"
        label={t('work.newId')}
        tooltip={t('work.newIdNote')}
        rules={[{ max: LIMITS.id, message: t('work.tooLong', { max: LIMITS.id }) }]}
      >
        <Input maxLength={LIMITS.id} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Can permission="registry.write">
        <Button
          type="primary"
          loading={action.busy}
          data-testid="prescription-submit"
          onClick={() => void action.submit()}
        >
          {t('work.issuePrescription')}
        </Button>
      </Can>
    </Form>
  );
}
