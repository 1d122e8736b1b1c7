// A form in a dialog: the workplace's recording acts (sign, amend, certify, file…) that are not
// destructive. It validates with the service's limits, sends, shows the service's refusal under the
// field it names (or above the form), and closes only on success.
import { Form, Modal, type FormInstance } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/LocaleContext';
import { useFormAction } from './apiErrors';

export interface FormModalProps<V, R> {
  open: boolean;
  title: ReactNode;
  okLabel?: ReactNode;
  /** The values the form opens with (reset each time it opens). */
  initialValues?: Partial<V>;
  /** Sends the values; a refusal keeps the dialog open with the error shown. */
  onSubmit: (values: V) => Promise<R>;
  onDone: (result: R) => void;
  onCancel: () => void;
  /** The service's field names that differ from the form's. */
  rename?: Record<string, string>;
  testId: string;
  width?: number;
  /** The fields, or a function of the form for fields that depend on others. */
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

export function FormModal<V, R>({
  open,
  title,
  okLabel,
  initialValues,
  onSubmit,
  onDone,
  onCancel,
  rename,
  testId,
  width = 560,
  children,
}: FormModalProps<V, R>) {
  const { t } = useLocale();
  const [form] = Form.useForm<V>();
  const action = useFormAction(form, onSubmit, onDone, rename);
  const { clear } = action;
  useEffect(() => {
    if (open) {
      form.resetFields();
      clear();
    }
    // `clear` is a fresh closure each render; opening is what matters.
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okLabel ?? t('work.save')}
      cancelText={t('confirm.cancel')}
      okButtonProps={{ loading: action.busy, 'data-testid': `${testId}-ok` }}
      cancelButtonProps={{ disabled: action.busy }}
      onOk={() => void action.submit()}
      onCancel={onCancel}
      mask={{ closable: !action.busy }}
      destroyOnHidden
      data-testid={testId}
    >
      {action.error !== undefined ? <ErrorAlert error={action.error} /> : null}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={() => void action.submit()}
        data-testid={`${testId}-form`}
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
