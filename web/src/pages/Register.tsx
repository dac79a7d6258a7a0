import { useState } from 'preact/hooks';
import { ApiError, auth } from '../api';
import { ErrorNotice, useTitle } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { useLang } from '../i18n';

// Mirrors the server's rules (src/accounts: name 1..120, password at least 8 characters,
// an email or a phone); the server's answer is still the one shown when it differs.
export function validateRegistration(
  v: { name: string; email: string; phone: string; password: string },
  t: (k: 'form.required' | 'auth.contactRequired' | 'auth.passwordShort') => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.name.trim()) out['name'] = t('form.required');
  if (!v.email.trim() && !v.phone.trim()) out['email'] = t('auth.contactRequired');
  if (v.password.length < 8) out['password'] = t('auth.passwordShort');
  return out;
}

export function Register() {
  const { lang, t } = useLang();
  useTitle(t('auth.registerTitle'));
  const [form, setForm] = useState({ name: '', email: '', phone: '', password: '' });
  const [step, setStep] = useState<'form' | 'verify' | 'done'>('form');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(error);
  const err = (k: string) => local[k] ?? server[k];
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value });

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

  const register = (e: Event) => {
    e.preventDefault();
    const v = validateRegistration(form, t);
    setLocal(v);
    if (Object.keys(v).length) return;
    void run(async () => {
      await auth.register({
        name: form.name.trim(),
        email: form.email.trim() || undefined,
        phone: form.phone.trim() || undefined,
        password: form.password,
        language: lang,
      });
      setStep('verify');
    });
  };

  const verify = (e: Event) => {
    e.preventDefault();
    if (!code.trim()) return setLocal({ code: t('form.required') });
    setLocal({});
    void run(async () => {
      await auth.verify(form.email.trim() || form.phone.trim(), code.trim());
      setStep('done');
    });
  };

  return (
    <div class="narrow">
      <h1>{t('auth.registerTitle')}</h1>
      {step === 'form' && (
        <form class="card form" onSubmit={register} noValidate>
          {error && <ErrorNotice error={error} />}
          <Field id="reg-name" label={t('auth.name')} error={err('name')}>
            <input id="reg-name" autocomplete="name" value={form.name} onInput={set('name')} {...describe('reg-name', false, err('name'))} />
          </Field>
          <Field id="reg-email" label={t('auth.email')} hint={t('auth.contactHint')} error={err('email')}>
            <input
              id="reg-email"
              type="email"
              autocomplete="email"
              value={form.email}
              onInput={set('email')}
              {...describe('reg-email', true, err('email'))}
            />
          </Field>
          <Field id="reg-phone" label={t('auth.phone')} error={err('phone')}>
            <input id="reg-phone" type="tel" autocomplete="tel" value={form.phone} onInput={set('phone')} {...describe('reg-phone', false, err('phone'))} />
          </Field>
          <Field id="reg-password" label={t('auth.password')} hint={t('auth.passwordHint')} error={err('password')}>
            <input
              id="reg-password"
              type="password"
              autocomplete="new-password"
              value={form.password}
              onInput={set('password')}
              {...describe('reg-password', true, err('password'))}
            />
          </Field>
          <button type="submit" class="button" disabled={busy}>
            {t('auth.register')}
          </button>
        </form>
      )}
      {step === 'verify' && (
        <form class="card form" onSubmit={verify} noValidate data-testid="verify-form">
          <p role="status">{t('auth.codeSent', { to: form.email || form.phone })}</p>
          {error && <ErrorNotice error={error} />}
          <Field id="reg-code" label={t('auth.code')} error={err('code')}>
            <input
              id="reg-code"
              inputMode="numeric"
              autocomplete="one-time-code"
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
              {...describe('reg-code', false, err('code'))}
            />
          </Field>
          <button type="submit" class="button" disabled={busy}>
            {t('auth.verify')}
          </button>
        </form>
      )}
      {step === 'done' && (
        <div class="card" role="status">
          <p>{t('auth.verified')}</p>
          <a class="button" href="/masuk">
            {t('auth.signIn')}
          </a>
        </div>
      )}
      {step === 'form' && (
        <p>
          {t('auth.haveAccount')} <a href="/masuk">{t('auth.signIn')}</a>
        </p>
      )}
    </div>
  );
}
