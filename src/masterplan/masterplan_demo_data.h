// The content of the Manado demo masterplan (masterplan_demo.cpp): a plan in Bimtek stage III,
// written as a Diskominfo team would write it. Only demo data; nothing here is a rule.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace kc::masterplan::demo {

struct DimensionText {
  std::string_view key;
  std::string_view area;  // what the dimension is about, for the justifications
  std::array<int, 9>
      readiness;  // struktur (sdm, anggaran, tata_kelola), infrastruktur, suprastruktur
  std::array<std::string_view, 4> swot;  // strength, weakness, opportunity, threat
  std::array<int, 3> maturity;           // per element, reference order
  std::array<std::string_view, 3> evidence;
  std::string_view vision, mission, focus, goals, targets, problems, strategies;
};

// Justification per sub-aspect; "{}" is replaced by the dimension's area.
inline constexpr std::array<std::string_view, 9> kJustifications = {
    "Jumlah ASN yang menguasai TI untuk {} masih terbatas; pelatihan belum merata antar-OPD.",
    "Belanja untuk {} tersedia di APBD, tetapi porsi untuk inovasi digital masih kecil.",
    "SOP dan koordinasi lintas OPD untuk {} sudah ada, belum terdokumentasi lengkap.",
    "Sarana fisik {} memadai di pusat kota, belum merata di kecamatan pesisir dan Bunaken.",
    "Jaringan fiber Pemkot menjangkau kantor OPD; akses internet di kelurahan pinggiran lemah.",
    "Partisipasi warga, KIM dan komunitas dalam {} tinggi; semangat mapalus jadi modal.",
    "Perwali terkait {} sebagian sudah ada; perlu diselaraskan dengan SPBE.",
    "Penanggung jawab {} jelas di tingkat OPD; forum lintas sektor belum rutin bertemu.",
    "Sebagian program {} berjalan; pemantauan capaian belum berbasis data.",
};

