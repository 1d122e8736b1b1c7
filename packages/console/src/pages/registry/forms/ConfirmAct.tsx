// A destructive act (reject, return, suspend, terminate, end a contract, revoke a certification):
// the shared confirmation dialog with its reason, and the date the act takes effect from. The
// service's refusal of the date is shown under the date; of the reason, under the reason (the
// dialog does that); anything else in the dialog.
import { Form } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiRequestError } from '../../../api/client';
import { ConfirmWithReason } from '../../../components/ConfirmWithReason';
import { DateInput, todayString } from './DateInput';

export interface ConfirmActProps {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel?: ReactNode;
  danger?: boolean;
  /** The date the act takes effect from: its label and the service's name for it. */
  date?: { label: ReactNode; field: string; initial?: string };
  /** Does the act; `false` when it handled a refusal itself (the dialog then just closes or stays). */
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
  const [day, setDay] = useState<string>(date?.initial ?? todayString());
  const [dayError, setDayError] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (open) {
      setDay(date?.initial ?? todayString());
      setDayError(undefined);
    }
  }, [open, date?.initial]);
  return (
    <ConfirmWithReason
      open={open}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      danger={danger}
      testId={testId}
      onCancel={onCancel}
      onConfirm={async (reason) => {
        setDayError(undefined);
        let outcome: unknown;
        try {
          outcome = await act(reason, day);
        } catch (err) {
          // The date is this wrapper's field: its refusal goes under it, and the dialog stays open.
          if (date !== undefined && err instanceof ApiRequestError && err.field === date.field) {
            setDayError(err.message);
            return;
          }
          throw err;
        }
        if (outcome !== false) onDone();
      }}
    >
      {date === undefined ? null : (
        <Form.Item
          label={date.label}
          required
          validateStatus={dayError === undefined ? undefined : 'error'}
          help={dayError}
        >
          <DateInput
            value={day}
            testId={`${testId}-date`}
            onChange={(d) => {
              if (d !== null) setDay(d);
              setDayError(undefined);
            }}
          />
        </Form.Item>
      )}
    </ConfirmWithReason>
  );
}
