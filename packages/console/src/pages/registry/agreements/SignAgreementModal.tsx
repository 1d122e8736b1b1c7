// 签订年度医疗服务协议 with a designated institution: the year, the term (the calendar year unless
// given), the signing date, indicators and settlement terms — started from its latest agreement's.
import { Col, Form, InputNumber, Row } from 'antd';
import type { Agreement, SignAgreementBody } from '@yibao/api';
import { registryApi } from '../../../api/registry-endpoints';
import { useLocale } from '../../../i18n/LocaleContext';
import { DateInput, todayString } from '../forms/DateInput';
import { FormModal } from '../forms/FormModal';
import { LIMITS } from '../forms/limits';
import { filled, IndicatorFields, TermsFields } from './AgreementFields';

export function SignAgreementModal({
  institutionId,
  latest,
  open,
  onDone,
  onCancel,
}: {
  institutionId: string;
  latest: Agreement | undefined;
  open: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useLocale();
  const year = latest === undefined ? new Date().getFullYear() : latest.year + 1;
  return (
    <FormModal<SignAgreementBody, Agreement>
      open={open}
      testId="sign-agreement"
      width={720}
      title={t('work.signAgreement')}
      okLabel={t('work.sign')}
      initialValues={{
        year,
        signedOn: todayString(),
        indicators: latest?.indicatorsOnDate ?? {},
        settlementTerms: latest?.termsOnDate ?? { method: '', paymentDays: 30 },
      }}
      onSubmit={(values) =>
        registryApi.signAgreement(institutionId, {
          ...values,
          validFrom: values.validFrom ?? undefined,
          validTo: values.validTo ?? undefined,
          indicators: filled(values.indicators) ?? {},
          settlementTerms: { ...values.settlementTerms, ...filled(values.settlementTerms) },
        })
      }
      onDone={onDone}
      onCancel={onCancel}
    >
      <Row gutter={12}>
        <Col xs={24} sm={6}>
          <Form.Item
            name="year"
            label={t('registry.year')}
            rules={[{ required: true, message: t('work.required') }]}
          >
            <InputNumber min={LIMITS.yearMin} max={LIMITS.yearMax} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={6}>
          <Form.Item
            name="signedOn"
            label={t('registry.signedOn')}
            rules={[{ required: true, message: t('work.required') }]}
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={6}>
          <Form.Item name="validFrom" label={t('work.validFrom')} tooltip={t('work.termDefault')}>
            <DateInput allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={6}>
          <Form.Item name="validTo" label={t('work.validTo')}>
            <DateInput allowClear />
          </Form.Item>
        </Col>
      </Row>
      <IndicatorFields prefix={['indicators']} />
      <TermsFields prefix={['settlementTerms']} required />
    </FormModal>
  );
}
