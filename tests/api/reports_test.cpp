// The reports JSON API against the real binary: categories, submission with validation,
// routing, tracking numbers and idempotency, private and public views, filters and pages, and
// routing-rule management by the region admin. The data directory is prepared with the CLI (a
// tiny Manado with square boundaries) and `kotacerdas demo` (OPDs, demo users, categories).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <regex>

#include "harness.h"

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const std::string kJson = "Content-Type: application/json";
const std::string kBase = "/api/v1/regions/manado";

void Write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string Square(const std::string& code, double x0, double y0, double x1, double y1) {
  auto pt = [](double x, double y) { return "[" + std::to_string(x) + "," + std::to_string(y) + "]"; };
  return R"({"type":"Feature","properties":{"code":")" + code + R"(","name":")" + code +
         R"("},"geometry":{"type":"Polygon","coordinates":[[)" + pt(x0, y0) + "," + pt(x1, y0) + "," +
         pt(x1, y1) + "," + pt(x0, y1) + "," + pt(x0, y0) + "]]}}";
}

std::string Collection(const std::vector<std::string>& f) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (size_t i = 0; i < f.size(); ++i) out += (i > 0 ? "," : "") + f[i];
  return out + "]}";
}

json::object Obj(const HttpResponse& r) {
  const json::value v = json::parse(r.body);  // copied out: as_object() of a temporary dangles
  return v.as_object();
}

std::string ErrorCode(const HttpResponse& r) {
  return std::string(json::parse(r.body).at("error").at("code").as_string());
}

