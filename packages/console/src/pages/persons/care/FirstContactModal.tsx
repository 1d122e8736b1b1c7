// 首诊基层医疗机构 (R-B3): one designated primary institution a year.
import { Form, InputNumber } from 'antd';
import type { FirstContactBody } from '@yibao/api';
import { registryApi } from '../../../api/registry-endpoints';
import { useLocale } from '../../../i18n/LocaleContext';
import { DateInput, todayString } from '../../registry/forms/DateInput';
import { FormModal } from '../../registry/forms/FormModal';
import { InstitutionSelect, isPrimary } from '../../registry/forms/InstitutionSelect';
import { LIMITS } from '../../registry/forms/limits';
import { thisYear, type CareFormProps } from './types';

export function FirstContactModal({ personId, open, onDone, onCancel }: CareFormProps) {
  const { t } = useLocale();
  const required = [{ required: true, message: t('work.required') }];
  return (
    <FormModal<FirstContactBody, unknown>
      open={open}
      testId="care-first-contact"
      title={t('care.firstContact')}
      initialValues={{ year: thisYear(), chosenOn: todayString() }}
      onSubmit={(values) => registryApi.chooseFirstContact(personId, values)}
      onDone={onDone}
      onCancel={onCancel}
    >
      <Form.Item name="year" label={t('registry.year')} rules={required}>
        <InputNumber min={LIMITS.yearMin} max={LIMITS.yearMax} precision={0} />
      </Form.Item>
      <Form.Item name="institutionId" label={t('work.institution')} rules={required}>
        <InstitutionSelect<string> accept={isPrimary} />
      </Form.Item>
      <Form.Item name="chosenOn" label={t('work.chosenOn')} rules={required}>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}
