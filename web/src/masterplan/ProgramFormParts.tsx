// The repeating parts of the program form: budget lines (year, source, rupiah) and KPIs
// (name, unit, baseline, a target per program year). Element ids come from fieldDomId of the
// server's field names, so "budget[0].amount" errors land next to the first amount.
import { describe, Field } from '../components/form';
import { useMpLang } from './i18n';
import { BUDGET_SOURCES, fieldDomId, formYears, type BudgetRow, type KpiRow, type ProgramForm } from './logic';
import type { ErrorOf } from './ProgramForm';

export function BudgetFields({ form, onChange, errorOf }: {
  form: ProgramForm;
  onChange: (rows: BudgetRow[]) => void;
  errorOf: ErrorOf;
}) {
  const { m } = useMpLang();
  const set = (i: number, p: Partial<BudgetRow>) => onChange(form.budget.map((b, j) => (i === j ? { ...b, ...p } : b)));
  const lastYear = Number(form.budget[form.budget.length - 1]?.year) || Number(form.start_year) || new Date().getFullYear();
  return (
    <fieldset class="field mp-repeat">
      <legend>{m('mp.budgetLines')}</legend>
      {form.budget.map((b, i) => {
        const f = (name: string) => `budget[${i}].${name}`;
        const id = (name: string) => fieldDomId(f(name));
        return (
          <div key={i} class="mp-line" role="group" aria-label={m('mp.lineN', { n: i + 1 })}>
            <Field id={id('year')} label={m('mp.year')} error={errorOf(f('year'))}>
              <input
                id={id('year')}
                inputMode="numeric"
                value={b.year}
                onInput={(e) => set(i, { year: e.currentTarget.value })}
                {...describe(id('year'), false, errorOf(f('year')))}
              />
            </Field>
            <Field id={id('source')} label={m('mp.source')} error={errorOf(f('source'))}>
              <select id={id('source')} value={b.source} onChange={(e) => set(i, { source: e.currentTarget.value })} {...describe(id('source'), false, errorOf(f('source')))}>
                {BUDGET_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={id('amount')} label={m('mp.amount')} error={errorOf(f('amount'))}>
              <input
                id={id('amount')}
                inputMode="numeric"
                value={b.amount}
                onInput={(e) => set(i, { amount: e.currentTarget.value })}
                {...describe(id('amount'), false, errorOf(f('amount')))}
              />
            </Field>
            <button
              type="button"
              class="button button-secondary button-small mp-remove"
              aria-label={m('mp.removeLine', { n: i + 1 })}
              onClick={() => onChange(form.budget.filter((_, j) => j !== i))}
            >
              {m('mp.remove')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        class="button button-secondary button-small"
        onClick={() => onChange([...form.budget, { year: String(form.budget.length ? lastYear + 1 : lastYear), source: 'APBD', amount: '' }])}
      >
        {m('mp.addLine')}
      </button>
    </fieldset>
  );
}

export function KpiFields({ form, onChange, errorOf }: {
  form: ProgramForm;
  onChange: (rows: KpiRow[]) => void;
  errorOf: ErrorOf;
}) {
  const { m } = useMpLang();
  const years = formYears(form);
  const set = (i: number, p: Partial<KpiRow>) => onChange(form.kpis.map((k, j) => (i === j ? { ...k, ...p } : k)));
  return (
    <fieldset class="field mp-repeat">
      <legend>{m('mp.kpis')}</legend>
      {form.kpis.map((k, i) => {
        const f = (name: string) => `kpis[${i}].${name}`;
        const id = (name: string) => fieldDomId(f(name));
        const text = (name: 'name' | 'unit' | 'baseline', label: string) => (
          <Field id={id(name)} label={label} error={errorOf(f(name))}>
            <input
              id={id(name)}
              inputMode={name === 'baseline' ? 'decimal' : undefined}
              value={k[name]}
              onInput={(e) => set(i, { [name]: e.currentTarget.value })}
              {...describe(id(name), false, errorOf(f(name)))}
            />
          </Field>
        );
        // A target typed for a year the program no longer spans stays visible until cleared.
        const typed = Object.keys(k.targets).filter((y) => k.targets[y]?.trim());
        const targetYears = [...new Set([...years.map(String), ...typed])].sort();
        return (
          <div key={i} class="mp-kpi" role="group" aria-label={m('mp.kpiN', { n: i + 1 })}>
            <p class="mp-kpi-title">{m('mp.kpiN', { n: i + 1 })}</p>
            {text('name', m('mp.kpiName'))}
            <div class="mp-grid">
              {text('unit', m('mp.unit'))}
              {text('baseline', m('mp.baseline'))}
              {targetYears.map((y) => {
                const field = f(`targets.${y}`);
                return (
                  <Field key={y} id={fieldDomId(field)} label={m('mp.target', { year: y })} error={errorOf(field)}>
                    <input
                      id={fieldDomId(field)}
                      inputMode="decimal"
                      value={k.targets[y] ?? ''}
                      onInput={(e) => set(i, { targets: { ...k.targets, [y]: e.currentTarget.value } })}
                      {...describe(fieldDomId(field), false, errorOf(field))}
                    />
                  </Field>
                );
              })}
            </div>
            <button type="button" class="button button-secondary button-small mp-remove" onClick={() => onChange(form.kpis.filter((_, j) => j !== i))}>
              {m('mp.removeKpi', { n: i + 1 })}
            </button>
          </div>
        );
      })}
      <button type="button" class="button button-secondary button-small" onClick={() => onChange([...form.kpis, { name: '', unit: '', baseline: '', targets: {} }])}>
        {m('mp.addKpi')}
      </button>
    </fieldset>
  );
}
