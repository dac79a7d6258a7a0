// Point lookups over small square polygons: inside, implied levels, coastal tolerance,
// outside_region, bad input, and concurrent lookups during reloads.
#include <gtest/gtest.h>

#include <thread>

#include "regions/area_lookup.h"
#include "regions/boundary_import.h"
#include "regions/test_fixtures.h"

namespace kc::regions {
namespace {

using testing::RegionsTest;

// 0.0018 deg of longitude at lat 1.45 is about 200 m.
constexpr double kLat = 1.45;

class LookupTest : public RegionsTest {
 protected:
  void Import(AreaLevel level, const std::string& text) {
    auto file = WriteGeoJson(std::string(LevelName(level)) + ".geojson", text);
    auto r = ImportBoundaryFile(*store_, file.string(), level);
    ASSERT_TRUE(r.ok()) << r.error().message.en;
  }
  void SetUp() override {
    RegionsTest::SetUp();
    ASSERT_TRUE(RegionService(*store_).AddRegion({.code = "71.71"}).ok());
  }
  AreaLookup& Lookup(double tolerance_m = 500) {
    lookup_ = std::make_unique<AreaLookup>(*store_, LookupConfig{.coastal_tolerance_m = tolerance_m});
    EXPECT_TRUE(lookup_->Reload().ok());
    return *lookup_;
  }
  std::unique_ptr<AreaLookup> lookup_;
};

TEST_F(LookupTest, KelurahanImpliesKecamatanAndKabKota) {
  Import(AreaLevel::kKelurahan, testing::ManadoKelurahan());
  auto& lookup = Lookup();
  for (const std::string region : {"", "71.71"}) {
    auto m = lookup.Locate(region, 1.47, 124.82);
    ASSERT_TRUE(m.ok()) << m.error().message.en;
    EXPECT_EQ(m->match, MatchKind::kInside);
    EXPECT_EQ(m->distance_m, 0);
    ASSERT_TRUE(m->kelurahan && m->kecamatan && m->kabkota);
    EXPECT_EQ(m->kelurahan->code, "71.71.01.1002");
    EXPECT_EQ(m->kelurahan->name, "Meras, Atas");  // the hierarchy's name
    EXPECT_EQ(m->kecamatan->code, "71.71.01");
    EXPECT_EQ(m->kecamatan->name, "Bunaken");
    EXPECT_EQ(m->kabkota->code, "71.71");
    EXPECT_EQ(m->kabkota->name, "Kota Manado");
  }
}

TEST_F(LookupTest, KecamatanOnlyLeavesKelurahanEmpty) {
  Import(AreaLevel::kKecamatan, testing::ManadoKecamatan());
  auto m = Lookup().Locate("71.71", kLat, 124.87);
  ASSERT_TRUE(m.ok());
  EXPECT_FALSE(m->kelurahan);
  EXPECT_EQ(m->kecamatan->code, "71.71.02");
  EXPECT_EQ(m->kabkota->code, "71.71");
}

TEST_F(LookupTest, CoastalPointsMapToTheNearestAreaWithinTolerance) {
  Import(AreaLevel::kKecamatan, testing::ManadoKecamatan());
  Import(AreaLevel::kKelurahan, testing::ManadoKelurahan());
  auto& lookup = Lookup(500);
  auto near = lookup.Locate("71.71", kLat, 124.9018);  // ~200 m east of Tuminting
  ASSERT_TRUE(near.ok()) << near.error().message.en;
  EXPECT_EQ(near->match, MatchKind::kNearest);
  EXPECT_NEAR(near->distance_m, 200, 5);
  EXPECT_EQ(near->kelurahan->code, "71.71.02.1001");
  EXPECT_EQ(near->kecamatan->code, "71.71.02");
  auto far = lookup.Locate("71.71", kLat, 124.92);  // ~2.2 km out in the bay
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.error().Slug(), "outside_region");
  EXPECT_EQ(far.error().code, ErrorCode::kInvalidArgument);
  auto anywhere = lookup.Locate("", kLat, 124.92);
  ASSERT_TRUE(anywhere.ok());
  EXPECT_EQ(anywhere->match, MatchKind::kNone);
  EXPECT_FALSE(anywhere->kabkota);
  auto strict = Lookup(0).Locate("71.71", kLat, 124.9018);
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.error().Slug(), "outside_region");
}

