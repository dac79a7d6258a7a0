// The check step of a progress report (program or quick win): its state as a tag, and for
// reviewers (masterplan.review: region admin, consultant) "mark checked" or "return" with a
// required note (POST .../progress/{period}/check with the revision shown, so a report
// resubmitted meanwhile is refused with 409 instead of being checked unseen).
import { useState } from 'preact/hooks';
import type { RegionProfile } from '../api';
import { ErrorNotice } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { useMpLang, type MpKey } from './i18n';
import { checkStateOf, checkToBody, type LocalErrors } from './logic';
import { mpApi, type CheckState } from './mpApi';
import { useAction } from './useAction';

export function CheckTag({ report }: { report: { check_state?: CheckState; check_note?: string } | null }) {
  const { m } = useMpLang();
  const state = checkStateOf(report);
  if (!state) return null;
  const tone = state === 'diperiksa' ? ' tag-ok' : state === 'dikembalikan' ? ' tag-danger' : '';
  return (
    <span class={`tag${tone}`} data-testid="check-state" data-state={state}>
      {m(`mp.check.${state}` as MpKey)}
    </span>
  );
}

export function CheckControls({ region, planId, kind, no, report, onDone }: {
  region: RegionProfile;
  planId: number;
  kind: 'programs' | 'quick-wins';
  no: number;
  report: { period: string; revision: number; check_state?: CheckState };
  onDone: () => void;
}) {
  const { m } = useMpLang();
  const { busy, error, run } = useAction();
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<LocalErrors>({});
  const server = fieldErrors(error);
  const noteError = local['note'] ? m(`mp.err.${local['note']}` as MpKey) : server['note'];
  const nid = `check-${kind}-${no}-note`;
  const send = async (state: 'diperiksa' | 'dikembalikan') => {
    const { body, errors } = checkToBody(report.revision, state, state === 'dikembalikan' ? note : '');
    setLocal(errors);
    if (!body) return;
    const r = await run(() => mpApi.checkReport(region.slug, planId, kind, no, report.period, body));
    if (r) {
      setReturning(false);
      setNote('');
      onDone();
    }
  };
  const nonFieldError = error && !server['note'] ? error : null;
  return (
    <div class="mp-check" data-testid="check-controls">
      {nonFieldError && <ErrorNotice error={nonFieldError} />}
      {!returning ? (
        <div class="mp-actions">
          {report.check_state !== 'diperiksa' && (
            <button type="button" class="button button-small" disabled={busy} onClick={() => send('diperiksa')}>
              {m('mp.markChecked')}
            </button>
          )}
          <button type="button" class="button button-small button-secondary" disabled={busy} onClick={() => setReturning(true)}>
            {m('mp.returnReport')}
          </button>
        </div>
      ) : (
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send('dikembalikan');
          }}
        >
          <Field id={nid} label={m('mp.returnNote')} hint={m('mp.returnNoteHint')} error={noteError}>
            <textarea id={nid} rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} {...describe(nid, true, noteError)} />
          </Field>
          <button type="submit" class="button button-small" disabled={busy}>
            {m('mp.returnSend')}
          </button>
        </form>
      )}
    </div>
  );
}
