// 门诊慢性病、特殊病种认定 (R-C10, R-C8): an ICD-10 code on the region's lists, its kind, from when,
// and who certified it. Whether the code is on the list is the service's to say (field `code`).
import { Col, Form, Input, Row, Select } from 'antd';
import type { CertificationBody } from '@yibao/api';
import { CERTIFICATION_KINDS } from '@yibao/api/constants';
import { registryApi } from '../../../api/registry-endpoints';
import { label } from '../../../format/labels';
import { useLocale } from '../../../i18n/LocaleContext';
import { DateInput, todayString } from '../../registry/forms/DateInput';
import { FormModal } from '../../registry/forms/FormModal';
import { InstitutionSelect, isMedical } from '../../registry/forms/InstitutionSelect';
import { ICD10_PATTERN } from '../../registry/forms/limits';
import type { CareFormProps } from './types';

export function CertificationModal({ personId, open, onDone, onCancel }: CareFormProps) {
  const { t } = useLocale();
  const required = [{ required: true, message: t('work.required') }];
  return (
    <FormModal<CertificationBody, unknown>
      open={open}
      testId="care-certification"
      title={t('work.certify')}
      initialValues={{ kind: 'chronic', validFrom: todayString() }}
      onSubmit={(values) =>
        registryApi.certify(personId, {
          ...values,
          code: values.code.trim().toUpperCase(),
          validTo: values.validTo ?? null,
          certifiedBy: values.certifiedBy ?? null,
        })
      }
      onDone={onDone}
      onCancel={onCancel}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="code"
            label={t('work.icd10')}
            normalize={(v: string) => v.toUpperCase()}
            rules={[...required, { pattern: ICD10_PATTERN, message: t('work.icd10Format') }]}
          >
            <Input placeholder="E11.9" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('work.certificationKind')} rules={required}>
            <Select
              options={CERTIFICATION_KINDS.map((k) => ({
                value: k,
                label: label(t, 'certificationKind', k),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="validFrom" label={t('work.validFrom')} rules={required}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="validTo" label={t('work.validTo')}>
            <DateInput allowClear />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="certifiedBy" label={t('work.certifiedBy')}>
        <InstitutionSelect<string | null> allowClear accept={isMedical} />
      </Form.Item>
    </FormModal>
  );
}
