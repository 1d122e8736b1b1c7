// 确认并填写原因: the one dialog every destructive or recorded act goes through (disable an account,
// revoke a credential, suspend an agreement…). The officer must say why; the reason is sent with the
// act and written to the history, so the dialog will not confirm without one. The service's answer
// is shown here: an error naming the `reason` field sits under the field, any other in the dialog.
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiRequestError } from '../api/client';
import { useLocale } from '../i18n/LocaleContext';

/** The service's bound for a free-text reason (`Text` in @yibao/api common.ts: 1–500 characters). */
export const REASON_MAX_LENGTH = 500;

export interface ConfirmWithReasonProps {
  open: boolean;
  /** What is about to happen, as a question ("停用账户 zhang3？"). */
  title: ReactNode;
  /** What follows from it, in a sentence: shown above the reason. */
  description?: ReactNode;
  /** The confirm button's words (default: 确认). */
  confirmLabel?: ReactNode;
  /** Red confirm button for an act that takes something away (default true). */
  danger?: boolean;
  /** The reason field's label (default: 原因). */
  reasonLabel?: ReactNode;
  /** Extra fields above the reason (a date, a new state), inside the same form. */
  children?: ReactNode;
  /** The extra fields' values when the dialog opens (each opening starts from them again). */
  initialValues?: Record<string, unknown>;
  /**
   * Does the act with the trimmed reason and every field's value (the extra fields' too); a
   * rejection keeps the dialog open with the error shown — on its field when the form has it.
   */
  onConfirm: (reason: string, values: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
  /** data-testid of the dialog, for the browser tests. */
  testId?: string;
}

export function ConfirmWithReason({
  open,
  title,
  description,
  confirmLabel,
  danger = true,
  reasonLabel,
  children,
  initialValues,
  onConfirm,
  onCancel,
  testId = 'confirm-with-reason',
}: ConfirmWithReasonProps) {
  const { t } = useLocale();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);

  // A fresh dialog each time it opens: no reason left over from the last act.
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(undefined);
    }
  }, [open, form]);

  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields show what is missing
    }
    const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm(reason, { ...values, reason });
    } catch (err) {
      // 'roles[1]' is said on the form's `roles`.
      const field = err instanceof ApiRequestError ? (err.field?.split(/[[.]/)[0] ?? null) : null;
      if (field !== null && err instanceof Error && field in form.getFieldsValue(true))
        form.setFields([{ name: field, errors: [err.message] }]);
      else setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={confirmLabel ?? t('confirm.ok')}
      cancelText={t('confirm.cancel')}
      okButtonProps={{ danger, loading: busy, 'data-testid': `${testId}-ok` }}
      cancelButtonProps={{ disabled: busy }}
      onOk={() => void submit()}
      onCancel={onCancel}
      mask={{ closable: !busy }}
      destroyOnHidden
    >
      <div data-testid={testId}>
        {description !== undefined && <div style={{ marginBottom: 16 }}>{description}</div>}
        {error !== undefined && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error.message}
            description={
              error instanceof ApiRequestError && error.field !== null
                ? `${t('error.field')}: ${error.field}`
                : undefined
            }
            style={{ marginBottom: 16 }}
          />
        )}
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()}>
          {children}
          <Form.Item
            name="reason"
            label={reasonLabel ?? t('confirm.reason')}
            rules={[
              { required: true, whitespace: true, message: t('confirm.reasonRequired') },
              {
                max: REASON_MAX_LENGTH,
                message: t('confirm.reasonTooLong', { max: REASON_MAX_LENGTH }),
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              showCount
              maxLength={REASON_MAX_LENGTH}
              placeholder={t('confirm.reasonPlaceholder')}
              data-testid={`${testId}-reason`}
              autoFocus
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
