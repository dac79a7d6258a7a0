// An API call started by a person (a button, a form): its error, kept to show in place, and a
// busy flag to disable the control meanwhile.
import { useState } from 'preact/hooks';
import { ApiError } from '../api';

/** Runs an API call, keeping its error (shown in place) and a busy flag. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async <T>(fn: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('network', 0, 'client', ''));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}
