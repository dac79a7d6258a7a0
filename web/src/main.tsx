import { render } from 'preact';
import { App } from './app';
import { initLang } from './i18n';
import { startOutbox } from './report/outbox';
import { prefetchMapReports } from './report/mapData';
import { interceptLinkClick, matchRoute } from './router';
import { loadSession } from './session';
import './styles.css';
import './styles-app.css';

initLang();
document.addEventListener('click', interceptLinkClick);
// Opened straight on a map: fetch Leaflet and the reports now, before the first render and its
// effects, so they load beside the region instead of after it.
const first = matchRoute(location.pathname);
if (first.name === 'regionMap') {
  void import('./map/leafletMap').catch(() => undefined);
  prefetchMapReports(first.slug);
}
const root = document.getElementById('app');
if (root) render(<App />, root);
// Who is signed in (the CSRF token queued reports need), then send anything left queued.
void loadSession().then(startOutbox);
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  // The app shell offline and background sync of the outbox (public/sw.js).
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
