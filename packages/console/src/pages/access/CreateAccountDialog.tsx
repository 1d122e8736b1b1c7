// 新建账户: username, name shown, roles (and a 机构用户's institution). The service makes the first
// password and shows it once (SecretOnce); the officer changes it once signed in.
import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { accessApi } from '../../api/access-endpoints';
import { ACCOUNT_LIMITS, type AccountCreated } from '../../api/access-types';
import { ApiRequestError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n/LocaleContext';
import { roleBody, RoleFields, type RoleValues } from './RoleFields';

interface NewAccount extends RoleValues {
  username: string;
  displayName: string;
}

const FIELDS = new Set(['username', 'displayName', 'roles', 'institutionId']);

/** 'roles[1]' → 'roles': the form's field for the service's name of a value inside it. */
export function topField(field: string | null): string {
  return (field ?? '').split(/[[.]/)[0] ?? '';
}

export function CreateAccountDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: AccountCreated) => void;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<NewAccount>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(undefined);
    }
  }, [open, form]);

  const submit = async () => {
    let values: NewAccount;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const created = await accessApi.createAccount({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        ...roleBody(values),
      });
      onCreated(created);
    } catch (err) {
      // The service names the field (a username already taken, an unknown institution): said there.
      const field = err instanceof ApiRequestError ? topField(err.field) : '';
      if (err instanceof ApiRequestError && FIELDS.has(field))
        form.setFields([{ name: field as keyof NewAccount, errors: [err.message] }]);
      else setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('accounts.create')}
      okText={t('accounts.createSubmit')}
      cancelText={t('confirm.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'account-create-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {error !== undefined && <ErrorAlert error={error} />}
      <Form<NewAccount> form={form} layout="vertical" data-testid="account-create-form">
        <Form.Item
          name="username"
          label={t('accounts.username')}
          extra={t('accounts.usernameRule')}
          rules={[
            { required: true, whitespace: true, message: t('accounts.usernameRequired') },
            { pattern: ACCOUNT_LIMITS.usernamePattern, message: t('accounts.usernameRule') },
          ]}
        >
          <Input autoComplete="off" data-testid="account-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('accounts.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('accounts.displayNameRequired') },
            {
              max: ACCOUNT_LIMITS.displayNameMax,
              message: t('accounts.displayNameTooLong', { max: ACCOUNT_LIMITS.displayNameMax }),
            },
          ]}
        >
          <Input autoComplete="off" data-testid="account-display-name" />
        </Form.Item>
        <RoleFields />
      </Form>
    </Modal>
  );
}
