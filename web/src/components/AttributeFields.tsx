// The category's extra questions (Open311 attributes, e.g. "Seberapa parah kerusakannya?"):
// lists as radio buttons or checkboxes, numbers, dates and text. Values are kept as text
// (multi-value lists as arrays), which the server normalises; errors come back as
// "attributes.<code>".
import type { CategoryAttribute } from '../api-types';
import { useLang } from '../i18n';
import { describe, Field } from './form';

export type AttributeValues = Record<string, string | string[]>;

/** The required questions left unanswered, as field errors keyed "attributes.<code>". */
export function missingAttributes(defs: CategoryAttribute[], values: AttributeValues, message: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of defs) {
    if (!d.required || !d.variable) continue;
    const v = values[d.code];
    if (v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === '')) out[`attributes.${d.code}`] = message;
  }
  return out;
}

/** The "attributes" object to send: answered questions only. */
export function attributePayload(defs: CategoryAttribute[], values: AttributeValues): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const d of defs) {
    const v = values[d.code];
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length > 0) out[d.code] = v;
    } else if (v.trim() !== '') {
      // datetime-local has no zone: send the instant it means in the browser's zone.
      const when = d.datatype === 'datetime' ? new Date(v) : null;
      out[d.code] = when && !Number.isNaN(when.getTime()) ? when.toISOString() : v.trim();
    }
  }
  return out;
}

export function AttributeFields({
  defs,
  values,
  onChange,
  errors,
}: {
  defs: CategoryAttribute[];
  values: AttributeValues;
  onChange: (v: AttributeValues) => void;
  errors: (key: string) => string | undefined;
}) {
  const { t } = useLang();
  const shown = [...defs].filter((d) => d.variable).sort((a, b) => a.order - b.order);
  return (
    <>
      {shown.map((d) => {
        const id = `attr-${d.code}`;
        const err = errors(`attributes.${d.code}`);
        const label = d.description || d.code;
        const hint = d.required ? undefined : t('report.optional');
        if (d.datatype === 'singlevaluelist' || d.datatype === 'multivaluelist') {
          const multi = d.datatype === 'multivaluelist';
          const current = values[d.code];
          const list = Array.isArray(current) ? current : current ? [current] : [];
          return (
            <fieldset class={`field${err ? ' field-invalid' : ''}`} key={d.code} aria-describedby={err ? `${id}-error` : undefined}>
              <legend>{label}</legend>
              {hint && <p class="hint">{hint}</p>}
              {d.values.map((v) => (
                <label class="check" key={v.key}>
                  <input
                    type={multi ? 'checkbox' : 'radio'}
                    name={id}
                    value={v.key}
                    checked={list.includes(v.key)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      const next = multi ? (on ? [...list, v.key] : list.filter((k) => k !== v.key)) : v.key;
                      onChange({ ...values, [d.code]: next });
                    }}
                  />
                  {v.name}
                </label>
              ))}
              {err && (
                <p class="field-error" id={`${id}-error`} role="alert">
                  {err}
                </p>
              )}
            </fieldset>
          );
        }
        const value = typeof values[d.code] === 'string' ? (values[d.code] as string) : '';
        const set = (e: Event) => onChange({ ...values, [d.code]: (e.currentTarget as HTMLInputElement).value });
        return (
          <Field id={id} label={label} hint={hint} error={err} key={d.code}>
            {d.datatype === 'text' ? (
              <textarea id={id} rows={2} value={value} onInput={set} {...describe(id, !!hint, err)} />
            ) : (
              <input
                id={id}
                type={(d.datatype === 'number' ? 'number' : d.datatype === 'datetime' ? 'datetime-local' : 'text') as 'text'}
                inputMode={d.datatype === 'number' ? 'decimal' : undefined}
                value={value}
                onInput={set}
                {...describe(id, !!hint, err)}
              />
            )}
          </Field>
        );
      })}
    </>
  );
}
