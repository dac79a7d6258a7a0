// The category's extra questions (Open311 service definition attributes): one group of fields
// per question (code, question, kind of answer, required, choices for list kinds), in the
// order shown to the reporter; add, remove, move up. Errors come keyed "attributes#<index>"
// (categoryForm.mapCategoryErrors) and show inside the question they are about.
import { describe, Field } from '../components/form';
import { DATATYPES, isList, newAttribute, type AttributeDraft } from './categoryForm';
import { useAdminT } from './messages';
import { typeKey } from './ui';

export function AttributeEditor({
  items,
  onChange,
  errors,
}: {
  items: AttributeDraft[];
  onChange: (items: AttributeDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useAdminT();
  const set = (i: number, patch: Partial<AttributeDraft>) =>
    onChange(items.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const move = (i: number) => {
    if (i <= 0) return;
    const next = [...items];
    const [a] = next.splice(i, 1);
    if (a) next.splice(i - 1, 0, a);
    onChange(next);
  };
  const whole = errors['attributes'];
  return (
    <fieldset class={`field attr-editor${whole ? ' field-invalid' : ''}`} aria-describedby={whole ? 'attributes-error' : undefined}>
      <legend>{t('attr.legend')}</legend>
      <p class="hint">{t('attr.hint')}</p>
      {whole && (
        <p class="field-error" id="attributes-error" role="alert">
          {whole}
        </p>
      )}
      {items.length === 0 && <p class="muted">{t('attr.none')}</p>}
      <ol class="attr-list">
        {items.map((a, i) => {
          const n = i + 1;
          const id = `attr-${a.key}`;
          const err = errors[`attributes#${i}`];
          return (
            <li key={a.key} class={err ? 'attr-invalid' : ''} data-testid="attribute">
              <fieldset class="attr-item" aria-describedby={err ? `${id}-error` : undefined}>
                <legend>{t('attr.n', { n })}</legend>
                {err && (
                  <p class="field-error" id={`${id}-error`} role="alert">
                    {err}
                  </p>
                )}
                <div class="grid-2">
                  <Field id={`${id}-code`} label={t('attr.code')} hint={t('attr.codeHint')}>
                    <input
                      id={`${id}-code`}
                      value={a.code}
                      autocomplete="off"
                      spellcheck={false}
                      onInput={(e) => set(i, { code: e.currentTarget.value })}
                      {...describe(`${id}-code`, true, undefined)}
                    />
                  </Field>
                  <Field id={`${id}-type`} label={t('attr.type')}>
                    <select id={`${id}-type`} value={a.datatype} onChange={(e) => set(i, { datatype: e.currentTarget.value })}>
                      {DATATYPES.map((d) => (
                        <option key={d} value={d}>
                          {t(typeKey(d))}
                        </option>
                      ))}
                    </select>
                  </Field>
                </div>
                <Field id={`${id}-question`} label={t('attr.question')}>
                  <input id={`${id}-question`} value={a.description} onInput={(e) => set(i, { description: e.currentTarget.value })} />
                </Field>
                {isList(a.datatype) && (
                  <Field id={`${id}-values`} label={t('attr.values')} hint={t('attr.valuesHint')}>
                    <textarea
                      id={`${id}-values`}
                      rows={3}
                      value={a.values}
                      onInput={(e) => set(i, { values: e.currentTarget.value })}
                      {...describe(`${id}-values`, true, undefined)}
                    />
                  </Field>
                )}
                <label class="check">
                  <input type="checkbox" checked={a.required} onChange={(e) => set(i, { required: e.currentTarget.checked })} />
                  {t('attr.required')}
                </label>
                <div class="actions">
                  {i > 0 && (
                    <button type="button" class="button button-secondary button-small" onClick={() => move(i)}>
                      {t('attr.up', { n })}
                    </button>
                  )}
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    onClick={() => onChange(items.filter((_, j) => j !== i))}
                  >
                    {t('attr.remove', { n })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" class="button button-secondary" onClick={() => onChange([...items, newAttribute()])}>
        {t('attr.add')}
      </button>
    </fieldset>
  );
}
