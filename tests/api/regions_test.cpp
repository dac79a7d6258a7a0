// The regions module against the real binary: CLI imports (hierarchy, region, boundaries), then
// the public API (regions, areas, boundaries with gzip/ETag, lookup) and OPD writes.
#include <gtest/gtest.h>
#include <zlib.h>

#include <boost/json.hpp>
#include <fstream>

#include "harness.h"

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

void Write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string Square(const std::string& code, const std::string& name, double x0, double y0, double x1,
                   double y1) {
  auto pt = [](double x, double y) { return "[" + std::to_string(x) + "," + std::to_string(y) + "]"; };
  return R"({"type":"Feature","properties":{"code":")" + code + R"(","name":")" + name +
         R"("},"geometry":{"type":"Polygon","coordinates":[[)" + pt(x0, y0) + "," + pt(x1, y0) + "," +
         pt(x1, y1) + "," + pt(x0, y1) + "," + pt(x0, y0) + "]]}}";
}

std::string Collection(const std::vector<std::string>& features) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (size_t i = 0; i < features.size(); ++i) out += (i > 0 ? "," : "") + features[i];
  return out + "]}";
}

std::string Gunzip(const std::string& data) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return {};
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

std::string ErrorCode(const HttpResponse& r) {
  return std::string(json::parse(r.body).at("error").at("code").as_string());
}

// A data directory prepared through the CLI, as an operator would: areas, region, boundaries.
class RegionsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new fs::path(NewTempDir("regions-api"));
    const fs::path areas = *root_ / "areas";
    fs::create_directories(areas);
    Write(areas / "provinces.csv", "code,name\n71,Sulawesi Utara\n");
    Write(areas / "regencies.csv",
          "code,province_code,name\n71.02,71,Kabupaten Minahasa\n71.71,71,Kota Manado\n");
    Write(areas / "districts.csv", "code,regency_code,name\n71.71.01,71.71,Bunaken\n71.71.02,71.71,Tuminting\n");
    Write(areas / "villages.csv",
          "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n71.71.01.1002,71.71.01,Meras\n"
          "71.71.02.1001,71.71.02,Tuminting\n");
    Write(*root_ / "kec.geojson", Collection({Square("71.71.01", "Bunaken", 124.80, 1.40, 124.85, 1.50),
                                              Square("71.71.02", "Tuminting", 124.85, 1.40, 124.90, 1.50)}));
    Write(*root_ / "kel.geojson",
          Collection({Square("71.71.01.1001", "Molas", 124.80, 1.40, 124.85, 1.45),
                      Square("71.71.01.1002", "Meras", 124.80, 1.45, 124.85, 1.50),
                      Square("71.71.02.1001", "Tuminting", 124.85, 1.40, 124.90, 1.50)}));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*root_);
    delete root_;
  }
  static std::pair<int, std::string> Cli(std::vector<std::string> args) {
    args.push_back("--data-dir");
    args.push_back((*root_ / "data").string());
    return RunCli(args);
  }
  static fs::path* root_;
};
fs::path* RegionsApi::root_ = nullptr;

