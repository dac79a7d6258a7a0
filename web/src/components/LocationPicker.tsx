// Where the problem is: the phone's GPS (navigator.geolocation) or a pin moved on the map.
// Each new point is looked up (/geo/lookup) to show the kelurahan found; when none is found
// (no boundaries, a point on an edge) the citizen picks the kelurahan from the list instead.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, reportsApi } from '../api';
import type { AreaMatch, AreaTree } from '../api-types';
import type { RegionProfile } from '../api';
import { tileConfig } from '../config';
import { useLang } from '../i18n';
import type { PickerHandle } from '../map/picker';

export interface Place {
  lat: number;
  lon: number;
}

export function LocationPicker({
  region,
  value,
  onChange,
  kelurahan,
  onKelurahan,
  areas,
  error,
}: {
  region: RegionProfile;
  value: Place | null;
  onChange: (p: Place) => void;
  kelurahan: string;
  onKelurahan: (code: string) => void;
  areas: AreaTree | null;
  error?: string | undefined;
}) {
  const { t } = useLang();
  const el = useRef<HTMLDivElement>(null);
  const handle = useRef<PickerHandle | null>(null);
  const [gps, setGps] = useState<'idle' | 'busy' | 'denied' | 'unavailable'>('idle');
  const [match, setMatch] = useState<AreaMatch | null | 'none'>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    let cancelled = false;
    import('../map/picker').then((mod) => {
      if (cancelled || !el.current) return;
      handle.current = mod.createPicker(el.current, {
        tiles: tileConfig(),
        label: t('location.mapLabel'),
        pinLabel: t('location.pin'),
        onTilesFailed: () => undefined,
        onMove: (lat, lon) => onChangeRef.current({ lat, lon }),
      });
      if (value) handle.current.setPin(value.lat, value.lon, true);
      el.current.dataset['ready'] = 'true';
      if (region.boundaries.kecamatan) {
        api.boundaries(region.slug).then(
          (fc) => {
            if (cancelled || !handle.current) return;
            handle.current.showBoundaries(fc);
            if (value) handle.current.setPin(value.lat, value.lon, true);
          },
          () => undefined,
        );
      }
    });
    return () => {
      cancelled = true;
      handle.current?.destroy();
      handle.current = null;
    };
  }, [region.slug]);

  // Look the point up; a kelurahan chosen by hand is kept unless the point is inside one.
  useEffect(() => {
    if (!value) return;
    const ctrl = new AbortController();
    setMatch(null);
    reportsApi.lookup(region.slug, value.lat, value.lon, ctrl.signal).then(
      (m) => {
        if (ctrl.signal.aborted) return;
        setMatch(m.kelurahan ? m : 'none');
        if (m.kelurahan) onKelurahan('');
      },
      () => !ctrl.signal.aborted && setMatch('none'),
    );
    return () => ctrl.abort();
  }, [value?.lat, value?.lon]);

  const useGps = () => {
    if (!('geolocation' in navigator)) return setGps('unavailable');
    setGps('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGps('idle');
        const p = { lat: pos.coords.latitude, lon: pos.coords.longitude };
        handle.current?.setPin(p.lat, p.lon, true);
        onChange(p);
      },
      (err) => setGps(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  };

  return (
    <fieldset class={`field location-picker${error ? ' field-invalid' : ''}`}>
      <legend>{t('location.legend')}</legend>
      <p class="hint">{t('location.hint')}</p>
      <button type="button" class="button button-secondary" onClick={useGps} disabled={gps === 'busy'}>
        {gps === 'busy' ? t('location.gpsBusy') : t('location.gps')}
      </button>
      {gps === 'denied' && <p class="field-error">{t('location.gpsDenied')}</p>}
      {gps === 'unavailable' && <p class="field-error">{t('location.gpsUnavailable')}</p>}
      <div class="map map-picker" ref={el} id="location-map" />
      {error && (
        <p class="field-error" role="alert" id="location-error">
          {error}
        </p>
      )}
      <p class="location-status" role="status" data-testid="location-status">
        {!value
          ? t('location.none')
          : match === null
            ? t('location.looking')
            : match === 'none'
              ? t('location.noKelurahan')
              : t('location.found', {
                  kelurahan: match.kelurahan?.name ?? '',
                  kecamatan: match.kecamatan?.name ?? '',
                })}
      </p>
      {value && match === 'none' && areas && (
        <div class="field">
          <label for="kelurahan">{t('location.kelurahan')}</label>
          <select id="kelurahan" value={kelurahan} onChange={(e) => onKelurahan(e.currentTarget.value)}>
            <option value="">{t('location.kelurahanPick')}</option>
            {areas.kecamatan.map((k) => (
              <optgroup label={k.name} key={k.code}>
                {k.kelurahan.map((v) => (
                  <option value={v.code} key={v.code}>
                    {v.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
