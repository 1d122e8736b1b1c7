// A person's page: enrolment, certified chronic diseases and the family-doctor contract, the year's
// accumulators against the caps and deductibles of the policy in force, and the settlement history.
import type { Person } from '@yibao/api';
import { Button, Card, Descriptions, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Money } from '../components/Money';
import { label } from '../format/labels';
import { useApi } from '../hooks/useApi';
import { useQueryState } from '../hooks/useQueryState';
import { useLocale } from '../i18n/LocaleContext';
import { AccumulatorCaps } from './persons/AccumulatorCaps';
import { CareWorkplace } from './persons/care/CareWorkplace';
import { ConsentsCard } from './persons/ConsentsCard';
import { RevealDialog } from './persons/RevealDialog';
import { SettlementHistoryCard } from './settlements/SettlementHistoryCard';
import { sortOf } from './settlements/sort';

const thisYear = new Date().getFullYear();

export default function PersonDetailPage() {
  const { t } = useLocale();
  const { personId = '' } = useParams();
  const query = useQueryState();
  const year = query.getNumber('year', thisYear);
  const page = query.getNumber('page', 1);
  const pageSize = query.getNumber('pageSize', 10);
  const sort = sortOf(query.get('sort'));
  const person = useApi((signal) => api.person(personId, signal), [personId]);
  // The full view the service answered after a reason was given (R-B7); masked again on leaving.
  const [revealed, setRevealed] = useState<Person | null>(null);
  // The limits in force, the version and the day they are read on are the server's answer.
  const limits = useApi((signal) => api.personLimits(personId, year, signal), [personId, year]);
  const history = useApi(
    (signal) => api.settlements({ personId, sort, page, pageSize }, signal),
    [personId, sort, page, pageSize],
  );

  if (person.error !== undefined) return <ErrorAlert error={person.error} onRetry={person.reload} />;
  const loaded = person.data;
  if (loaded === undefined) return <Loading />;
  const p = revealed !== null && revealed.id === loaded.id ? revealed : loaded;
  return (
    <div data-testid="page-person-detail">
      <Typography.Title level={3} className="page-title">
        <span data-testid="person-name">{p.name}</span>{' '}
        <Typography.Text type="secondary" style={{ fontSize: 14 }}>
          {p.id}
        </Typography.Text>{' '}
        {p.revealed ? (
          <Space size="small">
            <Tag color="orange">{t('privacy.revealed')}</Tag>
            <Button
              size="small"
              onClick={() => {
                setRevealed(null);
              }}
            >
              {t('privacy.hide')}
            </Button>
          </Space>
        ) : (
          <RevealDialog personId={p.id} onRevealed={setRevealed} />
        )}
      </Typography.Title>
      <Card size="small" title={t('person.enrolment')} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'scheme', label: t('persons.scheme'), children: label(t, 'scheme', p.scheme) },
            { key: 'category', label: t('persons.category'), children: label(t, 'category', p.category) },
            { key: 'region', label: t('persons.region'), children: p.region },
            {
              key: 'idNumber',
              label: t('privacy.idNumber'),
              children: <span data-testid="person-id-number">{p.idNumber ?? '—'}</span>,
            },
            {
              key: 'account',
              label: t('person.accountBalance'),
              children: <Money value={p.accountBalance} />,
            },
            {
              key: 'chronic',
              label: t('persons.chronicDiseases'),
              children:
                p.chronicDiseases.length === 0
                  ? t('person.noneCertified')
                  : p.chronicDiseases.map((c) => <Tag key={c}>{c}</Tag>),
            },
            {
              key: 'contract',
              label: t('persons.familyDoctor'),
              children: p.familyDoctorContract ? (
                <Tag color="green">{t('persons.contracted')}</Tag>
              ) : (
                t('person.noContract')
              ),
            },
            {
              key: 'relocated',
              label: t('person.relocated'),
              children: p.relocated ? t('common.yes') : t('common.no'),
            },
          ]}
        />
      </Card>
      <CareWorkplace personId={p.id} />
      <ConsentsCard personId={p.id} />
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={t('person.accumulators')}
        extra={
          <Space>
            <span>{t('person.year')}</span>
            <Select<number>
              value={year}
              style={{ width: 100 }}
              data-testid="person-year"
              onChange={(y) => {
                query.set({ year: y === thisYear ? undefined : y });
              }}
              options={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: y, label: String(y) }))}
            />
          </Space>
        }
      >
        {limits.error !== undefined ? <ErrorAlert error={limits.error} onRetry={limits.reload} /> : null}
        {limits.data === undefined ? (
          limits.error === undefined ? (
            <Loading />
          ) : null
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {t('person.capsNote', {
                date: limits.data.date,
                version: limits.data.policyVersion ?? '—',
              })}{' '}
              <Link to={`/policy?region=${p.region}`}>{t('nav.policy')}</Link>
            </Typography.Paragraph>
            <AccumulatorCaps limits={limits.data.limits} />
          </>
        )}
      </Card>
      <SettlementHistoryCard title={t('person.history')} history={history} sort={sort} hide={['person']} />
    </div>
  );
}
