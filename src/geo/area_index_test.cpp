// Unit tests for AreaIndex on small polygons written here, cross-checked against GEOS.
#include "geo/area_index.h"

#include <geos/geom/Point.h>
#include <geos/geom/prep/PreparedGeometryFactory.h>
#include <geos/io/WKTReader.h>
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "geo/geojson_reader.h"
#include "geo/geos_util.h"

namespace kc::geo {
namespace {

using GeomPtr = std::unique_ptr<geos::geom::Geometry>;

struct Fixture {
  geos::geom::GeometryFactory::Ptr factory = NewFactory();
  std::vector<std::string> codes;
  std::vector<GeomPtr> geoms;

  void Add(std::string code, const std::string& wkt) {
    codes.push_back(std::move(code));
    geoms.push_back(geos::io::WKTReader(*factory).read(wkt));
  }
  std::vector<AreaInput> Inputs() const {
    std::vector<AreaInput> in;
    for (std::size_t i = 0; i < codes.size(); ++i) in.push_back({codes[i], geoms[i].get()});
    return in;
  }
  AreaIndex Build(double cell = 0) const {
    AreaIndexOptions o;
    o.cell_size_deg = cell;
    auto r = AreaIndex::Build(Inputs(), o);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message.en);
    return std::move(r).value();
  }
  // The expected answer: the lowest code whose polygon covers the point (GEOS).
  std::optional<std::string> Expected(double x, double y) const {
    std::unique_ptr<geos::geom::Point> p(factory->createPoint(geos::geom::Coordinate(x, y)));
    std::optional<std::string> best;
    for (std::size_t i = 0; i < codes.size(); ++i) {
      if (geoms[i]->covers(p.get()) && (!best || codes[i] < *best)) best = codes[i];
    }
    return best;
  }
};

std::optional<std::string> Loc(const AreaIndex& ix, double x, double y) {
  auto r = ix.Locate(x, y);
  if (!r) return std::nullopt;
  return std::string(*r);
}

Fixture Squares() {
  Fixture f;
  f.Add("02", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 3 6, 6 6, 6 3, 3 3))");  // hole
  f.Add("03", "MULTIPOLYGON (((20 0, 30 0, 30 10, 20 10, 20 0)), ((40 0, 45 5, 40 10, 40 0)))");
  f.Add("05", "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))");  // shares edges with 02 and 03
  return f;
}

TEST(AreaIndex, LocatesInsideHoleAndOutside) {
  for (double cell : {0.0, 0.37, 3.0, 50.0}) {
    SCOPED_TRACE(cell);
    AreaIndex ix = Squares().Build(cell);
    EXPECT_EQ(Loc(ix, 1, 1), "02");
    EXPECT_EQ(Loc(ix, 4.5, 4.5), std::nullopt);  // in the hole
    EXPECT_EQ(Loc(ix, 25, 5), "03");
    EXPECT_EQ(Loc(ix, 41, 5), "03");  // second part of the MultiPolygon
    EXPECT_EQ(Loc(ix, 44, 1), std::nullopt);
    EXPECT_EQ(Loc(ix, 15, 5), "05");
    EXPECT_EQ(Loc(ix, -1, 5), std::nullopt);
    EXPECT_EQ(Loc(ix, 35, 5), std::nullopt);  // between the parts
    EXPECT_EQ(Loc(ix, 200, 5), std::nullopt);
    EXPECT_EQ(Loc(ix, std::nan(""), 5), std::nullopt);
    EXPECT_EQ(ix.size(), 3u);
  }
}

TEST(AreaIndex, PointsOnEdgesAndVerticesAreInside) {
  AreaIndex ix = Squares().Build(0.37);
  EXPECT_EQ(Loc(ix, 0, 5), "02");       // left edge
  EXPECT_EQ(Loc(ix, 0, 0), "02");       // vertex
  EXPECT_EQ(Loc(ix, 5, 10), "02");      // top edge
  EXPECT_EQ(Loc(ix, 3, 4), "02");       // hole edge belongs to the polygon
  EXPECT_EQ(Loc(ix, 6, 6), "02");       // hole vertex
  EXPECT_EQ(Loc(ix, 10, 5), "02");      // shared edge 02|05: lowest code
  EXPECT_EQ(Loc(ix, 20, 10), "03");     // shared vertex 03|05
  EXPECT_EQ(Loc(ix, 42.5, 2.5), "03");  // on the diagonal edge of the triangle
  EXPECT_EQ(Loc(ix, 45, 5), "03");      // apex vertex
  EXPECT_EQ(Loc(ix, 45.000001, 5), std::nullopt);
}

TEST(AreaIndex, OverlapTieBreakLowestCodeWinsWhateverTheInputOrder) {
  Fixture f;
  f.Add("71.71.09", "POLYGON ((0 0, 6 0, 6 6, 0 6, 0 0))");
  f.Add("71.71.02", "POLYGON ((4 4, 10 4, 10 10, 4 10, 4 4))");
  f.Add("71.71.05", "POLYGON ((-50 -50, 50 -50, 50 50, -50 50, -50 -50))");  // contains both
  for (double cell : {0.0, 0.5, 2.0, 30.0}) {
    SCOPED_TRACE(cell);
    AreaIndex ix = f.Build(cell);
    EXPECT_EQ(Loc(ix, 5, 5), "71.71.02");  // in all three
    EXPECT_EQ(Loc(ix, 1, 1), "71.71.05");  // in 09 and 05
    EXPECT_EQ(Loc(ix, 9, 9), "71.71.02");
    EXPECT_EQ(Loc(ix, 40, 40), "71.71.05");
  }
}

