// What an administrator may do to an account, each asked for with a confirmation and a reason
// (ConfirmWithReason) and written to the account's history by the service: change the roles,
// disable or enable, unlock, reset the password (the new one shown once).
import type { Role } from '@yibao/api';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { accessApi } from '../../api/access-endpoints';
import type { Account } from '../../api/access-types';
import { ConfirmWithReason } from '../../components/ConfirmWithReason';
import { SecretOnce } from '../../components/SecretOnce';
import { useLocale } from '../../i18n/LocaleContext';
import { useSession } from '../../session/SessionContext';
import { accountStatus } from './accountStatus';
import { roleBody, RoleFields } from './RoleFields';

type Act = 'roles' | 'disable' | 'enable' | 'unlock' | 'reset';

export function AccountActions({ account, onChanged }: { account: Account; onChanged: () => void }) {
  const { t } = useLocale();
  const { can } = useSession();
  const [act, setAct] = useState<Act | null>(null);
  const [newPassword, setNewPassword] = useState<string | null>(null);
  if (!can('accounts.manage')) return null;

  const status = accountStatus(account);
  const who = `${account.displayName} (${account.username})`;
  const done = () => {
    setAct(null);
    onChanged();
  };
  const close = () => {
    setAct(null);
  };

  return (
    <>
      <Space wrap data-testid="account-actions">
        <Button
          onClick={() => {
            setAct('roles');
          }}
          data-testid="account-change-roles"
        >
          {t('accounts.changeRoles')}
        </Button>
        {status === 'locked' && (
          <Button
            onClick={() => {
              setAct('unlock');
            }}
            data-testid="account-unlock"
          >
            {t('accounts.unlock')}
          </Button>
        )}
        <Button
          onClick={() => {
            setAct('reset');
          }}
          data-testid="account-reset-password"
        >
          {t('accounts.resetPassword')}
        </Button>
        {status === 'disabled' ? (
          <Button
            onClick={() => {
              setAct('enable');
            }}
            data-testid="account-enable"
          >
            {t('accounts.enable')}
          </Button>
        ) : (
          <Button
            danger
            onClick={() => {
              setAct('disable');
            }}
            data-testid="account-disable"
          >
            {t('accounts.disable')}
          </Button>
        )}
      </Space>

      <ConfirmWithReason
        open={act === 'roles'}
        danger={false}
        testId="confirm-roles"
        title={t('accounts.changeRolesTitle', { who })}
        description={t('accounts.changeRolesText')}
        confirmLabel={t('accounts.changeRoles')}
        initialValues={{ roles: account.roles, institutionId: account.institutionId ?? undefined }}
        onCancel={close}
        onConfirm={async (reason, values) => {
          const roles = values['roles'] as Role[];
          const institutionId = values['institutionId'] as string | undefined;
          await accessApi.changeRoles(account.id, {
            ...roleBody(institutionId === undefined ? { roles } : { roles, institutionId }),
            reason,
          });
          done();
        }}
      >
        <RoleFields />
      </ConfirmWithReason>

      <ConfirmWithReason
        open={act === 'disable'}
        testId="confirm-disable"
        title={t('accounts.disableTitle', { who })}
        description={t('accounts.disableText')}
        confirmLabel={t('accounts.disable')}
        onCancel={close}
        onConfirm={async (reason) => {
          await accessApi.disableAccount(account.id, reason);
          done();
        }}
      />
      <ConfirmWithReason
        open={act === 'enable'}
        danger={false}
        testId="confirm-enable"
        title={t('accounts.enableTitle', { who })}
        description={t('accounts.enableText')}
        confirmLabel={t('accounts.enable')}
        onCancel={close}
        onConfirm={async (reason) => {
          await accessApi.enableAccount(account.id, reason);
          done();
        }}
      />
      <ConfirmWithReason
        open={act === 'unlock'}
        danger={false}
        testId="confirm-unlock"
        title={t('accounts.unlockTitle', { who })}
        description={t('accounts.unlockText')}
        confirmLabel={t('accounts.unlock')}
        onCancel={close}
        onConfirm={async (reason) => {
          await accessApi.unlockAccount(account.id, reason);
          done();
        }}
      />
      <ConfirmWithReason
        open={act === 'reset'}
        testId="confirm-reset"
        title={t('accounts.resetTitle', { who })}
        description={t('accounts.resetText')}
        confirmLabel={t('accounts.resetPassword')}
        onCancel={close}
        onConfirm={async (reason) => {
          const reset = await accessApi.resetPassword(account.id, reason);
          setNewPassword(reset.password);
          done();
        }}
      />
      <SecretOnce
        open={newPassword !== null}
        title={t('accounts.newPasswordTitle', { who })}
        values={[
          { label: t('accounts.username'), value: account.username },
          {
            label: t('accounts.newPassword'),
            value: newPassword ?? '',
            secret: true,
            testId: 'secret-password',
          },
        ]}
        onClose={() => {
          setNewPassword(null);
        }}
      />
    </>
  );
}
