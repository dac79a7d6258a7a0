// Messages in Bahasa Indonesia (default) and English. Pure data and a translate function,
// so unit tests can check that both languages have every key.

import { enApp, idApp } from './i18n-app';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

const id = {
  'app.name': 'kotacerdas',
  'app.tagline': 'Portal kota cerdas',
  'skip.toMain': 'Langsung ke konten utama',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',
  'nav.main': 'Navigasi utama',
  'nav.home': 'Beranda',
  'nav.about': 'Tentang',
  'nav.region': 'Navigasi wilayah',
  'nav.regionHome': 'Ringkasan',
  'nav.map': 'Peta',
  'nav.breadcrumb': 'Lokasi halaman',
  'common.loading': 'Memuat…',
  'common.retry': 'Coba lagi',
  'common.backToRegions': 'Kembali ke daftar wilayah',
  'common.comingSoon': 'Segera hadir',
  'error.network': 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.',
  'error.unavailable': 'Fitur ini belum tersedia di server ini.',
  'error.generic': 'Terjadi kesalahan.',
  'error.details': 'Rincian',
  'landing.title': 'Kota cerdas di seluruh Indonesia',
  'landing.intro':
    'Pilih daerah Anda untuk melihat laporan warga, peta wilayah, dan pengumuman dari pemerintah daerah.',
  'landing.regions': 'Daftar wilayah',
  'landing.count': '{n} wilayah',
  'landing.empty': 'Belum ada wilayah yang terdaftar.',
  'region.type.kota': 'Kota',
  'region.type.kabupaten': 'Kabupaten',
  'region.tz': 'Zona waktu {tz}',
  'region.localTime': 'Waktu setempat',
  'region.province': 'Provinsi',
  'region.code': 'Kode wilayah',
  'region.summary': 'Ringkasan wilayah',
  'region.kecamatan': 'Kecamatan',
  'region.kelurahan': 'Kelurahan/desa',
  'region.reportsOpen': 'Laporan terbuka',
  'region.reportsDone': 'Laporan selesai',
  'region.reports': 'Laporan warga',
  'region.reportsSoon': 'Laporan warga untuk wilayah ini akan tampil di sini.',
  'region.announcements': 'Pengumuman',
  'region.announcementsSoon': 'Belum ada pengumuman.',
  'region.openMap': 'Lihat peta wilayah',
  'region.noBoundaries': 'Batas wilayah belum diimpor; peta hanya menampilkan latar.',
  'region.notFoundTitle': 'Wilayah tidak ditemukan',
  'region.notFoundHint': 'Periksa alamatnya, atau pilih wilayah dari daftar.',
  'map.title': 'Peta {name}',
  'map.label': 'Peta batas kecamatan {name}',
  'map.boundariesLoading': 'Memuat batas wilayah…',
  'map.boundariesError': 'Batas wilayah tidak dapat dimuat.',
  'map.tilesUnavailable': 'Latar peta tidak dapat dimuat; batas wilayah tetap ditampilkan.',
  'map.kecamatanList': 'Kecamatan di peta',
  'map.showOnMap': 'Tampilkan {name} di peta',
  'map.noFeatures': 'Belum ada batas kecamatan untuk wilayah ini.',
  'map.loadError': 'Peta tidak dapat dimuat.',
  'about.title': 'Tentang kotacerdas',
  'about.intro':
    'kotacerdas adalah platform bagi pemerintah kota dan kabupaten untuk menyusun dan menjalankan Masterplan Smart City, menerima dan menindaklanjuti laporan warga, serta menggerakkan Agen Smart City dan Kelompok Informasi Masyarakat (KIM).',
  'about.credits': 'Sumber data dan lisensi',
  'about.areas':
    'Kode dan nama wilayah administrasi (Kepmendagri): paket idn-area-data, dengan lisensi Open Database License (ODbL) 1.0.',
  'about.boundaries': 'Batas wilayah: wilayah_boundaries oleh Cahya DSN, dengan lisensi MIT.',
  'about.osm': 'Data peta © kontributor OpenStreetMap, dengan lisensi ODbL.',
  'about.software': 'Perangkat lunak',
  'about.softwareList': 'Leaflet (BSD-2-Clause), Preact (MIT).',
  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.body': 'Alamat yang Anda buka tidak ada.',
  'footer.credits': 'Data wilayah: idn-area-data (ODbL 1.0) · Batas: Cahya DSN (MIT) · Peta: © OpenStreetMap',
  ...idApp,
};