std::vector<std::string> ErrorFields(const HttpResponse& r) {
  std::vector<std::string> out;
  const json::value doc = json::parse(r.body);  // kept alive: the loop borrows from it
  const auto* error = doc.is_object() ? doc.as_object().if_contains("error") : nullptr;
  if (error == nullptr || !error->as_object().contains("details")) return out;
  for (const auto& d : error->at("details").as_array()) {
    out.emplace_back(d.at("field").as_string());
  }
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

class ReportsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new fs::path(NewTempDir("reports-api"));
    const fs::path areas = *root_ / "areas";
    fs::create_directories(areas);
    Write(areas / "provinces.csv", "code,name\n71,Sulawesi Utara\n");
    Write(areas / "regencies.csv", "code,province_code,name\n71.71,71,Kota Manado\n");
    Write(areas / "districts.csv", "code,regency_code,name\n71.71.01,71.71,Bunaken\n71.71.02,71.71,Tuminting\n");
    Write(areas / "villages.csv",
          "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n71.71.01.1002,71.71.01,Meras\n"
          "71.71.02.1001,71.71.02,Tuminting\n71.71.02.1002,71.71.02,Sumompo\n");
    Write(*root_ / "kec.geojson", Collection({Square("71.71.01", 124.80, 1.40, 124.85, 1.50),
                                              Square("71.71.02", 124.85, 1.40, 124.90, 1.50)}));
    Write(*root_ / "kel.geojson", Collection({Square("71.71.01.1001", 124.80, 1.40, 124.85, 1.45),
                                              Square("71.71.01.1002", 124.80, 1.45, 124.85, 1.50),
                                              Square("71.71.02.1001", 124.85, 1.40, 124.90, 1.50)}));
    for (std::vector<std::string> args :
         {std::vector<std::string>{"areas", "import", "--source", areas.string()},
          {"region", "add", "71.71", "--timezone", "WITA"},
          {"boundaries", "import", (*root_ / "kec.geojson").string(), "--level", "kecamatan"},
          {"boundaries", "import", (*root_ / "kel.geojson").string(), "--level", "kelurahan"},
          {"demo"}}) {
      auto [rc, out] = Cli(args);
      ASSERT_EQ(rc, 0) << args[0] << ": " << out;
    }
    server_ = new ServerProcess({}, *root_ / "data");
  }
  static void TearDownTestSuite() {
    delete server_;
    fs::remove_all(*root_);
    delete root_;
  }
  static std::pair<int, std::string> Cli(std::vector<std::string> args) {
    args.push_back("--data-dir");
    args.push_back((*root_ / "data").string());
    return RunCli(args);
  }

  static HttpResponse Send(const std::string& method, const std::string& target,
                           const std::string& body, std::vector<std::string> headers = {}) {
    if (!body.empty()) headers.push_back(kJson);
    auto r = server_->Send(method, target, body, headers);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  static HttpResponse Get(const std::string& target, std::vector<std::string> headers = {}) {
    auto r = server_->Get(target, headers);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  static HttpResponse Submit(const json::object& body, std::vector<std::string> headers = {}) {
    return Send("POST", kBase + "/reports", json::serialize(body), std::move(headers));
  }
  static json::object Valid() {
    return {{"category", "sampah-menumpuk"},
            {"description", "Sampah menumpuk di depan pasar sejak tiga hari"},
            {"lat", 1.42},
            {"lon", 124.82}};
  }
  static std::string AdminAuth() {
    auto r = Send("POST", "/api/v1/auth/login",
                  R"({"login":"diskominfo@demo.kotacerdas.id","password":"Demo-Diskominfo-2026"})");
    EXPECT_EQ(r.status, 200) << r.body;
    return "Authorization: Bearer " + std::string(Obj(r).at("token").as_string());
  }

  static fs::path* root_;
  static ServerProcess* server_;
};
fs::path* ReportsApi::root_ = nullptr;
ServerProcess* ReportsApi::server_ = nullptr;

TEST_F(ReportsApi, CategoriesAreTheRegionsOpen311Services) {
  auto list = Get(kBase + "/categories", {"Accept-Language: en"});
  ASSERT_EQ(list.status, 200) << list.body;
  const auto doc = Obj(list);  // kept alive: items borrows from it
  const auto& items = doc.at("items").as_array();
  EXPECT_GE(items.size(), 25u);
  auto one = Get("/api/v1/regions/71.71/categories/jalan-rusak", {"Accept-Language: en"});
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(Obj(one).at("name"), "Damaged road");
  EXPECT_EQ(Obj(one).at("attributes").as_array().at(0).at("datatype"), "singlevaluelist");
  EXPECT_EQ(Get(kBase + "/categories/tidak-ada").status, 404);
  EXPECT_EQ(Get("/api/v1/regions/atlantis/categories").status, 404);
}

TEST_F(ReportsApi, AnonymousSubmissionIsRoutedNumberedAndPublicWithoutPersonalData) {
  auto body = Valid();
  body["contact"] = {{"name", "Ibu Rina"}, {"phone", "0812-3456-7890"}};
  body["address"] = "Jl. Sam Ratulangi";
  auto r = Submit(body);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto created = Obj(r);
  const std::string tracking(created.at("tracking").as_string());
  EXPECT_TRUE(std::regex_match(tracking, std::regex("MDO-20[0-9]{2}-[0-9]{6}"))) << tracking;
  EXPECT_EQ(created.at("status"), "diterima");
  EXPECT_EQ(created.at("kelurahan_code"), "71.71.01.1001");
  EXPECT_EQ(created.at("opd").at("name"), "Satpol PP");  // demo rule for sampah in Bunaken
  EXPECT_EQ(created.at("reporter").at("contact").at("phone"), "+6281234567890");

  auto pub = Get(kBase + "/reports/" + tracking);
  ASSERT_EQ(pub.status, 200);
  EXPECT_FALSE(Obj(pub).contains("reporter"));
  EXPECT_EQ(pub.body.find("6281234567890"), std::string::npos);
  auto list = Get(kBase + "/reports?category=sampah-menumpuk");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find("Rina"), std::string::npos);

  auto admin = Get(kBase + "/reports/" + tracking, {AdminAuth()});
  ASSERT_EQ(admin.status, 200);
  EXPECT_EQ(Obj(admin).at("reporter").at("contact").at("name"), "Ibu Rina");
  EXPECT_EQ(Get(kBase + "/reports/MDO-1999-000001").status, 404);
  EXPECT_EQ(Get(kBase + "/reports/x'%20OR%201=1%20--").status, 404);
}

