// Audit log section: the region's audit entries, newest first, 50 a page (older/newer through
// the server's cursor), filtered by action or action prefix ("report_category."); each entry's
// before/after JSON folds open.
import { useState } from 'preact/hooks';
import { ErrorNotice, Loading } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { formatDateTime } from '../format';
import { useResource } from '../resource';
import { adminApi, type AuditRecord } from './api';
import { useAdminT } from './messages';
import { auditQuery, currentCursor, FIRST_PAGE, newerPage, olderPage, type CursorTrail } from './paging';
import type { SectionProps } from './ui';

function json(v: unknown): string {
  return v === null || v === undefined ? '—' : JSON.stringify(v, null, 2);
}

export function AuditLog({ region }: SectionProps) {
  const { lang, t } = useAdminT();
  const [typed, setTyped] = useState('');
  const [action, setAction] = useState('');
  const [trail, setTrail] = useState<CursorTrail>(FIRST_PAGE);
  const cursor = currentCursor(trail);
  const [res, reload] = useResource(
    (signal) => adminApi.audit(region.slug, auditQuery(action, cursor), signal),
    [region.slug, action, cursor],
  );
  const filterError = res.state === 'error' ? fieldErrors(res.error)['action'] : undefined;
  const apply = (e: Event) => {
    e.preventDefault();
    setAction(typed.trim());
    setTrail(FIRST_PAGE);
  };
  const tz = region.timezone;
  const pager = res.state === 'ok' && (
    <div class="actions pager">
      <button type="button" class="button button-secondary button-small" disabled={trail.length <= 1} onClick={() => setTrail(FIRST_PAGE)}>
        {t('audit.newest')}
      </button>
      <button type="button" class="button button-secondary button-small" disabled={trail.length <= 1} onClick={() => setTrail(newerPage(trail))}>
        {t('audit.newer')}
      </button>
      <span class="small muted" aria-live="polite">
        {t('audit.page', { n: trail.length })}
      </span>
      <button
        type="button"
        class="button button-secondary button-small"
        disabled={!res.data.next_cursor}
        onClick={() => res.data.next_cursor && setTrail(olderPage(trail, res.data.next_cursor))}
      >
        {t('audit.older')}
      </button>
    </div>
  );
  return (
    <>
      <form class="form audit-filter" onSubmit={apply} noValidate role="search">
        <Field id="audit-action" label={t('audit.filter')} hint={t('audit.filterHint')} error={filterError}>
          <div class="track-row">
            <input id="audit-action" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} {...describe('audit-action', true, filterError)} />
            <button type="submit" class="button button-secondary">
              {t('audit.apply')}
            </button>
          </div>
        </Field>
      </form>
      {res.state === 'loading' && <Loading />}
      {res.state === 'error' && !filterError && <ErrorNotice error={res.error} onRetry={reload} />}
      {res.state === 'ok' && res.data.items.length === 0 && <p class="empty">{t('audit.none')}</p>}
      {res.state === 'ok' && res.data.items.length > 0 && (
        <>
          {pager}
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('sec.audit')}>
            <table data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.target')}</th>
                  <th scope="col">{t('audit.change')}</th>
                </tr>
              </thead>
              <tbody>
                {res.data.items.map((r: AuditRecord) => (
                  <tr key={r.id}>
                    <td>{formatDateTime(r.at, { lang, timezone: tz })}</td>
                    <td>{r.actor}</td>
                    <td>
                      <code>{r.action}</code>
                    </td>
                    <td>
                      <code>{r.target}</code>
                    </td>
                    <td>
                      <details>
                        <summary>{t('audit.details')}</summary>
                        <div class="audit-diff">
                          <div>
                            <p class="small">{t('audit.before')}</p>
                            <pre>{json(r.before)}</pre>
                          </div>
                          <div>
                            <p class="small">{t('audit.after')}</p>
                            <pre>{json(r.after)}</pre>
                          </div>
                        </div>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pager}
        </>
      )}
    </>
  );
}
