// The dashboard's figures requested by index.html before the scripts ran. main.tsx waits a moment
// for them, so the first render already has the charts' data (one render pass, not two); the
// page takes them once, and only for exactly the URL it would ask for itself.
import { withQuery } from '../../api/client';
import type { Dashboard } from '@yibao/api';

interface Prefetch {
  url: string;
  response: Promise<Response | null>;
}

declare global {
  interface Window {
    __yibaoDashboardPrefetch?: Prefetch;
  }
}

let ready: { url: string; data: Dashboard } | undefined;

/** Waits up to `maxMs` for the prefetched figures; later, the page asks in the usual way. */
export async function awaitPrefetch(maxMs: number): Promise<void> {
  const prefetch = window.__yibaoDashboardPrefetch;
  window.__yibaoDashboardPrefetch = undefined;
  if (prefetch === undefined) return;
  const parsed = prefetch.response.then(async (r) =>
    r?.ok === true ? ((await r.json()) as Dashboard) : undefined,
  );
  const late = new Promise<undefined>((resolve) =>
    window.setTimeout(() => {
      resolve(undefined);
    }, maxMs),
  );
  const data = await Promise.race([parsed.catch(() => undefined), late]);
  if (data !== undefined) ready = { url: prefetch.url, data };
}

export function takePrefetched(query: {
  from: string;
  to: string;
  county?: string | undefined;
}): Dashboard | undefined {
  const found = ready;
  ready = undefined;
  const url = withQuery('/api/v1/dashboard', { from: query.from, to: query.to, county: query.county });
  return found !== undefined && found.url === url ? found.data : undefined;
}
