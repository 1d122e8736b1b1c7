// 就医关系 of one person, read and recorded (issue 13 part 6): the care record as it stands (CareCard)
// and the officer's acts on it — residence, chosen institutions, first contact, family-doctor
// contracts (sign, end), certifications (record, revoke), relocation filings. Ending a contract and
// revoking a certification take something away: confirmed in red with a reason and a date.
import { Button, Card, List, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CareRecord } from '@yibao/api';
import { api } from '../../../api/endpoints';
import { registryApi } from '../../../api/registry-endpoints';
import { Can } from '../../../components/Can';
import { label } from '../../../format/labels';
import { useApi } from '../../../hooks/useApi';
import { useInstitutionDirectory } from '../../../hooks/useDirectory';
import { useLocale } from '../../../i18n/LocaleContext';
import { CareCard } from '../../registry/CareCard';
import { ConfirmAct } from '../../registry/forms/ConfirmAct';
import { CertificationModal } from './CertificationModal';
import { ChosenInstitutionsModal } from './ChosenInstitutionsModal';
import { ContractModal } from './ContractModal';
import { FirstContactModal } from './FirstContactModal';
import { RelocationModal } from './RelocationModal';
import { ResidenceModal } from './ResidenceModal';

const FORMS = {
  residence: ResidenceModal,
  chosen: ChosenInstitutionsModal,
  firstContact: FirstContactModal,
  contract: ContractModal,
  certification: CertificationModal,
  relocation: RelocationModal,
} as const;
type FormName = keyof typeof FORMS;

type Ending =
  | { kind: 'contract'; item: CareRecord['contracts'][number] }
  | { kind: 'certification'; item: CareRecord['certifications'][number] };

export function CareWorkplace({ personId }: { personId: string }) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  const [version, setVersion] = useState(0);
  const [form, setForm] = useState<FormName | null>(null);
  const [ending, setEnding] = useState<Ending | null>(null);
  const care = useApi((signal) => api.care(personId, signal), [personId, version]);
  const changed = () => {
    setForm(null);
    setEnding(null);
    setVersion((v) => v + 1);
  };
  const c = care.data;
  const contracts = (c?.contracts ?? []).filter((k) => k.endedOn === null);
  const certifications = (c?.certifications ?? []).filter((k) => k.revokedOn === null);
  const buttons: { name: FormName; label: string }[] = [
    { name: 'contract', label: t('work.signContract') },
    { name: 'certification', label: t('work.certify') },
    { name: 'chosen', label: t('care.chosen') },
    { name: 'firstContact', label: t('care.firstContact') },
    { name: 'relocation', label: t('work.fileRelocation') },
    { name: 'residence', label: t('work.residence') },
  ];
  return (
    <>
      <CareCard key={version} personId={personId} />
      <Can permission="registry.write">
        <Card
          size="small"
          title={t('work.careActs')}
          style={{ marginBottom: 16 }}
          data-testid="care-workplace"
        >
          <Space wrap style={{ marginBottom: 12 }}>
            {buttons.map((b) => (
              <Button
                key={b.name}
                data-testid={`care-open-${b.name}`}
                onClick={() => {
                  setForm(b.name);
                }}
              >
                {b.label}
              </Button>
            ))}
          </Space>
          <List
            size="small"
            data-testid="care-in-force"
            locale={{ emptyText: t('work.nothingInForce') }}
            dataSource={[
              ...contracts.map((item): Ending => ({ kind: 'contract', item })),
              ...certifications.map((item): Ending => ({ kind: 'certification', item })),
            ]}
            renderItem={(e) => (
              <List.Item
                actions={[
                  <Button
                    key="end"
                    size="small"
                    danger
                    data-testid={e.kind === 'contract' ? 'contract-end' : 'certification-revoke'}
                    onClick={() => {
                      setEnding(e);
                    }}
                  >
                    {e.kind === 'contract' ? t('work.endContract') : t('work.revoke')}
                  </Button>,
                ]}
              >
                {e.kind === 'contract' ? (
                  <span>
                    <Typography.Text strong>{t('care.contracts')}</Typography.Text> {e.item.id} ·{' '}
                    {e.item.doctor} ·{' '}
                    {directory.byId.get(e.item.communityCentreId ?? '')?.name ?? e.item.communityCentreId} ·{' '}
                    {e.item.validFrom} — {e.item.validTo}
                  </span>
                ) : (
                  <span>
                    <Typography.Text strong>{label(t, 'certificationKind', e.item.kind)}</Typography.Text>{' '}
                    {e.item.code} · {e.item.validFrom} — {e.item.validTo ?? t('policy.open')}
                  </span>
                )}
              </List.Item>
            )}
          />
        </Card>
      </Can>
      {(Object.keys(FORMS) as FormName[]).map((name) => {
        const Form = FORMS[name];
        return (
          <Form
            key={name}
            personId={personId}
            care={c}
            open={form === name}
            onDone={changed}
            onCancel={() => {
              setForm(null);
            }}
          />
        );
      })}
      <ConfirmAct
        open={ending !== null}
        testId="care-end"
        title={
          ending === null
            ? ''
            : ending.kind === 'contract'
              ? t('work.endContractTitle', { id: ending.item.id })
              : t('work.revokeTitle', { code: ending.item.code })
        }
        description={ending?.kind === 'contract' ? t('work.endContractNote') : t('work.revokeNote')}
        confirmLabel={ending?.kind === 'contract' ? t('work.endContract') : t('work.revoke')}
        date={{
          label: ending?.kind === 'contract' ? t('work.endedOn') : t('work.revokedOn'),
          field: ending?.kind === 'contract' ? 'endedOn' : 'revokedOn',
        }}
        act={(reason, day) =>
          ending === null
            ? Promise.resolve(false)
            : ending.kind === 'contract'
              ? registryApi.endContract(personId, ending.item.id, { endedOn: day, reason })
              : registryApi.revokeCertification(personId, ending.item.id, { revokedOn: day, reason })
        }
        onDone={changed}
        onCancel={() => {
          setEnding(null);
        }}
      />
    </>
  );
}
