// /r/{slug}: the region's home: local time, area counts, open and resolved report counts, the
// latest public reports, tracking by number, and the announcements addressed to everyone.
import { useEffect, useState } from 'preact/hooks';
import { api, portalApi, reportsApi, type Announcement, type RegionProfile } from '../api';
import type { Report } from '../api-types';
import { ErrorNotice, Loading, Notice, useTitle } from '../components/common';
import { RegionNav, regionTypeLabel } from '../components/RegionHeader';
import { StatusBadge } from '../components/ReportBits';
import { formatDate, formatDateTime, formatNumber, formatTime } from '../format';
import { useLang } from '../i18n';
import { useResource } from '../resource';
import { regionPath, reportPath } from '../router';
import { usePortalT } from './portal-messages';
import { loadRegionCounts, type ReportCount } from './regionCounts';
import { RegionNotFound } from './RegionNotFound';
import { TrackForm } from './Track';

const LATEST = 5;
const ANNOUNCEMENTS = 3;

function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function RegionHome({ slug }: { slug: string }) {
  const { lang, t } = useLang();
  const [region, retry] = useResource((signal) => api.region(slug, signal), [slug, lang]);
  useTitle(region.state === 'ok' ? region.data.name : region.state === 'error' ? t('region.notFoundTitle') : null);
  if (region.state === 'loading') return <Loading />;
  if (region.state === 'error') {
    if (region.error.code === 'region_not_found') return <RegionNotFound slug={slug} error={region.error} />;
    return <ErrorNotice error={region.error} onRetry={retry} />;
  }
  return <RegionBody region={region.data} />;
}

function RegionBody({ region }: { region: RegionProfile }) {
  const { lang, t } = useLang();
  const pt = usePortalT().t;
  const now = useNow();
  const list = (q: string, signal?: AbortSignal) => reportsApi.list(region.slug, q, signal);
  const [counts] = useResource((signal) => loadRegionCounts(region.slug, signal), [region.slug]);
  const [latest] = useResource((signal) => list(`limit=${LATEST}`, signal), [region.slug]);
  const [news] = useResource((signal) => portalApi.announcements(region.slug, signal), [region.slug, lang]);
  const countValue = (c: ReportCount | undefined, testid: string) =>
    c ? (
      <>
        <span class="stat-value" data-testid={testid} data-count={c.n}>
          {formatNumber(c.n, lang)}
        </span>
      </>
    ) : (
      <span class="stat-value" aria-hidden="true">
        —
      </span>
    );
  const c = counts.state === 'ok' ? counts.data : undefined;
  return (
    <>
      <RegionNav region={region} current="home" />
      <header class="page-head">
        <h1>{region.name}</h1>
        <p class="muted">
          {regionTypeLabel(region.type, t)} · {t('region.province')} {region.province.name}
        </p>
      </header>

      <dl class="facts">
        <div>
          <dt>{t('region.localTime')}</dt>
          <dd>
            <time dateTime={now.toISOString()}>
              {formatDate(now, { lang, timezone: region.timezone })}, {formatTime(now, { lang, timezone: region.timezone })}
            </time>
          </dd>
        </div>
        <div>
          <dt>{t('region.code')}</dt>
          <dd>{region.code}</dd>
        </div>
      </dl>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('region.summary')}</h2>
        <ul class="stats">
          <li class="stat">
            <span class="stat-value" data-testid="kecamatan-count">
              {formatNumber(region.counts.kecamatan, lang)}
            </span>
            <span class="stat-label">{t('region.kecamatan')}</span>
          </li>
          <li class="stat">
            <span class="stat-value">{formatNumber(region.counts.kelurahan, lang)}</span>
            <span class="stat-label">{t('region.kelurahan')}</span>
          </li>
          <li class="stat" data-slot="reports-open">
            {countValue(c?.open, 'count-open')}
            <span class="stat-label">{t('region.reportsOpen')}</span>
          </li>
          <li class="stat" data-slot="reports-resolved">
            {countValue(c?.resolved, 'count-resolved')}
            <span class="stat-label">{t('region.reportsDone')}</span>
          </li>
        </ul>
        {counts.state === 'loading' && <Loading />}
        {counts.state === 'error' && <p class="muted small">{pt('home.countsError')}</p>}
      </section>

      <section aria-labelledby="track-heading" class="card">
        <h2 id="track-heading">{pt('track.title')}</h2>
        <TrackForm slug={region.slug} regionName={region.name} />
      </section>

      <section aria-labelledby="reports-heading" class="card" data-slot="reports">
        <h2 id="reports-heading">{pt('home.latest')}</h2>
        {latest.state === 'loading' && <Loading />}
        {latest.state === 'error' && <ErrorNotice error={latest.error} />}
        {latest.state === 'ok' &&
          (latest.data.items.length === 0 ? (
            <p class="muted">{pt('home.noReports')}</p>
          ) : (
            <ul class="report-list" data-testid="latest-reports">
              {latest.data.items.map((r: Report) => (
                <li key={r.tracking}>
                  <a href={reportPath(region.slug, r.tracking)}>{r.tracking}</a> <StatusBadge status={r.status} />
                  <br />
                  <span class="small muted">
                    {formatDateTime(r.created_at, { lang, timezone: region.timezone })} · {r.description.slice(0, 80)}
                  </span>
                </li>
              ))}
            </ul>
          ))}
        <p class="actions">
          <a class="button" href={regionPath(region.slug, 'lapor')}>
            {pt('home.makeReport')}
          </a>
          <a class="button button-secondary" href={regionPath(region.slug, 'peta')}>
            {pt('home.seeMap')}
          </a>
        </p>
      </section>

      <section aria-labelledby="announcements-heading" class="card" data-slot="announcements">
        <h2 id="announcements-heading">{t('region.announcements')}</h2>
        {news.state === 'loading' && <Loading />}
        {news.state === 'error' &&
          (news.error.kind === 'unavailable' ? (
            <p class="muted">{t('region.announcementsSoon')}</p>
          ) : (
            <ErrorNotice error={news.error} />
          ))}
        {news.state === 'ok' && <Announcements items={news.data.items} timezone={region.timezone} />}
      </section>

      <section aria-labelledby="map-heading" class="card">
        <h2 id="map-heading">{t('nav.map')}</h2>
        {!region.boundaries.kecamatan && <Notice tone="warn">{t('region.noBoundaries')}</Notice>}
        <a class="button" href={regionPath(region.slug, 'peta')}>
          {t('region.openMap')}
        </a>
      </section>
    </>
  );
}

/** The public announcements (audience "all"), pinned first as the server orders them. */
export function publicAnnouncements(items: Announcement[], max = ANNOUNCEMENTS): Announcement[] {
  return items.filter((a) => a.audience === 'all').slice(0, max);
}

function Announcements({ items, timezone }: { items: Announcement[]; timezone: string }) {
  const { lang, t } = useLang();
  const pt = usePortalT().t;
  const shown = publicAnnouncements(items);
  if (!shown.length) return <p class="muted">{t('region.announcementsSoon')}</p>;
  return (
    <ul class="announcements" data-testid="announcements">
      {shown.map((a) => (
        <li key={a.id}>
          <h3>
            {a.title}
            {a.pinned && <span class="tag">{pt('home.pinned')}</span>}
          </h3>
          <p class="small muted">
            <time dateTime={a.publish_at}>{pt('home.published', { at: formatDate(a.publish_at, { lang, timezone }) })}</time>
          </p>
          <p>{a.body}</p>
        </li>
      ))}
    </ul>
  );
}
