// The loading state of a page or a card: a spinner with words, never a blank area.
import { Spin } from 'antd';
import { useLocale } from '../i18n/LocaleContext';

export function Loading() {
  const { t } = useLocale();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} aria-busy="true">
      <Spin />
      <div style={{ marginTop: 8, color: '#888' }}>{t('common.loading')}</div>
    </div>
  );
}