inline constexpr std::array<DimensionText, 6> kDimensions = {{
    {"governance",
     "layanan publik dan birokrasi",
     {4, 3, 4, 4, 4, 3, 4, 4, 3},
     {"Aplikasi layanan perizinan dan pengaduan sudah dipakai sebagian besar OPD.",
      "Data antar-OPD belum terintegrasi; banyak aplikasi berdiri sendiri.",
      "Program SPBE nasional dan Satu Data Indonesia membuka dukungan teknis.",
      "Pergantian pimpinan OPD dapat menghentikan inovasi yang belum dilembagakan."},
     {3, 3, 2},
     {"Mal Pelayanan Publik beroperasi sejak 2022; indeks SPBE 2,9.",
      "E-kinerja dan e-office dipakai di seluruh OPD.",
      "Perwali SPBE ada, belum ada kebijakan data terbuka."},
     "Pemerintahan Kota Manado yang melayani cepat, terbuka dan berbasis data.",
     "Mengintegrasikan layanan publik dalam satu pintu digital dan membuka data pemerintah.",
     "Integrasi layanan dan Satu Data Manado.",
     "Layanan publik dapat diakses daring dari satu portal; keputusan berbasis data.",
     "80% layanan perizinan daring pada 2027; portal Satu Data dengan 200 dataset pada 2028.",
     "Aplikasi OPD terpisah-pisah; data ganda dan tidak mutakhir.",
     "Membangun portal layanan terpadu, interoperabilitas data dan dasbor pimpinan."},
    {"branding",
     "pariwisata dan citra kota",
     {3, 3, 3, 4, 3, 4, 3, 3, 3},
     {"Taman Nasional Bunaken dan kuliner Manado dikenal luas.",
      "Informasi wisata tersebar, belum ada kalender acara yang terpadu.",
      "Status Likupang sebagai destinasi super prioritas menarik wisatawan ke Sulawesi Utara.",
      "Persaingan destinasi bahari di kawasan timur Indonesia semakin ketat."},
     {3, 2, 3},
     {"Festival tahunan terselenggara, promosi digital oleh Dinas Pariwisata.",
      "UMKM kuliner belum terhubung dengan platform promosi kota.",
      "Kawasan pesisir Boulevard ditata, tetapi papan informasi kota minim."},
     "Manado kota tujuan wisata bahari dan kuliner yang ramah dan mudah dijelajahi.",
     "Mempromosikan destinasi dan acara kota secara digital bersama pelaku usaha.",
     "Promosi digital destinasi dan ekosistem usaha wisata.",
     "Kunjungan wisatawan naik dan lama tinggal bertambah.",
     "Kunjungan wisatawan naik 10% per tahun; 500 UMKM wisata terdaftar di portal pada 2027.",
     "Informasi wisata dan acara tidak terpusat; citra kebersihan kota belum konsisten.",
     "Portal dan kalender wisata kota, penataan wajah kota pesisir, kemitraan dengan pelaku "
     "usaha."},
    {"economy",
     "ekonomi dan UMKM",
     {3, 3, 3, 3, 3, 3, 3, 3, 2},
     {"Pasar tradisional besar (Bersehati) dan sektor jasa yang tumbuh.",
      "Transaksi retribusi dan pajak daerah masih banyak tunai.",
      "QRIS dan kanal pembayaran digital perbankan semakin luas dipakai warga.",
      "Kenaikan harga bahan pokok menekan daya beli warga berpenghasilan rendah."},
     {2, 3, 2},
     {"Data UMKM terpencar di beberapa OPD.", "Program bantuan sosial terdata di DTKS.",
      "Pembayaran PBB dapat melalui bank, retribusi pasar masih tunai."},
     "Ekonomi kota yang inklusif, digital dan berdaya saing.",
     "Mendorong transaksi non-tunai dan memperluas akses pasar digital bagi UMKM.",
     "Elektronifikasi transaksi daerah dan UMKM digital.",
     "Pendapatan daerah tercatat transparan; UMKM naik kelas.",
     "Retribusi pasar 100% non-tunai pada 2027; 3.000 UMKM onboarding digital pada 2028.",
     "Kebocoran retribusi tunai; UMKM sulit mengakses pasar daring.",
     "Elektronifikasi retribusi, pasar digital UMKM, data ekonomi terpadu."},
    {"living",
     "kesehatan, tata ruang dan transportasi",
     {3, 3, 3, 3, 3, 4, 3, 3, 3},
     {"Puskesmas tersebar di seluruh kecamatan; rumah sakit rujukan provinsi di kota.",
      "Kemacetan di pusat kota dan banjir musiman di kawasan rendah.",
      "Dukungan nasional untuk transportasi publik perkotaan dan SATUSEHAT.",
      "Curah hujan ekstrem meningkatkan risiko banjir dan longsor."},
     {2, 3, 2},
     {"RDTR tersedia untuk sebagian kawasan, belum daring.",
      "Antrean daring di RSUD dan beberapa puskesmas.",
      "Angkutan kota (mikrolet) belum terpantau sistem."},
     "Kota yang sehat, tertata dan mudah bergerak bagi semua warga.",
     "Meningkatkan layanan kesehatan digital, informasi tata ruang dan mobilitas kota.",
     "Layanan kesehatan terhubung dan manajemen lalu lintas.",
     "Waktu tunggu layanan kesehatan turun; perjalanan di pusat kota lebih lancar.",
     "Antrean daring di 16 puskesmas pada 2026; 20 simpang terpantau ATCS pada 2028.",
     "Antrean layanan kesehatan panjang; simpang padat tanpa pengaturan adaptif.",
     "Antrean dan rekam medis elektronik, ATCS, informasi RDTR daring."},
    {"society",
     "komunitas, pendidikan dan keamanan warga",
     {3, 2, 3, 3, 3, 4, 3, 3, 3},
     {"Agen Smart City dan KIM aktif di kecamatan sejak program Manado Cerdas.",
      "Literasi digital warga lanjut usia dan pesisir masih rendah.",
      "Program literasi digital nasional dan relawan TIK dapat dimanfaatkan.",
      "Hoaks dan penipuan daring yang menyasar warga."},
     {3, 2, 3},
     {"55 Agen Smart City di 11 kecamatan; KIM di kelurahan.",
      "Sekolah memakai platform belajar nasional, belum merata.",
      "Layanan darurat 112 belum terintegrasi."},
     "Warga Manado yang cakap digital, peduli dan aman.",
     "Memperkuat komunitas, literasi digital dan rasa aman warga.",
     "Literasi digital dan layanan kedaruratan terpadu.",
     "Warga memakai layanan digital kota dengan aman.",
     "10.000 warga mengikuti literasi digital pada 2027; layanan 112 beroperasi pada 2026.",
     "Kesenjangan kecakapan digital; laporan darurat tersebar ke banyak nomor.",
     "Pelatihan melalui Agen Smart City dan KIM, call center 112 terpadu, CCTV publik."},
    {"environment",
     "lingkungan, sampah dan energi",
     {3, 2, 3, 3, 3, 3, 3, 3, 2},
     {"Bank sampah dan komunitas peduli pesisir tumbuh di beberapa kelurahan.",
      "Pengangkutan sampah belum terjadwal dan terpantau; TPA Sumompo hampir penuh.",
      "Skema KPBU dan CSR untuk pengelolaan sampah dan energi terbarukan.",
      "Sampah laut dan banjir rob mengancam kawasan pesisir."},
     {2, 2, 2},
     {"Pemantauan kualitas air dan udara manual.", "Rute truk sampah tidak terpantau GPS.",
      "Penerangan jalan umum belum hemat energi."},
     "Kota pesisir yang bersih, hijau dan hemat energi.",
     "Mengelola sampah dari sumbernya dan memantau lingkungan secara daring.",
     "Pengelolaan sampah terpantau dan energi hemat.",
     "Timbulan sampah ke TPA berkurang; lingkungan pesisir terjaga.",
     "Sampah ke TPA turun 20% pada 2029; 5.000 titik PJU LED cerdas pada 2030.",
     "Sampah menumpuk di TPS; biaya listrik PJU tinggi.",
     "Pemantauan armada sampah, bank sampah digital, PJU cerdas, sensor lingkungan."},
}};