TEST_F(RegionsApi, CliImportsThenApiServesRegionsAreasBoundariesAndLookups) {
  auto [rc, out] = Cli({"areas", "import", "--source", (*root_ / "areas").string()});
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("kecamatan: 2"), std::string::npos) << out;
  std::tie(rc, out) = Cli({"areas", "import", "--source", (*root_ / "areas").string()});
  ASSERT_EQ(rc, 0) << out;  // idempotent
  std::tie(rc, out) = Cli({"region", "add", "71.71"});
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("slug manado"), std::string::npos) << out;
  EXPECT_NE(out.find("WITA"), std::string::npos) << out;
  std::tie(rc, out) = Cli({"region", "add", "71.71"});
  EXPECT_EQ(rc, 1);
  EXPECT_NE(out.find("sudah terdaftar"), std::string::npos) << out;
  std::tie(rc, out) = Cli({"region", "add", "71.71.01"});
  EXPECT_EQ(rc, 1);
  EXPECT_NE(out.find("bukan kode kabupaten/kota"), std::string::npos) << out;
  std::tie(rc, out) = Cli({"region", "add", "71.02", "--timezone", "GMT"});
  EXPECT_EQ(rc, 1);
  std::tie(rc, out) = Cli({"region", "list"});
  EXPECT_NE(out.find("71.71\tmanado\tKota Manado\tkota\tWITA"), std::string::npos) << out;
  std::tie(rc, out) = Cli({"boundaries", "import", (*root_ / "kec.geojson").string(), "--level", "kecamatan"});
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("2 baru/new"), std::string::npos) << out;
  Write(*root_ / "bad.geojson", Collection({Square("71.71.01.1001", "Molas", 124.80, 1.40, 124.85, 1.45),
                                            Square("71.71.09.1001", "Nowhere", 124.8, 1.4, 124.9, 1.5)}));
  std::tie(rc, out) = Cli({"boundaries", "import", (*root_ / "bad.geojson").string(), "--level", "kelurahan"});
  EXPECT_EQ(rc, 1);
  EXPECT_NE(out.find("Fitur 1"), std::string::npos) << out;
  std::tie(rc, out) = Cli({"boundaries", "import", (*root_ / "kel.geojson").string(), "--level", "kelurahan"});
  ASSERT_EQ(rc, 0) << out;

  ServerProcess server({}, *root_ / "data");
  auto list = server.Get("/api/v1/regions");
  ASSERT_TRUE(list && list->status == 200);
  const auto items = json::parse(list->body).at("items").as_array();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].at("slug").as_string(), "manado");

  auto profile = server.Get("/api/v1/regions/manado");
  ASSERT_TRUE(profile && profile->status == 200) << profile->body;
  const auto p = json::parse(profile->body);
  EXPECT_EQ(p.at("code").as_string(), "71.71");
  EXPECT_EQ(p.at("type").as_string(), "kota");
  EXPECT_EQ(p.at("timezone").as_string(), "WITA");
  EXPECT_EQ(p.at("utc_offset_minutes").as_int64(), 480);
  EXPECT_EQ(p.at("province").at("name").as_string(), "Sulawesi Utara");
  EXPECT_EQ(p.at("counts").at("kelurahan").as_int64(), 3);
  EXPECT_TRUE(p.at("boundaries").at("kelurahan").as_bool());

  auto missing = server.Get("/api/v1/regions/71.02");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(ErrorCode(*missing), "region_not_found");

  auto areas = server.Get("/api/v1/regions/71.71/areas");
  ASSERT_TRUE(areas && areas->status == 200);
  const auto kec = json::parse(areas->body).at("kecamatan").as_array();
  ASSERT_EQ(kec.size(), 2U);
  EXPECT_EQ(kec[0].at("kelurahan").as_array()[1].at("name").as_string(), "Meras");

  auto layer = server.Get("/api/v1/regions/manado/boundaries?level=kelurahan&tolerance=0.0001");
  ASSERT_TRUE(layer && layer->status == 200) << layer->body;
  EXPECT_EQ(layer->Header("content-type"), "application/geo+json");
  EXPECT_EQ(layer->Header("vary"), "Accept-Encoding");
  const auto fc = json::parse(layer->body);
  EXPECT_EQ(fc.at("type").as_string(), "FeatureCollection");
  const auto& f0 = fc.at("features").as_array().at(0);
  EXPECT_EQ(f0.at("type").as_string(), "Feature");
  EXPECT_EQ(f0.at("properties").at("level").as_string(), "kelurahan");
  EXPECT_EQ(f0.at("geometry").at("type").as_string(), "Polygon");
  auto gz = server.Get("/api/v1/regions/manado/boundaries?level=kelurahan&tolerance=0.0001",
                       {"Accept-Encoding: gzip, deflate"});
  ASSERT_TRUE(gz && gz->status == 200);
  EXPECT_EQ(gz->Header("content-encoding"), "gzip");
  EXPECT_EQ(Gunzip(gz->body), layer->body);
  auto cached = server.Get("/api/v1/regions/manado/boundaries?level=kelurahan&tolerance=0.0001",
                           {"If-None-Match: " + layer->Header("etag")});
  ASSERT_TRUE(cached);
  EXPECT_EQ(cached->status, 304);
  auto bad = server.Get("/api/v1/regions/manado/boundaries?level=desa&tolerance=0.5");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body).at("error").at("details").as_array().size(), 2U);

  auto hit = server.Get("/api/v1/geo/lookup?lat=1.47&lon=124.82&region=manado");
  ASSERT_TRUE(hit && hit->status == 200) << hit->body;
  const auto h = json::parse(hit->body);
  EXPECT_EQ(h.at("kelurahan").at("code").as_string(), "71.71.01.1002");
  EXPECT_EQ(h.at("kecamatan").at("name").as_string(), "Bunaken");
  EXPECT_EQ(h.at("kabkota").at("code").as_string(), "71.71");
  EXPECT_EQ(h.at("match").as_string(), "inside");
  auto coast = server.Get("/api/v1/geo/lookup?lat=1.45&lon=124.9018&region=71.71");
  ASSERT_TRUE(coast && coast->status == 200) << coast->body;
  EXPECT_EQ(json::parse(coast->body).at("match").as_string(), "nearest");
  auto outside = server.Get("/api/v1/geo/lookup?lat=1.45&lon=124.95&region=71.71");
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->status, 400);
  EXPECT_EQ(ErrorCode(*outside), "outside_region");
  auto nan = server.Get("/api/v1/geo/lookup?lat=NaN&lon=abc");
  ASSERT_TRUE(nan);
  EXPECT_EQ(nan->status, 400);
  EXPECT_EQ(json::parse(nan->body).at("error").at("details").as_array().size(), 2U);
  auto range = server.Get("/api/v1/geo/lookup?lat=91&lon=124", {"Accept-Language: en"});
  ASSERT_TRUE(range);
  EXPECT_EQ(range->status, 400);
  EXPECT_NE(range->body.find("between -90 and 90"), std::string::npos);
}

