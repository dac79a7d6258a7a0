// Add (/admin/kategori-baru) or edit (/admin/kategori/{code}) a category: names in both
// languages, group, description, search keywords, default OPD, SLA, active, and the extra
// questions. Saved with PUT .../categories/{code} (create or update); the server's field
// errors appear next to their fields and everything typed stays for the next try.
import { useState } from 'preact/hooks';
import { ApiError, reportsApi } from '../api';
import type { Category, Opd } from '../api-types';
import { ErrorNotice, Loading, Notice } from '../components/common';
import { describe, Field } from '../components/form';
import { useResource } from '../resource';
import { navigate } from '../router';
import { adminApi } from './api';
import { AttributeEditor } from './AttributeEditor';
import { bodyFromDraft, draftFromCategory, emptyDraft, mapCategoryErrors, missingFields, type CategoryDraft } from './categoryForm';
import { setFlash } from './flash';
import { useAdminT } from './messages';
import { adminPath, Flash, useAction, type SectionProps } from './ui';

interface Loaded {
  category: Category | null;
  groups: string[];
  opds: Opd[];
}

export function CategoryEdit({ region, code }: SectionProps & { code: string | null }) {
  const { t } = useAdminT();
  const [res, reload] = useResource(
    async (signal): Promise<Loaded> => {
      const [category, categories, opds] = await Promise.all([
        code ? adminApi.category(region.slug, code, signal) : Promise.resolve(null),
        reportsApi.categories(region.slug, signal),
        reportsApi.opds(region.slug, signal),
      ]);
      const groups = [...new Set(categories.items.map((c) => c.group))].sort();
      return { category, groups, opds: opds.items };
    },
    [region.slug, code],
  );
  const title = code ? t('cat.editTitle', { name: res.state === 'ok' ? (res.data.category?.name ?? code) : code }) : t('cat.new');
  const back = (
    <p class="small">
      <a href={adminPath(region.slug, 'kategori')}>← {t('sec.categories')}</a>
    </p>
  );
  if (res.state === 'loading') return <Loading />;
  if (res.state === 'error') {
    return (
      <>
        {back}
        <h1>{title}</h1>
        {res.error.status === 404 && code ? (
          <Notice tone="warn">{t('cat.notFound', { code })}</Notice>
        ) : (
          <ErrorNotice error={res.error} onRetry={reload} />
        )}
      </>
    );
  }
  return (
    <>
      {back}
      <h1>{title}</h1>
      <EditForm
        key={code ?? ''}
        slug={region.slug}
        creating={!code}
        initial={res.data.category ? draftFromCategory(res.data.category) : emptyDraft()}
        groups={res.data.groups}
        opds={res.data.opds}
      />
    </>
  );
}

function EditForm({
  slug,
  creating,
  initial,
  groups,
  opds,
}: {
  slug: string;
  creating: boolean;
  initial: CategoryDraft;
  groups: string[];
  opds: Opd[];
}) {
  const { t, core } = useAdminT();
  const [draft, setDraft] = useState(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const action = useAction();
  const server = mapCategoryErrors(action.error, draft.attributes);
  const err = (k: string) => local[k] ?? server.fields[k];
  const attrErrors = { ...server.fields, ...local };
  const set = (k: keyof CategoryDraft) => (e: Event) =>
    setDraft({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value });
  // Details no field shows (and errors without details) go in the notice at the top.
  const general =
    action.error && (action.error.details.length === 0 || server.rest.length > 0)
      ? new ApiError(action.error.kind, action.error.status, action.error.code, action.error.message, server.rest)
      : null;
  const invalid = Object.keys(local).length > 0 || Object.keys(server.fields).length > 0;

  const submit = (e: Event) => {
    e.preventDefault();
    const missing = missingFields(draft, creating, core('form.required'));
    setLocal(missing);
    if (Object.keys(missing).length) return;
    const code = draft.code.trim();
    void action.run(async () => {
      const saved = await adminApi.putCategory(slug, code, bodyFromDraft(draft));
      setFlash(t(creating ? 'cat.created' : 'cat.updated', { name: saved.name }));
      navigate(adminPath(slug, 'kategori'));
    });
  };

  const input = (k: 'name_id' | 'name_en' | 'group' | 'sla_response_hours' | 'sla_resolve_days', label: string, extra: Record<string, unknown> = {}, hint?: string) => (
    <Field id={`cat-${k}`} label={label} hint={hint} error={err(k)}>
      <input id={`cat-${k}`} value={draft[k]} onInput={set(k)} {...extra} {...describe(`cat-${k}`, !!hint, err(k))} />
    </Field>
  );

  return (
    <form class="card form admin-form" onSubmit={submit} noValidate data-testid="category-form">
      {invalid && <Flash>{t('common.fixBelow')}</Flash>}
      {general && <ErrorNotice error={general} />}
      {creating ? (
        <Field id="cat-code" label={t('cat.code')} hint={t('cat.codeHint')} error={err('code')}>
          <input
            id="cat-code"
            value={draft.code}
            autocomplete="off"
            spellcheck={false}
            onInput={set('code')}
            {...describe('cat-code', true, err('code'))}
          />
        </Field>
      ) : (
        <p>
          {t('cat.code')}: <code>{draft.code}</code>
        </p>
      )}
      <div class="grid-2">
        {input('name_id', t('cat.nameId'))}
        {input('name_en', t('cat.nameEn'))}
      </div>
      {input('group', t('cat.group'), { list: 'cat-groups' }, t('cat.groupHint'))}
      <datalist id="cat-groups">
        {groups.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
      <Field id="cat-description" label={t('cat.description')} error={err('description')}>
        <textarea id="cat-description" rows={2} value={draft.description} onInput={set('description')} {...describe('cat-description', false, err('description'))} />
      </Field>
      <Field id="cat-keywords" label={t('cat.keywords')} hint={t('cat.keywordsHint')} error={err('keywords')}>
        <input id="cat-keywords" value={draft.keywords} onInput={set('keywords')} {...describe('cat-keywords', true, err('keywords'))} />
      </Field>
      <Field id="cat-opd" label={t('cat.defaultOpd')} hint={t('cat.defaultOpdHint')} error={err('default_opd_id')}>
        <select id="cat-opd" value={draft.default_opd_id} onChange={set('default_opd_id')} {...describe('cat-opd', true, err('default_opd_id'))}>
          <option value="">{t('cat.noOpd')}</option>
          {opds.map((o) => (
            <option key={o.id} value={String(o.id)} disabled={!o.active}>
              {o.name}
              {o.short_name ? ` (${o.short_name})` : ''}
            </option>
          ))}
        </select>
      </Field>
      <div class="grid-2">
        {input('sla_response_hours', t('cat.slaResponse'), { type: 'number', inputMode: 'numeric', min: 1, max: 720 })}
        {input('sla_resolve_days', t('cat.slaResolve'), { type: 'number', inputMode: 'numeric', min: 1, max: 365 })}
      </div>
      <label class="check">
        <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })} />
        {t('cat.active')}
      </label>
      <AttributeEditor items={draft.attributes} onChange={(attributes) => setDraft({ ...draft, attributes })} errors={attrErrors} />
      <div class="actions">
        <button type="submit" class="button" disabled={action.busy}>
          {action.busy ? t('common.saving') : t('common.save')}
        </button>
        <a class="button button-secondary" href={adminPath(slug, 'kategori')}>
          {t('common.cancel')}
        </a>
      </div>
    </form>
  );
}
