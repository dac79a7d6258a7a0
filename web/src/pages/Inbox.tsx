// /r/{slug}/kelola: the staff inbox. OPD officers see the reports routed to their OPD (region
// admins see all), overdue SLA first, 100 at a time with "load more" (the list's cursor);
// several can be moved at once (diterima -> diverifikasi, diverifikasi -> diproses).
// /r/{slug}/kelola/{tracking} handles one report (status with note, internal/public notes,
// reassign for region admins, resolution photos). Region admins also see the categories and
// routing rules, and a link to the region admin pages where they are changed.
import { useState } from 'preact/hooks';
import { api, ApiError, reportsApi, type RegionProfile } from '../api';
import type { Me, Report, ReportPage } from '../api-types';
import { ErrorNotice, Loading, Notice, useTitle } from '../components/common';
import { RegionNav } from '../components/RegionHeader';
import { StatusBadge, statusLabel } from '../components/ReportBits';
import { formatDateTime } from '../format';
import { useLang } from '../i18n';
import { compareForInbox } from '../report/status';
import { useResource } from '../resource';
import { regionPath, reportPath, signInPath } from '../router';
import { hasRole, isStaff, officerOpds, useSession } from '../session';
import { AdminPanel } from './InboxAdmin';
import { BULK_TARGETS, canBulk, planBulk, runBulk, type BulkResult } from './inboxBulk';
import { HandleReport } from './InboxHandle';
import { usePortalT } from './portal-messages';
import { RegionNotFound } from './RegionNotFound';

export function Inbox({ slug, tracking }: { slug: string; tracking: string | null }) {
  const { lang, t } = useLang();
  const session = useSession();
  const [region, retry] = useResource((signal) => api.region(slug, signal), [slug, lang]);
  useTitle(tracking ? t('inbox.handleTitle', { tracking }) : t('inbox.title'));
  if (session.state === 'loading' || region.state === 'loading') return <Loading />;
  if (region.state === 'error') {
    if (region.error.code === 'region_not_found') return <RegionNotFound slug={slug} error={region.error} />;
    return <ErrorNotice error={region.error} onRetry={retry} />;
  }
  if (session.state === 'anonymous') {
    return (
      <>
        <h1>{t('inbox.title')}</h1>
        <p>
          <a class="button" href={signInPath()}>
            {t('auth.signIn')}
          </a>
        </p>
      </>
    );
  }
  const me = session.me;
  if (!isStaff(me, region.data.code)) {
    return (
      <>
        <h1>{t('inbox.title')}</h1>
        <Notice tone="warn">{t('inbox.noAccess')}</Notice>
      </>
    );
  }
  return (
    <>
      <RegionNav region={region.data} current="inbox" />
      {tracking ? <HandleReport region={region.data} me={me} tracking={tracking} /> : <InboxList region={region.data} me={me} />}
    </>
  );
}

const OPEN = 'diterima,diverifikasi,diproses';
const PAGE = 100;

interface Pages {
  items: Report[];
  next: string | null;
}

/** The list for `query`, 100 at a time; `loadMore` appends the next page. */
function usePagedReports(slug: string, query: string, lang: string) {
  const [first, retry] = useResource((signal) => reportsApi.list(slug, query, signal), [slug, query, lang]);
  // Pages after the first, valid only for the first page they were loaded after.
  const [extra, setExtra] = useState<{ base: ReportPage; items: Report[]; next: string | null } | null>(null);
  const [more, setMore] = useState<{ base: ReportPage | null; busy: boolean; error: ApiError | null }>({
    base: null,
    busy: false,
    error: null,
  });
  const base = first.state === 'ok' ? first.data : null;
  const pages: Pages | null = base
    ? extra && extra.base === base
      ? { items: [...base.items, ...extra.items], next: extra.next }
      : { items: base.items, next: base.next_cursor }
    : null;
  const loadMore = async () => {
    if (!base || !pages?.next) return;
    setMore({ base, busy: true, error: null });
    try {
      const q = new URLSearchParams(query);
      q.set('cursor', pages.next);
      const page = await reportsApi.list(slug, q.toString());
      const seen = new Set(pages.items.map((r) => r.tracking));
      const added = page.items.filter((r) => !seen.has(r.tracking));
      setExtra({ base, items: [...(extra && extra.base === base ? extra.items : []), ...added], next: page.next_cursor });
      setMore({ base, busy: false, error: null });
    } catch (e) {
      setMore({ base, busy: false, error: e instanceof ApiError ? e : new ApiError('network', 0, 'client', '') });
    }
  };
  const current = more.base === base ? more : { busy: false, error: null };
  return { first, retry, pages, more: current, loadMore };
}

