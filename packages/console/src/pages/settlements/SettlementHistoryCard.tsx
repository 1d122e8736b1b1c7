// A person's or an institution's settlements, paged and sorted on the server, with the page and sort
// kept in the URL — the same card on both detail pages.
import { Card } from 'antd';
import type { Page, SettlementSort, SettlementSummary } from '@yibao/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ApiState } from '../../hooks/useApi';
import { useQueryState } from '../../hooks/useQueryState';
import { SettlementTable } from './SettlementTable';

interface Props {
  title: string;
  history: ApiState<Page<SettlementSummary>>;
  sort: SettlementSort;
  hide: ReadonlyArray<'person' | 'institution'>;
}

export function SettlementHistoryCard({ title, history, sort, hide }: Props) {
  const query = useQueryState();
  return (
    <Card size="small" title={title}>
      {history.error !== undefined ? <ErrorAlert error={history.error} onRetry={history.reload} /> : null}
      <SettlementTable
        page={history.data}
        loading={history.loading}
        sort={sort}
        hide={hide}
        onChange={(next) => {
          query.set({
            page: next.page,
            pageSize: next.pageSize,
            sort: next.sort === '-date' ? undefined : next.sort,
          });
        }}
      />
    </Card>
  );
}
