// Readiness (analisa kesiapan, Bimtek I): per dimension the Struktur / Infrastruktur /
// Suprastruktur sub-aspects scored 1-5 with a justification. Consultants and region admins
// edit one dimension at a time; every average shown is the server's (GET/PUT .../analysis
// and .../readiness answer with them), never computed here.
import { useState } from 'preact/hooks';
import { ErrorNotice, Loading } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { formatNumber } from '../format';
import { useResource } from '../resource';
import { useMpLang } from './i18n';
import type { Workspace } from './MasterplanPage';
import { mpApi, type Analysis, type ReadinessScore } from './mpApi';
import { useAction } from './useAction';

type Row = { score: string; justification: string };
const rowKey = (aspect: string, sub: string) => `${aspect}.${sub}`;

export function Readiness({ ws }: { ws: Workspace }) {
  const { lang, m } = useMpLang();
  const [res, retry] = useResource((signal) => mpApi.analysis(ws.region.slug, ws.planId, ws.published, signal), [ws.planId, ws.published, lang]);
  const [saved, setSaved] = useState<Analysis | null>(null);
  const [dimension, setDimension] = useState(ws.reference.dimensions[0]?.key ?? '');
  if (res.state === 'loading') return <Loading />;
  if (res.state === 'error') return <ErrorNotice error={res.error} onRetry={retry} />;
  const analysis = saved ?? res.data;
  const r = analysis.readiness;
  const avg = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v, lang, 2));
  const dim = ws.reference.dimensions.find((d) => d.key === dimension);
  return (
    <>
      <section aria-labelledby="rd-summary-h">
        <h2 id="rd-summary-h">{m('mp.readinessSummary')}</h2>
        <p class="small muted">{m('mp.scored', { n: r.scored, total: r.expected })}</p>
        <div class="table-wrap mp-wrap" tabIndex={0} role="region" aria-labelledby="rd-summary-h">
          <table data-testid="readiness-summary">
            <thead>
              <tr>
                <th scope="col">{m('mp.dimension')}</th>
                {ws.reference.readiness_aspects.map((a) => (
                  <th scope="col" key={a.key}>
                    {a.name}
                  </th>
                ))}
                <th scope="col">{m('mp.average')}</th>
              </tr>
            </thead>
            <tbody>
              {ws.reference.dimensions.map((d) => {
                const line = r.dimensions.find((x) => x.dimension === d.key);
                return (
                  <tr key={d.key}>
                    <th scope="row">{d.name}</th>
                    {ws.reference.readiness_aspects.map((a) => (
                      <td key={a.key} data-testid={`avg-${d.key}-${a.key}`}>
                        {avg(line?.aspects[a.key])}
                      </td>
                    ))}
                    <td data-testid={`avg-${d.key}`}>
                      <strong>{avg(line?.average)}</strong>
                    </td>
                  </tr>
                );
              })}
              <tr>
                <th scope="row">{m('mp.overall')}</th>
                {ws.reference.readiness_aspects.map((a) => (
                  <td key={a.key}>{avg(r.aspects[a.key])}</td>
                ))}
                <td data-testid="avg-overall">
                  <strong>{avg(r.average)}</strong>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <div class="chip-list mp-chips" role="group" aria-label={m('mp.dimension')}>
        {ws.reference.dimensions.map((d) => (
          <button type="button" key={d.key} class="chip" aria-pressed={d.key === dimension} onClick={() => setDimension(d.key)}>
            {d.name}
          </button>
        ))}
      </div>
      {dim && <DimensionScores key={dim.key} ws={ws} dimension={dim.key} name={dim.name} analysis={analysis} onSaved={setSaved} />}
    </>
  );
}

