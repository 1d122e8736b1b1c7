// 登记定点申请 (R-A2, R-A4): the applicant — its code, name, type, level and county — the stations or
// village clinics applying with it, the date, the checklist item by item, and the green channel.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import type { ApplicationBody, DesignationApplication } from '@yibao/api';
import { INSTITUTION_TYPES, LEVELS } from '@yibao/api/constants';
import { registryApi } from '../../../api/registry-endpoints';
import { label } from '../../../format/labels';
import { useInstitutionDirectory } from '../../../hooks/useDirectory';
import { useLocale } from '../../../i18n/LocaleContext';
import { DateInput, todayString } from '../forms/DateInput';
import { FormModal } from '../forms/FormModal';
import { LIMITS } from '../forms/limits';
import { CriteriaFields, initialCriteria } from './CriteriaFields';

/** What the service caps stations applied for together at (ApplicationBody.stations.maxItems). */
const STATIONS_MAX = 50;

export function NewApplicationModal({
  open,
  onDone,
  onCancel,
}: {
  open: boolean;
  onDone: (application: DesignationApplication) => void;
  onCancel: () => void;
}) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  const counties = [...new Set(directory.list.map((i) => i.county))].sort();
  const required = [{ required: true, message: t('work.required') }];
  const id = [...required, { max: LIMITS.id, message: t('work.tooLong', { max: LIMITS.id }) }];
  const text = [...required, { max: LIMITS.text, message: t('work.tooLong', { max: LIMITS.text }) }];
  const types = INSTITUTION_TYPES.map((v) => ({ value: v, label: label(t, 'institutionType', v) }));
  const countyOptions = counties.map((c) => ({ value: c, label: c }));
  return (
    <FormModal<ApplicationBody, DesignationApplication>
      open={open}
      testId="new-application"
      width={820}
      title={t('work.newApplication')}
      okLabel={t('work.submitApplication')}
      initialValues={{
        submittedOn: todayString(),
        criteria: initialCriteria(),
        greenChannel: false,
        stations: [],
      }}
      onSubmit={(values) =>
        registryApi.submitApplication({
          ...values,
          id: values.id === undefined || values.id.trim() === '' ? undefined : values.id.trim(),
          institution: { ...values.institution, level: values.institution.level ?? null },
        })
      }
      onDone={onDone}
      onCancel={onCancel}
    >
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name={['institution', 'id']} label={t('institutions.id')} rules={id}>
            <Input maxLength={LIMITS.id} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name={['institution', 'name']} label={t('institutions.name')} rules={text}>
            <Input maxLength={LIMITS.text} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={['institution', 'type']} label={t('institutions.type')} rules={required}>
            <Select options={types} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={['institution', 'level']} label={t('institutions.level')}>
            <Select allowClear options={LEVELS.map((v) => ({ value: v, label: label(t, 'level', v) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={['institution', 'county']} label={t('institutions.county')} rules={required}>
            <Select showSearch options={countyOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="submittedOn" label={t('registry.submitted')} rules={required}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="greenChannel" label={t('registry.greenChannel')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="id" label={t('work.newId')} tooltip={t('work.newIdNote')} rules={id.slice(1)}>
            <Input maxLength={LIMITS.id} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="stations">
        {(fields, { add, remove }) => (
          <div style={{ marginBottom: 8 }}>
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              {t('work.stations')}
            </Typography.Paragraph>
            {fields.map((field) => (
              <Space key={field.key} align="start" style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'id']} rules={id}>
                  <Input placeholder={t('institutions.id')} maxLength={LIMITS.id} style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} rules={text}>
                  <Input
                    placeholder={t('institutions.name')}
                    maxLength={LIMITS.text}
                    style={{ width: 240 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'type']} rules={required}>
                  <Select placeholder={t('institutions.type')} options={types} style={{ width: 170 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'county']} rules={required}>
                  <Select
                    placeholder={t('institutions.county')}
                    options={countyOptions}
                    style={{ width: 120 }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('work.remove')}
                  onClick={() => {
                    remove(field.name);
                  }}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined />}
              disabled={fields.length >= STATIONS_MAX}
              onClick={() => {
                add({ type: 'community_station' });
              }}
              style={{ marginBottom: 16 }}
            >
              {t('work.addStation')}
            </Button>
          </div>
        )}
      </Form.List>
      <CriteriaFields />
    </FormModal>
  );
}
