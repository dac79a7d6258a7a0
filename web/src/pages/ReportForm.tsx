// /r/{slug}/lapor: the citizen's report. Category, description, photos, location (GPS or pin,
// kelurahan found or chosen), optional address and contact; possible duplicates offered before
// sending; sent with an Idempotency-Key, or queued in the outbox when offline or the
// connection fails, and sent later with the same key.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, reportsApi, type RegionProfile } from '../api';
import type { AreaTree, Category, Report } from '../api-types';
import { attributePayload, AttributeFields, missingAttributes, type AttributeValues } from '../components/AttributeFields';
import { CategoryPicker } from '../components/CategoryPicker';
import { ErrorNotice, Loading, useTitle } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { LocationPicker, type Place } from '../components/LocationPicker';
import { PhotoPicker, type PickedPhoto } from '../components/PhotoPicker';
import { OutboxList } from '../components/OutboxList';
import { RegionNav } from '../components/RegionHeader';
import { useLang } from '../i18n';
import { enqueue, sendEntry, sentFor, useOutbox } from '../report/outbox';
import { isRetryable, newKey, type QueuedReport } from '../report/queue';
import { formatDistance } from '../report/status';
import { useResource } from '../resource';
import { reportPath, signInPath } from '../router';
import { useSession } from '../session';
import { RegionNotFound } from './RegionNotFound';

export function ReportForm({ slug }: { slug: string }) {
  const { lang, t } = useLang();
  const [data, retry] = useResource(
    async (signal) => {
      const [region, categories] = await Promise.all([api.region(slug, signal), reportsApi.categories(slug, signal)]);
      const areas = await reportsApi.areas(slug, signal).catch(() => null);
      return { region, categories: categories.items, areas };
    },
    [slug, lang],
  );
  useTitle(t('report.title'));
  if (data.state === 'loading') return <Loading />;
  if (data.state === 'error') {
    if (data.error.code === 'region_not_found') return <RegionNotFound slug={slug} error={data.error} />;
    return <ErrorNotice error={data.error} onRetry={retry} />;
  }
  return <FormBody region={data.data.region} categories={data.data.categories} areas={data.data.areas} />;
}

type Outcome = { kind: 'sent'; tracking: string; photosDropped: boolean } | { kind: 'queued'; key: string };

/** Client-side checks mirroring the server's (report.h: description 10..4000 characters). */
export function validateReport(
  v: { category: string; description: string; place: Place | null },
  t: (k: 'report.pickCategory' | 'report.descriptionShort' | 'location.required') => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.category) out['category'] = t('report.pickCategory');
  if ([...v.description.trim()].length < 10) out['description'] = t('report.descriptionShort');
  if (!v.place) out['lat'] = t('location.required');
  return out;
}