function InboxList({ region, me }: { region: RegionProfile; me: Me }) {
  const { lang, t } = useLang();
  const pt = usePortalT().t;
  const admin = hasRole(me, region.code, 'region_admin', 'national_admin');
  const opds = officerOpds(me, region.code);
  const [status, setStatus] = useState(OPEN);
  const [tab, setTab] = useState<'reports' | 'admin'>('reports');
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (status) query.set('status', status);
  if (!admin && opds[0] !== undefined) query.set('opd', String(opds[0]));
  const list = usePagedReports(region.slug, query.toString(), lang);
  // Kept here: the list reloads (and its items remount) after a bulk change.
  const [result, setResult] = useState<Outcome | null>(null);
  const items: Report[] = list.pages ? [...list.pages.items].sort(compareForInbox) : [];
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      {admin && (
        <div class="tabs" role="group" aria-label={t('inbox.sections')}>
          <button type="button" class="chip" aria-pressed={tab === 'reports'} onClick={() => setTab('reports')}>
            {t('inbox.reports')}
          </button>
          <button type="button" class="chip" aria-pressed={tab === 'admin'} onClick={() => setTab('admin')}>
            {t('inbox.admin')}
          </button>
        </div>
      )}
      {tab === 'admin' && admin ? (
        <>
          <p>
            <a href={regionPath(region.slug, 'admin')}>{pt('inbox.adminPages')}</a>
          </p>
          <AdminPanel region={region} />
        </>
      ) : (
        <>
          <div class="field filters">
            <label for="inbox-status">{t('map.fStatus')}</label>
            <select id="inbox-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value={OPEN}>{t('inbox.open')}</option>
              <option value="">{t('map.all')}</option>
              {['diterima', 'diverifikasi', 'diproses', 'selesai', 'ditolak'].map((s) => (
                <option value={s} key={s}>
                  {statusLabel(s, t)}
                </option>
              ))}
            </select>
          </div>
          {list.first.state === 'loading' && <Loading />}
          {list.first.state === 'error' && <ErrorNotice error={list.first.error} onRetry={list.retry} />}
          {list.first.state === 'ok' && items.length === 0 && <p class="empty">{t('inbox.empty')}</p>}
          {result && <BulkOutcome result={result} />}
          {items.length > 0 && (
            <InboxItems
              region={region}
              items={items}
              onDone={(r) => {
                setResult(r);
                if (r.done.length) list.retry();
              }}
            />
          )}
          {list.more.error && <ErrorNotice error={list.more.error} />}
          {list.pages?.next && (
            <button type="button" class="button button-secondary" disabled={list.more.busy} onClick={() => void list.loadMore()}>
              {list.more.busy ? t('common.loading') : pt('inbox.more')}
            </button>
          )}
        </>
      )}
    </>
  );
}

type Outcome = BulkResult & { skipped: number; to: string };

