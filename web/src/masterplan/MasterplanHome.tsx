// The overview of the workspace: the four Bimtek stages with their dates and the checklist of
// required outputs (what is missing), recording a missing document, completing the open
// stage (the consultant; the server's gate answers with everything still missing), and the
// review steps of the latest version that the person's role allows.
import { useState } from 'preact/hooks';
import type { Opd } from '../api-types';
import { ErrorNotice, Notice } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { formatDate } from '../format';
import { useMpLang } from './i18n';
import { completableStage, isDocumentOutput } from './logic';
import type { Workspace } from './MasterplanPage';
import { useAction } from './useAction';
import { mpApi, type PlanDetail, type Stage, type TeamMember, type Transition } from './mpApi';

export function MasterplanHome({ ws, plan, onPlan, onStage }: {
  ws: Workspace;
  plan: PlanDetail;
  onPlan: (p: PlanDetail) => void;
  onStage: () => void;
}) {
  const { m } = useMpLang();
  const open = completableStage(plan.bimtek);
  return (
    <>
      {plan.version.summary && <p class="prose mp-summary">{plan.version.summary}</p>}
      <section aria-labelledby="mp-stages-h">
        <h2 id="mp-stages-h">{m('mp.stages')}</h2>
        <ol class="mp-stages">
          {plan.bimtek.map((s) => (
            <StageCard key={s.stage} ws={ws} stage={s} completable={ws.can.review && s.stage === open} onStage={onStage} />
          ))}
        </ol>
      </section>
      <ReviewActions ws={ws} plan={plan} onPlan={onPlan} />
      <TeamList team={plan.team} opds={ws.opds} />
    </>
  );
}

