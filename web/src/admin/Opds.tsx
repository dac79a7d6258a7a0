// OPD section: the region's OPDs (name, short name, kind, active) with activate/deactivate
// (PATCH .../opds/{id}) and a form to add one (POST .../opds). A deactivated OPD stays in the
// list and can no longer be picked for new rules or as a category's default.
import { useState } from 'preact/hooks';
import { ErrorNotice, Loading } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { useResource } from '../resource';
import { adminApi, type OpdFull } from './api';
import { useAdminT, type AdminKey } from './messages';
import { Flash, OPD_TYPES, useAction, type SectionProps } from './ui';

export function Opds({ region }: SectionProps) {
  const { t } = useAdminT();
  const [flash, setFlash] = useState('');
  const [res, reload] = useResource((signal) => adminApi.opds(region.slug, signal), [region.slug]);
  const toggle = useAction();
  if (res.state === 'loading') return <Loading />;
  if (res.state === 'error') return <ErrorNotice error={res.error} onRetry={reload} />;
  const items = [...res.data.items].sort((a, b) => a.name.localeCompare(b.name));
  const setActive = (o: OpdFull, active: boolean) =>
    void toggle.run(async () => {
      const saved = await adminApi.updateOpd(region.slug, o.id, { active });
      setFlash(t('opd.changed', { name: saved.name }));
      reload();
    });
  return (
    <>
      <Flash>{flash}</Flash>
      <OpdForm
        slug={region.slug}
        onSaved={(o) => {
          setFlash(t('opd.added', { name: o.name }));
          reload();
        }}
      />
      <section aria-labelledby="opd-heading">
        <h2 id="opd-heading">{t('opd.list', { n: items.length })}</h2>
        {toggle.error && <ErrorNotice error={toggle.error} />}
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="opd-heading">
          <table data-testid="opd-table">
            <thead>
              <tr>
                <th scope="col">{t('opd.name')}</th>
                <th scope="col">{t('opd.short')}</th>
                <th scope="col">{t('opd.type')}</th>
                <th scope="col">{t('opd.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id} class={o.active ? '' : 'row-inactive'}>
                  <th scope="row">{o.name}</th>
                  <td>{o.short_name}</td>
                  <td>{t(`opdType.${o.type}` as AdminKey)}</td>
                  <td>{o.active ? t('common.active') : t('common.inactive')}</td>
                  <td>
                    <button
                      type="button"
                      class="button button-secondary button-small"
                      disabled={toggle.busy}
                      onClick={() => setActive(o, !o.active)}
                    >
                      {o.active ? t('opd.deactivate', { name: o.short_name || o.name }) : t('opd.activate', { name: o.short_name || o.name })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function OpdForm({ slug, onSaved }: { slug: string; onSaved: (o: OpdFull) => void }) {
  const { t, core } = useAdminT();
  const empty = { name: '', short_name: '', type: 'dinas' };
  const [form, setForm] = useState(empty);
  const [local, setLocal] = useState<Record<string, string>>({});
  const action = useAction();
  const server = fieldErrors(action.error);
  const err = (k: string) => local[k] ?? server[k];
  const general = action.error && !['name', 'short_name', 'type'].some((f) => server[f]) ? action.error : null;
  const submit = (e: Event) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!form.name.trim()) missing['name'] = core('form.required');
    if (!form.short_name.trim()) missing['short_name'] = core('form.required');
    setLocal(missing);
    if (Object.keys(missing).length) return;
    void action.run(async () => {
      const saved = await adminApi.createOpd(slug, { name: form.name.trim(), short_name: form.short_name.trim(), type: form.type });
      setForm(empty);
      onSaved(saved);
    });
  };
  return (
    <form class="card form admin-form" onSubmit={submit} noValidate data-testid="opd-form">
      <h2>{t('opd.add')}</h2>
      {general && <ErrorNotice error={general} />}
      <div class="grid-2">
        <Field id="opd-name" label={t('opd.name')} error={err('name')}>
          <input id="opd-name" value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} {...describe('opd-name', false, err('name'))} />
        </Field>
        <Field id="opd-short" label={t('opd.short')} error={err('short_name')}>
          <input
            id="opd-short"
            value={form.short_name}
            onInput={(e) => setForm({ ...form, short_name: e.currentTarget.value })}
            {...describe('opd-short', false, err('short_name'))}
          />
        </Field>
        <Field id="opd-type" label={t('opd.type')} error={err('type')}>
          <select id="opd-type" value={form.type} onChange={(e) => setForm({ ...form, type: e.currentTarget.value })} {...describe('opd-type', false, err('type'))}>
            {OPD_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`opdType.${k}` as AdminKey)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button type="submit" class="button" disabled={action.busy}>
        {action.busy ? t('common.saving') : t('opd.add')}
      </button>
    </form>
  );
}