function DimensionScores({ ws, dimension, name, analysis, onSaved }: {
  ws: Workspace;
  dimension: string;
  name: string;
  analysis: Analysis;
  onSaved: (a: Analysis) => void;
}) {
  const { lang, m } = useMpLang();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);
  const initial = () => {
    const rows: Record<string, Row> = {};
    for (const s of analysis.readiness.scores) {
      if (s.dimension === dimension) rows[rowKey(s.aspect, s.sub_aspect)] = { score: String(s.score), justification: s.justification };
    }
    return rows;
  };
  const [rows, setRows] = useState<Record<string, Row>>(initial);
  const [sent, setSent] = useState<string[]>([]); // row keys in the order sent (error indexes)
  const editable = ws.can.edit && !ws.published;
  const line = analysis.readiness.dimensions.find((d) => d.dimension === dimension);
  const server = fieldErrors(error);
  const errorOf = (key: string, field: 'score' | 'justification') => {
    const i = sent.indexOf(key);
    return i < 0 ? undefined : server[`scores[${i}].${field}`];
  };
  const set = (key: string, patch: Partial<Row>) =>
    setRows((old) => ({ ...old, [key]: { ...(old[key] ?? { score: '', justification: '' }), ...patch } }));

  const save = async (e: Event) => {
    e.preventDefault();
    setDone(false);
    const keys = Object.keys(rows).filter((k) => rows[k]?.score);
    const scores: ReadinessScore[] = keys.map((k) => {
      const [aspect = '', sub = ''] = k.split('.');
      const row = rows[k] ?? { score: '', justification: '' };
      return { dimension, aspect, sub_aspect: sub, score: Number(row.score), justification: row.justification.trim() };
    });
    setSent(keys);
    const a = await run(() => mpApi.setScores(ws.region.slug, ws.planId, scores));
    if (a) {
      onSaved(a);
      setDone(true);
    }
  };

  return (
    <section aria-labelledby="rd-dim-h" data-testid={`readiness-${dimension}`}>
      <h2 id="rd-dim-h">
        {name} <span class="mp-avg">{m('mp.average')}: {line?.average != null ? formatNumber(line.average, lang, 2) : '–'}</span>
      </h2>
      <form onSubmit={save} noValidate>
        {ws.reference.readiness_aspects.map((a) => (
          <fieldset key={a.key} class="mp-aspect">
            <legend>
              {a.name}{' '}
              <span class="mp-avg">
                {m('mp.average')}: {line?.aspects[a.key] != null ? formatNumber(line.aspects[a.key] as number, lang, 2) : '–'}
              </span>
            </legend>
            {a.sub_aspects.map((s) => {
              const key = rowKey(a.key, s.key);
              const row = rows[key];
              const id = `rd-${dimension}-${a.key}-${s.key}`;
              if (!editable) {
                return (
                  <div key={key} class="mp-score-row">
                    <p>
                      <strong>{s.name}</strong>: <span class="mp-score">{row?.score || m('mp.notScored')}</span>
                    </p>
                    {row?.justification && <p class="small">{row.justification}</p>}
                  </div>
                );
              }
              const scoreErr = errorOf(key, 'score');
              const justErr = errorOf(key, 'justification');
              return (
                <div key={key} class="mp-score-row mp-score-grid">
                  <Field id={`${id}-score`} label={m('mp.scoreOf', { name: s.name })} error={scoreErr}>
                    <select
                      id={`${id}-score`}
                      value={row?.score ?? ''}
                      onChange={(e) => set(key, { score: e.currentTarget.value })}
                      {...describe(`${id}-score`, false, scoreErr)}
                    >
                      <option value="">{m('mp.notScored')}</option>
                      {[1, 2, 3, 4, 5].map((n) => (
                        <option key={n} value={String(n)}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field id={`${id}-just`} label={m('mp.justificationOf', { name: s.name })} error={justErr}>
                    <textarea
                      id={`${id}-just`}
                      rows={2}
                      value={row?.justification ?? ''}
                      onInput={(e) => set(key, { justification: e.currentTarget.value })}
                      {...describe(`${id}-just`, false, justErr)}
                    />
                  </Field>
                </div>
              );
            })}
          </fieldset>
        ))}
        {editable && (
          <div class="actions">
            <button type="submit" class="button" disabled={busy}>
              {m('mp.saveScores', { dimension: name })}
            </button>
          </div>
        )}
        {error && <ErrorNotice error={error} />}
        {done && (
          <p role="status" class="notice notice-info">
            {m('mp.scoresSaved', { dimension: name })}
          </p>
        )}
      </form>
    </section>
  );
}
