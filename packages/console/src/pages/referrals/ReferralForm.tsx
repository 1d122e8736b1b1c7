// 开具转诊单 (R-D3, R-D6): the person, from and to (the direction follows from the two levels, the
// scope from the person's home county — both the service's findings), the dates, the diagnosis, and
// the previous stay's settlement when its deductible counts for the next (R-D6).
import { Button, Col, Form, Input, Row } from 'antd';
import type { Referral, ReferralBody } from '@yibao/api';
import { registryApi } from '../../api/registry-endpoints';
import { Can } from '../../components/Can';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n/LocaleContext';
import { useFormAction } from '../registry/forms/apiErrors';
import { DateInput, todayString } from '../registry/forms/DateInput';
import { InstitutionSelect, isMedical } from '../registry/forms/InstitutionSelect';
import { LIMITS } from '../registry/forms/limits';
import { PersonPicker } from '../try/PersonPicker';

const optional = (v: string | null | undefined): string | null =>
  v === undefined || v === null || v.trim() === '' ? null : v.trim();

export function ReferralForm({ onCreated }: { onCreated: (referral: Referral) => void }) {
  const { t } = useLocale();
  const [form] = Form.useForm<ReferralBody>();
  const action = useFormAction(
    form,
    (v) =>
      registryApi.createReferral({
        ...v,
        id: optional(v.id) ?? undefined,
        previousSettlementId: optional(v.previousSettlementId),
        diagnosis: optional(v.diagnosis),
      }),
    (created) => {
      form.resetFields();
      onCreated(created);
    },
  );
  const required = [{ required: true, message: t('work.required') }];
  const id = [{ max: LIMITS.id, message: t('work.tooLong', { max: LIMITS.id }) }];
  return (
    <Form<ReferralBody>
      form={form}
      layout="vertical"
      data-testid="referral-form"
      initialValues={{ issuedOn: todayString() }}
    >
      {action.error !== undefined ? <ErrorAlert error={action.error} /> : null}
      <Form.Item name="personId" label={t('settlements.person')} rules={required}>
        <PersonPicker />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="fromInstitutionId" label={t('work.fromInstitution')} rules={required}>
            <InstitutionSelect<string> accept={isMedical} testId="referral-from" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="toInstitutionId" label={t('work.toInstitution')} rules={required}>
            <InstitutionSelect<string> accept={isMedical} testId="referral-to" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="issuedOn" label={t('work.issuedOn')} rules={required}>
            <DateInput testId="referral-issued" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="validUntil" label={t('work.validUntil')} rules={required}>
            <DateInput testId="referral-valid-until" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="diagnosis"
            label={t('work.diagnosis')}
            rules={[{ max: LIMITS.text, message: t('work.tooLong', { max: LIMITS.text }) }]}
          >
            <Input maxLength={LIMITS.text} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="previousSettlementId"
            label={t('work.previousSettlement')}
            tooltip={t('work.previousSettlementNote')}
            rules={id}
          >
            <Input maxLength={LIMITS.id} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="id" label={t('work.newId')} tooltip={t('work.newIdNote')} rules={id}>
            <Input maxLength={LIMITS.id} data-testid="referral-id" />
          </Form.Item>
        </Col>
      </Row>
      <Can permission="registry.write">
        <Button
          type="primary"
          loading={action.busy}
          data-testid="referral-submit"
          onClick={() => void action.submit()}
        >
          {t('work.issueReferral')}
        </Button>
      </Can>
    </Form>
  );
}
