// A settlement's amounts (CALC_CONTRACT.md result) in the order they are worked out, with the
// fund, account and cash parts that a patient and an institution care about standing out.
import { Descriptions } from 'antd';
import { AMOUNT_NAMES } from '@yibao/api/constants';
import type { CalcResult } from '@yibao/api';
import { useLocale } from '../i18n/LocaleContext';
import { Money } from './Money';

const HIGHLIGHTED = new Set(['fundPay', 'accountPay', 'cashPay', 'totalCost']);

export function AmountsSummary({ result }: { result: CalcResult }) {
  const { t } = useLocale();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, md: 3, lg: 4 }}
      data-testid="amounts"
      items={[
        ...AMOUNT_NAMES.map((name) => ({
          key: name,
          label: t(`amount.${name}`),
          children: <Money value={result[name]} strong={HIGHLIGHTED.has(name)} />,
        })),
        { key: 'rate', label: t('amount.rate'), children: `${result.rate}%` },
      ]}
    />
  );
}
