// Handling one report in the staff inbox: move its status (with the reason or public note the
// move needs), add notes (public or internal), reassign it to another OPD (region admins) and
// upload resolution photos. Each form shows the server's answer in place; a route this server
// does not have yet shows "not available" instead of failing.
import { useState } from 'preact/hooks';
import { ApiError, reportsApi, type RegionProfile } from '../api';
import type { Me, Opd } from '../api-types';
import { ErrorNotice, Loading, useTitle } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { fallbackTimeline, Photos, StatusBadge, statusLabel, Timeline } from '../components/ReportBits';
import { formatDateTime } from '../format';
import { useLang } from '../i18n';
import { downscale } from '../report/downscale';
import { moveNeeds, nextStatuses } from '../report/status';
import { useResource } from '../resource';
import { hasRole } from '../session';
import { loadDetail } from './ReportDetail';

// The page's confirmation line: kept by HandleReport, which stays mounted while the report
// reloads after a change (the forms themselves are re-created).
type Flash = (message: string) => void;

function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (fn: () => Promise<unknown>, ok: string, after: (message: string) => void) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      after(ok);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('network', 0, 'client', ''));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function HandleReport({ region, me, tracking }: { region: RegionProfile; me: Me; tracking: string }) {
  const { lang, t } = useLang();
  useTitle(t('inbox.handleTitle', { tracking }));
  const [data, reload] = useResource((signal) => loadDetail(region.slug, tracking, signal), [region.slug, tracking, lang]);
  const [flash, setFlash] = useState('');
  const retry: Flash = (message) => {
    setFlash(message);
    reload();
  };
  const flashLine = flash ? (
    <p role="status" class="notice notice-info">
      {flash}
    </p>
  ) : null;
  if (data.state === 'loading') return flashLine ?? <Loading />;
  if (data.state === 'error') return <ErrorNotice error={data.error} onRetry={reload} />;
  const r = data.data.report;
  const admin = hasRole(me, region.code, 'region_admin', 'national_admin');
  return (
    <>
      <p>
        <a href={`/r/${encodeURIComponent(region.slug)}/kelola`}>← {t('inbox.back')}</a>
      </p>
      <h1>{t('inbox.handleTitle', { tracking: r.tracking })}</h1>
      {flashLine}
      <p>
        <StatusBadge status={r.status} /> <span class="muted">{r.opd?.name ?? t('inbox.noOpd')}</span>
      </p>
      <p>{r.description}</p>
      <p class="small muted">
        {data.data.categoryName} · {formatDateTime(r.created_at, { lang, timezone: region.timezone })}
        {r.address && ` · ${r.address}`}
      </p>
      <StatusForm region={region} status={r.status} tracking={r.tracking} reload={retry} />
      <NoteForm region={region} tracking={r.tracking} reload={retry} />
      {admin && <AssignForm region={region} tracking={r.tracking} current={r.opd?.id ?? null} reload={retry} />}
      <ResolutionPhotos region={region} tracking={r.tracking} reload={retry} />
      <section aria-labelledby="h-photos">
        <h2 id="h-photos">{t('detail.photos')}</h2>
        <Photos photos={r.photos} />
      </section>
      <section aria-labelledby="h-timeline">
        <h2 id="h-timeline">{t('detail.timeline')}</h2>
        <Timeline items={data.data.timeline ?? fallbackTimeline(r)} timezone={region.timezone} />
      </section>
    </>
  );
}

function StatusForm({ region, status, tracking, reload }: { region: RegionProfile; status: string; tracking: string; reload: Flash }) {
  const { t } = useLang();
  const options = nextStatuses(status);
  const [to, setTo] = useState(options[0] ?? '');
  const [text, setText] = useState('');
  const a = useAction();
  if (!options.length) return null;
  const needs = moveNeeds(status, to);
  const errs = fieldErrors(a.error);
  const err = errs['reason'] ?? errs['note'];
  const submit = (e: Event) => {
    e.preventDefault();
    const body: { status: string; reason?: string; note?: string } = { status: to };
    if (text.trim()) body[needs === 'reason' ? 'reason' : 'note'] = text.trim();
    void a.run(() => reportsApi.status(region.slug, tracking, body), t('inbox.statusChanged', { to: statusLabel(to, t) }), (m) => {
      setText('');
      reload(m);
    });
  };
  return (
    <form class="card form" onSubmit={submit} aria-labelledby="h-status">
      <h2 id="h-status">{t('inbox.changeStatus')}</h2>
      <div class="field">
        <label for="new-status">{t('inbox.newStatus')}</label>
        <select id="new-status" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          {options.map((s) => (
            <option value={s} key={s}>
              {statusLabel(s, t)}
            </option>
          ))}
        </select>
      </div>
      <Field id="status-text" label={needs === 'reason' ? t('inbox.reason') : t('inbox.publicNote')} hint={needs ? t('form.requiredHint') : t('report.optional')} error={err}>
        <textarea id="status-text" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} {...describe('status-text', true, err)} />
      </Field>
      {a.error && !err && <ErrorNotice error={a.error} />}
      <button type="submit" class="button" disabled={a.busy}>
        {t('inbox.save')}
      </button>
    </form>
  );
}

