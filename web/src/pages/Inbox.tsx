// /r/{slug}/kelola: the staff inbox. OPD officers see the reports routed to their OPD (region
// admins see all), overdue SLA first; /r/{slug}/kelola/{tracking} handles one report (status
// with note, internal/public notes, reassign for region admins, resolution photos). Region
// admins also see the categories and routing rules.
import { useState } from 'preact/hooks';
import { api, reportsApi, type RegionProfile } from '../api';
import type { Me, Report } from '../api-types';
import { ErrorNotice, Loading, Notice, useTitle } from '../components/common';
import { RegionNav } from '../components/RegionHeader';
import { StatusBadge, statusLabel } from '../components/ReportBits';
import { formatDateTime } from '../format';
import { useLang } from '../i18n';
import { compareForInbox } from '../report/status';
import { useResource } from '../resource';
import { reportPath, signInPath } from '../router';
import { hasRole, isStaff, officerOpds, useSession } from '../session';
import { AdminPanel } from './InboxAdmin';
import { HandleReport } from './InboxHandle';
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

function InboxList({ region, me }: { region: RegionProfile; me: Me }) {
  const { lang, t } = useLang();
  const admin = hasRole(me, region.code, 'region_admin', 'national_admin');
  const opds = officerOpds(me, region.code);
  const [status, setStatus] = useState(OPEN);
  const [tab, setTab] = useState<'reports' | 'admin'>('reports');
  const query = new URLSearchParams({ limit: '100' });
  if (status) query.set('status', status);
  if (!admin && opds[0] !== undefined) query.set('opd', String(opds[0]));
  const [res, retry] = useResource((signal) => reportsApi.list(region.slug, query.toString(), signal), [region.slug, status, lang]);
  const items: Report[] = res.state === 'ok' ? [...res.data.items].sort(compareForInbox) : [];
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
        <AdminPanel region={region} />
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
          {res.state === 'loading' && <Loading />}
          {res.state === 'error' && <ErrorNotice error={res.error} onRetry={retry} />}
          {res.state === 'ok' && items.length === 0 && <p class="empty">{t('inbox.empty')}</p>}
          {items.length > 0 && (
            <ul class="report-list inbox-list" data-testid="inbox-list">
              {items.map((r) => (
                <li key={r.tracking} class={r.sla?.overdue ? 'overdue' : ''}>
                  <a href={reportPath(region.slug, r.tracking, true)}>{r.tracking}</a> <StatusBadge status={r.status} />
                  {r.sla?.overdue && <span class="tag tag-danger">{t('inbox.overdue')}</span>}
                  <br />
                  <span class="small">
                    {r.category} · {formatDateTime(r.created_at, { lang, timezone: region.timezone })}
                    {r.sla?.resolve_due && ` · ${t('inbox.due', { at: formatDateTime(r.sla.resolve_due, { lang, timezone: region.timezone }) })}`}
                  </span>
                  <br />
                  <span class="small muted">{r.description.slice(0, 100)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
