// The entry of the masterplan pages for app.tsx: their code and CSS are a chunk of their own,
// fetched on first use, so the public pages' initial download does not carry them.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { ErrorNotice, Loading } from '../components/common';

type Props = { slug: string; section: string; item: string | null };
let loaded: FunctionComponent<Props> | null = null;

export function MasterplanRoute(props: Props) {
  const [Page, setPage] = useState<FunctionComponent<Props> | null>(() => loaded);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (Page) return;
    import('./MasterplanPage').then(
      (mod) => {
        loaded = mod.MasterplanPage;
        setPage(() => mod.MasterplanPage);
      },
      () => setFailed(true),
    );
  }, [attempt]);
  if (failed) {
    return <ErrorNotice error={new ApiError('network', 0, 'chunk', '')} onRetry={() => (setFailed(false), setAttempt((n) => n + 1))} />;
  }
  return Page ? <Page {...props} /> : <Loading />;
}
