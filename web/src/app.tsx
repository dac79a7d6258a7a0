import { useEffect, useRef } from 'preact/hooks';
import { setLang, useLang } from './i18n';
import { About } from './pages/About';
import { Landing } from './pages/Landing';
import { NotFound } from './pages/NotFound';
import { RegionHome } from './pages/RegionHome';
import { RegionMap } from './pages/RegionMap';
import { matchRoute, usePath, type Route } from './router';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'landing':
      return <Landing />;
    case 'region':
      return <RegionHome slug={route.slug} />;
    case 'regionMap':
      return <RegionMap slug={route.slug} />;
    case 'about':
      return <About />;
    case 'notFound':
      return <NotFound />;
  }
}

function Logo() {
  return (
    <svg class="logo" viewBox="0 0 64 64" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#ffffff" />
      <path d="M14 48V30l10-6v24zm13 0V18l12-6v36zm15 0V26l8 4v18z" fill="#0b4f7c" />
      <circle cx="46" cy="16" r="5" fill="#e8a317" />
    </svg>
  );
}

export function App() {
  const path = usePath();
  const route = matchRoute(path);
  const { lang, t } = useLang();
  const first = useRef(true);

  // After client-side navigation, start at the top and move focus to the page content so
  // screen readers announce the new page (the initial load keeps the browser's focus).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);

  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('skip.toMain')}
      </a>
      <header class="site-header">
        <div class="site-header-inner">
          <a class="brand" href="/">
            <Logo />
            <span>kotacerdas</span>
          </a>
          <nav class="site-nav" aria-label={t('nav.main')}>
            <a href="/" aria-current={route.name === 'landing' ? 'page' : undefined}>
              {t('nav.home')}
            </a>
            <a href="/tentang" aria-current={route.name === 'about' ? 'page' : undefined}>
              {t('nav.about')}
            </a>
          </nav>
          <button
            type="button"
            class="lang-switch"
            lang={lang === 'id' ? 'en' : 'id'}
            data-testid="lang-switch"
            onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
          >
            {t('lang.switch')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer class="site-footer">
        <p>
          <a href="/tentang">{t('nav.about')}</a> · {t('footer.credits')}
        </p>
      </footer>
    </div>
  );
}