struct DemoProgram {
  std::string_view dimension, element, name, description, owner;  // owner: OPD short name
  std::string_view supporting;                                    // one supporting OPD or ""
  std::string_view horizon;
  int start_year, end_year;
  int64_t budget_per_year;  // APBD, each year of the program
  std::string_view kpi_name, kpi_unit;
  double kpi_baseline, kpi_target;  // target in the last year
  int progress;                     // percent reported for the demo period; -1: no report
};

inline constexpr std::array<DemoProgram, 12> kPrograms = {{
    {"governance", "layanan_publik", "Portal Layanan Terpadu Manado",
     "Satu portal dan aplikasi untuk perizinan, administrasi kependudukan dan pengaduan.",
     "Diskominfo", "Disdukcapil", "menengah", 2026, 2028, 1'200'000'000, "Layanan daring di portal",
     "layanan", 12, 80, 35},
    {"governance", "kebijakan_publik", "Satu Data Manado",
     "Portal data terbuka dan walidata di setiap OPD sesuai Perpres Satu Data Indonesia.",
     "Diskominfo", "Bappeda", "menengah", 2026, 2029, 650'000'000, "Dataset terbuka", "dataset", 20,
     200, 20},
    {"branding", "pariwisata", "Kalender dan Portal Wisata Manado",
     "Informasi destinasi, acara dan paket wisata Bunaken dalam satu kanal bersama pelaku usaha.",
     "Dispar", "Diskominfo", "pendek", 2026, 2026, 450'000'000, "Pengunjung portal per bulan",
     "kunjungan", 0, 20000, 60},
    {"branding", "wajah_kota", "Penataan Kawasan Boulevard",
     "Penataan pedestrian, papan informasi digital dan titik wifi publik di kawasan pesisir.",
     "Dinas PUPR", "Dispar", "menengah", 2026, 2028, 3'500'000'000, "Panjang pedestrian tertata",
     "meter", 400, 2500, -1},
    {"economy", "transaksi_keuangan", "Elektronifikasi Retribusi Pasar",
     "Pembayaran retribusi pasar dengan QRIS dan kartu, terhubung ke kas daerah.", "Disdag",
     "Bapenda", "pendek", 2026, 2026, 380'000'000, "Retribusi non-tunai", "%", 5, 100, 45},
    {"economy", "kesejahteraan_masyarakat", "UMKM Go Digital",
     "Pendampingan UMKM masuk lokapasar dan katalog produk lokal kota.", "Disdag", "Dispar",
     "menengah", 2026, 2028, 500'000'000, "UMKM terdaftar di katalog", "UMKM", 150, 3000, -1},
    {"living", "kesehatan", "Antrean dan Rekam Medis Elektronik Puskesmas",
     "Antrean daring dan rekam medis elektronik terhubung SATUSEHAT di seluruh puskesmas.",
     "Dinkes", "Diskominfo", "menengah", 2026, 2027, 900'000'000, "Puskesmas dengan antrean daring",
     "puskesmas", 3, 16, 40},
    {"living", "transportasi", "Area Traffic Control System (ATCS)",
     "Pengaturan lampu lalu lintas adaptif dan CCTV di simpang padat pusat kota.", "Dishub",
     "Dinas PUPR", "menengah", 2026, 2028, 2'800'000'000, "Simpang terpantau ATCS", "simpang", 4,
     20, -1},
    {"society", "komunitas", "Literasi Digital Bersama Agen Smart City",
     "Pelatihan keamanan digital dan layanan kota oleh Agen Smart City dan KIM di 11 kecamatan.",
     "Diskominfo", "Disdik", "pendek", 2026, 2026, 300'000'000, "Warga terlatih", "orang", 800,
     10000, 55},
    {"society", "keamanan", "Layanan Darurat 112 Terpadu",
     "Call center 112 yang meneruskan laporan ke Damkar, BPBD, ambulans dan kepolisian.", "BPBD",
     "Diskominfo", "menengah", 2026, 2027, 750'000'000, "Rata-rata waktu tanggap", "menit", 25, 10,
     -1},
    {"environment", "pengelolaan_sampah_limbah", "Pemantauan Armada dan Bank Sampah Digital",
     "GPS pada truk sampah, jadwal angkut terbuka dan pencatatan bank sampah daring.", "DLH",
     "Diskominfo", "menengah", 2026, 2029, 850'000'000, "Sampah terkelola di bank sampah",
     "ton/tahun", 120, 1500, 30},
    {"environment", "energi", "PJU Cerdas Hemat Energi",
     "Penggantian lampu jalan ke LED dengan kendali jarak jauh secara bertahap.", "Disperkim",
     "Dinas PUPR", "panjang", 2026, 2030, 2'000'000'000, "Titik PJU LED cerdas", "titik", 0, 5000,
     -1},
}};

