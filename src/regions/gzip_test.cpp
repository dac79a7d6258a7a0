// gzip negotiation and encoding, and the cached boundary layers.
#include <gtest/gtest.h>
#include <zlib.h>

#include <boost/json.hpp>

#include "regions/boundary_import.h"
#include "regions/boundary_layer.h"
#include "regions/gzip.h"
#include "regions/test_fixtures.h"

namespace kc::regions {
namespace {

std::string Gunzip(const std::string& data) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

TEST(Gzip, NegotiationFollowsQValues) {
  struct Case {
    const char* header;
    bool gzip;
  };
  const Case cases[] = {{"gzip", true},           {"gzip, deflate, br", true}, {"br;q=1.0, GZIP;q=0.5", true},
                        {"gzip;q=0", false},      {"gzip; q=0.0", false},      {"deflate", false},
                        {"", false},              {"*", true},                 {"*;q=0", false},
                        {"x-gzip", true},         {"identity, *;q=0.1", true}, {"gzipper", false}};
  for (const auto& c : cases) EXPECT_EQ(AcceptsGzip(c.header), c.gzip) << c.header;
}

TEST(Gzip, RoundTrips) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "kelurahan " + std::to_string(i) + ", ";
  auto gz = Gzip(text);
  ASSERT_TRUE(gz);
  EXPECT_LT(gz->size(), text.size() / 3);
  EXPECT_EQ(Gunzip(*gz), text);
  EXPECT_EQ(Gunzip(*Gzip("")), "");
}

using testing::RegionsTest;

TEST_F(RegionsTest, BoundaryLayersAreRfc7946AndCached) {
  auto file = WriteGeoJson("kel.geojson", testing::ManadoKelurahan());
  ASSERT_TRUE(ImportBoundaryFile(*store_, file.string(), AreaLevel::kKelurahan).ok());
  BoundaryLayers layers(*store_);
  auto layer = layers.Get("71.71", AreaLevel::kKelurahan, 0);
  ASSERT_TRUE(layer.ok()) << layer.error().message.en;
  auto doc = boost::json::parse((*layer)->body).as_object();
  EXPECT_EQ(doc.at("type").as_string(), "FeatureCollection");
  const auto& features = doc.at("features").as_array();
  ASSERT_EQ(features.size(), 3U);
  const auto& f = features[0].as_object();
  EXPECT_EQ(f.at("type").as_string(), "Feature");
  EXPECT_EQ(f.at("properties").at("code").as_string(), "71.71.01.1001");
  EXPECT_EQ(f.at("properties").at("name").as_string(), "Molas");
  EXPECT_EQ(f.at("properties").at("level").as_string(), "kelurahan");
  EXPECT_EQ(f.at("geometry").at("type").as_string(), "Polygon");
  ASSERT_TRUE((*layer)->gzip);
  EXPECT_EQ(Gunzip(*(*layer)->gzip), (*layer)->body);
  EXPECT_NE((*layer)->etag, (*layer)->gzip_etag);
  EXPECT_EQ(layers.Get("71.71", AreaLevel::kKelurahan, 0)->get(), layer->get());  // cached
  auto empty = layers.Get("71.74", AreaLevel::kKelurahan, 0.001);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(boost::json::parse((*empty)->body).at("features").as_array().empty());
  // An import empties the cache.
  ASSERT_TRUE(ImportBoundaryFile(*store_, file.string(), AreaLevel::kKelurahan).ok());
  EXPECT_NE(layers.Get("71.71", AreaLevel::kKelurahan, 0)->get(), layer->get());
}

}  // namespace
}  // namespace kc::regions
