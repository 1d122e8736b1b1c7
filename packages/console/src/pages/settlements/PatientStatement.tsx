// 结算单: the statement the patient takes home (R-G3) — who, where, when, every line with its
// amounts, and what the fund, the account and the patient paid. Shown only when printing.
import type { Institution, Person, Settlement } from '@yibao/api';
import { formatYuan } from '../../format/numbers';
import { label } from '../../format/labels';
import { useLocale } from '../../i18n/LocaleContext';
import type { LineRow } from '../../components/LinesTable';

interface Props {
  settlement: Settlement;
  rows: LineRow[];
  person: Person | undefined;
  institution: Institution | undefined;
  visitKind: string | undefined;
}

export function PatientStatement({ settlement, rows, person, institution, visitKind }: Props) {
  const { t } = useLocale();
  const money = (n: number | undefined): string => (n === undefined ? '' : formatYuan(n));
  return (
    <div className="statement print-only" data-testid="patient-statement">
      <h2>{t('statement.title')}</h2>
      <div className="statement-meta">
        <div>
          {t('statement.person')}: {person?.name ?? ''} ({settlement.personId})
        </div>
        <div>
          {t('statement.scheme')}:{' '}
          {person === undefined
            ? ''
            : `${label(t, 'scheme', person.scheme)}·${label(t, 'category', person.category)}`}
        </div>
        <div>
          {t('statement.institution')}: {institution?.name ?? settlement.institutionId}
        </div>
        <div>
          {t('statement.date')}: {settlement.date}
        </div>
        <div>
          {t('statement.kind')}: {label(t, 'visitKind', visitKind)}
        </div>
        <div>
          {t('statement.number')}: {settlement.settlementId}
        </div>
        {settlement.reverses !== null ? (
          <div>
            {t('statement.reverses')}: {settlement.reverses}
          </div>
        ) : null}
      </div>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('line.name')}</th>
            <th>{t('line.class')}</th>
            <th>{t('line.quantity')}</th>
            <th>{t('line.unitPrice')}</th>
            <th>{t('line.total')}</th>
            <th>{t('amount.fullSelfPay')}</th>
            <th>{t('amount.firstSelfPay')}</th>
            <th>{t('amount.inScope')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.index}>
              <td>{r.index + 1}</td>
              <td>{r.name}</td>
              <td>{label(t, 'itemClass', r.class)}</td>
              <td className="num">{r.quantity ?? ''}</td>
              <td className="num">{money(r.unitPrice)}</td>
              <td className="num">{money(r.result?.total)}</td>
              <td className="num">{money(r.result?.fullSelfPay)}</td>
              <td className="num">{money(r.result?.firstSelfPay)}</td>
              <td className="num">{money(r.result?.inScope)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <tbody>
          <tr>
            <td>{t('amount.totalCost')}</td>
            <td className="num">{money(settlement.totalCost)}</td>
            <td>{t('amount.deductible')}</td>
            <td className="num">{money(settlement.deductible)}</td>
          </tr>
          <tr>
            <td>{t('amount.fundPay')}</td>
            <td className="num">{money(settlement.fundPay)}</td>
            <td>{t('amount.personalPart')}</td>
            <td className="num">{money(settlement.personalPart)}</td>
          </tr>
          <tr>
            <td>{t('amount.accountPay')}</td>
            <td className="num">{money(settlement.accountPay)}</td>
            <td>{t('amount.cashPay')}</td>
            <td className="num">{money(settlement.cashPay)}</td>
          </tr>
        </tbody>
      </table>
      <p>{t('statement.footer', { version: settlement.policyVersion })}</p>
    </div>
  );
}
