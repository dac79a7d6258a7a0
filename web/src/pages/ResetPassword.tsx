// /lupa-sandi: password reset in two steps. (1) The email or phone gets a code
// (POST /auth/reset/request answers 202 whether or not the account exists, so the page never
// tells); (2) the code and a new password (POST /auth/reset/confirm). The server's messages
// appear next to their field: "login", "password" (shown at the new password) and
// invalid_code (shown at the code). What was typed stays after a refusal.
import { useState } from 'preact/hooks';
import { ApiError, portalApi } from '../api';
import { ErrorNotice, useTitle } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { usePortalT } from './portal-messages';

/** Field errors of the confirm step keyed by this page's fields. */
export function resetFieldErrors(error: ApiError | null): Record<string, string> {
  if (!error) return {};
  const server = fieldErrors(error);
  const out: Record<string, string> = {};
  if (server['login']) out['login'] = server['login'];
  if (server['code']) out['code'] = server['code'];
  if (server['password'] ?? server['new_password']) out['password'] = (server['password'] ?? server['new_password']) as string;
  if (error.code === 'invalid_code') out['code'] = error.message;
  return out;
}

export function ResetPassword() {
  const { t, core } = usePortalT();
  useTitle(t('reset.title'));
  const [step, setStep] = useState<'request' | 'confirm' | 'done'>('request');
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = resetFieldErrors(error);
  const err = (k: string) => local[k] ?? server[k];
  // The general notice carries what no field shows (rate limits, network, unknown fields).
  const general = error && !Object.keys(server).length ? error : null;

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('network', 0, 'client', ''));
    } finally {
      setBusy(false);
    }
  };

  const request = (e?: Event) => {
    e?.preventDefault();
    const missing: Record<string, string> = {};
    if (!login.trim()) missing['login'] = core('form.required');
    setLocal(missing);
    if (Object.keys(missing).length) return;
    void run(async () => {
      await portalApi.resetRequest(login.trim());
      setStep('confirm');
    });
  };

  const confirm = (e: Event) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!code.trim()) missing['code'] = core('form.required');
    if (password.length < 8) missing['password'] = core('auth.passwordShort');
    setLocal(missing);
    if (Object.keys(missing).length) return;
    void run(async () => {
      await portalApi.resetConfirm(login.trim(), code.trim(), password);
      setStep('done');
    });
  };

  return (
    <div class="narrow">
      <h1>{t('reset.title')}</h1>
      {step === 'request' && (
        <form class="card form" onSubmit={request} noValidate data-testid="reset-request">
          <p>{t('reset.intro')}</p>
          {general && <ErrorNotice error={general} />}
          <Field id="reset-login" label={core('auth.login')} error={err('login')}>
            <input
              id="reset-login"
              type="text"
              inputMode="email"
              autocomplete="username"
              value={login}
              onInput={(e) => setLogin(e.currentTarget.value)}
              {...describe('reset-login', false, err('login'))}
            />
          </Field>
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('reset.sending') : t('reset.send')}
          </button>
        </form>
      )}
      {step === 'confirm' && (
        <form class="card form" onSubmit={confirm} noValidate data-testid="reset-confirm">
          <p role="status">{t('reset.sent', { login: login.trim() })}</p>
          {general && <ErrorNotice error={general} />}
          <Field id="reset-code" label={t('reset.code')} error={err('code')}>
            <input
              id="reset-code"
              inputMode="numeric"
              autocomplete="one-time-code"
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
              {...describe('reset-code', false, err('code'))}
            />
          </Field>
          <Field id="reset-password" label={t('reset.newPassword')} hint={core('auth.passwordHint')} error={err('password')}>
            <input
              id="reset-password"
              type="password"
              autocomplete="new-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
              {...describe('reset-password', true, err('password'))}
            />
          </Field>
          <div class="actions">
            <button type="submit" class="button" disabled={busy}>
              {t('reset.save')}
            </button>
            <button type="button" class="button button-secondary" disabled={busy} onClick={() => request()}>
              {t('reset.resend')}
            </button>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                setError(null);
                setLocal({});
                setStep('request');
              }}
            >
              {t('reset.changeLogin')}
            </button>
          </div>
        </form>
      )}
      {step === 'done' && (
        <div class="card" role="status" data-testid="reset-done">
          <p>{t('reset.done')}</p>
          <a class="button" href="/masuk">
            {core('auth.signIn')}
          </a>
        </div>
      )}
    </div>
  );
}
