import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { ErrorNotice, useTitle } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { useLang } from '../i18n';
import { navigate } from '../router';
import { signIn } from '../session';
import { usePortalT } from './portal-messages';

/** Where to go after signing in: a same-site path from ?next=, else the landing page. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignIn() {
  const { t } = useLang();
  const pt = usePortalT().t;
  useTitle(t('auth.signInTitle'));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(error);

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!login.trim()) missing['login'] = t('form.required');
    if (!password) missing['password'] = t('form.required');
    setLocal(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(login.trim(), password);
      navigate(nextPath(location.search), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('network', 0, 'client', ''));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <h1>{t('auth.signInTitle')}</h1>
      <form class="card form" onSubmit={submit} noValidate>
        {error && !error.details.length && <ErrorNotice error={error} />}
        <Field id="login" label={t('auth.login')} hint={t('auth.loginHint')} error={local['login'] ?? server['login']}>
          <input
            id="login"
            name="username"
            type="text"
            autocomplete="username"
            inputMode="email"
            value={login}
            onInput={(e) => setLogin(e.currentTarget.value)}
            {...describe('login', true, local['login'] ?? server['login'])}
          />
        </Field>
        <Field id="password" label={t('auth.password')} error={local['password'] ?? server['password']}>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            {...describe('password', false, local['password'] ?? server['password'])}
          />
        </Field>
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
      <p>
        {t('auth.noAccount')} <a href="/daftar">{t('auth.registerLink')}</a>
      </p>
      <p>
        <a href="/lupa-sandi">{pt('reset.link')}</a>
      </p>
    </div>
  );
}
