// Looks a referral or an e-prescription up by its number (the URL keeps it, so a link shows it).
import { Empty, Input } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useLocale } from '../../i18n/LocaleContext';

export function RecordLookup<T>({
  id,
  version,
  onId,
  load,
  render,
  testId,
}: {
  id: string | undefined;
  version: number;
  onId: (id: string | undefined) => void;
  load: (id: string, signal: AbortSignal) => Promise<T>;
  render: (record: T, reload: () => void) => ReactNode;
  testId: string;
}) {
  const { t } = useLocale();
  const found = useApi(id === undefined ? null : (signal) => load(id, signal), [id, version]);
  return (
    <>
      <Input.Search
        key={id}
        defaultValue={id}
        allowClear
        enterButton={t('common.search')}
        placeholder={t('work.lookupPlaceholder')}
        data-testid={testId}
        onSearch={(v) => {
          onId(v.trim() === '' ? undefined : v.trim());
        }}
        style={{ marginBottom: 12 }}
      />
      {id === undefined ? (
        <Empty description={t('work.lookupEmpty')} />
      ) : found.error !== undefined ? (
        <ErrorAlert error={found.error} onRetry={found.reload} />
      ) : found.data === undefined || found.loading ? (
        <Loading />
      ) : (
        render(found.data, found.reload)
      )}
    </>
  );
}
