import { useTitle } from '../components/common';
import { useLang } from '../i18n';

export function NotFound() {
  const { t } = useLang();
  useTitle(t('notFound.title'));
  return (
    <section class="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <a class="button" href="/">
          {t('common.backToRegions')}
        </a>
      </p>
    </section>
  );
}
