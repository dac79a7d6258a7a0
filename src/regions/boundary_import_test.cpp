// Boundary import: counts, replacement, and all-or-nothing failures naming the feature.
#include <gtest/gtest.h>

#include "regions/boundary_import.h"
#include "regions/test_fixtures.h"

namespace kc::regions {
namespace {

using testing::Collection;
using testing::RegionsTest;
using testing::Square;

TEST_F(RegionsTest, ImportsAndReplacesBoundaries) {
  auto file = WriteGeoJson("kec.geojson", testing::ManadoKecamatan());
  auto first = ImportBoundaryFile(*store_, file.string(), AreaLevel::kKecamatan);
  ASSERT_TRUE(first.ok()) << first.error().message.en;
  EXPECT_EQ(first->features, 2U);
  EXPECT_EQ(first->inserted, 2);
  EXPECT_EQ(first->replaced, 0);
  auto again = ImportBoundaryFile(*store_, file.string(), AreaLevel::kKecamatan);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->inserted, 0);
  EXPECT_EQ(again->replaced, 2);
  auto stored = store_->LoadBoundaries(AreaLevel::kKecamatan, "71.71.");
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 2U);
  EXPECT_EQ((*stored)[0].name, "Bunaken");
  EXPECT_NEAR((*stored)[0].bbox.min_lon, 124.80, 1e-9);
  EXPECT_NEAR((*stored)[0].bbox.max_lat, 1.50, 1e-9);
  EXPECT_FALSE((*stored)[0].wkb.empty());
  EXPECT_EQ(*store_->CountBoundaries(AreaLevel::kKecamatan, "71.71."), 2);
  EXPECT_EQ(*store_->CountBoundaries(AreaLevel::kKelurahan, "71.71."), 0);
}

TEST_F(RegionsTest, RepairsInvalidGeometryAndSaysSo) {
  // A bow-tie (self-intersecting) kecamatan: MakeValid repairs it.
  const std::string bowtie =
      R"({"type":"Feature","properties":{"code":"71.71.01","name":"Bunaken"},"geometry":)"
      R"({"type":"Polygon","coordinates":[[[124.80,1.40],[124.85,1.50],[124.85,1.40],[124.80,1.50],[124.80,1.40]]]}})";
  auto file = WriteGeoJson("bowtie.geojson", Collection({bowtie}));
  auto r = ImportBoundaryFile(*store_, file.string(), AreaLevel::kKecamatan);
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  ASSERT_EQ(r->repairs.size(), 1U);
  EXPECT_NE(r->repairs[0].find("71.71.01 Bunaken"), std::string::npos);
}

TEST_F(RegionsTest, BadFeatureChangesNothingAndIsNamed) {
  ASSERT_TRUE(ImportBoundaryFile(*store_, WriteGeoJson("ok.geojson", testing::ManadoKelurahan()).string(),
                                 AreaLevel::kKelurahan).ok());
  const auto before = store_->LoadBoundaries(std::nullopt, "");
  ASSERT_TRUE(before.ok());
  struct Case {
    std::string name, text, expect_en, field;
  };
  const Case cases[] = {
      {"unknown code in feature 3",
       Collection({Square("71.71.01.1001", "A", 124.80, 1.40, 124.81, 1.41),
                   Square("71.71.01.1002", "B", 124.81, 1.40, 124.82, 1.41),
                   Square("71.71.02.1001", "C", 124.82, 1.40, 124.83, 1.41),
                   Square("71.71.02.1999", "D", 124.83, 1.40, 124.84, 1.41)}),
       "Feature 3", "features[3].properties.code"},
      {"code of another level",
       Collection({Square("71.71.01", "Bunaken", 124.80, 1.40, 124.85, 1.50)}), "Feature 0",
       "features[0].properties.code"},
      {"not JSON", "{\"type\": \"FeatureCollection\", ", "", ""},
      {"no features", Collection({}), "", ""},
      {"unclosed ring",
       R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"71.71.01.1001","name":"A"},)"
       R"("geometry":{"type":"Polygon","coordinates":[[[124.8,1.4],[124.9,1.4],[124.9,1.5],[124.8,1.5]]]}}]})",
       "", ""},
      {"out of range",
       Collection({Square("71.71.01.1001", "A", 124.80, 1.40, 190.0, 1.41)}), "", ""},
      {"point geometry",
       R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"71.71.01.1001","name":"A"},)"
       R"("geometry":{"type":"Point","coordinates":[124.8,1.4]}}]})",
       "", ""},
  };
  for (const auto& c : cases) {
    auto file = WriteGeoJson("bad.geojson", c.text);
    auto r = ImportBoundaryFile(*store_, file.string(), AreaLevel::kKelurahan);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << c.name;
    EXPECT_FALSE(r.error().message.id.empty()) << c.name;
    if (!c.expect_en.empty()) {
      EXPECT_NE(r.error().message.en.find(c.expect_en), std::string::npos) << r.error().message.en;
      ASSERT_FALSE(r.error().details.empty());
      EXPECT_EQ(r.error().details[0].field, c.field);
    }
    const auto after = store_->LoadBoundaries(std::nullopt, "");
    ASSERT_TRUE(after.ok());
    ASSERT_EQ(after->size(), before->size()) << c.name;
    for (size_t i = 0; i < after->size(); ++i) EXPECT_EQ((*after)[i].wkb, (*before)[i].wkb) << c.name;
  }
  auto missing = ImportBoundaryFile(*store_, (dir_ / "none.geojson").string(), AreaLevel::kKelurahan);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto province = ImportBoundaryFile(*store_, (dir_ / "ok.geojson").string(), AreaLevel::kProvinsi);
  ASSERT_FALSE(province.ok());
}

class NoAreasTest : public RegionsTest {
 protected:
  void SetUp() override { Open(false); }
};

TEST_F(NoAreasTest, ImportNeedsTheHierarchy) {
  auto r = ImportBoundaryFile(*store_, WriteGeoJson("k.geojson", testing::ManadoKecamatan()).string(),
                              AreaLevel::kKecamatan);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().Slug(), "areas_not_imported");
}

}  // namespace
}  // namespace kc::regions
