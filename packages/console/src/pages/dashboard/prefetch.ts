// The dashboard's figures requested by index.html before the scripts ran: used once, when the
// page asks for exactly that URL; any other request (or a failed prefetch) goes the usual way.
import { withQuery } from '../../api/client';

interface Prefetch {
  url: string;
  response: Promise<Response | null>;
}

declare global {
  interface Window {
    __yibaoDashboardPrefetch?: Prefetch;
  }
}

export function takePrefetched(query: { from: string; to: string; county?: string | undefined }): Promise<Response | null> | undefined {
  const prefetch = window.__yibaoDashboardPrefetch;
  if (prefetch === undefined) return undefined;
  window.__yibaoDashboardPrefetch = undefined;
  const url = withQuery('/api/v1/dashboard', { from: query.from, to: query.to, county: query.county });
  return prefetch.url === url ? prefetch.response : undefined;
}
