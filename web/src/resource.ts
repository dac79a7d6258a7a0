// useResource: loads data for a page, refetching when the key (path, language) changes.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'ok'; data: T }
  | { state: 'error'; error: ApiError };

export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
): [Resource<T>, () => void] {
  const [res, setRes] = useState<Resource<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setRes({ state: 'loading' });
    load(ctrl.signal).then(
      (data) => {
        if (!ctrl.signal.aborted) setRes({ state: 'ok', data });
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        const error =
          e instanceof ApiError ? e : new ApiError('network', 0, 'client', e instanceof Error ? e.message : '');
        setRes({ state: 'error', error });
      },
    );
    return () => ctrl.abort();
  }, [...deps, attempt]);
  return [res, () => setAttempt((n) => n + 1)];
}