function BulkOutcome({ result }: { result: Outcome }) {
  const { t } = useLang();
  const pt = usePortalT().t;
  return (
    <div class={`notice ${result.failed.length ? 'notice-warn' : 'notice-info'}`} role="status" data-testid="bulk-result">
      {result.done.length > 0 && <p>{pt('inbox.bulkDone', { n: result.done.length, to: statusLabel(result.to, t) })}</p>}
      {result.skipped > 0 && <p>{pt('inbox.bulkSkipped', { n: result.skipped, to: statusLabel(result.to, t) })}</p>}
      {result.failed.length > 0 && (
        <>
          <p>{pt('inbox.bulkFailed', { n: result.failed.length })}</p>
          <ul>
            {result.failed.map((f) => (
              <li key={f.tracking}>
                {f.tracking}: {f.message || t('error.generic')}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function InboxItems({ region, items, onDone }: { region: RegionProfile; items: Report[]; onDone: (r: Outcome) => void }) {
  const { lang, t } = useLang();
  const pt = usePortalT().t;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [to, setTo] = useState<string>(BULK_TARGETS[0]);
  const [progress, setProgress] = useState<number | null>(null);
  const [hint, setHint] = useState('');
  const eligible = items.filter((r) => canBulk(r.status, to)).map((r) => r.tracking);
  const toggle = (tracking: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(tracking);
    else next.delete(tracking);
    setSelected(next);
  };
  const allOn = eligible.length > 0 && eligible.every((x) => selected.has(x));
  const apply = async (e: Event) => {
    e.preventDefault();
    const plan = planBulk(items, selected, to);
    if (!plan.apply.length && !plan.skip.length) return setHint(pt('inbox.bulkNone'));
    setHint('');
    setProgress(0);
    const r = await runBulk(plan.apply, (x) => reportsApi.status(region.slug, x, { status: to }), setProgress);
    setProgress(null);
    setSelected(new Set());
    onDone({ ...r, skipped: plan.skip.length, to });
  };
  const chosen = planBulk(items, selected, to);
  const n = chosen.apply.length + chosen.skip.length;
  return (
    <>
      <form class="bulk" onSubmit={(e) => void apply(e)} aria-label={pt('inbox.bulkLegend')} data-testid="bulk-form">
        <label class="check">
          <input type="checkbox" checked={allOn} disabled={!eligible.length} onChange={(e) => setSelected(e.currentTarget.checked ? new Set(eligible) : new Set())} />
          {pt('inbox.selectAll')}
        </label>
        <div class="field">
          <label for="bulk-to">{pt('inbox.bulkTo')}</label>
          <select id="bulk-to" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
            {BULK_TARGETS.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s, t)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button" disabled={progress !== null}>
          {pt('inbox.bulkApply', { n })}
        </button>
        {hint && (
          <p class="field-error" role="alert">
            {hint}
          </p>
        )}
      </form>
      <div role="status" aria-live="polite">
        {progress !== null && <p>{pt('inbox.bulkRunning', { done: progress, n })}</p>}
      </div>
      <p class="small muted">{pt('inbox.shown', { n: items.length })}</p>
      <ul class="report-list inbox-list" data-testid="inbox-list">
        {items.map((r) => (
          <li key={r.tracking} class={r.sla?.overdue ? 'overdue' : ''}>
            <input
              type="checkbox"
              class="select-box"
              checked={selected.has(r.tracking)}
              aria-label={pt('inbox.select', { tracking: r.tracking })}
              onChange={(e) => toggle(r.tracking, e.currentTarget.checked)}
            />
            <div class="item-body">
              <a href={reportPath(region.slug, r.tracking, true)}>{r.tracking}</a> <StatusBadge status={r.status} />
              {r.sla?.overdue && <span class="tag tag-danger">{t('inbox.overdue')}</span>}
              <br />
              <span class="small">
                {r.category} · {formatDateTime(r.created_at, { lang, timezone: region.timezone })}
                {r.sla?.resolve_due && ` · ${t('inbox.due', { at: formatDateTime(r.sla.resolve_due, { lang, timezone: region.timezone }) })}`}
              </span>
              <br />
              <span class="small muted">{r.description.slice(0, 100)}</span>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
