import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type BoundaryCollection, type RegionProfile } from '../api';
import { ErrorNotice, Loading, Notice, useTitle } from '../components/common';
import { RegionNav } from '../components/RegionHeader';
import { tileConfig } from '../config';
import { useLang } from '../i18n';
import type { MapHandle } from '../map/leafletMap';
import { useResource } from '../resource';
import { prefetchMapReports } from '../report/mapData';
import { ReportsOnMap } from './MapReports';
import { RegionNotFound } from './RegionNotFound';

export function RegionMap({ slug }: { slug: string }) {
  const { lang, t } = useLang();
  // Start fetching Leaflet and the reports while the region loads (both promises are shared
  // with the loads that use them).
  useEffect(() => {
    void import('../map/leafletMap').catch(() => undefined);
    prefetchMapReports(slug);
  }, [slug]);
  const [region, retry] = useResource((signal) => api.region(slug, signal), [slug, lang]);
  useTitle(
    region.state === 'ok'
      ? t('map.title', { name: region.data.name })
      : region.state === 'error'
        ? t('region.notFoundTitle')
        : null,
  );
  if (region.state === 'loading') return <Loading />;
  if (region.state === 'error') {
    if (region.error.code === 'region_not_found') return <RegionNotFound slug={slug} error={region.error} />;
    return <ErrorNotice error={region.error} onRetry={retry} />;
  }
  return <MapBody region={region.data} />;
}

type Layer =
  | { state: 'idle' | 'loading' }
  | { state: 'ok'; data: BoundaryCollection }
  | { state: 'error'; error: ApiError };

function MapBody({ region }: { region: RegionProfile }) {
  const { t } = useLang();
  const el = useRef<HTMLDivElement>(null);
  const handle = useRef<MapHandle | null>(null);
  const [mapError, setMapError] = useState(false);
  const [tilesFailed, setTilesFailed] = useState(false);
  const [layer, setLayer] = useState<Layer>({ state: region.boundaries.kecamatan ? 'loading' : 'idle' });
  const [ready, setReady] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [mapObj, setMapObj] = useState<MapHandle | null>(null);

  // Leaflet (with its CSS) and the boundary layer load in parallel.
  useEffect(() => {
    let cancelled = false;
    import('../map/leafletMap').then(
      (mod) => {
        if (cancelled || !el.current) return;
        handle.current = mod.createMap(el.current, {
          tiles: tileConfig(),
          label: t('map.label', { name: region.name }),
          onTilesFailed: () => setTilesFailed(true),
        });
        el.current.dataset['ready'] = 'true';
        setReady(true);
        setMapObj(handle.current);
      },
      () => !cancelled && setMapError(true),
    );
    return () => {
      cancelled = true;
      handle.current?.destroy();
      handle.current = null;
      setMapObj(null);
    };
  }, [region.slug]);

  useEffect(() => {
    if (!region.boundaries.kecamatan) return;
    const ctrl = new AbortController();
    setLayer({ state: 'loading' });
    api.boundaries(region.slug, ctrl.signal).then(
      (data) => !ctrl.signal.aborted && setLayer({ state: 'ok', data }),
      (e: unknown) =>
        !ctrl.signal.aborted &&
        setLayer({ state: 'error', error: e instanceof ApiError ? e : new ApiError('network', 0, 'client', '') }),
    );
    return () => ctrl.abort();
  }, [region.slug, region.boundaries.kecamatan]);

  useEffect(() => {
    if (ready && layer.state === 'ok' && handle.current) {
      handle.current.showBoundaries(layer.data);
      if (el.current) el.current.dataset['features'] = String(layer.data.features.length);
    }
  }, [ready, layer]);

  const features =
    layer.state === 'ok'
      ? [...layer.data.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code))
      : [];

  return (
    <>
      <RegionNav region={region} current="map" />
      <h1>{t('map.title', { name: region.name })}</h1>
      {!region.boundaries.kecamatan && <Notice tone="warn">{t('region.noBoundaries')}</Notice>}
      {layer.state === 'loading' && <Loading label={t('map.boundariesLoading')} />}
      {layer.state === 'error' && <ErrorNotice error={layer.error} title={t('map.boundariesError')} />}
      {tilesFailed && <Notice tone="warn">{t('map.tilesUnavailable')}</Notice>}
      <ReportsOnMap region={region} map={mapObj} kecamatan={features.map((f) => f.properties)}>
        {mapError ? (
          <Notice tone="warn">{t('map.loadError')}</Notice>
        ) : (
          <div class="map" ref={el} id="region-map" />
        )}
      </ReportsOnMap>
      {layer.state === 'ok' && (
        <section aria-labelledby="kecamatan-heading">
          <h2 id="kecamatan-heading">
            {t('map.kecamatanList')} ({features.length})
          </h2>
          {features.length === 0 ? (
            <p class="muted">{t('map.noFeatures')}</p>
          ) : (
            <ul class="chip-list">
              {features.map((f) => (
                <li key={f.properties.code}>
                  <button
                    type="button"
                    class="chip"
                    aria-label={t('map.showOnMap', { name: f.properties.name })}
                    aria-controls="region-map"
                    aria-pressed={selected === f.properties.code}
                    onClick={() => {
                      setSelected(f.properties.code);
                      handle.current?.focus(f.properties.code);
                    }}
                  >
                    {f.properties.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
