import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useLocale } from '../i18n/LocaleContext';

export function NotFoundPage() {
  const { t } = useLocale();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('nav.dashboard')}</Button>
        </Link>
      }
    />
  );
}
