import { useEffect, useState } from 'preact/hooks';
import { api, type RegionProfile } from '../api';
import { ErrorNotice, Loading, Notice, useTitle } from '../components/common';
import { RegionNav, regionTypeLabel } from '../components/RegionHeader';
import { formatDate, formatNumber, formatTime } from '../format';
import { useLang } from '../i18n';
import { useResource } from '../resource';
import { regionPath } from '../router';
import { RegionNotFound } from './RegionNotFound';

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
  const now = useNow();
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
          <li class="stat stat-pending" data-slot="reports-open">
            <span class="stat-value" aria-hidden="true">—</span>
            <span class="stat-label">{t('region.reportsOpen')}</span>
            <span class="stat-note">{t('common.comingSoon')}</span>
          </li>
          <li class="stat stat-pending" data-slot="reports-resolved">
            <span class="stat-value" aria-hidden="true">—</span>
            <span class="stat-label">{t('region.reportsDone')}</span>
            <span class="stat-note">{t('common.comingSoon')}</span>
          </li>
        </ul>
      </section>

      <section aria-labelledby="map-heading" class="card">
        <h2 id="map-heading">{t('nav.map')}</h2>
        {!region.boundaries.kecamatan && <Notice tone="warn">{t('region.noBoundaries')}</Notice>}
        <a class="button" href={regionPath(region.slug, 'peta')}>
          {t('region.openMap')}
        </a>
      </section>

      <section aria-labelledby="reports-heading" class="card" data-slot="reports">
        <h2 id="reports-heading">{t('region.reports')}</h2>
        <p class="muted">{t('region.reportsSoon')}</p>
      </section>

      <section aria-labelledby="announcements-heading" class="card" data-slot="announcements">
        <h2 id="announcements-heading">{t('region.announcements')}</h2>
        <p class="muted">{t('region.announcementsSoon')}</p>
      </section>
    </>
  );
}
