#include "masterplan/reference.h"

namespace kc::masterplan {

const std::array<Dimension, kDimensionCount>& Dimensions() {
  static constexpr std::array<Dimension, kDimensionCount> kDimensions = {{
      {"governance", "Smart Governance",
       {{{"layanan_publik", "Layanan Publik", "Public Service"},
         {"manajemen_birokrasi", "Manajemen Birokrasi", "Bureaucracy Management"},
         {"kebijakan_publik", "Kebijakan Publik", "Public Policy"}}}},
      {"branding", "Smart Branding",
       {{{"pariwisata", "Pariwisata", "Tourism Branding"},
         {"ekosistem_bisnis", "Ekosistem Bisnis", "Business Branding"},
         {"wajah_kota", "Wajah Kota", "City Appearance Branding"}}}},
      {"economy", "Smart Economy",
       {{{"industri", "Industri", "Industry"},
         {"kesejahteraan_masyarakat", "Kesejahteraan Masyarakat", "Welfare"},
         {"transaksi_keuangan", "Transaksi Keuangan", "Transaction"}}}},
      {"living", "Smart Living",
       {{{"harmonisasi_tata_ruang", "Harmonisasi Tata Ruang", "Harmony"},
         {"kesehatan", "Kesehatan", "Health"},
         {"transportasi", "Transportasi", "Mobility"}}}},
      {"society", "Smart Society",
       {{{"komunitas", "Komunitas", "Community"},
         {"ekosistem_belajar", "Ekosistem Belajar", "Learning Ecosystem"},
         {"keamanan", "Keamanan", "Security"}}}},
      {"environment", "Smart Environment",
       {{{"proteksi_lingkungan", "Proteksi Lingkungan", "Environmental Protection"},
         {"pengelolaan_sampah_limbah", "Pengelolaan Sampah dan Limbah", "Waste Management"},
         {"energi", "Energi", "Energy"}}}},
  }};
  return kDimensions;
}

const std::array<ReadinessAspect, kAspectCount>& ReadinessAspects() {
  static constexpr std::array<ReadinessAspect, kAspectCount> kAspects = {{
      {{"struktur", "Struktur", "Structure"},
       {{{"sdm", "Sumber Daya Manusia", "People"},
         {"anggaran", "Anggaran", "Budget"},
         {"tata_kelola", "Tata Kelola", "Governance"}}}},
      {{"infrastruktur", "Infrastruktur", "Infrastructure"},
       {{{"fisik", "Infrastruktur Fisik", "Physical"},
         {"digital", "Infrastruktur Digital", "Digital"},
         {"sosial", "Infrastruktur Sosial", "Social"}}}},
      {{"suprastruktur", "Suprastruktur", "Superstructure"},
       {{{"regulasi", "Regulasi", "Regulation"},
         {"kelembagaan", "Kelembagaan", "Institutions"},
         {"implementasi", "Implementasi Kebijakan", "Policy Execution"}}}},
  }};
  return kAspects;
}

const Dimension* FindDimension(std::string_view key) {
  for (const Dimension& d : Dimensions()) {
    if (d.key == key) return &d;
  }
  return nullptr;
}

bool IsElementOf(std::string_view dimension, std::string_view element) {
  const Dimension* d = FindDimension(dimension);
  if (d == nullptr) return false;
  for (const Named& e : d->elements) {
    if (e.key == element) return true;
  }
  return false;
}

const ReadinessAspect* FindAspect(std::string_view key) {
  for (const ReadinessAspect& a : ReadinessAspects()) {
    if (a.aspect.key == key) return &a;
  }
  return nullptr;
}

bool IsSubAspectOf(std::string_view aspect, std::string_view sub_aspect) {
  const ReadinessAspect* a = FindAspect(aspect);
  if (a == nullptr) return false;
  for (const Named& s : a->sub_aspects) {
    if (s.key == sub_aspect) return true;
  }
  return false;
}

std::string_view DimensionKeysText() {
  return "governance, branding, economy, living, society, environment";
}

}  // namespace kc::masterplan
