// The fields of an agreement's terms (R-A6): the indicators — shares and rates as whole-number
// percentages, the total-control amount in yuan — and the settlement terms. Named as the service
// names them under `prefix`, so its refusal lands on the field.
import { Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { AgreementIndicators, SettlementTerms } from '@yibao/api';
import { label } from '../../../format/labels';
import { useLocale } from '../../../i18n/LocaleContext';
import { LIMITS } from '../forms/limits';

/** The indicators in the contract's order (AgreementIndicators); all but the amount are percentages. */
export const INDICATORS = [
  'drugCostShareMax',
  'selfPaidDrugShareMax',
  'inpatientOutOfScopeShareMax',
  'inpatientPersonalBurdenShareMax',
  'totalControlAmount',
  'catalogueStockingRateMin',
  'catalogueUsageRateMin',
  'satisfactionMin',
] as const satisfies readonly (keyof AgreementIndicators)[];

/** `current`: the values in force, shown greyed in the empty fields of a supplementary agreement. */
export function IndicatorFields({ prefix, current }: { prefix: string[]; current?: AgreementIndicators }) {
  const { t } = useLocale();
  return (
    <>
      <Typography.Text strong>{t('registry.indicators')}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 8 }}>
        {INDICATORS.map((name) => (
          <Col xs={24} sm={12} key={name}>
            <Form.Item name={[...prefix, name]} label={label(t, 'indicator', name)}>
              <InputNumber
                min={0}
                max={name === 'totalControlAmount' ? undefined : LIMITS.percentMax}
                style={{ width: '100%' }}
                placeholder={current?.[name] === undefined ? undefined : String(current[name])}
                data-testid={`indicator-${name}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}

/** 结算办法、时限与质量保证金; `required` on signing, optional in a supplementary agreement. */
export function TermsFields({
  prefix,
  required,
  current,
}: {
  prefix: string[];
  required: boolean;
  current?: SettlementTerms;
}) {
  const { t } = useLocale();
  const need = required ? [{ required: true, message: t('work.required') }] : [];
  return (
    <>
      <Typography.Text strong>{t('work.terms')}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col xs={24} sm={8}>
          <Form.Item
            name={[...prefix, 'method']}
            label={t('work.method')}
            rules={[...need, { max: LIMITS.method, message: t('work.tooLong', { max: LIMITS.method }) }]}
          >
            <Input maxLength={LIMITS.method} placeholder={current?.method} data-testid="terms-method" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={[...prefix, 'paymentDays']} label={t('work.paymentDays')} rules={need}>
            <InputNumber
              min={0}
              max={LIMITS.paymentDaysMax}
              precision={0}
              placeholder={current === undefined ? undefined : String(current.paymentDays)}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={[...prefix, 'qualityDepositPercent']} label={t('work.qualityDeposit')}>
            <InputNumber
              min={0}
              max={LIMITS.percentMax}
              placeholder={current?.qualityDepositPercent?.toString()}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** Drops what the officer left empty: the service takes an absent indicator, not a null one. */
export function filled<T extends object>(values: T | undefined): Partial<T> | undefined {
  if (values === undefined) return undefined;
  const kept = Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return kept.length === 0 ? undefined : (Object.fromEntries(kept) as Partial<T>);
}
