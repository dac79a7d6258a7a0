// The report form's location picker: a draggable pin on the region map (Leaflet, lazily loaded
// with leafletMap). Tapping the map moves the pin too; the keyboard can move it with the arrow
// keys once it has focus (Leaflet's marker keyboard support).
import L from 'leaflet';
import { createMap, type MapHandle, type MapOptions } from './leafletMap';

export interface PickerHandle extends MapHandle {
  setPin(lat: number, lon: number, zoom?: boolean): void;
}

const PIN = L.divIcon({
  className: 'pin-icon',
  html: '<svg viewBox="0 0 32 44" width="32" height="44" aria-hidden="true"><path d="M16 0C7 0 0 7 0 16c0 12 16 28 16 28s16-16 16-28C32 7 25 0 16 0z" fill="#b3261e"/><circle cx="16" cy="16" r="6" fill="#fff"/></svg>',
  iconSize: [32, 44],
  iconAnchor: [16, 44],
});

export function createPicker(
  el: HTMLElement,
  opts: MapOptions & { pinLabel: string; onMove: (lat: number, lon: number) => void },
): PickerHandle {
  const base = createMap(el, opts);
  const map = base.map;
  let marker: L.Marker | null = null;
  const place = (lat: number, lon: number) => {
    if (!marker) {
      marker = L.marker([lat, lon], { draggable: true, icon: PIN, title: opts.pinLabel, alt: opts.pinLabel, keyboard: true });
      marker.on('dragend', () => {
        const p = marker!.getLatLng();
        opts.onMove(p.lat, p.lng);
      });
      marker.addTo(map);
    } else {
      marker.setLatLng([lat, lon]);
    }
  };
  map.on('click', (e: L.LeafletMouseEvent) => {
    place(e.latlng.lat, e.latlng.lng);
    opts.onMove(e.latlng.lat, e.latlng.lng);
  });
  return {
    ...base,
    setPin(lat, lon, zoom = false) {
      place(lat, lon);
      if (zoom) map.setView([lat, lon], Math.max(map.getZoom(), 17));
    },
  };
}