function StageCard({ ws, stage, completable, onStage }: {
  ws: Workspace;
  stage: Stage;
  completable: boolean;
  onStage: () => void;
}) {
  const { lang, m } = useMpLang();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);
  const date = (d: string) => formatDate(`${d}T12:00:00Z`, { lang, timezone: ws.region.timezone });
  const heading = `${m('mp.stageN', { roman: stage.roman })}: ${stage.topic}`;
  const complete = async () => {
    setDone(false);
    if (await run(() => mpApi.completeStage(ws.region.slug, ws.planId, stage.stage))) {
      setDone(true);
      onStage();
    }
  };
  return (
    <li class={`card mp-stage${stage.completed ? ' mp-stage-done' : ''}`} data-testid={`stage-${stage.stage}`}>
      <h3>{heading}</h3>
      <p class="small">
        {stage.start_date && stage.end_date
          ? m('mp.stageDates', { from: date(stage.start_date), to: date(stage.end_date) })
          : m('mp.noDates')}
        {stage.place && ` · ${stage.place}`}
        {' · '}
        {stage.completed && stage.completed_at ? (
          <span class="tag tag-ok">{m('mp.stageDone', { date: formatDate(stage.completed_at, { lang, timezone: ws.region.timezone }) })}</span>
        ) : (
          <span class="tag">{m('mp.stageOpen')}</span>
        )}
      </p>
      <h4 class="mp-h4">
        {m('mp.outputs')}
        {stage.missing.length > 0 && <span class="tag tag-danger">{m('mp.missingCount', { n: stage.missing.length })}</span>}
      </h4>
      <ul class="mp-checklist">
        {stage.outputs.map((o) => (
          <li key={o.output} data-output={o.output} data-present={String(o.present)} class={o.present ? 'ok' : 'missing'}>
            <span class="mp-mark" aria-hidden="true">
              {o.present ? '✓' : '✗'}
            </span>
            <span>
              <span class="visually-hidden">{o.present ? m('mp.present') : m('mp.missing')}: </span>
              {o.name}
              {o.title && <span class="small muted"> — {o.title}</span>}
              {!o.present && !isDocumentOutput(o.output) && <span class="small muted"> ({m('mp.dataOutput')})</span>}
            </span>
            {!o.present && !stage.completed && ws.can.edit && isDocumentOutput(o.output) && (
              <RecordOutput ws={ws} stage={stage.stage} output={o.output} name={o.name} onDone={onStage} />
            )}
          </li>
        ))}
      </ul>
      {completable && !stage.completed && (
        <div class="actions">
          <button type="button" class="button" disabled={busy} onClick={complete}>
            {m('mp.complete', { roman: stage.roman })}
          </button>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      {done && (
        <p role="status" class="notice notice-info">
          {m('mp.completed', { roman: stage.roman })}
        </p>
      )}
    </li>
  );
}

function RecordOutput({ ws, stage, output, name, onDone }: {
  ws: Workspace;
  stage: number;
  output: string;
  name: string;
  onDone: () => void;
}) {
  const { m } = useMpLang();
  const { busy, error, run } = useAction();
  const [title, setTitle] = useState('');
  const [reference, setReference] = useState('');
  const errs = fieldErrors(error);
  const id = `rec-${stage}-${output}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await run(() => mpApi.recordOutput(ws.region.slug, ws.planId, stage, output, title.trim(), reference.trim()))) onDone();
  };
  return (
    <details class="mp-record">
      <summary>
        {m('mp.record')}
        <span class="visually-hidden">: {name}</span>
      </summary>
      <form onSubmit={submit} noValidate>
        {error && !errs['title'] && !errs['reference'] && <ErrorNotice error={error} />}
        <Field id={`${id}-title`} label={m('mp.recordTitle')} error={errs['title']}>
          <input id={`${id}-title`} value={title} onInput={(e) => setTitle(e.currentTarget.value)} {...describe(`${id}-title`, false, errs['title'])} />
        </Field>
        <Field id={`${id}-ref`} label={m('mp.recordRef')} error={errs['reference']}>
          <input id={`${id}-ref`} value={reference} onInput={(e) => setReference(e.currentTarget.value)} {...describe(`${id}-ref`, false, errs['reference'])} />
        </Field>
        <button type="submit" class="button button-small" disabled={busy}>
          {m('mp.record')}
        </button>
      </form>
    </details>
  );
}

function ReviewActions({ ws, plan, onPlan }: { ws: Workspace; plan: PlanDetail; onPlan: (p: PlanDetail) => void }) {
  const { m } = useMpLang();
  const { busy, error, run } = useAction();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [moved, setMoved] = useState<string | null>(null);
  const status = plan.version.status;
  const go = async (step: Transition) => {
    setMoved(null);
    if (step === 'request-changes' && !note.trim()) return setNoteError(m('mp.err.required'));
    setNoteError(undefined);
    const p = await run(() => mpApi.transition(ws.region.slug, ws.planId, step, step === 'request-changes' ? note.trim() : undefined));
    if (p) {
      setNote('');
      setMoved(m(`mp.status.${p.version.status}`));
      onPlan(p);
    }
  };
  const button = (step: Transition, label: string, secondary = false) => (
    <button type="button" class={`button${secondary ? ' button-secondary' : ''}`} disabled={busy} onClick={() => go(step)}>
      {label}
    </button>
  );
  const steps = {
    submit: status === 'draft' && ws.can.edit,
    review: status === 'in_review' && ws.can.review,
    publish: status === 'approved' && ws.can.publish,
  };
  return (
    <section aria-labelledby="mp-review-h" class="card" data-testid="review">
      <h2 id="mp-review-h">{m('mp.review')}</h2>
      {plan.version.review_note && status === 'draft' && (
        <Notice tone="warn">
          <p class="notice-title">{m('mp.reviewNote')}</p>
          <p>{plan.version.review_note}</p>
        </Notice>
      )}
      {steps.review && (
        <Field id="review-note" label={m('mp.note')} hint={m('mp.noteHint')} error={noteError}>
          <textarea
            id="review-note"
            rows={3}
            value={note}
            onInput={(e) => (setNote(e.currentTarget.value), setNoteError(undefined))}
            {...describe('review-note', true, noteError)}
          />
        </Field>
      )}
      <div class="actions">
        {steps.submit && button('submit', m('mp.submit'))}
        {steps.review && button('approve', m('mp.approve'))}
        {steps.review && button('request-changes', m('mp.requestChanges'), true)}
        {steps.publish && button('publish', m('mp.publish'))}
      </div>
      {!steps.submit && !steps.review && !steps.publish && <p class="muted">{m('mp.noActions')}</p>}
      {error && <ErrorNotice error={error} />}
      {moved && (
        <p role="status" class="notice notice-info">
          {m('mp.moved', { status: moved })}
        </p>
      )}
    </section>
  );
}

const BODIES = ['dewan', 'tim_pelaksana', 'forum'] as const;

export function TeamList({ team, opds }: { team: TeamMember[]; opds: Opd[] }) {
  const { m } = useMpLang();
  if (team.length === 0) return null;
  return (
    <section aria-labelledby="mp-team-h">
      <h2 id="mp-team-h">{m('mp.team')}</h2>
      <div class="mp-team">
        {BODIES.map((b) => {
          const members = team.filter((t) => t.body === b);
          if (members.length === 0) return null;
          return (
            <div key={b} class="card">
              <h3>{m(`mp.body.${b}`)}</h3>
              <ul>
                {members.map((t) => (
                  <li key={t.no}>
                    {t.name} — {t.role}
                    {t.opd_id !== null && <span class="small muted"> ({opds.find((o) => o.id === t.opd_id)?.short_name ?? t.opd_id})</span>}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
