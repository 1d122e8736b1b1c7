// 结算查询: find settlements by person, institution, dates and kind; open one for its explanation.
import { Typography } from 'antd';
import { api } from '../api/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApi } from '../hooks/useApi';
import { useQueryState } from '../hooks/useQueryState';
import { useLocale } from '../i18n/LocaleContext';
import { SettlementFilters } from './settlements/SettlementFilters';
import { SettlementTable } from './settlements/SettlementTable';
import { sortOf } from './settlements/sort';

export default function SettlementsPage() {
  const { t } = useLocale();
  const query = useQueryState();
  const filter = {
    personId: query.get('personId'),
    institutionId: query.get('institutionId'),
    from: query.get('from'),
    to: query.get('to'),
    kind: query.get('kind'),
  };
  const sort = sortOf(query.get('sort'));
  const page = query.getNumber('page', 1);
  const pageSize = query.getNumber('pageSize', 20);
  const result = useApi(
    (signal) => api.settlements({ ...filter, sort, page, pageSize }, signal),
    [filter.personId, filter.institutionId, filter.from, filter.to, filter.kind, sort, page, pageSize],
  );
  return (
    <div data-testid="page-settlements">
      <Typography.Title level={3} className="page-title">
        {t('settlements.title')}
      </Typography.Title>
      <SettlementFilters
        value={filter}
        onSearch={(next) => {
          query.set({
            personId: next.personId,
            institutionId: next.institutionId,
            from: next.from,
            to: next.to,
            kind: next.kind,
            page: undefined,
          });
        }}
      />
      {result.error !== undefined ? <ErrorAlert error={result.error} onRetry={result.reload} /> : null}
      <SettlementTable
        page={result.data}
        loading={result.loading}
        sort={sort}
        onChange={(next) => {
          query.set({
            page: next.page,
            pageSize: next.pageSize,
            sort: next.sort === '-date' ? undefined : next.sort,
          });
        }}
      />
    </div>
  );
}
