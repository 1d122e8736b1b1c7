// Page state kept in the URL's query string, so a reload or a shared link shows the same view.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface QueryState {
  get(key: string): string | undefined;
  getNumber(key: string, fallback: number): number;
  /** Sets the given keys (undefined or '' removes one); other keys stay. */
  set(values: Record<string, string | number | undefined | null>, options?: { replace?: boolean }): void;
}

export function useQueryState(): QueryState {
  const [params, setParams] = useSearchParams();
  const get = useCallback((key: string): string | undefined => params.get(key) ?? undefined, [params]);
  const getNumber = useCallback(
    (key: string, fallback: number): number => {
      const raw = params.get(key);
      const n = raw === null ? NaN : Number(raw);
      return Number.isFinite(n) && n > 0 ? n : fallback;
    },
    [params],
  );
  const set = useCallback<QueryState['set']>(
    (values, options) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(values)) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: options?.replace ?? false },
      );
    },
    [setParams],
  );
  return { get, getNumber, set };
}
