// Unit tests: GeoJSON reading (every rejected input), GeoJSON writing, WKB round trip.
#include <geos/geom/Polygon.h>
#include <geos/io/WKTReader.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "geo/geojson_reader.h"
#include "geo/geojson_writer.h"
#include "geo/geos_util.h"
#include "geo/wkb.h"

namespace kc::geo {
namespace {

const char* kSquare = R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})";

std::string Feature(const std::string& code, const std::string& name, const std::string& geom) {
  return R"({"type":"Feature","properties":{"code":")" + code + R"(","name":")" + name +
         R"("},"geometry":)" + geom + "}";
}

std::string Collection(const std::vector<std::string>& features) {
  std::string s = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < features.size(); ++i) s += (i ? "," : "") + features[i];
  return s + "]}";
}

std::string PolygonWith(const std::string& ring) {
  return R"({"type":"Polygon","coordinates":[)" + ring + "]}";
}

TEST(GeoJsonReader, ParsesPolygonAndMultiPolygon) {
  const std::string text = Collection(
      {Feature("71.71.01", "Bunaken", kSquare),
       Feature(
           "71.71.02", "Tuminting",
           R"({"type":"MultiPolygon","coordinates":[[[[2,0],[3,0],[3,1],[2,1],[2,0]]],)"
           R"([[[4,0],[6,0],[6,2],[4,2],[4,0]],[[4.5,0.5],[4.5,1],[5,1],[5,0.5],[4.5,0.5]]]]})")});
  auto r = ParseBoundaries(text);
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].code, "71.71.01");
  EXPECT_EQ((*r)[0].name, "Bunaken");
  EXPECT_EQ((*r)[0].geometry->getGeometryType(), "Polygon");
  EXPECT_FALSE((*r)[0].repaired);
  EXPECT_EQ((*r)[1].index, 1u);
  EXPECT_EQ((*r)[1].geometry->getGeometryType(), "MultiPolygon");
  EXPECT_DOUBLE_EQ((*r)[1].geometry->getArea(), 1.0 + 4.0 - 0.25);
  EXPECT_DOUBLE_EQ((*r)[1].bbox.min_lon, 2.0);
  EXPECT_DOUBLE_EQ((*r)[1].bbox.max_lat, 2.0);
}

TEST(GeoJsonReader, RepairsBowTieAndSaysWhy) {
  const std::string bow = PolygonWith("[[0,0],[2,2],[2,0],[0,2],[0,0]]");
  auto r = ParseBoundaries(Collection({Feature("01", "Dasi", bow)}));
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  const BoundaryFeature& f = (*r)[0];
  EXPECT_TRUE(f.repaired);
  EXPECT_NE(f.repair_note.find("Self-intersection"), std::string::npos) << f.repair_note;
  EXPECT_TRUE(f.geometry->isValid());
  EXPECT_TRUE(IsPolygonal(*f.geometry));
  EXPECT_NEAR(f.geometry->getArea(), 2.0, 1e-12);  // both lobes kept

  GeoJsonReadOptions strict;
  strict.repair_invalid = false;
  auto s = ParseBoundaries(Collection({Feature("01", "Dasi", bow)}), strict);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.en.find("invalid geometry"), std::string::npos);
}

struct BadCase {
  const char* label;
  std::string text;
  const char* expect_en;  // substring of the English message
};

