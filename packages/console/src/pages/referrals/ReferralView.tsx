// A referral as kept: the service's direction and scope, whether and when it was filed (备案 — only
// a referral filed by the visit date counts), and the filing itself.
import { Button, Descriptions, Form, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Referral } from '@yibao/api';
import { registryApi } from '../../api/registry-endpoints';
import { Can } from '../../components/Can';
import { label } from '../../format/labels';
import { useInstitutionDirectory } from '../../hooks/useDirectory';
import { useLocale } from '../../i18n/LocaleContext';
import { DateInput, todayString } from '../registry/forms/DateInput';
import { FormModal } from '../registry/forms/FormModal';

export function ReferralView({ referral, onChanged }: { referral: Referral; onChanged: () => void }) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  const [filing, setFiling] = useState(false);
  const name = (id: string) => <Link to={`/institutions/${id}`}>{directory.byId.get(id)?.name ?? id}</Link>;
  const r = referral;
  return (
    <div data-testid="referral-view">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'id', label: t('work.referralId'), children: r.id },
          {
            key: 'person',
            label: t('settlements.person'),
            children: <Link to={`/persons/${r.personId}`}>{r.personId}</Link>,
          },
          { key: 'from', label: t('work.fromInstitution'), children: name(r.fromInstitutionId) },
          { key: 'to', label: t('work.toInstitution'), children: name(r.toInstitutionId) },
          { key: 'direction', label: t('work.direction'), children: label(t, 'direction', r.direction) },
          { key: 'scope', label: t('work.scope'), children: label(t, 'scope', r.scope) },
          { key: 'term', label: t('work.validity'), children: `${r.issuedOn} — ${r.validUntil}` },
          { key: 'diagnosis', label: t('work.diagnosis'), children: r.diagnosis ?? '—' },
          {
            key: 'previous',
            label: t('work.previousSettlement'),
            children:
              r.previousSettlementId === null ? (
                '—'
              ) : (
                <span>
                  <Link to={`/settlements/${r.previousSettlementId}`}>{r.previousSettlementId}</Link> ·{' '}
                  {t('work.linkedDeductible', { amount: r.linkedDeductiblePaid.toFixed(2) })}
                </span>
              ),
          },
          {
            key: 'filed',
            label: t('work.filing'),
            children: r.filed ? (
              <Tag color="green" data-testid="referral-filed">
                {t('work.filedOnDate', { date: r.filedOn ?? '' })}
              </Tag>
            ) : (
              <span>
                <Tag color="orange">{t('work.notFiled')}</Tag>
                <Can permission="registry.write">
                  <Button
                    size="small"
                    type="primary"
                    data-testid="referral-file"
                    onClick={() => {
                      setFiling(true);
                    }}
                  >
                    {t('work.file')}
                  </Button>
                </Can>
              </span>
            ),
          },
        ]}
      />
      <FormModal<{ filedOn: string }, Referral>
        open={filing}
        testId="referral-filing"
        title={t('work.fileTitle', { id: r.id })}
        okLabel={t('work.file')}
        initialValues={{ filedOn: todayString() }}
        onSubmit={(v) => registryApi.fileReferral(r.id, v.filedOn)}
        onDone={() => {
          setFiling(false);
          onChanged();
        }}
        onCancel={() => {
          setFiling(false);
        }}
      >
        <Form.Item
          name="filedOn"
          label={t('work.filedOn')}
          rules={[{ required: true, message: t('work.required') }]}
        >
          <DateInput />
        </Form.Item>
      </FormModal>
    </div>
  );
}
