// An agreement's or an application's state as a coloured word.
import { Tag } from 'antd';
import { label } from '../../format/labels';
import { useLocale } from '../../i18n/LocaleContext';

const COLOURS: Record<string, string> = {
  active: 'green',
  approved: 'green',
  submitted: 'blue',
  suspended: 'orange',
  returned: 'orange',
  terminated: 'red',
  rejected: 'red',
  not_in_term: 'default',
};

export function StateTag({ state }: { state: string }) {
  const { t } = useLocale();
  return <Tag color={COLOURS[state] ?? 'default'}>{label(t, 'registryState', state)}</Tag>;
}