TEST_F(ReportsApi, BadInputIsRefusedWithFieldDetails) {
  auto missing = Submit(json::object{});
  ASSERT_EQ(missing.status, 400);
  auto fields = ErrorFields(missing);
  for (const char* f : {"category", "description", "lat", "lon"}) EXPECT_TRUE(Has(fields, f)) << f;

  auto bad = Valid();
  bad["lat"] = "1.42";
  bad["description"] = "pendek";
  bad["warna"] = "merah";
  bad["attributes"] = {{"tidak_ada", 1}};
  bad["contact"] = {{"email", "bukan-email"}};
  auto r = Submit(bad, {"Accept-Language: en"});
  ASSERT_EQ(r.status, 400) << r.body;
  fields = ErrorFields(r);
  for (const char* f : {"lat", "description", "warna", "contact.email"}) EXPECT_TRUE(Has(fields, f)) << f;

  auto attrs = Valid();
  attrs["attributes"] = {{"tidak_ada", 1}};
  EXPECT_TRUE(Has(ErrorFields(Submit(attrs)), "attributes.tidak_ada"));
  auto category = Valid();
  category["category"] = "tidak-ada";
  EXPECT_TRUE(Has(ErrorFields(Submit(category)), "category"));

  auto far = Valid();
  far["lat"] = 1.0;
  far["lon"] = 124.0;
  auto outside = Submit(far);
  EXPECT_EQ(outside.status, 400);
  EXPECT_EQ(ErrorCode(outside), "outside_region");
  far["lat"] = 48.85;
  far["lon"] = 2.35;
  EXPECT_TRUE(Has(ErrorFields(Submit(far)), "lat"));
  auto huge = Send("POST", kBase + "/reports",
                   R"({"category":"banjir","description":"Banjir setinggi lutut","lat":1e999,"lon":124.8})");
  EXPECT_EQ(huge.status, 400) << huge.body;
  auto range = Valid();
  range["lat"] = 91;
  EXPECT_TRUE(Has(ErrorFields(Submit(range)), "lat"));

  EXPECT_EQ(Send("POST", kBase + "/reports", "{\"description\":\"\xff\xfe\"}").status, 400);
  EXPECT_EQ(server_->Send("POST", kBase + "/reports", "category=banjir",
                          {"Content-Type: application/x-www-form-urlencoded"})->status, 415);
  auto big = Valid();
  big["description"] = std::string(70 * 1024, 'a');
  EXPECT_EQ(Submit(big).status, 413);
  big["description"] = std::string(4001, 'a');
  EXPECT_TRUE(Has(ErrorFields(Submit(big)), "description"));
  EXPECT_EQ(Submit(Valid(), {"Idempotency-Key: " + std::string(300, 'k')}).status, 400);

  // Nothing of the refused submissions was stored.
  auto list = Get(kBase + "/reports?q=pendek");
  EXPECT_TRUE(Obj(list).at("items").as_array().empty());
}

TEST_F(ReportsApi, ScriptAndSqlTextIsStoredVerbatimAndEscaped) {
  auto body = Valid();
  const std::string evil = "<script>alert('x')</script> '; DROP TABLE reports; -- \"kutip\" 🌧️";
  body["description"] = evil;
  auto r = Submit(body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(std::string(Obj(r).at("description").as_string()), evil);  // the answer is JSON-escaped and parses back
  auto got = Get(kBase + "/reports/" + std::string(Obj(r).at("tracking").as_string()));
  EXPECT_EQ(std::string(Obj(got).at("description").as_string()), evil);
  EXPECT_EQ(Get(kBase + "/reports").status, 200);  // the table is still there
}

TEST_F(ReportsApi, IdempotencyKeyReplaysTheFirstAnswer) {
  auto body = Valid();
  body["description"] = "Sampah menumpuk, kiriman dengan kunci idempoten";
  const std::string key = "Idempotency-Key: 7d0f7a0e-5b8e-4c1e-9a63-2a1d2e0b1c01";
  auto first = Submit(body, {key});
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Submit(body, {key});
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.Header("idempotency-replayed"), "true");
  body["description"] = "Isi yang lain dengan kunci yang sama";
  auto other = Submit(body, {key});
  EXPECT_EQ(other.status, 409);
  EXPECT_EQ(ErrorCode(other), "idempotency_key_reused");
  auto list = Get(kBase + "/reports?q=kunci%20idempoten");
  EXPECT_EQ(Obj(list).at("items").as_array().size(), 1u);
}