TEST_F(RegionsApi, OpdsAreListedAndWrittenDurably) {
  ASSERT_EQ(Cli({"areas", "import", "--source", (*root_ / "areas").string()}).first, 0);
  (void)Cli({"region", "add", "71.71"});
  ServerProcess server({}, *root_ / "data");
  const std::vector<std::string> json_type = {"Content-Type: application/json"};
  auto created = server.Send("POST", "/api/v1/regions/manado/opds",
                             R"({"name":"Dinas Lingkungan Hidup","short_name":"DLH","type":"dinas"})", json_type);
  ASSERT_TRUE(created);
  if (created->status == 401 || created->status == 403) {
    GTEST_SKIP() << "opd.manage is guarded by the accounts module; writes need a signed-in admin";
  }
  ASSERT_EQ(created->status, 201) << created->body;
  const int64_t id = json::parse(created->body).at("id").as_int64();
  auto dup = server.Send("POST", "/api/v1/regions/71.71/opds",
                         R"({"name":"Dinas LH","short_name":"dlh","type":"dinas"})", json_type);
  ASSERT_TRUE(dup);
  EXPECT_EQ(dup->status, 409);
  auto invalid = server.Send("POST", "/api/v1/regions/71.71/opds",
                             R"({"name":"","short_name":"X1","type":"ministry","color":"red"})", json_type);
  ASSERT_TRUE(invalid);
  EXPECT_EQ(invalid->status, 400);
  EXPECT_GE(json::parse(invalid->body).at("error").at("details").as_array().size(), 3U);
  auto patched = server.Send("PATCH", "/api/v1/regions/71.71/opds/" + std::to_string(id),
                             R"({"active":false})", json_type);
  ASSERT_TRUE(patched);
  EXPECT_EQ(patched->status, 200) << patched->body;
  EXPECT_FALSE(json::parse(patched->body).at("active").as_bool());
  auto none = server.Send("PATCH", "/api/v1/regions/71.71/opds/999999", R"({"active":true})", json_type);
  EXPECT_EQ(none->status, 404);
  server.Restart();  // replied after commit: the write survives a kill
  auto list = server.Get("/api/v1/regions/manado/opds");
  ASSERT_TRUE(list && list->status == 200);
  const auto items = json::parse(list->body).at("items").as_array();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].at("short_name").as_string(), "DLH");
  EXPECT_FALSE(items[0].at("active").as_bool());
}

}  // namespace
}  // namespace kc::testing
