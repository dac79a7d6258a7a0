// Track a report by its number: the form on the region home (TrackForm), the page
// /r/{slug}/lacak, and /lacak?nomor=...&wilayah=... where the region is chosen from a list (a
// configured tracking prefix is not published, so the number alone does not name its region).
// A number found opens the report page; one not found (or not public) is said next to the field
// and what was typed stays.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, reportsApi, type RegionSummary } from '../api';
import { ErrorNotice, Loading, useTitle } from '../components/common';
import { describe, Field } from '../components/form';
import { RegionNav } from '../components/RegionHeader';
import { useResource } from '../resource';
import { navigate, reportPath } from '../router';
import { usePortalT } from './portal-messages';
import { RegionNotFound } from './RegionNotFound';
import { normalizeTracking } from './track-number';

function queryParam(name: string): string {
  return new URLSearchParams(location.search).get(name) ?? '';
}

/**
 * The number field and button. `regions` (when given) adds a region choice; otherwise the
 * report is looked up in `slug`. `auto` looks the initial number up at once.
 */
export function TrackForm({
  slug,
  regionName,
  regions,
  initial = '',
  auto = false,
}: {
  slug: string;
  regionName: string;
  regions?: RegionSummary[];
  initial?: string;
  auto?: boolean;
}) {
  const { t, core } = usePortalT();
  const [number, setNumber] = useState(initial);
  const [region, setRegion] = useState(slug);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);

  const lookup = async () => {
    setError(null);
    const tracking = normalizeTracking(number);
    const problems: Record<string, string> = {};
    if (!number.trim()) problems['number'] = core('form.required');
    else if (!tracking) problems['number'] = t('track.badFormat');
    if (!region) problems['region'] = core('form.required');
    setFieldError(problems);
    if (!tracking || !region) return;
    setBusy(true);
    try {
      await reportsApi.one(region, tracking);
      navigate(reportPath(region, tracking));
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('network', 0, 'client', '');
      if (err.status === 404 && err.code !== 'region_not_found') {
        const name = regions?.find((g) => g.slug === region)?.name ?? regionName;
        setFieldError({ number: t('track.notFound', { tracking, region: name }) });
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (auto && initial) void lookup();
  }, []);

  const submit = (e: Event) => {
    e.preventDefault();
    void lookup();
  };
  const err = fieldError['number'];
  return (
    <form class="form track-form" onSubmit={submit} noValidate data-testid="track-form">
      {error && <ErrorNotice error={error} />}
      {regions && (
        <Field id="track-region" label={t('track.region')} error={fieldError['region']}>
          <select
            id="track-region"
            value={region}
            onChange={(e) => setRegion(e.currentTarget.value)}
            {...describe('track-region', false, fieldError['region'])}
          >
            <option value="">{t('track.pickRegion')}</option>
            {regions.map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="track-number" label={t('track.number')} hint={t('track.intro')} error={err}>
        <div class="track-row">
          <input
            id="track-number"
            name="nomor"
            autocomplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            value={number}
            onInput={(e) => setNumber(e.currentTarget.value)}
            {...describe('track-number', true, err)}
          />
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('track.looking') : t('track.submit')}
          </button>
        </div>
      </Field>
    </form>
  );
}

export function Track({ slug }: { slug: string | null }) {
  const { t } = usePortalT();
  useTitle(t('track.title'));
  return slug ? <RegionTrack slug={slug} /> : <AnyRegionTrack />;
}

function RegionTrack({ slug }: { slug: string }) {
  const { lang, t } = usePortalT();
  const [region, retry] = useResource((signal) => api.region(slug, signal), [slug, lang]);
  if (region.state === 'loading') return <Loading />;
  if (region.state === 'error') {
    if (region.error.code === 'region_not_found') return <RegionNotFound slug={slug} error={region.error} />;
    return <ErrorNotice error={region.error} onRetry={retry} />;
  }
  const nomor = queryParam('nomor');
  return (
    <>
      <RegionNav region={region.data} current="track" />
      <div class="narrow">
        <h1>{t('track.title')}</h1>
        <div class="card">
          <TrackForm slug={slug} regionName={region.data.name} initial={nomor} auto={!!nomor} />
        </div>
      </div>
    </>
  );
}

function AnyRegionTrack() {
  const { lang, t } = usePortalT();
  const [regions, retry] = useResource((signal) => api.regions(signal), [lang]);
  const nomor = queryParam('nomor');
  const wanted = queryParam('wilayah');
  return (
    <div class="narrow">
      <h1>{t('track.title')}</h1>
      {regions.state === 'loading' && <Loading />}
      {regions.state === 'error' && <ErrorNotice error={regions.error} onRetry={retry} />}
      {regions.state === 'ok' && (
        <div class="card">
          <TrackForm
            slug={
              regions.data.items.some((g) => g.slug === wanted)
                ? wanted
                : regions.data.items.length === 1
                  ? (regions.data.items[0]?.slug ?? '')
                  : ''
            }
            regionName=""
            regions={regions.data.items}
            initial={nomor}
            auto={!!nomor && regions.data.items.some((g) => g.slug === wanted)}
          />
        </div>
      )}
    </div>
  );
}
