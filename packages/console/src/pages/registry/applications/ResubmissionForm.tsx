// 补正后重新提交: a returned application amended — the whole checklist again, the green channel,
// the date and what was corrected — goes back to review as a new round.
import { Button, Card, Col, Form, Input, Row, Switch } from 'antd';
import type { DesignationApplication, ResubmissionBody } from '@yibao/api';
import { registryApi } from '../../../api/registry-endpoints';
import { Can } from '../../../components/Can';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/LocaleContext';
import { useFormAction } from '../forms/apiErrors';
import { DateInput, todayString } from '../forms/DateInput';
import { LIMITS } from '../forms/limits';
import { CriteriaFields, initialCriteria } from './CriteriaFields';

export function ResubmissionForm({
  application,
  onResubmitted,
}: {
  application: DesignationApplication;
  onResubmitted: () => void;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<ResubmissionBody>();
  const action = useFormAction(
    form,
    (values) => registryApi.resubmit(application.id, { ...values, reason: values.reason.trim() }),
    onResubmitted,
  );
  return (
    <Card size="small" title={t('work.resubmission')} style={{ marginBottom: 16 }} data-testid="resubmission">
      {action.error !== undefined ? <ErrorAlert error={action.error} /> : null}
      <Form<ResubmissionBody>
        form={form}
        layout="vertical"
        initialValues={{
          resubmittedOn: todayString(),
          criteria: initialCriteria(application.criteria),
          greenChannel: application.greenChannel,
          reason: '',
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="resubmittedOn"
              label={t('work.resubmittedOn')}
              rules={[{ required: true, message: t('work.required') }]}
            >
              <DateInput testId="resubmission-date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="greenChannel" label={t('registry.greenChannel')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <CriteriaFields />
        <Form.Item
          style={{ marginTop: 16 }}
          name="reason"
          label={t('work.resubmissionReason')}
          rules={[
            { required: true, whitespace: true, message: t('work.required') },
            {
              max: LIMITS.resubmissionReason,
              message: t('work.tooLong', { max: LIMITS.resubmissionReason }),
            },
          ]}
        >
          <Input.TextArea rows={2} showCount maxLength={LIMITS.resubmissionReason} />
        </Form.Item>
        <Can permission="registry.write">
          <Button
            type="primary"
            loading={action.busy}
            data-testid="resubmission-submit"
            onClick={() => void action.submit()}
          >
            {t('work.resubmit')}
          </Button>
        </Can>
      </Form>
    </Card>
  );
}
