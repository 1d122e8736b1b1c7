// A settlement's page: who, where, when; its lines; every amount and the rule and clause behind it;
// the reversal link in either direction; and the patient's printable statement (R-G3).
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/endpoints';
import { AmountsSummary } from '../components/AmountsSummary';
import { ErrorAlert } from '../components/ErrorAlert';
import { LinesTable, lineRows } from '../components/LinesTable';
import { Loading } from '../components/Loading';
import { TraceExplanation } from '../components/TraceExplanation';
import { label } from '../format/labels';
import { useApi } from '../hooks/useApi';
import { useInstitutionDirectory } from '../hooks/useDirectory';
import { useLocale } from '../i18n/LocaleContext';
import { PatientStatement } from './settlements/PatientStatement';

export default function SettlementDetailPage() {
  const { t } = useLocale();
  const { settlementId = '' } = useParams();
  const directory = useInstitutionDirectory();
  const settlement = useApi((signal) => api.settlement(settlementId, signal), [settlementId]);
  const visit = useApi((signal) => api.settlementVisit(settlementId, signal), [settlementId]);
  const personId = settlement.data?.personId;
  const person = useApi(personId === undefined ? null : (signal) => api.person(personId, signal), [personId]);

  if (settlement.error !== undefined)
    return <ErrorAlert error={settlement.error} onRetry={settlement.reload} />;
  const s = settlement.data;
  if (s === undefined) return <Loading />;
  const institution = directory.byId.get(s.institutionId);
  const rows = lineRows(visit.data?.lines ?? [], s.items);
  const visitKind = visit.data?.visit.kind;
  return (
    <div data-testid="page-settlement-detail">
      <Space className="screen-only" style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="page-title">
          {s.reverses !== null ? t('settlement.reversalTitle') : t('settlement.title')}{' '}
          <Typography.Text type="secondary" copyable style={{ fontSize: 14 }}>
            {s.settlementId}
          </Typography.Text>
        </Typography.Title>
        <Space>
          <Link to="/settlements">{t('settlement.back')}</Link>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => {
              window.print();
            }}
            data-testid="print-statement"
          >
            {t('settlement.print')}
          </Button>
        </Space>
      </Space>
      <div className="screen-only">
        {s.reverses !== null ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="reverses-link"
            title={
              <span>
                {t('settlement.reverses')} <Link to={`/settlements/${s.reverses}`}>{s.reverses}</Link>
              </span>
            }
          />
        ) : null}
        {s.reversedBy !== undefined && s.reversedBy !== null ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="reversed-by-link"
            title={
              <span>
                {t('settlement.reversedBy')} <Link to={`/settlements/${s.reversedBy}`}>{s.reversedBy}</Link>
              </span>
            }
          />
        ) : null}
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'date', label: t('settlements.date'), children: s.date },
              {
                key: 'person',
                label: t('settlements.person'),
                children: (
                  <Link to={`/persons/${s.personId}`}>
                    {person.data?.name ?? ''} {s.personId}
                  </Link>
                ),
              },
              {
                key: 'institution',
                label: t('settlements.institution'),
                children: (
                  <Link to={`/institutions/${s.institutionId}`}>{institution?.name ?? s.institutionId}</Link>
                ),
              },
              { key: 'kind', label: t('settlements.kind'), children: label(t, 'visitKind', visitKind) },
              {
                key: 'diagnosis',
                label: t('settlement.diagnosis'),
                children: visit.data?.visit.diagnosis ?? '—',
              },
              {
                key: 'group',
                label: t('settlements.benefitGroup'),
                children: label(t, 'benefitGroup', s.benefitGroup),
              },
              {
                key: 'version',
                label: t('settlement.policyVersion'),
                children: `${s.region} · ${s.policyVersion}`,
              },
              { key: 'hash', label: t('settlement.policyHash'), children: s.policyHash ?? '—' },
              { key: 'request', label: t('settlement.requestId'), children: s.requestId },
            ]}
          />
        </Card>
        <Card size="small" title={t('settlement.amounts')} style={{ marginBottom: 16 }}>
          <AmountsSummary result={s} />
        </Card>
        <Card size="small" title={t('settlement.lines')} style={{ marginBottom: 16 }}>
          {visit.error !== undefined ? (
            <ErrorAlert error={visit.error} onRetry={visit.reload} />
          ) : (
            <LinesTable rows={rows} />
          )}
        </Card>
        <Card size="small" title={t('settlement.explanation')} data-testid="explanation">
          <TraceExplanation trace={s.trace} lineNames={rows.map((r) => r.name)} />
        </Card>
      </div>
      <PatientStatement
        settlement={s}
        rows={rows}
        person={person.data}
        institution={institution}
        visitKind={visitKind}
      />
    </div>
  );
}
