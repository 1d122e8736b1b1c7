// An error in words: what failed, the service's own explanation, and the field it names.
import { Alert, Button } from 'antd';
import { ApiRequestError } from '../api/client';
import { useLocale } from '../i18n/LocaleContext';

export function ErrorAlert({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useLocale();
  const isApi = error instanceof ApiRequestError;
  const title =
    isApi && error.status === 0
      ? t('error.unreachable')
      : isApi && error.status === 404
        ? t('error.notFound')
        : t('error.failed');
  const detail =
    isApi && error.field !== null ? `${error.message} (${t('error.field')}: ${error.field})` : error.message;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={detail}
      action={
        onRetry === undefined ? undefined : (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
