// 就医关系 of one person (issue 4's registry): enrolment periods, chosen institutions, first-contact
// institution, family-doctor contracts, disease certifications and relocation filings.
import { Card, Descriptions, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useInstitutionDirectory } from '../../hooks/useDirectory';
import { useLocale } from '../../i18n/LocaleContext';

export function CareCard({ personId }: { personId: string }) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  const care = useApi((signal) => api.care(personId, signal), [personId]);
  const name = (id: string | null) =>
    id === null ? null : (
      <Link key={id} to={`/institutions/${id}`}>
        {directory.byId.get(id)?.name ?? id}
      </Link>
    );
  const none = t('person.noneCertified');
  // An older service without the registry answers 404: say where these records will come from.
  if (care.error instanceof ApiRequestError && care.error.status === 404)
    return (
      <Card size="small" title={t('person.care')} style={{ marginBottom: 16 }}>
        {t('person.registryNote')}
      </Card>
    );
  const c = care.data;
  return (
    <Card size="small" title={t('person.care')} style={{ marginBottom: 16 }} data-testid="care">
      {care.error !== undefined ? <ErrorAlert error={care.error} onRetry={care.reload} /> : null}
      {c === undefined ? (
        care.error === undefined ? (
          <Loading />
        ) : null
      ) : (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'insured',
              label: t('care.insuredToday'),
              children: c.insured ? (
                <Tag color="green">{t('common.yes')}</Tag>
              ) : (
                <Tag color="red">{t('common.no')}</Tag>
              ),
            },
            { key: 'county', label: t('care.homeCounty'), children: c.county ?? '—' },
            {
              key: 'enrolments',
              label: t('care.enrolments'),
              children:
                c.enrolments.length === 0
                  ? none
                  : c.enrolments.map((e) => (
                      <div key={e.id}>{`${e.validFrom} — ${e.validTo ?? t('policy.open')}`}</div>
                    )),
            },
            {
              key: 'first',
              label: t('care.firstContact'),
              children:
                c.firstContact === null ? (
                  none
                ) : (
                  <span>
                    {c.firstContact.year}: {name(c.firstContact.institutionId)} ({c.firstContact.chosenOn})
                  </span>
                ),
            },
            {
              key: 'chosen',
              label: t('care.chosen'),
              children:
                c.chosenInstitutions === null ? (
                  none
                ) : (
                  <span>
                    {c.chosenInstitutions.year}:{' '}
                    {c.chosenInstitutions.institutionIds.map((id) => (
                      <span key={id} style={{ marginRight: 8 }}>
                        {name(id)}
                      </span>
                    ))}
                  </span>
                ),
            },
            {
              key: 'contracts',
              label: t('care.contracts'),
              children:
                c.contracts.length === 0
                  ? none
                  : c.contracts.map((k) => (
                      <div key={k.id}>
                        {k.doctor} · {k.validFrom} — {k.endedOn ?? k.validTo} · {name(k.communityCentreId)}{' '}
                        {name(k.districtHospitalId)} {name(k.cityHospitalId)}
                      </div>
                    )),
            },
            {
              key: 'certifications',
              label: t('care.certifications'),
              children:
                c.certifications.length === 0
                  ? none
                  : c.certifications.map((k) => (
                      <Tag key={k.id} color={k.revokedOn === null ? 'blue' : 'default'}>
                        {k.code} ({k.kind}) {k.validFrom} — {k.revokedOn ?? k.validTo ?? t('policy.open')}
                      </Tag>
                    )),
            },
            {
              key: 'relocations',
              label: t('care.relocations'),
              children:
                c.relocations.length === 0
                  ? none
                  : c.relocations.map((r) => (
                      <div
                        key={r.id}
                      >{`${r.filedOn} → ${r.destination} (${r.validFrom} — ${r.validTo ?? t('policy.open')})`}</div>
                    )),
            },
          ]}
        />
      )}
    </Card>
  );
}