std::vector<BadCase> BadCases() {
  const std::string ok = Feature("01", "A", kSquare);
  return {
      {"not json", "{\"type\": ", "not valid JSON"},
      {"garbage", "hello", "not valid JSON"},
      {"nan literal", Collection({Feature("01", "A", PolygonWith("[[0,0],[1,0],[NaN,1],[0,0]]"))}),
       "not valid JSON"},
      {"not a collection", kSquare, "not a GeoJSON FeatureCollection"},
      {"array root", "[1,2]", "not a GeoJSON FeatureCollection"},
      {"no features", Collection({}), "0 features"},
      {"features not array", R"({"type":"FeatureCollection","features":{}})", "not an array"},
      {"feature not object", Collection({ok, "42"}), "Feature #1"},
      {"missing code",
       Collection({R"({"type":"Feature","properties":{"name":"A"},"geometry":)" +
                   std::string(kSquare) + "}"}),
       "\"code\" is missing or empty"},
      {"empty code", Collection({Feature("", "A", kSquare)}), "\"code\" is missing or empty"},
      {"numeric code",
       Collection({R"({"type":"Feature","properties":{"code":7,"name":"A"},)"
                   R"("geometry":)" +
                   std::string(kSquare) + "}"}),
       "\"code\" is missing or empty"},
      {"empty name", Collection({Feature("01", "", kSquare)}), "\"name\" is missing or empty"},
      {"no properties",
       Collection({R"({"type":"Feature","geometry":)" + std::string(kSquare) + "}"}),
       "\"code\" is missing"},
      {"duplicate code", Collection({ok, Feature("02", "B", kSquare), Feature("01", "C", kSquare)}),
       "Feature #2 (features[2].properties.code): code 01 appears more than once"},
      {"point", Collection({Feature("01", "A", R"({"type":"Point","coordinates":[1,2]})")}),
       "not Point"},
      {"linestring",
       Collection({Feature("01", "A", R"({"type":"LineString","coordinates":[[1,2],[3,4]]})")}),
       "not LineString"},
      {"collection",
       Collection({Feature("01", "A", R"({"type":"GeometryCollection","geometries":[]})")}),
       "not GeometryCollection"},
      {"null geometry", Collection({Feature("01", "A", "null")}), "geometry is missing"},
      {"no coordinates", Collection({Feature("01", "A", R"({"type":"Polygon"})")}),
       "coordinates missing"},
      {"3 positions", Collection({Feature("01", "A", PolygonWith("[[0,0],[1,0],[0,0]]"))}),
       "fewer than 4 positions (3)"},
      {"not closed", Collection({Feature("01", "A", PolygonWith("[[0,0],[1,0],[1,1],[0,1]]"))}),
       "not closed"},
      {"string coordinate",
       Collection({Feature("01", "A", PolygonWith("[[0,0],[\"1\",0],[1,1],[0,0]]"))}),
       "features[0].geometry.coordinates[0][1][0]): coordinate is not a number"},
      {"null coordinate",
       Collection({Feature("01", "A", PolygonWith("[[0,0],[1,null],[1,1],[0,0]]"))}),
       "coordinate is not a number"},
      {"huge number",
       Collection({Feature("01", "A", PolygonWith("[[0,0],[1e400,0],[1,1],[0,0]]"))}),
       ""},  // either "not valid JSON" or "not finite", depending on Boost.JSON: must be rejected
      {"lon out of range",
       Collection({Feature("01", "A", PolygonWith("[[0,0],[181,0],[1,1],[0,0]]"))}),
       "out of range"},
      {"lat out of range",
       Collection({Feature("01", "A", PolygonWith("[[0,0],[1,-90.5],[1,1],[0,0]]"))}),
       "out of range"},
      {"one ordinate", Collection({Feature("01", "A", PolygonWith("[[0,0],[1],[1,1],[0,0]]"))}),
       "array [lon, lat] of 2 numbers"},
      {"four ordinates",
       Collection({Feature("01", "A", PolygonWith("[[0,0],[1,0,0,0],[1,1],[0,0]]"))}),
       "array [lon, lat] of 2 numbers"},
      {"ring not array",
       Collection({Feature("01", "A", R"({"type":"Polygon","coordinates":[5]})")}),
       "a ring must be an array"},
      {"polygon no area",
       Collection({Feature("01", "A", PolygonWith("[[0,0],[1,1],[2,2],[0,0]]"))}), "no area left"},
  };
}

TEST(GeoJsonReader, RejectsEveryBadInputWithClearBilingualError) {
  for (const BadCase& c : BadCases()) {
    SCOPED_TRACE(c.label);
    auto r = ParseBoundaries(c.text);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(r.error().message.en.find(c.expect_en), std::string::npos) << r.error().message.en;
    EXPECT_FALSE(r.error().message.id.empty());
    EXPECT_NE(r.error().message.id, r.error().message.en);
    EXPECT_FALSE(r.error().details.empty());
  }
}

TEST(GeoJsonReader, FeatureErrorNamesIndexInBothLanguages) {
  auto r =
      ParseBoundaries(Collection({Feature("01", "A", kSquare),
                                  Feature("02", "B", R"({"type":"Point","coordinates":[1,2]})")}));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.id.find("Fitur #1"), std::string::npos) << r.error().message.id;
  EXPECT_NE(r.error().message.en.find("Feature #1"), std::string::npos);
  EXPECT_EQ(r.error().details.at(0).field, "features[1].geometry.type");
}

TEST(GeoJsonReader, EnforcesSizeLimit) {
  const std::string text = Collection({Feature("01", "A", kSquare)});
  GeoJsonReadOptions small;
  small.max_bytes = text.size() - 1;
  auto r = ParseBoundaries(text, small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.en.find("file too large"), std::string::npos);
  small.max_bytes = text.size();
  EXPECT_TRUE(ParseBoundaries(text, small).ok());
  EXPECT_EQ(kDefaultMaxGeoJsonBytes, 200u * 1000u * 1000u);
}

