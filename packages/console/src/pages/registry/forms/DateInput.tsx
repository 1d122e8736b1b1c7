// A date field holding the wire's YYYY-MM-DD string (not a dayjs object), so a form's values are
// the request body as they stand.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export const WIRE_DATE = 'YYYY-MM-DD';

/** Today as the wire writes it, in the browser's time zone. */
export const todayString = (): string => dayjs().format(WIRE_DATE);

export function DateInput({
  value,
  onChange,
  testId,
  allowClear = false,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  testId?: string;
  allowClear?: boolean;
}) {
  return (
    <DatePicker
      value={value === undefined || value === null || value === '' ? null : dayjs(value, WIRE_DATE)}
      format={WIRE_DATE}
      allowClear={allowClear}
      style={{ width: '100%' }}
      data-testid={testId}
      onChange={(d) => onChange?.(d === null ? null : d.format(WIRE_DATE))}
    />
  );
}
