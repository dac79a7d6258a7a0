// /laporan-saya: the signed-in citizen's notifications (when the server has them), reports
// (GET /api/v1/me/reports) and the ones still waiting in this browser's outbox.
import { api, reportsApi, type RegionSummary } from '../api';
import type { Report } from '../api-types';
import { ErrorNotice, Loading, Notice, useTitle } from '../components/common';
import { StatusBadge } from '../components/ReportBits';
import { formatDateTime } from '../format';
import { useLang } from '../i18n';
import { useOutbox } from '../report/outbox';
import { useResource } from '../resource';
import { reportPath, signInPath } from '../router';
import { useSession } from '../session';
import { Notifications } from './Notifications';
import { usePortalT } from './portal-messages';

const NO_REGIONS: RegionSummary[] = [];

type Mine = Report & { region?: { slug?: string; code?: string; name?: string } | null; region_slug?: string };

/**
 * The region of one of my reports: from the report when the API says it, else from its
 * kecamatan/kelurahan code ("71.71.01" lies in region "71.71").
 */
export function slugOf(r: Mine, slugByCode: Map<string, string>): string | null {
  if (r.region?.slug) return r.region.slug;
  if (r.region_slug) return r.region_slug;
  const area = r.kelurahan_code ?? r.kecamatan_code ?? '';
  const code = area.split('.').slice(0, 2).join('.');
  return slugByCode.get(r.region?.code ?? code) ?? null;
}

export function MyReports() {
  const { t } = useLang();
  useTitle(t('mine.title'));
  const session = useSession();
  if (session.state === 'loading') return <Loading />;
  if (session.state === 'anonymous') {
    return (
      <>
        <h1>{t('mine.title')}</h1>
        <Queued />
        <p>
          <a class="button" href={signInPath('/laporan-saya')}>
            {t('auth.signIn')}
          </a>
        </p>
      </>
    );
  }
  return <MineBody />;
}

function Queued() {
  const { lang, t } = useLang();
  const { entries } = useOutbox();
  if (!entries.length) return null;
  return (
    <section class="card" aria-labelledby="queued-heading">
      <h2 id="queued-heading">{t('outbox.title', { n: entries.length })}</h2>
      <ul>
        {entries.map((e) => (
          <li key={e.key}>
            {e.summary.category} · {formatDateTime(e.createdAt, { lang })} · <a href={`/r/${encodeURIComponent(e.slug)}/lapor`}>{e.slug}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MineBody() {
  const { lang, t } = useLang();
  const pt = usePortalT().t;
  const [res, retry] = useResource(async (signal) => {
    const [mine, regions] = await Promise.all([reportsApi.mine(signal), api.regions(signal).catch(() => ({ items: [] }))]);
    return { items: mine.items, regions: regions.items, slugs: new Map(regions.items.map((g) => [g.code, g.slug])) };
  }, [lang]);
  return (
    <>
      <h1>{t('mine.title')}</h1>
      <Queued />
      <Notifications regions={res.state === 'ok' ? res.data.regions : NO_REGIONS} />
      <h2>{pt('mine.filed')}</h2>
      {res.state === 'loading' && <Loading />}
      {res.state === 'error' &&
        (res.error.kind === 'unavailable' ? (
          <Notice tone="warn">{t('mine.unavailable')}</Notice>
        ) : (
          <ErrorNotice error={res.error} onRetry={retry} />
        ))}
      {res.state === 'ok' &&
        (res.data.items.length === 0 ? (
          <p class="empty">{t('mine.empty')}</p>
        ) : (
          <ul class="report-list" data-testid="my-reports">
            {(res.data.items as Mine[]).map((r) => {
              const slug = slugOf(r, res.data.slugs);
              return (
                <li key={r.tracking}>
                  {slug ? <a href={reportPath(slug, r.tracking)}>{r.tracking}</a> : <strong>{r.tracking}</strong>}{' '}
                  <StatusBadge status={r.status} />
                  <br />
                  <span class="small muted">
                    {formatDateTime(r.created_at, { lang, timezone: res.data.regions.find((g) => g.slug === slug)?.timezone })} ·{' '}
                    {r.description.slice(0, 80)}
                  </span>
                </li>
              );
            })}
          </ul>
        ))}
    </>
  );
}