struct DemoQuickWin {
  std::string_view dimension, name, description, reason, owner;
  int64_t budget;
};

inline constexpr std::array<DemoQuickWin, 6> kQuickWins = {{
    {"governance", "Pengaduan warga satu pintu",
     "Semua kanal pengaduan diteruskan ke satu aplikasi dengan nomor lacak.",
     "Langsung dirasakan warga dan memanfaatkan aplikasi yang sudah ada.", "Diskominfo",
     150'000'000},
    {"branding", "Kalender acara kota daring",
     "Jadwal festival dan acara kota diumumkan di satu halaman dan media sosial.",
     "Biaya kecil, menaikkan kunjungan pada musim festival.", "Dispar", 60'000'000},
    {"economy", "QRIS retribusi di Pasar Bersehati",
     "Uji coba retribusi non-tunai di pasar terbesar sebelum diperluas.",
     "Hasil terlihat dalam enam bulan dan mengurangi kebocoran.", "Disdag", 90'000'000},
    {"living", "Antrean daring di lima puskesmas",
     "Pendaftaran dari rumah melalui aplikasi dan WhatsApp di lima puskesmas tersibuk.",
     "Mempertajam layanan yang ada tanpa infrastruktur baru.", "Dinkes", 120'000'000},
    {"society", "Kelas literasi digital di kelurahan",
     "Agen Smart City membuka kelas mingguan di kantor kelurahan.",
     "Memanfaatkan 55 agen yang sudah terlatih.", "Diskominfo", 75'000'000},
    {"environment", "Jadwal angkut sampah terbuka",
     "Jadwal dan posisi truk sampah dibagikan ke warga per kelurahan.",
     "Mengurangi sampah menumpuk di TPS dengan biaya kecil.", "DLH", 80'000'000},
}};

}  // namespace kc::masterplan::demo
