// Form pieces: a labelled field with its hint and its error (client-side or from the server's
// details) announced next to the input, and helpers to read the server's field errors.
import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api';

export type FieldErrors = Record<string, string>;

/** The server's per-field messages (details[].field), keyed by field name. */
export function fieldErrors(error: ApiError | null): FieldErrors {
  const out: FieldErrors = {};
  for (const d of error?.details ?? []) if (d.field && !out[d.field]) out[d.field] = d.message;
  return out;
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria-describedby/aria-invalid for an input inside Field. */
export function describe(id: string, hint: boolean, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined };
}
