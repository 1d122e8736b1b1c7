// The visit itself: who, where, when, what kind of care, and the facts the rules turn on
// (diagnosis, scope, a filed referral, paying from the personal account).
import { Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Person } from '@yibao/api';
import { DIRECTIONS, LEVELS, SCOPES, VISIT_KINDS } from '@yibao/api/constants';
import { label } from '../../format/labels';
import { useInstitutionDirectory } from '../../hooks/useDirectory';
import { useLocale } from '../../i18n/LocaleContext';
import { PersonPicker } from './PersonPicker';
import { ICD10, needsDiagnosis } from './validation';

/** The date as the form keeps it (a string) shown in a date picker. */
function DateField({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  return (
    <DatePicker
      style={{ width: '100%' }}
      value={value === undefined ? null : dayjs(value)}
      onChange={(d: Dayjs | null) => onChange?.(d === null ? undefined : d.format('YYYY-MM-DD'))}
      data-testid="try-date"
    />
  );
}

export function VisitFields({ onPerson }: { onPerson: (p: Person | undefined) => void }) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  const form = Form.useFormInstance();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const referral = Form.useWatch('referral', form) as boolean | undefined;
  return (
    <Row gutter={16}>
      <Col xs={24} md={12} xl={8}>
        <Form.Item
          name="personId"
          label={t('try.person')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <PersonPicker onPerson={onPerson} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Form.Item
          name="institutionId"
          label={t('try.institution')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={!directory.ready}
            placeholder={t('settlements.institutionPlaceholder')}
            data-testid="try-institution"
            options={directory.list.map((i) => ({
              value: i.id,
              label: `${i.name} (${i.id}) · ${i.level === null ? label(t, 'institutionType', i.type) : label(t, 'level', i.level)}`,
            }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Form.Item
          name="date"
          label={t('try.date')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DateField />
        </Form.Item>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Form.Item
          name="kind"
          label={t('settlements.kind')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            data-testid="try-kind"
            options={VISIT_KINDS.map((k) => ({ value: k, label: label(t, 'visitKind', k) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Form.Item name="department" label={t('try.department')}>
          <Select options={['general', 'tcm'].map((d) => ({ value: d, label: label(t, 'department', d) }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Form.Item
          name="diagnosis"
          label={t('settlement.diagnosis')}
          rules={[
            { required: needsDiagnosis(kind), message: t('validation.diagnosisRequired') },
            {
              pattern: ICD10,
              message: t('validation.icd10'),
              transform: (v: string | undefined) => v?.trim().toUpperCase(),
            },
          ]}
        >
          <Input placeholder="E11" data-testid="try-diagnosis" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Form.Item name="scope" label={t('try.scope')}>
          <Select options={SCOPES.map((s) => ({ value: s, label: label(t, 'scope', s) }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Form.Item name="useAccount" label={t('try.useAccount')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Form.Item name="referral" label={t('try.referral')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      {referral === true ? (
        <>
          <Col xs={12} md={6} xl={4}>
            <Form.Item
              name="referralFromLevel"
              label={t('try.referralFrom')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select options={LEVELS.map((l) => ({ value: l, label: label(t, 'level', l) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item
              name="referralDirection"
              label={t('try.referralDirection')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select options={DIRECTIONS.map((d) => ({ value: d, label: label(t, 'direction', d) }))} />
            </Form.Item>
          </Col>
        </>
      ) : null}
    </Row>
  );
}