TEST_F(LookupTest, DetailedKelurahanLayerWinsOverCoarseKecamatan) {
  Import(AreaLevel::kKecamatan, testing::ManadoKecamatan());
  // Kelurahan polygons that leave a strip along the kecamatan's western edge uncovered.
  Import(AreaLevel::kKelurahan,
         testing::Collection({testing::Square("71.71.01.1001", "Molas", 124.81, 1.40, 124.85, 1.45)}));
  auto& lookup = Lookup(500);
  auto near = lookup.Locate("71.71", 1.42, 124.8082);  // ~200 m west of Molas, inside Bunaken
  ASSERT_TRUE(near.ok());
  EXPECT_EQ(near->match, MatchKind::kNearest);
  EXPECT_EQ(near->kelurahan->code, "71.71.01.1001");
  auto coarse = lookup.Locate("71.71", 1.42, 124.801);  // ~1 km from Molas: the kecamatan answers
  ASSERT_TRUE(coarse.ok());
  EXPECT_EQ(coarse->match, MatchKind::kInside);
  EXPECT_FALSE(coarse->kelurahan);
  EXPECT_EQ(coarse->kecamatan->code, "71.71.01");
}

TEST_F(LookupTest, RegionWithoutBoundariesAnswersTheRegionOnly) {
  Import(AreaLevel::kKecamatan, testing::ManadoKecamatan());
  auto m = Lookup().Locate("71.74", 0.73, 124.32);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->match, MatchKind::kNone);
  EXPECT_FALSE(m->kecamatan);
  ASSERT_TRUE(m->kabkota);
  EXPECT_EQ(m->kabkota->name, "Kota Kotamobagu");
  // A point in Manado is not in Kotamobagu either way.
  EXPECT_EQ(lookup_->Locate("71.71", kLat, 124.87)->kecamatan->code, "71.71.02");
}

TEST_F(LookupTest, BadCoordinatesNameTheFields) {
  auto& lookup = Lookup();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  struct Case {
    double lat, lon;
    std::vector<std::string> fields;
  };
  const Case cases[] = {{91, 0, {"lat"}}, {0, -180.5, {"lon"}}, {nan, 0, {"lat"}},
                        {0, inf, {"lon"}}, {-95, 200, {"lat", "lon"}}};
  for (const auto& c : cases) {
    auto r = lookup.Locate("", c.lat, c.lon);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(r.error().details.size(), c.fields.size());
    for (size_t i = 0; i < c.fields.size(); ++i) EXPECT_EQ(r.error().details[i].field, c.fields[i]);
  }
}

TEST_F(LookupTest, NoticesImportsAndSurvivesConcurrentReloads) {
  auto& lookup = Lookup();
  EXPECT_EQ(lookup.size(), 0U);
  AreaLookup refreshing(*store_, {.refresh_interval_ms = 0});
  ASSERT_TRUE(refreshing.Reload().ok());
  Import(AreaLevel::kKecamatan, testing::ManadoKecamatan());
  EXPECT_EQ(refreshing.Locate("", kLat, 124.82)->kecamatan->code, "71.71.01");  // refreshed
  ASSERT_TRUE(lookup.Reload().ok());
  std::atomic<bool> stop{false};
  std::atomic<int> wrong{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        auto m = lookup.Locate("71.71", kLat, 124.87);
        if (!m.ok() || !m->kecamatan || m->kecamatan->code != "71.71.02") ++wrong;
      }
    });
  }
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(lookup.Reload().ok());
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(wrong, 0);
}

TEST_F(LookupTest, RegionAddedLaterGetsItsIndexAtTheNextRefresh) {
  Import(AreaLevel::kKecamatan,
         testing::Collection({testing::Square("71.02.01", "Tondano Barat", 124.90, 1.30, 124.95, 1.35)}));
  AreaLookup lookup(*store_, {.refresh_interval_ms = 0});
  ASSERT_TRUE(lookup.Reload().ok());
  EXPECT_EQ(lookup.Locate("", 1.32, 124.92)->kecamatan->code, "71.02.01");  // national index
  EXPECT_EQ(lookup.Locate("71.02", 1.32, 124.92)->match, MatchKind::kNone);  // not a region yet
  ASSERT_TRUE(RegionService(*store_).AddRegion({.code = "71.02"}).ok());
  auto m = lookup.Locate("71.02", 1.32, 124.92);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->match, MatchKind::kInside);
  EXPECT_EQ(m->kecamatan->code, "71.02.01");
  EXPECT_EQ(lookup.Locate("71.02", 1.45, 124.82).error().Slug(), "outside_region");
}

TEST(LookupConfigTest, EnvironmentOverridesTolerance) {
  ::setenv("KOTACERDAS_COASTAL_TOLERANCE_M", "1200", 1);
  EXPECT_EQ(LookupConfig::FromEnv()->coastal_tolerance_m, 1200);
  ::setenv("KOTACERDAS_COASTAL_TOLERANCE_M", "lots", 1);
  EXPECT_FALSE(LookupConfig::FromEnv().ok());
  ::unsetenv("KOTACERDAS_COASTAL_TOLERANCE_M");
  EXPECT_EQ(LookupConfig::FromEnv()->coastal_tolerance_m, 500);
}

}  // namespace
}  // namespace kc::regions
