// 户籍所在县: where the person lives decides a visit's scope (in county, in city, out of city).
import { Form, Select } from 'antd';
import type { ResidenceBody } from '@yibao/api';
import { registryApi } from '../../../api/registry-endpoints';
import { useInstitutionDirectory } from '../../../hooks/useDirectory';
import { useLocale } from '../../../i18n/LocaleContext';
import { FormModal } from '../../registry/forms/FormModal';
import type { CareFormProps } from './types';

export function ResidenceModal({ personId, care, open, onDone, onCancel }: CareFormProps) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  const counties = [...new Set(directory.list.map((i) => i.county))].sort();
  return (
    <FormModal<ResidenceBody, unknown>
      open={open}
      testId="care-residence"
      title={t('work.residence')}
      initialValues={{ county: care?.county ?? undefined }}
      onSubmit={(values) => registryApi.setResidence(personId, values)}
      onDone={onDone}
      onCancel={onCancel}
    >
      <Form.Item
        name="county"
        label={t('care.homeCounty')}
        rules={[{ required: true, message: t('work.required') }]}
      >
        <Select showSearch options={counties.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
    </FormModal>
  );
}
