// Users section: the accounts holding a role in the region (50 per page, "load more"), each
// with its roles (take one away), another role to give, and disabling (which also ends its
// sessions); and a form to create a staff account with its first role. The server decides
// who may grant what (nobody changes their own roles) and answers 403 otherwise, shown in place.
import { useEffect, useState } from 'preact/hooks';
import { reportsApi } from '../api';
import type { AreaTree, Opd } from '../api-types';
import { ErrorNotice, Loading, Notice } from '../components/common';
import { formatDate } from '../format';
import { adminApi, type AdminUser, type StoredGrant } from './api';
import { useAdminT, type AdminKey } from './messages';
import { CreateUserForm, GrantForm } from './UserForms';
import { Flash, roleKey, toApiError, useAction, type SectionProps } from './ui';
import type { ApiError } from '../api';

interface ListState {
  users: AdminUser[];
  next: string | null;
}

export function Users({ region, me }: SectionProps) {
  const { lang, t } = useAdminT();
  const [flash, setFlash] = useState('');
  const [list, setList] = useState<ListState | null>(null);
  const [refs, setRefs] = useState<{ opds: Opd[]; areas: AreaTree } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [granting, setGranting] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const act = useAction();

  const load = async (cursor: string | null, signal?: AbortSignal): Promise<ListState> => {
    const page = await adminApi.users(region.slug, cursor, signal);
    return { users: page.items, next: page.next_cursor ?? null };
  };
  // The first page and the OPDs and areas the forms offer; again after every change, keeping
  // the old list on screen until the new one is there.
  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    Promise.all([load(null, ctrl.signal), reportsApi.opds(region.slug, ctrl.signal), reportsApi.areas(region.slug, ctrl.signal)]).then(
      ([page, opds, areas]) => {
        if (ctrl.signal.aborted) return;
        setList(page);
        setRefs({ opds: opds.items, areas });
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) setError(toApiError(e));
      },
    );
    return () => ctrl.abort();
  }, [region.slug, attempt]);
  const reload = (message: string) => {
    setFlash(message);
    setGranting(null);
    setAttempt((n) => n + 1);
  };
  const more = async () => {
    if (!list?.next) return;
    setLoadingMore(true);
    try {
      const page = await load(list.next);
      setList({ users: [...list.users, ...page.users], next: page.next });
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setLoadingMore(false);
    }
  };

  if (error && !list) return <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!list || !refs) return <Loading />;
  const opdName = new Map(refs.opds.map((o) => [String(o.id), o.short_name || o.name]));
  const areaName = new Map<string, string>();
  for (const k of refs.areas.kecamatan) {
    areaName.set(k.code, k.name);
    for (const l of k.kelurahan) areaName.set(l.code, l.name);
  }
  const scopeOf = (g: StoredGrant) =>
    g.opd_id ? (opdName.get(g.opd_id) ?? g.opd_id) : g.kecamatan_code ? (areaName.get(g.kecamatan_code) ?? g.kecamatan_code) : g.kelurahan_code ? (areaName.get(g.kelurahan_code) ?? g.kelurahan_code) : '';
  const inRegion = (g: StoredGrant) => g.region_code === region.code;

  return (
    <>
      <Flash>{flash}</Flash>
      <CreateUserForm slug={region.slug} opds={refs.opds} areas={refs.areas} onSaved={(u) => reload(t('user.created', { name: u.name }))} />
      <section aria-labelledby="users-heading">
        <h2 id="users-heading">{t('user.list')}</h2>
        {act.error && <ErrorNotice error={act.error} />}
        {error && <ErrorNotice error={error} />}
        <ul class="user-list" data-testid="user-list">
          {list.users.map((u) => {
            const self = u.id === me.user.id;
            return (
              <li key={u.id} class={u.status === 'disabled' ? 'row-inactive' : ''}>
                <p class="user-head">
                  <strong>{u.name}</strong> <span class="muted small">{[u.email, u.phone].filter(Boolean).join(' · ')}</span>{' '}
                  <span class="tag">{t(`status.${u.status}` as AdminKey) || u.status}</span>
                  <span class="small muted"> · {formatDate(u.created_at, { lang, timezone: region.timezone })}</span>
                </p>
                <ul class="grant-list" aria-label={`${t('user.roles')}: ${u.name}`}>
                  {u.grants.map((g) => (
                    <li key={g.id}>
                      {t(roleKey(g.role))}
                      {scopeOf(g) && ` · ${scopeOf(g)}`}
                      {inRegion(g) && !self && g.role !== 'citizen' && (
                        <button
                          type="button"
                          class="button button-secondary button-small"
                          disabled={act.busy}
                          aria-label={t('user.revoke', { role: t(roleKey(g.role)), name: u.name })}
                          onClick={() =>
                            void act.run(async () => {
                              await adminApi.removeGrant(region.slug, u.id, g.id);
                              reload(t('user.revoked'));
                            })
                          }
                        >
                          {t('user.revokeShort')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
                {!self && u.status !== 'disabled' && (
                  <div class="actions">
                    {granting !== u.id && (
                      <button
                        type="button"
                        class="button button-secondary button-small"
                        aria-label={t('user.grantFor', { name: u.name })}
                        onClick={() => setGranting(u.id)}
                      >
                        {t('user.grant')}
                      </button>
                    )}
                    <button
                      type="button"
                      class="button button-secondary button-small"
                      disabled={act.busy}
                      aria-label={t('user.disable', { name: u.name })}
                      onClick={() =>
                        void act.run(async () => {
                          await adminApi.disableUser(region.slug, u.id);
                          reload(t('user.disabled', { name: u.name }));
                        })
                      }
                    >
                      {t('user.disableShort')}
                    </button>
                  </div>
                )}
                {granting === u.id && (
                  <GrantForm
                    slug={region.slug}
                    user={u}
                    opds={refs.opds}
                    areas={refs.areas}
                    onSaved={() => reload(t('user.granted', { name: u.name }))}
                    onCancel={() => setGranting(null)}
                  />
                )}
              </li>
            );
          })}
        </ul>
        {list.next && (
          <button type="button" class="button button-secondary" disabled={loadingMore} onClick={() => void more()}>
            {t('common.more')}
          </button>
        )}
        <Notice>{t('user.noEnable')}</Notice>
      </section>
    </>
  );
}
