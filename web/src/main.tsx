import { render } from 'preact';
import { App } from './app';
import { initLang } from './i18n';
import { startOutbox } from './report/outbox';
import { interceptLinkClick } from './router';
import { loadSession } from './session';
import './styles.css';
import './styles-app.css';

initLang();
document.addEventListener('click', interceptLinkClick);
const root = document.getElementById('app');
if (root) render(<App />, root);
// Who is signed in (the CSRF token queued reports need), then send anything left queued.
void loadSession().then(startOutbox);
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  // The app shell offline and background sync of the outbox (public/sw.js).
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
