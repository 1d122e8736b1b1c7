// What an officer does with one agreement (R-A5, R-A6, R-A9): a supplementary agreement, renewal for
// the next year, suspension and resumption, termination. Suspending and terminating take something
// away: they are confirmed in red with a reason and the date they take effect from. Which buttons
// show follows the agreement's latest state; the service decides again on every call.
import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import type { Agreement, RenewAgreementBody } from '@yibao/api';
import type { AgreementState } from '@yibao/api/constants';
import { registryApi } from '../../../api/registry-endpoints';
import { Can } from '../../../components/Can';
import { useLocale } from '../../../i18n/LocaleContext';
import { ConfirmAct } from '../forms/ConfirmAct';
import { DateInput, todayString } from '../forms/DateInput';
import { FormModal } from '../forms/FormModal';
import { LIMITS } from '../forms/limits';
import { AmendmentModal } from './AmendmentModal';

type Open = 'amend' | 'renew' | AgreementState | null;

export function AgreementActions({
  agreement,
  renewed,
  onChanged,
}: {
  agreement: Agreement;
  /** The next year's agreement is already signed: renewing again would only be refused. */
  renewed: boolean;
  onChanged: () => void;
}) {
  const { t } = useLocale();
  const [open, setOpen] = useState<Open>(null);
  const latest = agreement.states.at(-1)?.state ?? 'active';
  const close = () => {
    setOpen(null);
  };
  const done = () => {
    setOpen(null);
    onChanged();
  };
  if (latest === 'terminated') return null;
  const stateWords = {
    suspended: {
      title: t('work.suspendTitle', { id: agreement.id }),
      ok: t('work.suspend'),
      note: t('work.suspendNote'),
    },
    active: {
      title: t('work.resumeTitle', { id: agreement.id }),
      ok: t('work.resume'),
      note: t('work.resumeNote'),
    },
    terminated: {
      title: t('work.terminateTitle', { id: agreement.id }),
      ok: t('work.terminate'),
      note: t('work.terminateNote'),
    },
  } as const;
  const stateOpen = open === 'active' || open === 'suspended' || open === 'terminated' ? open : null;
  return (
    <Can permission="registry.write">
      <Space wrap size={4} data-testid={`agreement-actions-${agreement.id}`}>
        <Button
          size="small"
          data-testid="agreement-amend"
          onClick={() => {
            setOpen('amend');
          }}
        >
          {t('work.amend')}
        </Button>
        {latest === 'active' && !renewed ? (
          <Button
            size="small"
            data-testid="agreement-renew"
            onClick={() => {
              setOpen('renew');
            }}
          >
            {t('work.renew')}
          </Button>
        ) : null}
        {latest === 'active' ? (
          <Button
            size="small"
            danger
            data-testid="agreement-suspend"
            onClick={() => {
              setOpen('suspended');
            }}
          >
            {t('work.suspend')}
          </Button>
        ) : (
          <Button
            size="small"
            data-testid="agreement-resume"
            onClick={() => {
              setOpen('active');
            }}
          >
            {t('work.resume')}
          </Button>
        )}
        <Button
          size="small"
          danger
          data-testid="agreement-terminate"
          onClick={() => {
            setOpen('terminated');
          }}
        >
          {t('work.terminate')}
        </Button>
      </Space>
      <AmendmentModal agreement={agreement} open={open === 'amend'} onDone={done} onCancel={close} />
      <FormModal<RenewAgreementBody, Agreement>
        open={open === 'renew'}
        testId="renew-agreement"
        title={t('work.renewTitle', { id: agreement.id, year: agreement.year + 1 })}
        okLabel={t('work.renew')}
        initialValues={{ signedOn: todayString() }}
        onSubmit={(values) =>
          registryApi.renewAgreement(agreement.id, {
            signedOn: values.signedOn,
            ...(values.id === undefined || values.id.trim() === '' ? {} : { id: values.id.trim() }),
          })
        }
        onDone={done}
        onCancel={close}
      >
        <Form.Item
          name="signedOn"
          label={t('registry.signedOn')}
          rules={[{ required: true, message: t('work.required') }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          name="id"
          label={t('work.newId')}
          tooltip={t('work.newIdNote')}
          rules={[{ max: LIMITS.id, message: t('work.tooLong', { max: LIMITS.id }) }]}
        >
          <Input maxLength={LIMITS.id} />
        </Form.Item>
      </FormModal>
      <ConfirmAct
        open={stateOpen !== null}
        testId="agreement-state"
        danger={stateOpen !== 'active'}
        title={stateOpen === null ? '' : stateWords[stateOpen].title}
        description={stateOpen === null ? undefined : stateWords[stateOpen].note}
        confirmLabel={stateOpen === null ? undefined : stateWords[stateOpen].ok}
        date={{ label: t('work.effectiveOn'), field: 'effectiveOn' }}
        act={(reason, effectiveOn) =>
          stateOpen === null
            ? Promise.resolve(false)
            : registryApi.changeAgreementState(agreement.id, { state: stateOpen, effectiveOn, reason })
        }
        onDone={done}
        onCancel={close}
      />
    </Can>
  );
}
