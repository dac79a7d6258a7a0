// Region rules (time zones, types, slugs) and RegionService::AddRegion against the fixtures.
#include <gtest/gtest.h>

#include "regions/region.h"
#include "regions/test_fixtures.h"

namespace kc::regions {
namespace {

using testing::RegionsTest;

TEST(TimeZones, FollowTheProvince) {
  struct Case {
    const char* province;
    std::optional<TimeZone> tz;
  };
  const Case cases[] = {
      {"11", TimeZone::kWib},  {"21", TimeZone::kWib},  {"31", TimeZone::kWib},
      {"36", TimeZone::kWib},  {"61", TimeZone::kWib},  {"62", TimeZone::kWib},
      {"51", TimeZone::kWita}, {"53", TimeZone::kWita}, {"63", TimeZone::kWita},
      {"65", TimeZone::kWita}, {"71", TimeZone::kWita}, {"76", TimeZone::kWita},
      {"81", TimeZone::kWit},  {"82", TimeZone::kWit},  {"91", TimeZone::kWit},
      {"97", TimeZone::kWit},  {"22", std::nullopt},    {"00", std::nullopt},
      {"7", std::nullopt},     {"x1", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(TimeZoneForProvince(c.province), c.tz) << c.province;
  EXPECT_EQ(UtcOffsetMinutes(TimeZone::kWib), 420);
  EXPECT_EQ(UtcOffsetMinutes(TimeZone::kWita), 480);
  EXPECT_EQ(UtcOffsetMinutes(TimeZone::kWit), 540);
  EXPECT_EQ(ParseTimeZone("wita"), TimeZone::kWita);
  EXPECT_EQ(ParseTimeZone("UTC+8"), std::nullopt);
}

TEST(Slugs, DerivedFromNames) {
  EXPECT_EQ(BaseName("Kota Manado"), "Manado");
  EXPECT_EQ(BaseName("Kabupaten Minahasa Utara"), "Minahasa Utara");
  EXPECT_EQ(BaseName("Kota Administrasi Jakarta Pusat"), "Jakarta Pusat");
  EXPECT_EQ(BaseName("Kotamobagu"), "Kotamobagu");
  EXPECT_EQ(DefaultSlug("Kota Manado", false), "manado");
  EXPECT_EQ(DefaultSlug("Kota Kotamobagu", false), "kotamobagu");
  EXPECT_EQ(DefaultSlug("Kabupaten Minahasa", false), "minahasa");
  EXPECT_EQ(DefaultSlug("Kota Bogor", true), "kota-bogor");
  EXPECT_EQ(DefaultSlug("Kabupaten Bogor", true), "kabupaten-bogor");
  EXPECT_EQ(DefaultSlug("Kota Administrasi Jakarta Pusat", false), "jakarta-pusat");
  EXPECT_EQ(Slugify("Bu Nuapu\u2019u  (Baru)"), "bu-nuapuu-baru");
  EXPECT_EQ(Slugify("Pangkal Pinang"), "pangkal-pinang");
  EXPECT_EQ(RegionTypeFromName("Kota Manado"), RegionType::kKota);
  EXPECT_EQ(RegionTypeFromName("Kabupaten Minahasa"), RegionType::kKabupaten);
  EXPECT_EQ(RegionTypeFromName("Kotamobagu"), std::nullopt);
  for (const char* ok : {"manado", "kota-bogor", "a1", "jakarta-pusat-2"}) EXPECT_TRUE(IsValidSlug(ok)) << ok;
  for (const char* bad : {"", "a", "Manado", "-manado", "manado-", "ma--nado", "71.71", "kota bogor",
                          "mänado"}) {
    EXPECT_FALSE(IsValidSlug(bad)) << bad;
  }
}

TEST_F(RegionsTest, AddRegionDerivesNameTypeZoneAndSlug) {
  RegionService service(*store_);
  auto manado = service.AddRegion({.code = "71.71"});
  ASSERT_TRUE(manado.ok()) << manado.error().message.en;
  EXPECT_EQ(manado->name, "Kota Manado");
  EXPECT_EQ(manado->slug, "manado");
  EXPECT_EQ(manado->type, RegionType::kKota);
  EXPECT_EQ(manado->timezone, TimeZone::kWita);
  EXPECT_FALSE(manado->created_at.empty());
  auto minahasa = service.AddRegion({.code = "7102"});  // undotted form accepted
  ASSERT_TRUE(minahasa.ok());
  EXPECT_EQ(minahasa->slug, "minahasa");
  EXPECT_EQ(minahasa->type, RegionType::kKabupaten);
  EXPECT_EQ(service.AddRegion({.code = "91.71"})->timezone, TimeZone::kWit);
  EXPECT_EQ(service.AddRegion({.code = "32.71"})->slug, "kota-bogor");
  EXPECT_EQ(service.AddRegion({.code = "32.01", .timezone = "wita"})->slug, "kabupaten-bogor");
  EXPECT_EQ(service.FindRegion("kabupaten-bogor")->timezone, TimeZone::kWita);
  auto list = service.ListRegions();
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 5U);
  EXPECT_EQ(service.FindRegion("manado")->code, "71.71");
  EXPECT_EQ(service.FindRegion("71.71")->slug, "manado");
}

TEST_F(RegionsTest, AddRegionErrorsAreClear) {
  RegionService service(*store_);
  ASSERT_TRUE(service.AddRegion({.code = "71.71"}).ok());
  struct Case {
    AddRegionRequest request;
    ErrorCode code;
    std::string slug;
  };
  const Case cases[] = {
      {{.code = "71.99"}, ErrorCode::kNotFound, "unknown_area"},
      {{.code = "71"}, ErrorCode::kInvalidArgument, "not_kabkota"},
      {{.code = "71.71.01"}, ErrorCode::kInvalidArgument, "not_kabkota"},
      {{.code = "manado"}, ErrorCode::kInvalidArgument, "not_kabkota"},
      {{.code = "71.71"}, ErrorCode::kConflict, "region_exists"},
      {{.code = "71.74", .timezone = "UTC+8"}, ErrorCode::kInvalidArgument, "invalid_timezone"},
      {{.code = "71.74", .slug = "Kota Mobagu"}, ErrorCode::kInvalidArgument, "invalid_slug"},
      {{.code = "71.74", .slug = "manado"}, ErrorCode::kConflict, "slug_taken"},
  };
  for (const auto& c : cases) {
    auto r = service.AddRegion(c.request);
    ASSERT_FALSE(r.ok()) << c.request.code;
    EXPECT_EQ(r.error().code, c.code) << c.request.code;
    EXPECT_EQ(r.error().Slug(), c.slug) << c.request.code;
    EXPECT_FALSE(r.error().message.id.empty());
    EXPECT_FALSE(r.error().message.en.empty());
  }
  EXPECT_EQ(service.AddRegion({.code = "71.74", .slug = "kotamobagu-kota"})->slug, "kotamobagu-kota");
}

class EmptyRegionsTest : public RegionsTest {
 protected:
  void SetUp() override { Open(false); }
};

TEST_F(EmptyRegionsTest, AddRegionAsksForTheHierarchyFirst) {
  auto r = RegionService(*store_).AddRegion({.code = "71.71"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().Slug(), "areas_not_imported");
  EXPECT_NE(r.error().message.id.find("kotacerdas areas import"), std::string::npos);
}

TEST_F(RegionsTest, ProfileAndAreaTree) {
  RegionService service(*store_);
  ASSERT_TRUE(service.AddRegion({.code = "71.71"}).ok());
  auto p = service.Profile("manado");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->province.name, "Sulawesi Utara");
  EXPECT_EQ(p->kecamatan, 2);
  EXPECT_EQ(p->kelurahan, 3);
  EXPECT_FALSE(p->kecamatan_boundaries);
  auto tree = service.AreaTree(p->region);
  ASSERT_TRUE(tree.ok());
  ASSERT_EQ(tree->size(), 2U);
  EXPECT_EQ((*tree)[0].kecamatan.name, "Bunaken");
  ASSERT_EQ((*tree)[0].kelurahan.size(), 2U);
  EXPECT_EQ((*tree)[0].kelurahan[1].code, "71.71.01.1002");
  EXPECT_EQ(service.Profile("nowhere").error().Slug(), "region_not_found");
}

}  // namespace
}  // namespace kc::regions
