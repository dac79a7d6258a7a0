// The kind of period a report is for (triwulan, semester, tahun, bulan): asked before an item's
// first report and in the staff's period view; an item with reports keeps their kind.
import { useMpLang, type MpKey } from './i18n';
import { PERIOD_KINDS, type PeriodKind } from './logic';

export function PeriodKindSelect({ id, value, onChange, hint = false }: {
  id: string;
  value: PeriodKind;
  onChange: (kind: PeriodKind) => void;
  hint?: boolean;
}) {
  const { m } = useMpLang();
  return (
    <div class="field mp-narrow-field">
      <label for={id}>{m('mp.periodKind')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as PeriodKind)} aria-describedby={hint ? `${id}-hint` : undefined}>
        {PERIOD_KINDS.map((k) => (
          <option key={k} value={k}>
            {m(`mp.pk.${k}` as MpKey)}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} class="small muted">
          {m('mp.periodKindHint')}
        </p>
      )}
    </div>
  );
}