export type MessageKey = keyof typeof id;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.name': 'kotacerdas',
  'app.tagline': 'Smart city portal',
  'skip.toMain': 'Skip to main content',
  'lang.switch': 'Bahasa Indonesia',
  'lang.switchLabel': 'Ganti ke Bahasa Indonesia',
  'nav.main': 'Main navigation',
  'nav.home': 'Home',
  'nav.about': 'About',
  'nav.region': 'Region navigation',
  'nav.regionHome': 'Overview',
  'nav.map': 'Map',
  'nav.breadcrumb': 'Breadcrumb',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.backToRegions': 'Back to the list of regions',
  'common.comingSoon': 'Coming soon',
  'error.network': 'Cannot reach the server. Check your connection and try again.',
  'error.unavailable': 'This feature is not available on this server yet.',
  'error.generic': 'Something went wrong.',
  'error.details': 'Details',
  'landing.title': 'Smart cities across Indonesia',
  'landing.intro':
    'Choose your region to see citizen reports, the area map and announcements from the local government.',
  'landing.regions': 'Regions',
  'landing.count': '{n} regions',
  'landing.empty': 'No regions have been registered yet.',
  'region.type.kota': 'City',
  'region.type.kabupaten': 'Regency',
  'region.tz': 'Time zone {tz}',
  'region.localTime': 'Local time',
  'region.province': 'Province',
  'region.code': 'Region code',
  'region.summary': 'Region summary',
  'region.kecamatan': 'Districts (kecamatan)',
  'region.kelurahan': 'Villages (kelurahan/desa)',
  'region.reportsOpen': 'Open reports',
  'region.reportsDone': 'Resolved reports',
  'region.reports': 'Citizen reports',
  'region.reportsSoon': 'Citizen reports for this region will appear here.',
  'region.announcements': 'Announcements',
  'region.announcementsSoon': 'No announcements yet.',
  'region.openMap': 'View the region map',
  'region.noBoundaries': 'Boundaries have not been imported yet; the map shows the background only.',
  'region.notFoundTitle': 'Region not found',
  'region.notFoundHint': 'Check the address, or pick a region from the list.',
  'map.title': 'Map of {name}',
  'map.label': 'District boundaries map of {name}',
  'map.boundariesLoading': 'Loading boundaries…',
  'map.boundariesError': 'The boundaries could not be loaded.',
  'map.tilesUnavailable': 'The map background could not be loaded; boundaries are still shown.',
  'map.kecamatanList': 'Districts on the map',
  'map.showOnMap': 'Show {name} on the map',
  'map.noFeatures': 'No district boundaries for this region yet.',
  'map.loadError': 'The map could not be loaded.',
  'about.title': 'About kotacerdas',
  'about.intro':
    'kotacerdas is the platform city and regency governments use to build and run their Smart City Masterplan, take and resolve citizen reports, and run their Smart City Agents and community information groups (KIM).',
  'about.credits': 'Data sources and licences',
  'about.areas':
    'Administrative codes and names (Kepmendagri): the idn-area-data package, under the Open Database License (ODbL) 1.0.',
  'about.boundaries': 'Boundaries: wilayah_boundaries by Cahya DSN, under the MIT licence.',
  'about.osm': 'Map data © OpenStreetMap contributors, under the ODbL.',
  'about.software': 'Software',
  'about.softwareList': 'Leaflet (BSD-2-Clause), Preact (MIT).',
  'notFound.title': 'Page not found',
  'notFound.body': 'The address you opened does not exist.',
  'footer.credits': 'Area data: idn-area-data (ODbL 1.0) · Boundaries: Cahya DSN (MIT) · Map: © OpenStreetMap',
  ...enApp,
};

export const MESSAGES: Record<Lang, Messages> = { id, en };

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = MESSAGES[lang][key] ?? MESSAGES.id[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' ? 'en' : 'id';
}
