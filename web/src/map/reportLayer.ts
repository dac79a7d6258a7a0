// Report markers for the public map: grid-clustered (cluster.ts) and drawn on a canvas
// renderer, re-clustered on every zoom/move, so 10,000 reports stay smooth. A single report
// opens a popup linking to its page; a cluster zooms in.
import L from 'leaflet';
import { clusterRadius, gridCluster } from './cluster';

export interface MapPoint {
  lat: number;
  lon: number;
  color: string;
  title: string;
  href: string;
}

const CELL = 56;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function createReportLayer(map: L.Map, opts: { openLabel: string; clusterLabel: (n: number) => string }) {
  const renderer = L.canvas({ padding: 0.2 });
  const group = L.layerGroup().addTo(map);
  let points: MapPoint[] = [];
  let drawn = 0;

  const redraw = () => {
    group.clearLayers();
    const bounds = map.getBounds().pad(0.2);
    const zoom = map.getZoom();
    const visible = points.filter((p) => bounds.contains([p.lat, p.lon]));
    const projected = visible.map((p) => map.project([p.lat, p.lon], zoom));
    const clusters = gridCluster(projected, CELL);
    drawn = clusters.length;
    for (const c of clusters) {
      const at = map.unproject([c.x, c.y], zoom);
      if (c.members.length === 1) {
        const p = visible[c.members[0] as number] as MapPoint;
        L.circleMarker([p.lat, p.lon], {
          renderer,
          radius: 8,
          color: '#ffffff',
          weight: 2,
          fillColor: p.color,
          fillOpacity: 1,
        })
          .bindPopup(`<strong>${escapeHtml(p.title)}</strong><br><a href="${escapeHtml(p.href)}">${escapeHtml(opts.openLabel)}</a>`)
          .addTo(group);
        continue;
      }
      const n = c.members.length;
      const size = clusterRadius(n) * 2;
      L.marker(at, {
        icon: L.divIcon({
          className: 'cluster-icon',
          html: `<span style="width:${size}px;height:${size}px;line-height:${size}px">${n}</span>`,
          iconSize: [size, size],
        }),
        title: opts.clusterLabel(n),
        alt: opts.clusterLabel(n),
        keyboard: true,
      })
        .on('click', () => map.setView(at, Math.min(map.getZoom() + 2, map.getMaxZoom())))
        .addTo(group);
    }
    map.getContainer().dataset['markers'] = String(drawn);
  };
  map.on('moveend', redraw);

  return {
    setPoints(next: MapPoint[], fit: boolean) {
      points = next;
      if (fit && points.length) {
        const b = L.latLngBounds(points.map((p) => [p.lat, p.lon] as L.LatLngTuple));
        map.fitBounds(b, { padding: [16, 16], maxZoom: 16 });
      }
      redraw();
    },
    count: () => drawn,
    destroy() {
      map.off('moveend', redraw);
      group.remove();
    },
  };
}

export type ReportLayer = ReturnType<typeof createReportLayer>;
