// 选定定点社区医疗机构 (R-B2): one or two community institutions for the year; a centre may come
// with one of its own stations (the pair counts as one).
import { Form, InputNumber } from 'antd';
import type { ChosenInstitutionsBody } from '@yibao/api';
import { registryApi } from '../../../api/registry-endpoints';
import { useLocale } from '../../../i18n/LocaleContext';
import { FormModal } from '../../registry/forms/FormModal';
import { InstitutionSelect, isPrimary } from '../../registry/forms/InstitutionSelect';
import { LIMITS } from '../../registry/forms/limits';
import { thisYear, type CareFormProps } from './types';

export function ChosenInstitutionsModal({ personId, care, open, onDone, onCancel }: CareFormProps) {
  const { t } = useLocale();
  return (
    <FormModal<ChosenInstitutionsBody, unknown>
      open={open}
      testId="care-chosen"
      title={t('care.chosen')}
      initialValues={{
        year: care?.chosenInstitutions?.year ?? thisYear(),
        institutionIds: care?.chosenInstitutions?.institutionIds ?? [],
      }}
      onSubmit={(values) => registryApi.chooseInstitutions(personId, values)}
      onDone={onDone}
      onCancel={onCancel}
    >
      <Form.Item
        name="year"
        label={t('registry.year')}
        rules={[{ required: true, message: t('work.required') }]}
      >
        <InputNumber min={LIMITS.yearMin} max={LIMITS.yearMax} precision={0} />
      </Form.Item>
      <Form.Item
        name="institutionIds"
        label={t('work.institutions')}
        extra={t('work.chosenNote')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('work.required') },
          { type: 'array', max: LIMITS.chosenMax, message: t('work.atMost', { n: LIMITS.chosenMax }) },
        ]}
      >
        <InstitutionSelect<string[]> multiple accept={isPrimary} />
      </Form.Item>
    </FormModal>
  );
}
