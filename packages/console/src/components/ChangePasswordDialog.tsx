// 修改密码: the signed-in officer's own password — the current one, the new one twice. The
// service's rules on a new password are repeated here so the form can say what is wrong first;
// its answer still decides, and is shown on the field it names.
import { Form, Input, Modal, message } from 'antd';
import { useEffect, useState } from 'react';
import { ACCOUNT_LIMITS } from '../api/access-types';
import { ApiRequestError } from '../api/client';
import { useLocale } from '../i18n/LocaleContext';
import { useSession } from '../session/SessionContext';
import { ErrorAlert } from './ErrorAlert';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useLocale();
  const { changePassword, account } = useSession();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [toast, toastHolder] = message.useMessage();

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(undefined);
    }
  }, [open, form]);

  const submit = async () => {
    let values: PasswordForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      void toast.success(t('password.changed'));
      onClose();
    } catch (err) {
      if (err instanceof ApiRequestError && (err.field === 'currentPassword' || err.field === 'newPassword'))
        form.setFields([{ name: err.field, errors: [err.message] }]);
      else if (err instanceof ApiRequestError && err.code === 'invalid_credentials')
        form.setFields([{ name: 'currentPassword', errors: [err.message] }]);
      else setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {toastHolder}
      <Modal
        open={open}
        title={t('password.title')}
        okText={t('password.submit')}
        cancelText={t('confirm.cancel')}
        okButtonProps={{ loading: busy }}
        onOk={() => void submit()}
        onCancel={onClose}
        destroyOnHidden
      >
        {error !== undefined && <ErrorAlert error={error} />}
        <Form<PasswordForm> form={form} layout="vertical" data-testid="change-password-form">
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.rule', { min: ACCOUNT_LIMITS.passwordMin })}
            rules={[
              { required: true, message: t('password.newRequired') },
              {
                min: ACCOUNT_LIMITS.passwordMin,
                message: t('password.tooShort', { min: ACCOUNT_LIMITS.passwordMin }),
              },
              {
                max: ACCOUNT_LIMITS.passwordMax,
                message: t('password.tooLong', { max: ACCOUNT_LIMITS.passwordMax }),
              },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  value === undefined || value === ''
                    ? Promise.resolve()
                    : value === getFieldValue('currentPassword')
                      ? Promise.reject(new Error(t('password.sameAsCurrent')))
                      : value === account?.username
                        ? Promise.reject(new Error(t('password.sameAsUsername')))
                        : Promise.resolve(),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  value === undefined || value === '' || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
