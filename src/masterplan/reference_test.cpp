// The reference data matches PRODUCT.md section 2: six dimensions x three elements, three
// readiness aspects x three sub-aspects, unique keys, lookups.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "masterplan/reference.h"

namespace kc::masterplan {
namespace {

TEST(Reference, SixDimensionsWithThreeElementsEach) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"Smart Governance", {"Layanan Publik", "Manajemen Birokrasi", "Kebijakan Publik"}},
      {"Smart Branding", {"Pariwisata", "Ekosistem Bisnis", "Wajah Kota"}},
      {"Smart Economy", {"Industri", "Kesejahteraan Masyarakat", "Transaksi Keuangan"}},
      {"Smart Living", {"Harmonisasi Tata Ruang", "Kesehatan", "Transportasi"}},
      {"Smart Society", {"Komunitas", "Ekosistem Belajar", "Keamanan"}},
      {"Smart Environment", {"Proteksi Lingkungan", "Pengelolaan Sampah dan Limbah", "Energi"}},
  };
  ASSERT_EQ(Dimensions().size(), expected.size());
  std::set<std::string_view> keys;
  for (size_t i = 0; i < expected.size(); ++i) {
    const Dimension& d = Dimensions()[i];
    EXPECT_EQ(d.name, expected[i].first);
    EXPECT_TRUE(keys.insert(d.key).second) << d.key;
    for (size_t e = 0; e < 3; ++e) {
      EXPECT_EQ(d.elements[e].name_id, expected[i].second[e]);
      EXPECT_TRUE(keys.insert(d.elements[e].key).second) << d.elements[e].key;
      EXPECT_TRUE(IsElementOf(d.key, d.elements[e].key));
    }
  }
}

TEST(Reference, ReadinessAspects) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"struktur", {"sdm", "anggaran", "tata_kelola"}},
      {"infrastruktur", {"fisik", "digital", "sosial"}},
      {"suprastruktur", {"regulasi", "kelembagaan", "implementasi"}},
  };
  ASSERT_EQ(ReadinessAspects().size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(ReadinessAspects()[i].aspect.key, expected[i].first);
    for (size_t s = 0; s < 3; ++s) {
      EXPECT_EQ(ReadinessAspects()[i].sub_aspects[s].key, expected[i].second[s]);
      EXPECT_TRUE(IsSubAspectOf(expected[i].first, expected[i].second[s]));
    }
  }
}

TEST(Reference, LookupsRefuseUnknownAndCrossedKeys) {
  EXPECT_NE(FindDimension("living"), nullptr);
  EXPECT_EQ(FindDimension("Smart Living"), nullptr);
  EXPECT_FALSE(IsElementOf("living", "energi"));  // an environment element
  EXPECT_FALSE(IsElementOf("nope", "energi"));
  EXPECT_FALSE(IsSubAspectOf("struktur", "digital"));
  EXPECT_EQ(FindAspect("x"), nullptr);
}

}  // namespace
}  // namespace kc::masterplan
