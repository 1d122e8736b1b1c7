// 异地安置备案 (R-B5): where the person settles and from when. A second filing in a year after the
// relocation benefit was used cancels that year's benefit — the service says so in its answer.
import { Col, Form, Input, Row } from 'antd';
import type { RelocationBody } from '@yibao/api';
import { registryApi } from '../../../api/registry-endpoints';
import { useLocale } from '../../../i18n/LocaleContext';
import { DateInput, todayString } from '../../registry/forms/DateInput';
import { FormModal } from '../../registry/forms/FormModal';
import { LIMITS } from '../../registry/forms/limits';
import type { CareFormProps } from './types';

export function RelocationModal({ personId, open, onDone, onCancel }: CareFormProps) {
  const { t } = useLocale();
  const required = [{ required: true, message: t('work.required') }];
  return (
    <FormModal<RelocationBody, unknown>
      open={open}
      testId="care-relocation"
      title={t('work.fileRelocation')}
      initialValues={{ filedOn: todayString(), validFrom: todayString() }}
      onSubmit={(values) =>
        registryApi.fileRelocation(personId, {
          ...values,
          destination: values.destination.trim(),
          validTo: values.validTo ?? null,
        })
      }
      onDone={onDone}
      onCancel={onCancel}
    >
      <Form.Item
        name="destination"
        label={t('work.destination')}
        rules={[
          ...required,
          { whitespace: true, message: t('work.required') },
          { max: LIMITS.text, message: t('work.tooLong', { max: LIMITS.text }) },
        ]}
      >
        <Input maxLength={LIMITS.text} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="filedOn" label={t('work.filedOn')} rules={required}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="validFrom" label={t('work.validFrom')} rules={required}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="validTo" label={t('work.validTo')}>
            <DateInput allowClear />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
