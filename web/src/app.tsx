import { useEffect, useRef, useState } from 'preact/hooks';
import { setLang, useLang } from './i18n';
import { About } from './pages/About';
import { Inbox } from './pages/Inbox';
import { MyReports } from './pages/MyReports';
import { Register } from './pages/Register';
import { ReportDetail } from './pages/ReportDetail';
import { ReportForm } from './pages/ReportForm';
import { SignIn } from './pages/SignIn';
import { Landing } from './pages/Landing';
import { NotFound } from './pages/NotFound';
import { RegionHome } from './pages/RegionHome';
import { RegionMap } from './pages/RegionMap';
import { AdminLoader } from './pages/AdminLoader';
import { MasterplanRoute } from './masterplan/route';
import { ResetPassword } from './pages/ResetPassword';
import { Track } from './pages/Track';
import { UnreadBadge } from './components/UnreadBadge';
import './portal.css';
import { matchRoute, navigate, usePath, type Route } from './router';
import { signOut, useSession } from './session';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'landing':
      return <Landing />;
    case 'region':
      return <RegionHome slug={route.slug} />;
    case 'regionMap':
      return <RegionMap slug={route.slug} />;
    case 'report':
      return <ReportForm slug={route.slug} />;
    case 'reportDetail':
      return <ReportDetail slug={route.slug} tracking={route.tracking} />;
    case 'inbox':
      return <Inbox slug={route.slug} tracking={route.tracking} />;
    case 'signIn':
      return <SignIn />;
    case 'register':
      return <Register />;
    case 'myReports':
      return <MyReports />;
    case 'about':
      return <About />;
    case 'admin':
      return <AdminLoader slug={route.slug} section={route.section} item={route.item} />;
    case 'track':
      return <Track slug={route.slug} />;
    case 'resetPassword':
      return <ResetPassword />;
    case 'masterplan':
      return <MasterplanRoute slug={route.slug} section={route.section} item={route.item} />;
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

/** Sign-in state in the header: "Masuk", or the user's name, "Laporan saya" and "Keluar". */
function Account({ route }: { route: Route }) {
  const { t } = useLang();
  const session = useSession();
  const [failed, setFailed] = useState(false);
  if (session.state === 'loading') return null;
  if (session.state === 'anonymous') {
    return (
      <a class="account-link" href="/masuk" aria-current={route.name === 'signIn' ? 'page' : undefined}>
        {t('nav.signIn')}
      </a>
    );
  }
  return (
    <div class="account" data-testid="account">
      <span class="account-name" title={t('nav.signedInAs', { name: session.me.user.name })}>
        {session.me.user.name}
      </span>
      <a class="account-link" href="/laporan-saya" aria-current={route.name === 'myReports' ? 'page' : undefined}>
        {t('nav.myReports')}
        <UnreadBadge />
      </a>
      <button
        type="button"
        class="account-link"
        onClick={() =>
          signOut().then(
            () => navigate('/'),
            () => setFailed(true),
          )
        }
      >
        {t('nav.signOut')}
      </button>
      {failed && (
        <span class="visually-hidden" role="alert">
          {t('error.network')}
        </span>
      )}
    </div>
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
          <Account route={route} />
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
