// Pieces shared by the public report page and the staff inbox: the status badge (Qlue
// colours), photos before/after, the timeline.
import type { Photo, Report, TimelineItem } from '../api-types';
import { formatDateTime } from '../format';
import { useLang, type Translate } from '../i18n';
import type { MessageKey } from '../i18n-core';
import { statusTone } from '../report/status';

export function statusLabel(status: string, t: Translate): string {
  return t(`status.${status}` as MessageKey);
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useLang();
  return (
    <span class={`badge badge-${statusTone(status)}`} data-status={status}>
      {statusLabel(status, t)}
    </span>
  );
}

export function Photos({ photos }: { photos: Photo[] | undefined }) {
  const { t } = useLang();
  const list = photos ?? [];
  const before = list.filter((p) => p.kind !== 'resolution');
  const after = list.filter((p) => p.kind === 'resolution');
  if (list.length === 0) return <p class="muted">{t('detail.noPhotos')}</p>;
  const grid = (items: Photo[], label: string) => (
    <figure class="photo-set">
      <figcaption>{label}</figcaption>
      <ul class="photo-grid">
        {items.map((p, i) => (
          <li key={p.url}>
            <a href={p.url}>
              <img src={p.thumb_url || p.url} alt={`${label} ${i + 1}`} width={p.width ? 160 : undefined} loading="lazy" />
            </a>
          </li>
        ))}
      </ul>
    </figure>
  );
  return (
    <div class="photos">
      {before.length > 0 && grid(before, t('detail.photosBefore'))}
      {after.length > 0 && grid(after, t('detail.photosAfter'))}
    </div>
  );
}

/** A timeline end: a status name, or for "assigned" an OPD object {id, name}. */
function endName(v: TimelineItem['to']): string {
  if (v && typeof v === 'object') return v.name;
  return v ?? '';
}

export function timelineText(item: TimelineItem, t: Translate): string {
  switch (item.kind) {
    case 'created':
      return t('timeline.created');
    case 'status':
      return t('timeline.status', { to: statusLabel(endName(item.to), t) });
    case 'assigned':
      return t('timeline.assigned', { to: endName(item.to) });
    case 'reopened':
      return t('timeline.reopened');
    case 'merged':
      return t('timeline.merged', { to: endName(item.to) });
    case 'escalated':
      return t('timeline.escalated');
    case 'rated':
      return t('timeline.rated');
    case 'note':
      return t('timeline.note');
    default:
      return item.kind;
  }
}

export function Timeline({ items, timezone }: { items: TimelineItem[]; timezone: string }) {
  const { lang, t } = useLang();
  return (
    <ol class="timeline">
      {items.map((it, i) => (
        <li key={i} class={it.public ? '' : 'timeline-internal'}>
          <time dateTime={it.at}>{formatDateTime(it.at, { lang, timezone })}</time>
          <p>
            <strong>{timelineText(it, t)}</strong>
            {!it.public && <span class="tag">{t('timeline.internal')}</span>}
            {it.actor && <span class="muted"> · {it.actor}</span>}
          </p>
          {it.text && <p class="timeline-text">{it.text}</p>}
        </li>
      ))}
    </ol>
  );
}

/** The timeline a server without the workflow API can still show: filed, last change. */
export function fallbackTimeline(r: Report): TimelineItem[] {
  const items: TimelineItem[] = [{ kind: 'created', at: r.created_at, public: true }];
  if (r.status !== 'diterima') items.push({ kind: 'status', at: r.updated_at, to: r.status, public: true });
  return items;
}
