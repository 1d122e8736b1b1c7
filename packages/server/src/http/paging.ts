// Paging of list calls: 1-based pages, at most MAX_PAGE_SIZE (500) rows a page.
import { MAX_PAGE_SIZE } from '@yibao/api/constants';

export function paging(
  query: { page?: string | undefined; pageSize?: string | undefined },
  defaultSize = 50,
): {
  page: number;
  pageSize: number;
} {
  const page = query.page === undefined ? 1 : Number(query.page);
  const pageSize = Math.min(
    MAX_PAGE_SIZE,
    query.pageSize === undefined ? defaultSize : Number(query.pageSize),
  );
  return { page, pageSize };
}
