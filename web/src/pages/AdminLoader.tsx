// /r/{slug}/admin[/{section}[/{item}]]: loads the region admin pages (web/src/admin/, their own
// chunk with their messages and styles) only when one is opened, so public pages never pay
// for them.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { ErrorNotice, Loading } from '../components/common';

export interface AdminProps {
  slug: string;
  section: string | null;
  item: string | null;
}

let loaded: FunctionComponent<AdminProps> | null = null;

export function AdminLoader(props: AdminProps) {
  const [Admin, setAdmin] = useState<FunctionComponent<AdminProps> | null>(() => loaded);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (Admin) return;
    let live = true;
    import('../admin/AdminApp').then(
      (m) => {
        loaded = m.AdminApp;
        if (live) setAdmin(() => m.AdminApp);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  if (Admin) return <Admin {...props} />;
  if (failed) {
    return (
      <ErrorNotice
        error={new ApiError('network', 0, 'chunk', '')}
        onRetry={() => {
          setFailed(false);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return <Loading />;
}
