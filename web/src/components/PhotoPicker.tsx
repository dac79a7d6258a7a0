// Photo capture/upload for the report form: the camera on phones (capture="environment"),
// each picture made smaller in the browser (report/downscale.ts) before it is kept, with a
// preview and a remove button. At most MAX_PHOTOS.
import { useEffect, useState } from 'preact/hooks';
import { useLang } from '../i18n';
import { downscale } from '../report/downscale';

export const MAX_PHOTOS = 5;
const MAX_INPUT_BYTES = 40 * 1024 * 1024; // larger files are not decoded at all

export interface PickedPhoto {
  id: number;
  blob: Blob;
  width: number;
  height: number;
  originalBytes: number;
}

let nextId = 1;

function Preview({ photo }: { photo: PickedPhoto }) {
  const { t } = useLang();
  const [url, setUrl] = useState('');
  useEffect(() => {
    const u = URL.createObjectURL(photo.blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [photo.blob]);
  return url ? <img src={url} alt={t('photo.preview', { n: photo.id })} width={96} height={96} /> : null;
}

export function PhotoPicker({ photos, onChange }: { photos: PickedPhoto[]; onChange: (p: PickedPhoto[]) => void }) {
  const { t } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setError('');
    const added: PickedPhoto[] = [];
    for (const f of Array.from(files)) {
      if (photos.length + added.length >= MAX_PHOTOS) {
        setError(t('photo.tooMany', { n: MAX_PHOTOS }));
        break;
      }
      if (!f.type.startsWith('image/') || f.size > MAX_INPUT_BYTES) {
        setError(t('photo.notImage', { name: f.name }));
        continue;
      }
      try {
        const d = await downscale(f);
        added.push({ id: nextId++, blob: d.blob, width: d.width, height: d.height, originalBytes: f.size });
      } catch {
        setError(t('photo.notImage', { name: f.name }));
      }
    }
    setBusy(false);
    if (added.length) onChange([...photos, ...added]);
  };

  return (
    <fieldset class="field photo-picker">
      <legend>{t('photo.legend')}</legend>
      <p class="hint">{t('photo.hint', { n: MAX_PHOTOS })}</p>
      {photos.length > 0 && (
        <ul class="photo-list">
          {photos.map((p) => (
            <li key={p.id}>
              <Preview photo={p} />
              <span class="small muted">
                {p.width}×{p.height} · {Math.round(p.blob.size / 1024)} KB
              </span>
              <button
                type="button"
                class="button button-secondary button-small"
                aria-label={t('photo.removeN', { n: p.id })}
                onClick={() => onChange(photos.filter((x) => x.id !== p.id))}
              >
                {t('photo.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {photos.length < MAX_PHOTOS && (
        <label class="button button-secondary file-button">
          {busy ? t('photo.processing') : t('photo.add')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            class="visually-hidden"
            data-testid="photo-input"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              void add(input.files).then(() => {
                input.value = '';
              });
            }}
          />
        </label>
      )}
      {busy && (
        <p class="small muted" role="status">
          {t('photo.processing')}
        </p>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