function NoteForm({ region, tracking, reload }: { region: RegionProfile; tracking: string; reload: Flash }) {
  const { t } = useLang();
  const [text, setText] = useState('');
  const [pub, setPub] = useState(false);
  const a = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    void a.run(() => reportsApi.note(region.slug, tracking, text.trim(), pub), t('inbox.noteAdded'), (m) => {
      setText('');
      reload(m);
    });
  };
  return (
    <form class="card form" onSubmit={submit} aria-labelledby="h-note">
      <h2 id="h-note">{t('inbox.addNote')}</h2>
      <Field id="note-text" label={t('inbox.note')} error={fieldErrors(a.error)['text']}>
        <textarea id="note-text" rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </Field>
      <label class="check">
        <input type="checkbox" checked={pub} onChange={(e) => setPub(e.currentTarget.checked)} /> {t('inbox.notePublic')}
      </label>
      {a.error && <ErrorNotice error={a.error} />}
      <button type="submit" class="button button-secondary" disabled={a.busy}>
        {t('inbox.addNote')}
      </button>
    </form>
  );
}

function AssignForm({ region, tracking, current, reload }: { region: RegionProfile; tracking: string; current: number | null; reload: Flash }) {
  const { lang, t } = useLang();
  const [opds] = useResource((signal) => reportsApi.opds(region.slug, signal), [region.slug, lang]);
  const [opd, setOpd] = useState('');
  const [reason, setReason] = useState('');
  const a = useAction();
  const list: Opd[] = opds.state === 'ok' ? opds.data.items.filter((o) => o.active && o.id !== current) : [];
  const errs = fieldErrors(a.error);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!opd) return;
    void a.run(() => reportsApi.assign(region.slug, tracking, Number(opd), reason.trim()), t('inbox.assigned'), reload);
  };
  return (
    <form class="card form" onSubmit={submit} aria-labelledby="h-assign">
      <h2 id="h-assign">{t('inbox.reassign')}</h2>
      <Field id="assign-opd" label={t('admin.opd')} error={errs['opd_id']}>
        <select id="assign-opd" value={opd} onChange={(e) => setOpd(e.currentTarget.value)}>
          <option value="">{t('inbox.pickOpd')}</option>
          {list.map((o) => (
            <option value={o.id} key={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="assign-reason" label={t('inbox.reason')} error={errs['reason']}>
        <input id="assign-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </Field>
      {a.error && <ErrorNotice error={a.error} />}
      <button type="submit" class="button button-secondary" disabled={a.busy || !opd}>
        {t('inbox.reassign')}
      </button>
    </form>
  );
}

function ResolutionPhotos({ region, tracking, reload }: { region: RegionProfile; tracking: string; reload: Flash }) {
  const { t } = useLang();
  const a = useAction();
  const upload = (files: FileList | null) => {
    if (!files?.length) return;
    void a.run(
      async () => {
        const form = new FormData();
        for (const f of Array.from(files).slice(0, 5)) {
          const d = await downscale(f);
          form.append('photo', d.blob, 'resolusi.jpg');
        }
        await reportsApi.resolutionPhotos(region.slug, tracking, form);
      },
      t('inbox.photoUploaded'),
      reload,
    );
  };
  return (
    <div class="card form">
      <h2 id="h-resphoto">{t('inbox.resolutionPhoto')}</h2>
      <label class="button button-secondary file-button">
        {a.busy ? t('photo.processing') : t('photo.add')}
        <input type="file" accept="image/*" capture="environment" multiple class="visually-hidden" onChange={(e) => upload(e.currentTarget.files)} />
      </label>
      {a.error && <ErrorNotice error={a.error} />}
    </div>
  );
}
