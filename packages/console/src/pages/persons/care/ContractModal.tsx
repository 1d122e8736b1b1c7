// 家庭医生签约 "1+1+1" (R-B4): a community or township centre, optionally a secondary and a tertiary
// hospital, the doctor, the priority group, the term; the person's identity checked first.
import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import type { ContractBody } from '@yibao/api';
import { PRIORITY_GROUPS } from '@yibao/api/constants';
import { registryApi } from '../../../api/registry-endpoints';
import { label } from '../../../format/labels';
import { useLocale } from '../../../i18n/LocaleContext';
import { DateInput, todayString } from '../../registry/forms/DateInput';
import { FormModal } from '../../registry/forms/FormModal';
import { InstitutionSelect, isCentre } from '../../registry/forms/InstitutionSelect';
import { LIMITS } from '../../registry/forms/limits';
import type { CareFormProps } from './types';

/** A year's term from today: to the day before the same date next year. */
function yearFrom(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

export function ContractModal({ personId, open, onDone, onCancel }: CareFormProps) {
  const { t } = useLocale();
  const required = [{ required: true, message: t('work.required') }];
  const today = todayString();
  return (
    <FormModal<ContractBody, unknown>
      open={open}
      testId="care-contract"
      width={640}
      title={t('work.signContract')}
      okLabel={t('work.sign')}
      initialValues={{
        validFrom: today,
        validTo: yearFrom(today),
        identityVerified: false,
        priorityGroup: null,
      }}
      onSubmit={(values) =>
        registryApi.signContract(personId, {
          ...values,
          doctor: values.doctor.trim(),
          districtHospitalId: values.districtHospitalId ?? null,
          cityHospitalId: values.cityHospitalId ?? null,
          priorityGroup: values.priorityGroup ?? null,
        })
      }
      onDone={onDone}
      onCancel={onCancel}
    >
      <Form.Item name="communityCentreId" label={t('work.communityCentre')} rules={required}>
        <InstitutionSelect<string> accept={isCentre} testId="contract-centre" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="districtHospitalId" label={t('work.districtHospital')}>
            <InstitutionSelect<string | null> allowClear accept={(i) => i.level === 'secondary'} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="cityHospitalId" label={t('work.cityHospital')}>
            <InstitutionSelect<string | null> allowClear accept={(i) => i.level === 'tertiary'} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="doctor"
            label={t('work.doctor')}
            rules={[
              ...required,
              { whitespace: true, message: t('work.required') },
              { max: LIMITS.text, message: t('work.tooLong', { max: LIMITS.text }) },
            ]}
          >
            <Input maxLength={LIMITS.text} data-testid="contract-doctor" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="priorityGroup" label={t('work.priorityGroup')}>
            <Select
              allowClear
              options={PRIORITY_GROUPS.map((g) => ({ value: g, label: label(t, 'priorityGroup', g) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="validFrom" label={t('work.validFrom')} rules={required}>
            <DateInput testId="contract-from" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="validTo" label={t('work.validTo')} rules={required}>
            <DateInput testId="contract-to" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="identityVerified"
        valuePropName="checked"
        rules={[
          {
            validator: (_, v) =>
              v === true ? Promise.resolve() : Promise.reject(new Error(t('work.identityRequired'))),
          },
        ]}
      >
        <Checkbox data-testid="contract-identity">{t('work.identityVerified')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
