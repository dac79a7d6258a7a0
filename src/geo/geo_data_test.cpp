// Data-driven tests on the real Manado boundary files (/work/shared/data/boundaries): every
// feature's interior point is located to that feature (or to a lower code that also contains it),
// and the index agrees with GEOS prepared geometries on ~100k random points in the bbox.
#include <geos/algorithm/InteriorPointArea.h>
#include <geos/geom/Point.h>
#include <geos/geom/prep/PreparedGeometry.h>
#include <geos/geom/prep/PreparedGeometryFactory.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "geo/area_index.h"
#include "geo/geojson_reader.h"
#include "geo/geos_util.h"

namespace kc::geo {
namespace {

using geos::geom::prep::PreparedGeometry;
using geos::geom::prep::PreparedGeometryFactory;

class BoundaryFileTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    const std::string path = std::string(KC_SHARED_DATA_DIR) + "/boundaries/" + GetParam();
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
    auto r = ReadBoundariesFile(path);
    ASSERT_TRUE(r.ok()) << r.error().message.en;
    features_ = std::move(r).value();
    auto ix = AreaIndex::Build(features_);
    ASSERT_TRUE(ix.ok()) << ix.error().message.en;
    index_.emplace(std::move(ix).value());
    for (const auto& f : features_) {
      prepared_.push_back(PreparedGeometryFactory::prepare(f.geometry.get()));
      by_code_[f.code] = prepared_.back().get();
    }
    factory_ = NewFactory();
  }

  bool Covers(const std::string& code, double x, double y) const {
    std::unique_ptr<geos::geom::Point> p(factory_->createPoint(geos::geom::Coordinate(x, y)));
    return by_code_.at(code)->covers(p.get());
  }

  std::vector<BoundaryFeature> features_;
  std::optional<AreaIndex> index_;
  std::vector<std::unique_ptr<PreparedGeometry>> prepared_;
  std::map<std::string, const PreparedGeometry*> by_code_;
  geos::geom::GeometryFactory::Ptr factory_;
};

TEST_P(BoundaryFileTest, EveryInteriorPointLocatesToItsFeature) {
  int overlaps = 0;
  for (const auto& f : features_) {
    geos::geom::Coordinate c;
    geos::algorithm::InteriorPointArea(f.geometry.get()).getInteriorPoint(c);
    auto got = index_->Locate(c.x, c.y);
    ASSERT_TRUE(got) << f.code << " at " << c.x << "," << c.y;
    if (*got != f.code) {  // only allowed in an overlap won by a lower code
      ++overlaps;
      EXPECT_LT(std::string(*got), f.code);
      EXPECT_TRUE(Covers(std::string(*got), c.x, c.y)) << *got << " vs " << f.code;
    }
  }
  RecordProperty("overlap_wins", overlaps);
}

TEST_P(BoundaryFileTest, AgreesWithGeosOnRandomPoints) {
  BBox ext = features_.front().bbox;
  for (const auto& f : features_) {
    ext = {std::min(ext.min_lon, f.bbox.min_lon), std::min(ext.min_lat, f.bbox.min_lat),
           std::max(ext.max_lon, f.bbox.max_lon), std::max(ext.max_lat, f.bbox.max_lat)};
  }
  std::mt19937_64 rng(7171);
  std::uniform_real_distribution<double> ux(ext.min_lon, ext.max_lon), uy(ext.min_lat, ext.max_lat);
  int inside = 0;
  int in_two = 0;
  for (int i = 0; i < 100000; ++i) {
    const double x = ux(rng), y = uy(rng);
    std::unique_ptr<geos::geom::Point> p(factory_->createPoint(geos::geom::Coordinate(x, y)));
    std::optional<std::string> expected;  // the lowest code covering the point
    int hits = 0;
    for (std::size_t k = 0; k < features_.size(); ++k) {
      if (!features_[k].bbox.Contains(x, y) || !prepared_[k]->covers(p.get())) continue;
      if (!expected || features_[k].code < *expected) expected = features_[k].code;
      ++hits;
    }
    auto got = index_->Locate(x, y);
    ASSERT_EQ(got ? std::optional<std::string>(std::string(*got)) : std::nullopt, expected)
        << x << "," << y;
    inside += hits > 0;
    in_two += hits > 1;
  }
  EXPECT_GT(inside, 1000);
  RecordProperty("inside", inside);
  RecordProperty("in_two", in_two);
}

TEST_P(BoundaryFileTest, NearestReachesPointsJustOutside) {
  // 1 m east of each feature's east-most vertex: if no area contains the point, Nearest must
  // find one within that metre (the vertex itself is 1 m away).
  const double one_metre_deg = 1.0 / 111320.0;
  int checked = 0;
  for (const auto& f : features_) {
    auto coords = f.geometry->getCoordinates();
    geos::geom::Coordinate east = coords->getAt(0);
    for (std::size_t i = 0; i < coords->size(); ++i) {
      if (coords->getAt(i).x > east.x) east = coords->getAt(i);
    }
    const double x = east.x + one_metre_deg / std::cos(east.y * M_PI / 180.0);
    if (index_->Locate(x, east.y)) continue;
    auto n = index_->Nearest(x, east.y, 5.0);
    ASSERT_TRUE(n) << f.code;
    EXPECT_LE(n->distance_m, 1.0 + 1e-6) << f.code;
    EXPECT_FALSE(index_->Nearest(x, east.y, 0.0)) << f.code;
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

INSTANTIATE_TEST_SUITE_P(Manado, BoundaryFileTest,
                         ::testing::Values("7171-kecamatan.geojson", "7171-kelurahan.geojson"),
                         [](const ::testing::TestParamInfo<const char*>& param_info) {
                           std::string n = param_info.param;
                           return n.substr(5, n.find('.') - 5);
                         });

}  // namespace
}  // namespace kc::geo
