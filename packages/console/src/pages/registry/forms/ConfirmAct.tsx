// A destructive act (reject, return, suspend, terminate, end a contract, revoke a certification):
// the shared confirmation dialog with its reason and, when the act has one, the date it takes effect
// from — a field of the dialog's own form, so the service's refusal of the date is shown under it
// (the dialog puts an error on the field it names; anything else above the fields).
import { Form } from 'antd';
import type { ReactNode } from 'react';
import { ConfirmWithReason } from '../../../components/ConfirmWithReason';
import { useLocale } from '../../../i18n/LocaleContext';
import { DateInput, todayString } from './DateInput';

export interface ConfirmActProps {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel?: ReactNode;
  danger?: boolean;
  /** The date the act takes effect from: its label and the service's name for it (today unless `initial`). */
  date?: { label: ReactNode; field: string; initial?: string };
  /** Does the act; `false` when it handled a refusal itself (the dialog then stays as it is). */
  act: (reason: string, date: string) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
  testId: string;
}

export function ConfirmAct({
  open,
  title,
  description,
  confirmLabel,
  danger = true,
  date,
  act,
  onDone,
  onCancel,
  testId,
}: ConfirmActProps) {
  const { t } = useLocale();
  return (
    <ConfirmWithReason
      open={open}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      danger={danger}
      testId={testId}
      initialValues={date === undefined ? undefined : { [date.field]: date.initial ?? todayString() }}
      onCancel={onCancel}
      onConfirm={async (reason, values) => {
        const day = date === undefined ? undefined : values[date.field];
        if ((await act(reason, typeof day === 'string' ? day : '')) !== false) onDone();
      }}
    >
      {date === undefined ? null : (
        <Form.Item
          name={date.field}
          label={date.label}
          rules={[{ required: true, message: t('work.required') }]}
        >
          <DateInput testId={`${testId}-date`} />
        </Form.Item>
      )}
    </ConfirmWithReason>
  );
}
