// Leaflet wrapper, loaded only by the map page (dynamic import keeps Leaflet and its CSS
// out of the initial bundle). Boundaries are drawn as vectors, so the map is useful even
// when no tile server is reachable.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { BoundaryCollection } from '../api';
import type { TileConfig } from '../config';

export interface MapOptions {
  tiles: TileConfig;
  label: string;
  onTilesFailed: () => void;
}

export interface MapHandle {
  map: L.Map;
  showBoundaries(fc: BoundaryCollection): void;
  focus(code: string): void;
  destroy(): void;
}

const INDONESIA: L.LatLngBoundsExpression = [
  [-11, 95],
  [6, 141],
];

const STYLE: L.PathOptions = { color: '#0b4f7c', weight: 2, fillColor: '#2a7ab0', fillOpacity: 0.12 };
const STYLE_ACTIVE: L.PathOptions = { color: '#8a3b00', weight: 3, fillColor: '#e07b00', fillOpacity: 0.25 };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function createMap(el: HTMLElement, opts: MapOptions): MapHandle {
  const map = L.map(el, { attributionControl: false, zoomSnap: 0.25 });
  map.fitBounds(INDONESIA);
  L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
  const container = map.getContainer();
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', opts.label);

  if (opts.tiles.url) {
    let loaded = 0;
    let failed = 0;
    let reported = false;
    const layer = L.tileLayer(opts.tiles.url, {
      maxZoom: opts.tiles.maxZoom,
      attribution: `<a href="${escapeHtml(opts.tiles.attributionUrl)}">${escapeHtml(opts.tiles.attribution)}</a>`,
    });
    layer.on('tileload', () => {
      loaded++;
    });
    layer.on('tileerror', () => {
      failed++;
      if (!reported && loaded === 0 && failed >= 2) {
        reported = true;
        opts.onTilesFailed();
      }
    });
    layer.addTo(map);
  }

  const byCode = new Map<string, L.Polygon>();
  let group: L.GeoJSON | null = null;
  let active: L.Path | null = null;

  return {
    map,
    showBoundaries(fc) {
      group?.remove();
      byCode.clear();
      group = L.geoJSON(fc as unknown as GeoJSON.FeatureCollection, {
        style: () => STYLE,
        onEachFeature: (feature, layer) => {
          const props = (feature.properties ?? {}) as { code?: string; name?: string };
          if (props.code) byCode.set(props.code, layer as L.Polygon);
          if (props.name) layer.bindTooltip(escapeHtml(props.name), { sticky: true });
        },
      }).addTo(map);
      const bounds = group.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
    },
    focus(code) {
      const layer = byCode.get(code);
      if (!layer) return;
      active?.setStyle(STYLE);
      layer.setStyle(STYLE_ACTIVE);
      layer.bringToFront();
      active = layer;
      map.fitBounds(layer.getBounds(), { padding: [16, 16] });
      layer.openTooltip(layer.getBounds().getCenter());
    },
    destroy() {
      map.remove();
    },
  };
}

// The report layer ships in this chunk: the map page needs it as soon as the map exists.
export { createReportLayer } from './reportLayer';
