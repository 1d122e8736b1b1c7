// 中文 / English: the switch is always in the header; the choice is remembered (LocaleContext).
import { Segmented } from 'antd';
import { useLocale, type Locale } from '../i18n/LocaleContext';

export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  return (
    <Segmented<Locale>
      size="small"
      data-testid="language-switch"
      value={locale}
      onChange={setLocale}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en-US' },
      ]}
    />
  );
}
