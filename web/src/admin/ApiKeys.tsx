// API keys section: the region's keys (never their secrets), creating one (the secret is in
// the answer once and shown once, here, until the page is left) and revoking.
import { useState } from 'preact/hooks';
import { ErrorNotice, Loading } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { formatDateTime } from '../format';
import { useResource } from '../resource';
import { adminApi } from './api';
import { useAdminT } from './messages';
import { Flash, useAction, type SectionProps } from './ui';

export function ApiKeys({ region }: SectionProps) {
  const { lang, t, core } = useAdminT();
  const [flash, setFlash] = useState('');
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  const [name, setName] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [res, reload] = useResource((signal) => adminApi.keys(region.slug, signal), [region.slug]);
  const create = useAction();
  const revoke = useAction();
  const server = fieldErrors(create.error);
  const err = local['name'] ?? server['name'];
  const tz = region.timezone;

  const submit = (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return setLocal({ name: core('form.required') });
    setLocal({});
    void create.run(async () => {
      const k = await adminApi.createKey(region.slug, name.trim());
      setSecret({ name: k.name, key: k.key });
      setFlash('');
      setName('');
      reload();
    });
  };

  return (
    <>
      <Flash>{flash}</Flash>
      {secret && (
        <div class="notice notice-info secret" role="status" data-testid="api-key-secret">
          <p>{t('key.created', { name: secret.name })}</p>
          <label for="api-key-value">{t('key.secret', { name: secret.name })}</label>
          <input id="api-key-value" readOnly value={secret.key} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <form class="card form admin-form" onSubmit={submit} noValidate data-testid="key-form">
        <h2>{t('key.add')}</h2>
        {create.error && !server['name'] && <ErrorNotice error={create.error} />}
        <Field id="key-name" label={t('key.name')} hint={t('key.nameHint')} error={err}>
          <input id="key-name" autocomplete="off" value={name} onInput={(e) => setName(e.currentTarget.value)} {...describe('key-name', true, err)} />
        </Field>
        <button type="submit" class="button" disabled={create.busy}>
          {create.busy ? t('common.saving') : t('key.add')}
        </button>
      </form>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">{t('key.list', { n: res.state === 'ok' ? res.data.items.length : '…' })}</h2>
        {res.state === 'loading' && <Loading />}
        {res.state === 'error' && <ErrorNotice error={res.error} onRetry={reload} />}
        {res.state === 'ok' && (
          <>
            {revoke.error && <ErrorNotice error={revoke.error} />}
            {res.data.items.length === 0 ? (
              <p class="empty">{t('key.none')}</p>
            ) : (
              <ul class="report-list" data-testid="key-list">
                {res.data.items.map((k) => (
                  <li key={k.id} class={k.revoked ? 'row-inactive' : ''}>
                    <strong>{k.name}</strong>
                    {k.revoked && <span class="tag">{t('key.revokedTag')}</span>}
                    <br />
                    <span class="small muted">
                      {formatDateTime(k.created_at, { lang, timezone: tz })} · {t('key.lastUsed')}:{' '}
                      {k.last_used_at ? formatDateTime(k.last_used_at, { lang, timezone: tz }) : t('key.never')}
                    </span>
                    {!k.revoked && (
                      <div class="actions">
                        <button
                          type="button"
                          class="button button-secondary button-small"
                          disabled={revoke.busy}
                          onClick={() =>
                            void revoke.run(async () => {
                              await adminApi.revokeKey(region.slug, k.id);
                              setFlash(t('key.revoked', { name: k.name }));
                              reload();
                            })
                          }
                        >
                          {t('key.revoke', { name: k.name })}
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </>
  );
}
