// Loads data for a page: loading, the error (in words), the data, and a reload. A newer request
// aborts the older one, so a quick change of filters never shows stale rows.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** `initial`: data already at hand for the first deps (the dashboard's prefetch); not loaded again. */
export function useApi<T>(
  load: ((signal: AbortSignal) => Promise<T>) | null,
  deps: readonly unknown[],
  initial?: T,
): ApiState<T> {
  const [data, setData] = useState<T | undefined>(initial);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(load !== null && initial === undefined);
  const skipFirst = useRef(initial !== undefined);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const current = loadRef.current;
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    if (current === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err instanceof Error ? err : new Error(String(err)));
        setLoading(false);
      },
    );
    return () => {
      controller.abort();
    };
    // The caller's deps decide when to load again; `load` itself is a fresh closure each render.
  }, [...deps, tick]);

  const reload = useCallback(() => {
    setTick((n) => n + 1);
  }, []);
  return { data, error, loading, reload };
}
