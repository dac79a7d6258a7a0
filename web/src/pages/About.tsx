import { useTitle } from '../components/common';
import { useLang } from '../i18n';

export function About() {
  const { t } = useLang();
  useTitle(t('about.title'));
  return (
    <article class="prose">
      <h1>{t('about.title')}</h1>
      <p>{t('about.intro')}</p>
      <h2>{t('about.credits')}</h2>
      <ul class="credits">
        <li data-credit="idn-area-data">
          {t('about.areas')}{' '}
          <a href="https://www.npmjs.com/package/idn-area-data" rel="external">idn-area-data</a> ·{' '}
          <a href="https://opendatacommons.org/licenses/odbl/1-0/" rel="external">ODbL 1.0</a>
        </li>
        <li data-credit="boundaries">
          {t('about.boundaries')}{' '}
          <a href="https://github.com/cahyadsn/wilayah_boundaries" rel="external">cahyadsn/wilayah_boundaries</a>
        </li>
        <li data-credit="osm">
          {t('about.osm')}{' '}
          <a href="https://www.openstreetmap.org/copyright" rel="external">openstreetmap.org/copyright</a>
        </li>
      </ul>
      <h2>{t('about.software')}</h2>
      <p>{t('about.softwareList')}</p>
    </article>
  );
}
