// Runtime configuration read from index.html, so an operator can change it without a
// rebuild: <meta name="kc-tiles" content="URL template | none" data-attribution=...>.
export interface TileConfig {
  url: string | null; // null: no tile layer, boundaries only
  attribution: string;
  attributionUrl: string;
  maxZoom: number;
}

const OSM_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM: TileConfig = {
  url: OSM_URL,
  attribution: '© OpenStreetMap contributors',
  attributionUrl: 'https://www.openstreetmap.org/copyright',
  maxZoom: 19,
};

function unreplaced(v: string | null | undefined): boolean {
  // An unset VITE_ variable is left in the HTML as %VITE_...%.
  return !v || /^%VITE_\w+%$/.test(v.trim());
}

export function tileConfig(doc: Document = document): TileConfig {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="kc-tiles"]');
  if (!meta) return OSM;
  const content = meta.getAttribute('content');
  const url = unreplaced(content) ? OSM_URL : (content ?? '').trim();
  const attr = meta.dataset['attribution'];
  const attrUrl = meta.dataset['attributionUrl'];
  const zoom = Number(meta.dataset['maxZoom']);
  return {
    url: url === '' || url.toLowerCase() === 'none' ? null : url,
    attribution: unreplaced(attr) ? OSM.attribution : (attr ?? ''),
    attributionUrl: unreplaced(attrUrl) ? OSM.attributionUrl : (attrUrl ?? ''),
    maxZoom: Number.isFinite(zoom) && zoom > 0 ? zoom : OSM.maxZoom,
  };
}
