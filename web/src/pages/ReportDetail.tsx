// /r/{slug}/laporan/{tracking}: one report for the public and its reporter: status (Qlue
// colours), place, photos before/after, timeline; signed-in citizens can support, follow,
// comment and rate (rating once it is selesai). Parts whose API this server lacks are hidden.
import { useState } from 'preact/hooks';
import { api, ApiError, reportsApi, type RegionProfile } from '../api';
import type { Comment, Report, TimelineItem } from '../api-types';
import { ErrorNotice, Loading, useTitle } from '../components/common';
import { Field } from '../components/form';
import { RegionNav } from '../components/RegionHeader';
import { fallbackTimeline, Photos, StatusBadge, Timeline } from '../components/ReportBits';
import { formatDateTime, formatNumber } from '../format';
import { useLang } from '../i18n';
import { useResource } from '../resource';
import { signInPath } from '../router';
import { useSession } from '../session';
import { RegionNotFound } from './RegionNotFound';

export interface DetailData {
  region: RegionProfile;
  report: Report;
  timeline: TimelineItem[] | null; // null: no timeline API on this server
  comments: Comment[] | null;
  categoryName: string;
}

/** Loads the report with its timeline and comments; missing APIs become null, not errors. */
export async function loadDetail(slug: string, tracking: string, signal: AbortSignal): Promise<DetailData> {
  const optional = <T,>(p: Promise<T>) => p.catch((e: unknown) => {
    if (e instanceof ApiError && (e.kind === 'unavailable' || e.status === 403)) return null;
    throw e;
  });
  const [region, report, timeline, comments, categories] = await Promise.all([
    api.region(slug, signal),
    reportsApi.one(slug, tracking, signal),
    optional(reportsApi.timeline(slug, tracking, signal)),
    optional(reportsApi.comments(slug, tracking, signal)),
    reportsApi.categories(slug, signal).catch(() => null),
  ]);
  const categoryName = categories?.items.find((c) => c.code === report.category)?.name ?? report.category;
  return { region, report, timeline: timeline?.items ?? null, comments: comments?.items ?? null, categoryName };
}

export function ReportDetail({ slug, tracking }: { slug: string; tracking: string }) {
  const { lang, t } = useLang();
  const [data, retry] = useResource((signal) => loadDetail(slug, tracking, signal), [slug, tracking, lang]);
  useTitle(t('detail.title', { tracking }));
  if (data.state === 'loading') return <Loading />;
  if (data.state === 'error') {
    if (data.error.code === 'region_not_found') return <RegionNotFound slug={slug} error={data.error} />;
    return (
      <>
        <h1>{t('detail.title', { tracking })}</h1>
        <ErrorNotice error={data.error} onRetry={retry} />
      </>
    );
  }
  return <DetailBody data={data.data} reload={retry} />;
}

function DetailBody({ data, reload }: { data: DetailData; reload: () => void }) {
  const { lang, t } = useLang();
  const { region, report } = data;
  const tz = region.timezone;
  return (
    <>
      <RegionNav region={region} current="detail" />
      <header class="page-head">
        <h1>
          {t('detail.title', { tracking: report.tracking })}
        </h1>
        <p>
          <StatusBadge status={report.status} />
          {report.opd && <span class="muted"> · {report.opd.name}</span>}
        </p>
      </header>
      <dl class="facts">
        <div>
          <dt>{t('detail.category')}</dt>
          <dd>{data.categoryName}</dd>
        </div>
        <div>
          <dt>{t('detail.filed')}</dt>
          <dd>{formatDateTime(report.created_at, { lang, timezone: tz })}</dd>
        </div>
        {report.address && (
          <div>
            <dt>{t('report.address')}</dt>
            <dd>{report.address}</dd>
          </div>
        )}
        {report.supporters !== undefined && (
          <div>
            <dt>{t('detail.supporters')}</dt>
            <dd data-testid="supporters">{formatNumber(report.supporters, lang)}</dd>
          </div>
        )}
      </dl>
      <p class="report-description">{report.description}</p>
      <section aria-labelledby="photos-heading">
        <h2 id="photos-heading">{t('detail.photos')}</h2>
        <Photos photos={report.photos} />
      </section>
      <Actions data={data} reload={reload} />
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('detail.timeline')}</h2>
        <Timeline items={data.timeline ?? fallbackTimeline(report)} timezone={tz} />
      </section>
      {data.comments && <Comments data={data} />}
    </>
  );
}

