// The signed-in user, shared by the header and every page: loaded once from /auth/me (401 means
// anonymous), set by sign-in and cleared by sign-out. Keeps api.ts's CSRF token in step.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, auth, setCsrfToken } from './api';
import type { Grant, Me } from './api-types';

export type SessionState = { state: 'loading' } | { state: 'anonymous' } | { state: 'signedIn'; me: Me };

let current: SessionState = { state: 'loading' };
const listeners = new Set<(s: SessionState) => void>();
let loading: Promise<SessionState> | null = null;

function set(next: SessionState): void {
  current = next;
  setCsrfToken(next.state === 'signedIn' ? next.me.csrf_token : '');
  for (const fn of listeners) fn(next);
}

/** Asks the server who is signed in (once; `force` asks again). Never rejects. */
export function loadSession(force = false): Promise<SessionState> {
  if (loading && !force) return loading;
  loading = auth.me().then(
    (me): SessionState => {
      set({ state: 'signedIn', me });
      return current;
    },
    (): SessionState => {
      set({ state: 'anonymous' });
      return current;
    },
  );
  return loading;
}

export function getSession(): SessionState {
  return current;
}

export async function signIn(login: string, password: string): Promise<Me> {
  const me = await auth.login(login, password);
  loading = Promise.resolve<SessionState>({ state: 'signedIn', me });
  set({ state: 'signedIn', me });
  return me;
}

export async function signOut(): Promise<void> {
  try {
    await auth.logout();
  } catch (e) {
    // An expired session is signed out already; anything else is shown by the caller.
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
  }
  loading = Promise.resolve<SessionState>({ state: 'anonymous' });
  set({ state: 'anonymous' });
}

export function useSession(): SessionState {
  const [s, setS] = useState<SessionState>(current);
  useEffect(() => {
    listeners.add(setS);
    if (current !== s) setS(current);
    if (current.state === 'loading') void loadSession();
    return () => {
      listeners.delete(setS);
    };
  }, []);
  return s;
}

/** Region codes look like "71.71"; a grant without a region (national admin) covers all. */
export function grantsFor(me: Me, regionCode: string): Grant[] {
  return me.grants.filter((g) => g.region_code === null || g.region_code === regionCode);
}

export function hasRole(me: Me, regionCode: string, ...roles: string[]): boolean {
  return grantsFor(me, regionCode).some((g) => roles.includes(g.role));
}

/** The OPD ids an officer works for in the region. */
export function officerOpds(me: Me, regionCode: string): number[] {
  return grantsFor(me, regionCode)
    .filter((g) => g.role === 'opd_officer' && g.opd_id)
    .map((g) => Number(g.opd_id));
}

export function isStaff(me: Me, regionCode: string): boolean {
  return hasRole(me, regionCode, 'opd_officer', 'region_admin', 'national_admin');
}