TEST_F(ReportsApi, ListsFilterAndPage) {
  for (int i = 0; i < 3; ++i) {
    auto b = Valid();
    b["category"] = "pohon-tumbang";
    b["description"] = "Pohon tumbang nomor " + std::to_string(i) + " di Tuminting";
    b["lon"] = 124.87;
    ASSERT_EQ(Submit(b).status, 201);
  }
  auto hidden = Valid();
  hidden["public"] = false;
  hidden["description"] = "Laporan rahasia tentang pohon";
  ASSERT_EQ(Submit(hidden).status, 201);

  auto page1 = Get(kBase + "/reports?category=pohon-tumbang&kecamatan=71.71.02&limit=2");
  ASSERT_EQ(page1.status, 200) << page1.body;
  auto o1 = Obj(page1);
  ASSERT_EQ(o1.at("items").as_array().size(), 2u);
  ASSERT_TRUE(o1.at("next_cursor").is_string());
  auto page2 = Get(kBase + "/reports?category=pohon-tumbang&kecamatan=71.71.02&limit=2&cursor=" +
                   std::string(o1.at("next_cursor").as_string()));
  auto o2 = Obj(page2);
  ASSERT_EQ(o2.at("items").as_array().size(), 1u);
  EXPECT_TRUE(o2.at("next_cursor").is_null());
  EXPECT_EQ(o2.at("items").at(0).at("opd").at("name"), "BPBD");  // region-wide demo rule

  EXPECT_EQ(Obj(Get(kBase + "/reports?bbox=124.86,1.41,124.88,1.43&q=TUMINTING")).at("items").as_array().size(), 3u);
  EXPECT_EQ(Obj(Get(kBase + "/reports?status=selesai,ditolak")).at("items").as_array().size(), 0u);
  EXPECT_EQ(Obj(Get(kBase + "/reports?from=2999-01-01T00:00:00%2B08:00")).at("items").as_array().size(), 0u);
  EXPECT_EQ(Get(kBase + "/reports?q=rahasia").body.find("rahasia"), std::string::npos);
  EXPECT_NE(Get(kBase + "/reports?q=rahasia", {AdminAuth()}).body.find("rahasia"), std::string::npos);

  auto bad = Get(kBase + "/reports?status=open&bbox=1,2,3&from=kemarin&opd=x&limit=1000&cursor=zz");
  EXPECT_EQ(bad.status, 400);
  auto fields = ErrorFields(Get(kBase + "/reports?status=open&bbox=1,2,3&from=kemarin&opd=x"));
  for (const char* f : {"status", "bbox", "from", "opd"}) EXPECT_TRUE(Has(fields, f)) << f;
}

TEST_F(ReportsApi, RegionAdminSetsRoutingRules) {
  const std::string rule = R"({"category":"jalan-rusak","area_code":"71.71.02","opd_id":1})";
  EXPECT_EQ(Send("PUT", kBase + "/routing-rules", rule).status, 401);
  const std::string auth = AdminAuth();
  auto opds = Obj(Get(kBase + "/opds"));
  int64_t dlh = 0;
  for (const auto& o : opds.at("items").as_array()) {
    if (o.at("short_name") == "DLH") dlh = o.at("id").as_int64();
  }
  ASSERT_GT(dlh, 0);
  auto put = Send("PUT", kBase + "/routing-rules",
                  R"({"category":"jalan-rusak","area_code":"71.71.02","opd_id":)" +
                      std::to_string(dlh) + "}",
                  {auth});
  ASSERT_EQ(put.status, 200) << put.body;
  auto bad = Send("PUT", kBase + "/routing-rules",
                  R"({"category":"x","area_code":"32.01.01","opd_id":999999})", {auth});
  EXPECT_EQ(bad.status, 400);
  auto fields = ErrorFields(bad);
  EXPECT_TRUE(Has(fields, "category"));
  EXPECT_TRUE(Has(fields, "area_code"));

  auto b = Valid();
  b["category"] = "jalan-rusak";
  b["lon"] = 124.87;
  b["attributes"] = {{"tingkat_kerusakan", "berat"}, {"lebar_lubang_cm", "80"}};
  auto r = Submit(b);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Obj(r).at("opd").at("name"), "DLH");
  EXPECT_EQ(Obj(r).at("attributes").at("lebar_lubang_cm").as_double(), 80.0);
  auto rules = Get(kBase + "/routing-rules", {auth});
  ASSERT_EQ(rules.status, 200);
  EXPECT_NE(rules.body.find("71.71.02"), std::string::npos);
  EXPECT_EQ(Get(kBase + "/routing-rules").status, 401);
}

}  // namespace
}  // namespace kc::testing