TEST(GeoJsonReader, MissingFileIsNotFound) {
  auto r = ReadBoundariesFile("/nonexistent/boundaries.geojson");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

std::unique_ptr<geos::geom::Geometry> Wkt(const std::string& wkt) {
  static auto factory = NewFactory();
  return geos::io::WKTReader(*factory).read(wkt);
}

TEST(Wkb, RoundTripsPolygonWithHoleAndMultiPolygon) {
  for (const char* wkt : {"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))",
                          "MULTIPOLYGON (((124.8 1.45, 124.9 1.45, 124.9 1.55, 124.8 1.45)), ((0 "
                          "0, 1 0, 1 1, 0 0)))"}) {
    auto g = Wkt(wkt);
    auto bytes = EncodeWkb(*g);
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(static_cast<unsigned char>((*bytes)[0]), 1u);  // little endian
    auto back = DecodeWkb(*bytes);
    ASSERT_TRUE(back.ok()) << back.error().message.en;
    EXPECT_TRUE((*back)->equalsExact(g.get(), 0.0)) << wkt;
  }
}

TEST(Wkb, RejectsMalformedInput) {
  EXPECT_FALSE(DecodeWkb(std::string()).ok());
  EXPECT_FALSE(DecodeWkb(std::string("\x01\x03\x00", 3)).ok());
  auto bytes = EncodeWkb(*Wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"));
  ASSERT_TRUE(bytes.ok());
  auto truncated = DecodeWkb(bytes->substr(0, bytes->size() - 4));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(DecodeWkb(*bytes + "xx").ok());
}

boost::json::value WriteOneFeature(const geos::geom::Geometry& g, double tolerance = 0) {
  OutputFeature f{"71.71.01", "Bunaken \"Pulau\"", &g};
  auto text = WriteFeatureCollection(std::span<const OutputFeature>(&f, 1), {tolerance});
  EXPECT_TRUE(text.ok());
  return boost::json::parse(*text);
}

double SignedArea(const boost::json::array& ring) {
  double s = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const auto& a = ring[i].as_array();
    const auto& b = ring[i + 1].as_array();
    s += a[0].to_number<double>() * b[1].to_number<double>() -
         b[0].to_number<double>() * a[1].to_number<double>();
  }
  return s / 2;
}

TEST(GeoJsonWriter, OrientsRingsPerRfc7946AndRounds) {
  // Exterior clockwise and hole counter-clockwise on input: both must be flipped.
  auto g = Wkt("POLYGON ((0 0, 0 10.1234567, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))");
  boost::json::value v = WriteOneFeature(*g);
  const auto& feature = v.at("features").at(0);
  EXPECT_EQ(feature.at("id").as_string(), "71.71.01");
  EXPECT_EQ(feature.at("properties").at("name").as_string(), "Bunaken \"Pulau\"");
  const auto& geom = feature.at("geometry");
  EXPECT_EQ(geom.at("type").as_string(), "Polygon");
  const auto& rings = geom.at("coordinates").as_array();
  ASSERT_EQ(rings.size(), 2u);
  EXPECT_GT(SignedArea(rings[0].as_array()), 0);  // exterior counter-clockwise
  EXPECT_LT(SignedArea(rings[1].as_array()), 0);  // hole clockwise
  bool saw_rounded = false;
  for (const auto& p : rings[0].as_array()) {
    if (p.as_array()[1].to_number<double>() > 10.1) {
      EXPECT_DOUBLE_EQ(p.as_array()[1].to_number<double>(), 10.123457);
      saw_rounded = true;
    }
  }
  EXPECT_TRUE(saw_rounded);
}

TEST(GeoJsonWriter, WritesCompactNumbersAndKeepsMultiPolygon) {
  auto g = Wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))");
  OutputFeature f{"01", "A", g.get()};
  auto text = WriteFeatureCollection(std::span<const OutputFeature>(&f, 1));
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find(R"("type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]])"),
            std::string::npos)
      << *text;
  auto round_trip = ParseBoundaries(*text);
  ASSERT_TRUE(round_trip.ok()) << round_trip.error().message.en;
  EXPECT_EQ((*round_trip)[0].code, "01");
}

TEST(GeoJsonWriter, SimplifiesAndRejectsBadGeometry) {
  auto g = Wkt("POLYGON ((0 0, 5 0.00001, 10 0, 10 10, 0 10, 0 0))");
  boost::json::value v = WriteOneFeature(*g, 0.001);
  EXPECT_EQ(v.at("features").at(0).at("geometry").at("coordinates").at(0).as_array().size(), 5u);
  auto line = Wkt("LINESTRING (0 0, 1 1)");
  OutputFeature f{"01", "A", line.get()};
  auto r = WriteFeatureCollection(std::span<const OutputFeature>(&f, 1));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.en.find("Feature #0"), std::string::npos);
  auto tiny = Wkt("POLYGON ((0 0, 0.0000001 0, 0.0000001 0.0000001, 0 0))");
  OutputFeature t{"01", "A", tiny.get()};
  EXPECT_FALSE(WriteFeatureCollection(std::span<const OutputFeature>(&t, 1)).ok());
}

}  // namespace
}  // namespace kc::geo
