// Adding (/program/baru) or editing (/program/{no}) a program: dimension and element, owner and
// supporting OPDs, horizon and years, status, references, budget per year and source, KPIs
// with a baseline and yearly targets. The server judges the values; its field errors
// ("budget[0].amount", "kpis[1].targets.2027") are shown next to the field they name.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorNotice, Loading } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { useResource } from '../resource';
import { navigate } from '../router';
import { Comments } from './Comments';
import { useMpLang, type MpKey } from './i18n';
import { emptyProgramForm, fieldDomId, formToBody, HORIZONS, mpPath, PROGRAM_STATUSES, programToForm, type LocalErrors, type ProgramForm as FormState } from './logic';
import type { Workspace } from './MasterplanPage';
import { mpApi } from './mpApi';
import { BudgetFields, KpiFields } from './ProgramFormParts';
import { useAction } from './useAction';

export function ProgramForm({ ws, no }: { ws: Workspace; no: number | null }) {
  const { lang, m } = useMpLang();
  const [res, retry] = useResource(
    (signal) => (no === null ? Promise.resolve(null) : mpApi.program(ws.region.slug, ws.planId, no, signal)),
    [ws.planId, no],
  );
  if (res.state === 'loading') return <Loading />;
  if (res.state === 'error') return <ErrorNotice error={res.error} onRetry={retry} />;
  const year = Math.min(Math.max(new Date().getFullYear(), ws.startYear), ws.endYear);
  const initial = res.data ? programToForm(res.data, lang) : { ...emptyProgramForm(year), dimension: new URLSearchParams(location.search).get('dimensi') ?? '' };
  return (
    <>
      <Editor key={no ?? 'new'} ws={ws} no={no} initial={initial} title={res.data ? m('mp.editProgram', { name: res.data.name }) : m('mp.newProgram')} />
      {no !== null && <Comments ws={ws} item={`program:${no}`} />}
    </>
  );
}

/** The message of a field: the form's own check first, else the server's. */
export type ErrorOf = (field: string) => string | undefined;

function Editor({ ws, no, initial, title }: { ws: Workspace; no: number | null; initial: FormState; title: string }) {
  const { lang, m } = useMpLang();
  const [form, setForm] = useState<FormState>(initial);
  const [local, setLocal] = useState<LocalErrors>({});
  const { busy, error, run } = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  const server = fieldErrors(error);
  const errorOf: ErrorOf = (field) => (local[field] ? m(`mp.err.${local[field]}` as MpKey) : server[field]);
  const patch = (p: Partial<FormState>) => setForm((f) => ({ ...f, ...p }));
  const text = (k: keyof FormState) => (e: Event) => patch({ [k]: (e.currentTarget as HTMLInputElement).value } as Partial<FormState>);
  const dim = ws.reference.dimensions.find((d) => d.key === form.dimension);

  // After a refused save, focus goes to the first field the errors name.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!attempt) return;
    const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  }, [attempt]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const { body, errors } = formToBody(form, lang);
    setLocal(errors);
    if (!body) return setAttempt((n) => n + 1);
    const saved = await run(() => mpApi.saveProgram(ws.region.slug, ws.planId, no, body));
    if (!saved) return setAttempt((n) => n + 1);
    navigate(`${mpPath(ws.region.slug, 'program')}?dimensi=${encodeURIComponent(saved.dimension)}&tersimpan=${saved.no}`);
  };

  const input = (field: keyof FormState & string, label: string, props: Record<string, unknown> = {}, hint?: string) => {
    const id = fieldDomId(field);
    return (
      <Field id={id} label={label} hint={hint} error={errorOf(field)}>
        <input id={id} value={form[field] as string} onInput={text(field)} {...props} {...describe(id, !!hint, errorOf(field))} />
      </Field>
    );
  };
  const select = (field: keyof FormState & string, label: string, options: Array<[string, string]>, onPick?: (v: string) => void) => {
    const id = fieldDomId(field);
    return (
      <Field id={id} label={label} error={errorOf(field)}>
        <select
          id={id}
          value={form[field] as string}
          onChange={(e) => (onPick ? onPick(e.currentTarget.value) : patch({ [field]: e.currentTarget.value } as Partial<FormState>))}
          {...describe(id, false, errorOf(field))}
        >
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </Field>
    );
  };
  const supportingId = fieldDomId('supporting_opd_ids');
  const supportingErr = errorOf('supporting_opd_ids');

  return (
    <form ref={formRef} class="card form mp-form" onSubmit={submit} noValidate data-testid="program-form">
      <h2>{title}</h2>
      {error && <ErrorNotice error={error} title={m('mp.refused')} />}
      <div class="mp-grid">
        {select('dimension', m('mp.dimension'), [['', m('mp.choose')], ...ws.reference.dimensions.map((d): [string, string] => [d.key, d.name])], (v) =>
          patch({ dimension: v, element: '' }),
        )}
        {select('element', m('mp.element'), [['', m('mp.choose')], ...(dim?.elements ?? []).map((e): [string, string] => [e.key, e.name])])}
      </div>
      {input('name', m('mp.programName'))}
      <Field id={fieldDomId('description')} label={m('mp.description')} hint={m('mp.optional')} error={errorOf('description')}>
        <textarea
          id={fieldDomId('description')}
          rows={3}
          value={form.description}
          onInput={text('description')}
          {...describe(fieldDomId('description'), true, errorOf('description'))}
        />
      </Field>
      {select('owner_opd_id', m('mp.owner'), [['', m('mp.choose')], ...ws.opds.map((o): [string, string] => [String(o.id), o.name])])}
      <fieldset class={`field mp-checks${supportingErr ? ' field-invalid' : ''}`} id={supportingId} aria-describedby={supportingErr ? `${supportingId}-error` : undefined}>
        <legend>{m('mp.supporting')}</legend>
        <div class="mp-check-grid">
          {ws.opds
            .filter((o) => String(o.id) !== form.owner_opd_id)
            .map((o) => (
              <label key={o.id} class="check">
                <input
                  type="checkbox"
                  checked={form.supporting_opd_ids.includes(o.id)}
                  onChange={(e) =>
                    patch({
                      supporting_opd_ids: e.currentTarget.checked
                        ? [...form.supporting_opd_ids, o.id]
                        : form.supporting_opd_ids.filter((x) => x !== o.id),
                    })
                  }
                />
                {o.short_name}
              </label>
            ))}
        </div>
        {supportingErr && (
          <p class="field-error" id={`${supportingId}-error`} role="alert">
            {supportingErr}
          </p>
        )}
      </fieldset>
      <div class="mp-grid">
        {select('horizon', m('mp.horizon'), HORIZONS.map((h): [string, string] => [h, m(`mp.h.${h}`)]))}
        {select('status', m('mp.programStatus'), PROGRAM_STATUSES.map((s): [string, string] => [s, m(`mp.ps.${s}`)]))}
        {input('start_year', m('mp.startYear'), { inputMode: 'numeric' })}
        {input('end_year', m('mp.endYear'), { inputMode: 'numeric' })}
      </div>
      {input('references', m('mp.references'), {}, m('mp.optional'))}
      <BudgetFields form={form} onChange={(budget) => patch({ budget })} errorOf={errorOf} />
      <KpiFields form={form} onChange={(kpis) => patch({ kpis })} errorOf={errorOf} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? m('mp.saving') : m('mp.save')}
        </button>
        <a class="button button-secondary" href={mpPath(ws.region.slug, 'program')}>
          {m('mp.cancel')}
        </a>
      </div>
    </form>
  );
}
