// The reports waiting in this browser's outbox: sent automatically when online; one the
// server refused can be retried or removed.
import { formatDateTime } from '../format';
import { useLang } from '../i18n';
import { flushOutbox, removeQueued, retryQueued, useOutbox } from '../report/outbox';

export function OutboxList({ slug }: { slug: string }) {
  const { lang, t } = useLang();
  const { entries } = useOutbox(slug);
  if (entries.length === 0) return null;
  return (
    <section class="card outbox" aria-labelledby="outbox-heading" data-testid="outbox">
      <h2 id="outbox-heading">{t('outbox.title', { n: entries.length })}</h2>
      <p class="hint">{navigator.onLine ? t('outbox.online') : t('outbox.offline')}</p>
      <ul>
        {entries.map((e) => (
          <li key={e.key} data-state={e.state}>
            <strong>{e.summary.category}</strong> · {e.summary.description.slice(0, 60)}
            <br />
            <span class="small muted">
              {formatDateTime(e.createdAt, { lang })} ·{' '}
              {e.state === 'failed' ? t('outbox.failed', { error: e.error ?? '' }) : t('outbox.waiting', { n: e.photos.length })}
            </span>
            <div class="actions">
              {e.state === 'failed' && (
                <button type="button" class="button button-secondary button-small" onClick={() => void retryQueued(e)}>
                  {t('common.retry')}
                </button>
              )}
              <button type="button" class="button button-secondary button-small" onClick={() => void removeQueued(e.key)}>
                {t('outbox.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {navigator.onLine && (
        <button type="button" class="button button-small" onClick={() => void flushOutbox()}>
          {t('outbox.sendNow')}
        </button>
      )}
    </section>
  );
}
