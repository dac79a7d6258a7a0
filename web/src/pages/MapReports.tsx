// The public reports on the region map: filters (status, category, kecamatan), clustered
// markers in the status colours (map/reportLayer.ts, loaded with Leaflet) and a list of the
// newest below the map.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, reportsApi, type RegionProfile } from '../api';
import { REPORT_STATUSES, type Category, type Report } from '../api-types';
import { ErrorNotice, Loading } from '../components/common';
import { StatusBadge, statusLabel } from '../components/ReportBits';
import { formatNumber } from '../format';
import { useLang } from '../i18n';
import type { MapHandle } from '../map/leafletMap';
import type { ReportLayer } from '../map/reportLayer';
import { filterQuery, loadMapReports, type MapFilter, type MapReport } from '../report/mapData';
import { statusTone, TONE_FILL } from '../report/status';
import { reportPath } from '../router';

const LIST_SIZE = 20;

type Load = { state: 'loading' } | { state: 'ok'; items: MapReport[]; truncated: boolean } | { state: 'error'; error: ApiError };

export function ReportsOnMap({
  region,
  map,
  kecamatan,
  children,
}: {
  region: RegionProfile;
  map: MapHandle | null;
  kecamatan: Array<{ code: string; name: string }>;
  children: ComponentChildren;
}) {
  const { lang, t } = useLang();
  const [filter, setFilter] = useState<MapFilter>({ status: '', category: '', kecamatan: '' });
  const [categories, setCategories] = useState<Category[]>([]);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const layer = useRef<ReportLayer | null>(null);
  const fitted = useRef(false);

  useEffect(() => {
    const ctrl = new AbortController();
    reportsApi.categories(region.slug, ctrl.signal).then(
      (r) => setCategories(r.items),
      () => undefined,
    );
    return () => ctrl.abort();
  }, [region.slug, lang]);

  // The newest few with their descriptions, for the list under the map.
  const [latest, setLatest] = useState<Report[]>([]);
  useEffect(() => {
    const ctrl = new AbortController();
    reportsApi.list(region.slug, filterQuery(filter, { limit: String(LIST_SIZE) }), ctrl.signal).then(
      (r) => setLatest(r.items),
      () => setLatest([]),
    );
    return () => ctrl.abort();
  }, [region.slug, filter.status, filter.category, filter.kecamatan]);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoad({ state: 'loading' });
    loadMapReports(region.slug, filter, ctrl.signal).then(
      (r) => !ctrl.signal.aborted && setLoad({ state: 'ok', ...r }),
      (e: unknown) =>
        !ctrl.signal.aborted &&
        setLoad({ state: 'error', error: e instanceof ApiError ? e : new ApiError('network', 0, 'client', '') }),
    );
    return () => ctrl.abort();
  }, [region.slug, filter.status, filter.category, filter.kecamatan]);

  useEffect(() => {
    if (!map) return;
    let cancelled = false;
    import('../map/leafletMap').then((mod) => {
      if (cancelled) return;
      layer.current = mod.createReportLayer(map.map, {
        openLabel: t('map.openReport'),
        clusterLabel: (n) => t('map.cluster', { n }),
      });
      setTick((n) => n + 1);
    });
    return () => {
      cancelled = true;
      layer.current?.destroy();
      layer.current = null;
    };
  }, [map]);
  const [tick, setTick] = useState(0);

  const names = new Map(categories.map((c) => [c.code, c.name]));
  useEffect(() => {
    if (!layer.current || load.state !== 'ok') return;
    layer.current.setPoints(
      load.items.map((r) => ({
        lat: r.lat,
        lon: r.lon,
        color: TONE_FILL[statusTone(r.status)],
        title: `${r.tracking} · ${names.get(r.category) ?? r.category} · ${statusLabel(r.status, t)}`,
        href: reportPath(region.slug, r.tracking),
      })),
      !fitted.current && load.items.length > 0,
    );
    if (load.items.length > 0) fitted.current = true;
    const el = map?.map.getContainer();
    if (el) el.dataset['reports'] = String(load.items.length);
  }, [load, tick, categories]);

  const set = (k: keyof MapFilter) => (e: Event) => setFilter({ ...filter, [k]: (e.currentTarget as HTMLSelectElement).value });

  return (
    <>
      <form class="filters" aria-label={t('map.filters')} onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="f-status">{t('map.fStatus')}</label>
          <select id="f-status" value={filter.status} onChange={set('status')}>
            <option value="">{t('map.all')}</option>
            {REPORT_STATUSES.map((s) => (
              <option value={s} key={s}>
                {statusLabel(s, t)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-category">{t('map.fCategory')}</label>
          <select id="f-category" value={filter.category} onChange={set('category')}>
            <option value="">{t('map.all')}</option>
            {categories.map((c) => (
              <option value={c.code} key={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-kecamatan">{t('map.fKecamatan')}</label>
          <select id="f-kecamatan" value={filter.kecamatan} onChange={set('kecamatan')}>
            <option value="">{t('map.all')}</option>
            {kecamatan.map((k) => (
              <option value={k.code} key={k.code}>
                {k.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ul class="legend" aria-label={t('map.legend')}>
        {(['diterima', 'diproses', 'selesai'] as const).map((s) => (
          <li key={s}>
            <span class="legend-dot" style={{ background: TONE_FILL[statusTone(s)] }} aria-hidden="true" />
            {s === 'diproses' ? `${statusLabel('diverifikasi', t)} / ${statusLabel('diproses', t)}` : statusLabel(s, t)}
          </li>
        ))}
      </ul>
      {children}
      {load.state === 'loading' && <Loading label={t('map.reportsLoading')} />}
      {load.state === 'error' && <ErrorNotice error={load.error} title={t('map.reportsError')} />}
      {load.state === 'ok' && (
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading" data-testid="report-count" data-count={load.items.length}>
            {t('map.reportsN', { n: formatNumber(load.items.length, lang) })}
          </h2>
          {load.truncated && <p class="muted">{t('map.truncated')}</p>}
          {load.items.length === 0 ? (
            <p class="empty">{t('map.noReports')}</p>
          ) : (
            <ul class="report-list">
              {latest.map((r) => (
                <li key={r.tracking}>
                  <a href={reportPath(region.slug, r.tracking)}>{r.tracking}</a> <StatusBadge status={r.status} />
                  <br />
                  <span class="small">{names.get(r.category) ?? r.category}</span> ·{' '}
                  <span class="small muted">{r.description.slice(0, 90)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