function Actions({ data, reload }: { data: DetailData; reload: () => void }) {
  const { t } = useLang();
  const session = useSession();
  const { region, report } = data;
  const [state, setState] = useState<{ following?: boolean; supported?: boolean; supporters?: number }>({});
  const [error, setError] = useState<ApiError | null>(null);
  if (session.state !== 'signedIn') {
    return (
      <p class="notice notice-info">
        <a href={signInPath()}>{t('detail.signInToAct')}</a>
      </p>
    );
  }
  const toggle = (what: 'follow' | 'support') => {
    const on = what === 'follow' ? !state.following : !state.supported;
    setError(null);
    reportsApi.toggle(region.slug, report.tracking, what, on).then(
      (r) => setState((s) => ({ ...s, ...r })),
      (e: unknown) => setError(e instanceof ApiError ? e : null),
    );
  };
  return (
    <section class="card" aria-labelledby="act-heading">
      <h2 id="act-heading">{t('detail.act')}</h2>
      <div class="actions">
        <button type="button" class="button button-secondary" aria-pressed={!!state.supported} onClick={() => toggle('support')}>
          {state.supported ? t('detail.supported') : t('detail.support')}
          {state.supporters !== undefined && ` (${state.supporters})`}
        </button>
        <button type="button" class="button button-secondary" aria-pressed={!!state.following} onClick={() => toggle('follow')}>
          {state.following ? t('detail.following') : t('detail.follow')}
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
      {report.status === 'selesai' && !report.rating && <Rate data={data} reload={reload} />}
      {report.rating && <p>{t('detail.rated', { stars: report.rating.stars })}</p>}
    </section>
  );
}

function Rate({ data, reload }: { data: DetailData; reload: () => void }) {
  const { t } = useLang();
  const [stars, setStars] = useState(0);
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const send = (e: Event) => {
    e.preventDefault();
    if (!stars) return;
    reportsApi.rate(data.region.slug, data.report.tracking, stars, text.trim()).then(reload, (x: unknown) =>
      setError(x instanceof ApiError ? x : null),
    );
  };
  return (
    <form onSubmit={send} class="form rate-form">
      <fieldset class="field">
        <legend>{t('detail.rate')}</legend>
        <div class="stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n}>
              <input type="radio" name="stars" value={n} checked={stars === n} onChange={() => setStars(n)} />
              <span>{t('detail.starsN', { n })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="rate-text" label={t('detail.rateText')} hint={t('report.optional')}>
        <textarea id="rate-text" rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </Field>
      {error && <ErrorNotice error={error} />}
      <button type="submit" class="button" disabled={!stars}>
        {t('detail.sendRating')}
      </button>
    </form>
  );
}

function Comments({ data }: { data: DetailData }) {
  const { lang, t } = useLang();
  const session = useSession();
  const [items, setItems] = useState<Comment[]>(data.comments ?? []);
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const send = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    reportsApi.comment(data.region.slug, data.report.tracking, text.trim()).then(
      (c) => {
        setItems([...items, c]);
        setText('');
      },
      (x: unknown) => setError(x instanceof ApiError ? x : null),
    );
  };
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('detail.comments')}</h2>
      {items.length === 0 && <p class="muted">{t('detail.noComments')}</p>}
      <ul class="comments">
        {items.map((c) => (
          <li key={c.id}>
            <p>
              <strong>{c.author}</strong> <span class="muted small">{formatDateTime(c.created_at, { lang, timezone: data.region.timezone })}</span>
              {c.status === 'pending' && <span class="tag">{t('detail.pending')}</span>}
            </p>
            <p>{c.text}</p>
          </li>
        ))}
      </ul>
      {session.state === 'signedIn' && (
        <form onSubmit={send} class="form">
          <Field id="comment" label={t('detail.addComment')}>
            <textarea id="comment" rows={2} maxLength={1000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </Field>
          {error && <ErrorNotice error={error} />}
          <button type="submit" class="button button-secondary">
            {t('detail.sendComment')}
          </button>
        </form>
      )}
    </section>
  );
}