TEST(AreaIndex, RepairedBowTieIsIndexed) {
  auto r = ParseBoundaries(
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"01",)"
      R"("name":"Dasi"},"geometry":{"type":"Polygon",)"
      R"("coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}}]})");
  ASSERT_TRUE(r.ok());
  auto ix = AreaIndex::Build(*r);
  ASSERT_TRUE(ix.ok());
  EXPECT_EQ(Loc(*ix, 0.2, 1.0), "01");
  EXPECT_EQ(Loc(*ix, 1.8, 1.0), "01");
  EXPECT_EQ(Loc(*ix, 1.0, 1.0), "01");  // the crossing point
  EXPECT_EQ(Loc(*ix, 1.0, 0.2), std::nullopt);
}

TEST(AreaIndex, AgreesWithGeosOnRandomAndGridPoints) {
  Fixture f = Squares();
  f.Add("01", "POLYGON ((1 1, 5 2, 9 1, 8 5, 9 9, 5 8, 1 9, 2 5, 1 1))");  // concave star
  f.Add("04", "POLYGON ((5 -5, 35 -2, 15 3, 33 7, 12 12, 5 -5))");
  for (double cell : {0.0, 0.1, 1.0, 7.0}) {
    AreaIndex ix = f.Build(cell);
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> ux(-2, 47), uy(-7, 13);
    for (int i = 0; i < 20000; ++i) {
      const double x = ux(rng), y = uy(rng);
      ASSERT_EQ(Loc(ix, x, y), f.Expected(x, y)) << x << "," << y << " cell " << cell;
    }
    for (double x = -1; x <= 46; x += 0.5) {  // grid points hit edges and vertices exactly
      for (double y = -6; y <= 12; y += 0.5) {
        ASSERT_EQ(Loc(ix, x, y), f.Expected(x, y)) << x << "," << y << " cell " << cell;
      }
    }
  }
}

TEST(AreaIndex, NearestFindsCoastalArea) {
  Fixture f = Squares();
  AreaIndex ix = f.Build();
  auto in = ix.Nearest(1, 1, 100);
  ASSERT_TRUE(in);
  EXPECT_EQ(in->code, "02");
  EXPECT_EQ(in->distance_m, 0.0);
  // 0.01 deg west of 02's left edge at lat 5: 0.01 * 111320 m * cos(5 deg) = ~1109 m.
  auto near = ix.Nearest(-0.01, 5, 2000);
  ASSERT_TRUE(near);
  EXPECT_EQ(near->code, "02");
  EXPECT_NEAR(near->distance_m, 1113.2 * std::cos(5 * M_PI / 180), 0.01);
  EXPECT_FALSE(ix.Nearest(-0.01, 5, 1000));
  EXPECT_FALSE(ix.Nearest(-0.01, 5, -1));
  // In the hole: nearest is 02 itself (its hole ring), 1 deg away.
  auto hole = ix.Nearest(4.5, 4.5, 200000);
  ASSERT_TRUE(hole);
  EXPECT_EQ(hole->code, "02");
  // Equidistant from 03's triangle (x=40) and the 03/05 squares? 35 is 5 deg from both 03 parts.
  auto gap = ix.Nearest(35, 5, 1e6);
  ASSERT_TRUE(gap);
  EXPECT_EQ(gap->code, "03");
}

TEST(AreaIndex, NearestTieGoesToLowestCode) {
  Fixture f;
  f.Add("B", "POLYGON ((2 0, 3 0, 3 1, 2 1, 2 0))");
  f.Add("A", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
  AreaIndex ix = f.Build();
  auto n = ix.Nearest(1.5, 0.5, 1e6);
  ASSERT_TRUE(n);
  EXPECT_EQ(n->code, "A");
}

TEST(AreaIndex, RejectsBadInput) {
  Fixture f = Squares();
  EXPECT_FALSE(AreaIndex::Build(std::vector<AreaInput>{}).ok());
  auto in = f.Inputs();
  in[1].code = in[0].code;
  auto dup = AreaIndex::Build(in);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(dup.error().message.en.find("duplicate code 02"), std::string::npos);
  in = f.Inputs();
  in[0].code = "";
  EXPECT_FALSE(AreaIndex::Build(in).ok());
  in = f.Inputs();
  in[2].geometry = nullptr;
  EXPECT_FALSE(AreaIndex::Build(in).ok());
  auto line = geos::io::WKTReader(*f.factory).read("LINESTRING (0 0, 1 1)");
  in[2].geometry = line.get();
  EXPECT_FALSE(AreaIndex::Build(in).ok());
}

TEST(AreaIndex, ConcurrentReadersAgree) {
  AreaIndex ix = Squares().Build(0.37);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937_64 rng(static_cast<unsigned>(t));
      std::uniform_real_distribution<double> ux(-2, 47), uy(-2, 12);
      for (int i = 0; i < 50000; ++i) {
        const double x = ux(rng), y = uy(rng);
        const auto a = ix.Locate(x, y);
        const auto b = ix.Locate(x, y);
        if (a != b) ++mismatches[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace kc::geo