function FormBody({ region, categories, areas }: { region: RegionProfile; categories: Category[]; areas: AreaTree | null }) {
  const { t } = useLang();
  const session = useSession();
  const [category, setCategory] = useState('');
  const [attrs, setAttrs] = useState<AttributeValues>({});
  const defs = categories.find((c) => c.code === category)?.attributes ?? [];
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [place, setPlace] = useState<Place | null>(null);
  const [kelurahan, setKelurahan] = useState('');
  const [address, setAddress] = useState('');
  const [contact, setContact] = useState({ name: '', phone: '' });
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { entries } = useOutbox(region.slug);
  const server = fieldErrors(error);
  const err = (k: string) => local[k] ?? server[k];
  const signedIn = session.state === 'signedIn';

  // Once the citizen has tried to send, the messages follow the fixes as they are made.
  const check = () => ({ ...validateReport({ category, description, place }, t), ...missingAttributes(defs, attrs, t('form.required')) });
  useEffect(() => {
    if (Object.keys(local).length) setLocal(check());
  }, [category, description, place, attrs]);

  // A queued report that has since been sent: show its tracking number.
  const queuedSent = outcome?.kind === 'queued' ? sentFor(outcome.key) : undefined;
  useEffect(() => {
    if (queuedSent) setOutcome({ kind: 'sent', tracking: queuedSent.tracking, photosDropped: queuedSent.photosDropped });
  }, [queuedSent?.tracking, entries.length]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const v = check();
    setLocal(v);
    if (Object.keys(v).length || !place) {
      const attr = Object.keys(v).find((k) => k.startsWith('attributes.'));
      const first = v['category'] ? 'category-search' : attr ? `attr-${attr.slice(11)}` : v['description'] ? 'description' : 'location-map';
      (document.getElementById(first) ?? document.querySelector<HTMLInputElement>(`input[name="${first}"]`))?.focus();
      return;
    }
    const body: Record<string, unknown> = {
      category,
      description: description.trim(),
      lat: Number(place.lat.toFixed(6)),
      lon: Number(place.lon.toFixed(6)),
    };
    const answers = attributePayload(defs, attrs);
    if (Object.keys(answers).length) body['attributes'] = answers;
    if (address.trim()) body['address'] = address.trim();
    if (kelurahan) body['kelurahan_code'] = kelurahan;
    if (!signedIn && (contact.name.trim() || contact.phone.trim())) {
      body['contact'] = { name: contact.name.trim() || undefined, phone: contact.phone.trim() || undefined };
    }
    const entry: QueuedReport = {
      key,
      slug: region.slug,
      json: JSON.stringify(body),
      photos: photos.map((p) => p.blob),
      createdAt: new Date().toISOString(),
      attempts: 0,
      state: 'waiting',
      summary: { category: categories.find((c) => c.code === category)?.name ?? category, description: description.trim() },
    };
    setBusy(true);
    setError(null);
    try {
      if (!navigator.onLine) {
        await enqueue(entry);
        setOutcome({ kind: 'queued', key });
        return;
      }
      const r = await sendEntry(entry);
      setOutcome({ kind: 'sent', tracking: r.report.tracking, photosDropped: r.photosDropped });
    } catch (ex) {
      if (isRetryable(ex)) {
        await enqueue(entry);
        setOutcome({ kind: 'queued', key });
      } else {
        setError(ex instanceof ApiError ? ex : new ApiError('http', 0, 'client', String(ex)));
        setKey(newKey()); // refused, nothing stored: a corrected report is a new request
      }
    } finally {
      setBusy(false);
    }
  };

  if (outcome?.kind === 'sent') return <Done region={region} tracking={outcome.tracking} photosDropped={outcome.photosDropped} />;

  return (
    <>
      <RegionNav region={region} current="report" />
      <h1>{t('report.title')}</h1>
      <OutboxList slug={region.slug} />
      {outcome?.kind === 'queued' ? (
        <div class="notice notice-warn" role="status" data-testid="queued">
          <p class="notice-title">{t('outbox.queuedTitle')}</p>
          <p>{t('outbox.queuedBody')}</p>
        </div>
      ) : (
        <form class="form report-form" onSubmit={submit} noValidate>
          {!signedIn && session.state !== 'loading' && (
            <p class="notice notice-info">
              {t('report.anonymous')} <a href={signInPath()}>{t('auth.signIn')}</a>
            </p>
          )}
          <CategoryPicker
            items={categories}
            value={category}
            onChange={(c) => {
              setCategory(c);
              setAttrs({});
            }}
            error={err('category')}
          />
          <AttributeFields defs={defs} values={attrs} onChange={setAttrs} errors={err} />
          <Field id="description" label={t('report.description')} hint={t('report.descriptionHint')} error={err('description')}>
            <textarea
              id="description"
              rows={4}
              maxLength={4000}
              value={description}
              onInput={(e) => setDescription(e.currentTarget.value)}
              {...describe('description', true, err('description'))}
            />
          </Field>
          <PhotoPicker photos={photos} onChange={setPhotos} />
          <LocationPicker
            region={region}
            value={place}
            onChange={setPlace}
            kelurahan={kelurahan}
            onKelurahan={setKelurahan}
            areas={areas}
            error={err('lat') ?? err('lon') ?? err('kelurahan_code')}
          />
          <Field id="address" label={t('report.address')} hint={t('report.optional')} error={err('address')}>
            <input id="address" autocomplete="street-address" maxLength={300} value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
          </Field>
          {!signedIn && (
            <>
              <Field id="contact-name" label={t('report.contactName')} hint={t('report.optional')} error={err('contact.name')}>
                <input id="contact-name" autocomplete="name" value={contact.name} onInput={(e) => setContact({ ...contact, name: e.currentTarget.value })} />
              </Field>
              <Field id="contact-phone" label={t('report.contactPhone')} hint={t('report.optional')} error={err('contact.phone')}>
                <input
                  id="contact-phone"
                  type="tel"
                  autocomplete="tel"
                  value={contact.phone}
                  onInput={(e) => setContact({ ...contact, phone: e.currentTarget.value })}
                />
              </Field>
            </>
          )}
          {category && place && <Duplicates slug={region.slug} category={category} place={place} signedIn={signedIn} />}
          {error && <ErrorNotice error={error} title={t('report.refused')} />}
          <button type="submit" class="button button-wide" disabled={busy}>
            {busy ? t('report.sending') : t('report.send')}
          </button>
        </form>
      )}
    </>
  );
}

