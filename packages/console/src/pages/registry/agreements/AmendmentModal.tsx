// 补充协议 (R-A5): changes some indicators or settlement terms from a date, with its reason. What is
// left empty stays as it was; at least one change is needed.
import { Col, Form, Input, Row } from 'antd';
import type { Agreement, AmendmentBody } from '@yibao/api';
import { registryApi } from '../../../api/registry-endpoints';
import { useLocale } from '../../../i18n/LocaleContext';
import { DateInput, todayString } from '../forms/DateInput';
import { FormModal } from '../forms/FormModal';
import { LIMITS } from '../forms/limits';
import { filled, IndicatorFields, TermsFields } from './AgreementFields';

export function AmendmentModal({
  agreement,
  open,
  onDone,
  onCancel,
}: {
  agreement: Agreement;
  open: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useLocale();
  return (
    <FormModal<AmendmentBody, unknown>
      open={open}
      testId="amend-agreement"
      width={720}
      title={t('work.amendTitle', { id: agreement.id })}
      okLabel={t('work.sign')}
      initialValues={{ signedOn: todayString(), effectiveOn: todayString(), changes: {}, reason: '' }}
      onSubmit={async (values) => {
        const indicators = filled(values.changes.indicators);
        const settlementTerms = filled(values.changes.settlementTerms);
        if (indicators === undefined && settlementTerms === undefined)
          throw new Error(t('work.amendNothing'));
        return registryApi.amendAgreement(agreement.id, {
          ...values,
          reason: values.reason.trim(),
          changes: {
            ...(indicators === undefined ? {} : { indicators }),
            ...(settlementTerms === undefined ? {} : { settlementTerms }),
          },
        });
      }}
      onDone={onDone}
      onCancel={onCancel}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="signedOn"
            label={t('registry.signedOn')}
            rules={[{ required: true, message: t('work.required') }]}
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="effectiveOn"
            label={t('work.effectiveOn')}
            rules={[{ required: true, message: t('work.required') }]}
          >
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <IndicatorFields prefix={['changes', 'indicators']} current={agreement.indicatorsOnDate} />
      <TermsFields prefix={['changes', 'settlementTerms']} required={false} current={agreement.termsOnDate} />
      <Form.Item
        name="reason"
        label={t('confirm.reason')}
        rules={[
          { required: true, whitespace: true, message: t('work.required') },
          { max: LIMITS.text, message: t('work.tooLong', { max: LIMITS.text }) },
        ]}
      >
        <Input.TextArea rows={2} showCount maxLength={LIMITS.text} />
      </Form.Item>
    </FormModal>
  );
}
