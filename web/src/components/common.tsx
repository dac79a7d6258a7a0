import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ApiError } from '../api';
import { useLang } from '../i18n';

export function useTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · kotacerdas` : 'kotacerdas';
  }, [title]);
}

export function Loading({ label }: { label?: string }) {
  const { t } = useLang();
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** An API error shown in place: the server's message, field details, and a retry button. */
export function ErrorNotice({ error, onRetry, title }: { error: ApiError; onRetry?: () => void; title?: string }) {
  const { t } = useLang();
  const message =
    error.kind === 'network'
      ? t('error.network')
      : error.kind === 'unavailable'
        ? t('error.unavailable')
        : error.message || t('error.generic');
  return (
    <div class={`notice ${error.kind === 'unavailable' ? 'notice-warn' : 'notice-error'}`} role="alert">
      {title && <p class="notice-title">{title}</p>}
      <p>{message}</p>
      {error.kind === 'unavailable' && error.message && <p class="muted small">{error.message}</p>}
      {error.details.length > 0 && (
        <ul class="details" aria-label={t('error.details')}>
          {error.details.map((d) => (
            <li key={d.field}>
              {d.field && <code>{d.field}</code>} {d.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && error.kind !== 'http' && (
        <button type="button" class="button button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Notice({ children, tone = 'info' }: { children: ComponentChildren; tone?: 'info' | 'warn' }) {
  return <div class={`notice notice-${tone}`}>{children}</div>;
}