function Done({ region, tracking, photosDropped }: { region: RegionProfile; tracking: string; photosDropped: boolean }) {
  const { t } = useLang();
  return (
    <div class="done card" role="status">
      <h1>{t('report.doneTitle')}</h1>
      <p>{t('report.doneTracking')}</p>
      <p class="tracking" data-testid="tracking">
        {tracking}
      </p>
      {photosDropped && <p class="notice notice-warn">{t('report.photosDropped')}</p>}
      <p>
        <a class="button" href={reportPath(region.slug, tracking)}>
          {t('report.viewReport')}
        </a>
      </p>
      <p>
        <a href={`/r/${encodeURIComponent(region.slug)}/lapor`} onClick={() => setTimeout(() => location.reload(), 0)}>
          {t('report.another')}
        </a>
      </p>
    </div>
  );
}

function Duplicates({ slug, category, place, signedIn }: { slug: string; category: string; place: Place; signedIn: boolean }) {
  const { lang, t } = useLang();
  const [items, setItems] = useState<Report[]>([]);
  const [supported, setSupported] = useState<Record<string, 'ok' | 'error'>>({});
  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      reportsApi.nearby(slug, category, place.lat, place.lon, ctrl.signal).then(
        (r) => !ctrl.signal.aborted && setItems(r.items.slice(0, 5)),
        () => !ctrl.signal.aborted && setItems([]), // no such route yet, or offline: nothing to offer
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [slug, category, place.lat, place.lon]);
  if (items.length === 0) return null;
  const support = (tracking: string) =>
    reportsApi.toggle(slug, tracking, 'support', true).then(
      () => setSupported((s) => ({ ...s, [tracking]: 'ok' })),
      () => setSupported((s) => ({ ...s, [tracking]: 'error' })),
    );
  return (
    <section class="duplicates card" aria-labelledby="dup-heading" data-testid="duplicates">
      <h2 id="dup-heading">{t('dup.title')}</h2>
      <p class="hint">{t('dup.hint')}</p>
      <ul>
        {items.map((r) => (
          <li key={r.tracking}>
            <a href={reportPath(slug, r.tracking)}>{r.tracking}</a> · {r.description.slice(0, 80)}
            {r.distance_m !== undefined && <span class="muted"> · {formatDistance(r.distance_m, lang)}</span>}
            <div>
              {supported[r.tracking] === 'ok' ? (
                <span role="status">{t('dup.supported')}</span>
              ) : signedIn ? (
                <button type="button" class="button button-secondary button-small" onClick={() => void support(r.tracking)}>
                  {t('dup.support')}
                </button>
              ) : (
                <a href={signInPath()}>{t('dup.signInToSupport')}</a>
              )}
              {supported[r.tracking] === 'error' && <span class="field-error"> {t('error.generic')}</span>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
