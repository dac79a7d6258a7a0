// Comments on one item of the masterplan ("program:3", "quick_win:2", "readiness:governance",
// "stage:2", "plan"): the list with open change requests, adding one, resolving a request.
// A server without the comments API (404 for the route) shows nothing at all, and nothing
// shows before the first answer, so such a server never flashes an empty panel.
import { useState } from 'preact/hooks';
import { ErrorNotice } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { formatDateTime } from '../format';
import type { Lang } from '../i18n-core';
import { useResource } from '../resource';
import { useMpLang } from './i18n';
import type { Workspace } from './MasterplanPage';
import { mpApi, type PlanComment } from './mpApi';
import { useAction } from './useAction';

/** What the panel needs of the workspace (an OPD officer's page builds one of its own). */
export type CommentsContext = Pick<Workspace, 'region' | 'planId' | 'can' | 'published'>;

export function Comments({ ws, item }: { ws: CommentsContext; item: string }) {
  const { lang, m } = useMpLang();
  const [res, retry] = useResource((signal) => mpApi.comments(ws.region.slug, ws.planId, item, signal), [ws.planId, item, lang]);
  const [added, setAdded] = useState<PlanComment[]>([]);
  const [resolved, setResolved] = useState<number[]>([]);
  if (res.state === 'loading' || (res.state === 'error' && res.error.kind === 'unavailable')) return null;
  const id = `cm-${item.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <section class="card" aria-labelledby={`${id}-h`} data-testid="comments">
      <h2 id={`${id}-h`}>{m('mp.comments')}</h2>
      {res.state === 'error' && <ErrorNotice error={res.error} onRetry={retry} />}
      {res.state === 'ok' && (
        <CommentList
          ws={ws}
          comments={[...res.data.comments, ...added].map((c) => (resolved.includes(c.id) ? { ...c, resolved: true } : c))}
          onResolved={(cid) => setResolved((r) => [...r, cid])}
          lang={lang}
        />
      )}
      {res.state === 'ok' && !ws.published && <AddComment ws={ws} item={item} id={id} onAdded={(c) => setAdded((a) => [...a, c])} />}
    </section>
  );
}

function CommentList({ ws, comments, onResolved, lang }: {
  ws: CommentsContext;
  comments: PlanComment[];
  onResolved: (id: number) => void;
  lang: Lang;
}) {
  const { m } = useMpLang();
  const { busy, error, run } = useAction();
  const open = comments.filter((c) => c.request_changes && !c.resolved).length;
  if (comments.length === 0) return <p class="muted">{m('mp.noComments')}</p>;
  return (
    <>
      {open > 0 && <p class="tag tag-danger">{m('mp.openRequests', { n: open })}</p>}
      <ul class="comments">
        {comments.map((c) => (
          <li key={c.id} data-comment={c.id}>
            <p class="small muted">
              {c.author?.name ?? '–'} · {formatDateTime(c.created_at, { lang, timezone: ws.region.timezone })}
              {c.request_changes && <span class={`tag${c.resolved ? '' : ' tag-danger'}`}>{c.resolved ? m('mp.resolved') : m('mp.changeRequest')}</span>}
            </p>
            <p class="mp-pre">{c.body}</p>
            {c.request_changes && !c.resolved && ws.can.edit && (
              <button
                type="button"
                class="button button-secondary button-small"
                disabled={busy}
                onClick={async () => {
                  if ((await run(() => mpApi.resolveComment(ws.region.slug, ws.planId, c.id))) !== null) onResolved(c.id);
                }}
              >
                {m('mp.resolve')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <ErrorNotice error={error} />}
    </>
  );
}

function AddComment({ ws, item, id, onAdded }: { ws: CommentsContext; item: string; id: string; onAdded: (c: PlanComment) => void }) {
  const { m } = useMpLang();
  const { busy, error, run } = useAction();
  const [body, setBody] = useState('');
  const [request, setRequest] = useState(false);
  const [local, setLocal] = useState<string | undefined>();
  const err = local ?? fieldErrors(error)['body'];
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!body.trim()) return setLocal(m('mp.err.required'));
    setLocal(undefined);
    const c = await run(() => mpApi.addComment(ws.region.slug, ws.planId, { item, body: body.trim(), request_changes: request }));
    if (c) {
      onAdded(c);
      setBody('');
      setRequest(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      {error && !fieldErrors(error)['body'] && <ErrorNotice error={error} />}
      <Field id={`${id}-body`} label={m('mp.comment')} error={err}>
        <textarea id={`${id}-body`} rows={3} value={body} onInput={(e) => setBody(e.currentTarget.value)} {...describe(`${id}-body`, false, err)} />
      </Field>
      {ws.can.review && (
        <label class="check">
          <input type="checkbox" checked={request} onChange={(e) => setRequest(e.currentTarget.checked)} />
          {m('mp.asRequest')}
        </label>
      )}
      <button type="submit" class="button button-secondary" disabled={busy}>
        {m('mp.addComment')}
      </button>
    </form>
  );
}
