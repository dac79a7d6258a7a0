// The reports JSON API against the real binary: categories, submission with validation,
// routing, tracking numbers and idempotency, private and public views, filters and pages, and
// routing-rule management by the region admin. The data directory is prepared with the CLI (a
// tiny Manado with square boundaries) and `kotacerdas demo` (OPDs, demo users, categories).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "manado_api.h"

namespace kc::testing {
namespace {

namespace json = boost::json;

const std::string kBase = kManado;

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

class ReportsApi : public ManadoApi {
 protected:
  static HttpResponse Submit(const json::object& body, std::vector<std::string> headers = {}) {
    return Send("POST", kBase + "/reports", json::serialize(body), std::move(headers));
  }
  static json::object Valid() {
    return {{"category", "sampah-menumpuk"},
            {"description", "Sampah menumpuk di depan pasar sejak tiga hari"},
            {"lat", 1.42},
            {"lon", 124.82}};
  }
};

TEST_F(ReportsApi, CategoriesAreTheRegionsOpen311Services) {
  auto list = Get(kBase + "/categories", {"Accept-Language: en"});
  ASSERT_EQ(list.status, 200) << list.body;
  const auto doc = JsonOf(list);  // kept alive: items borrows from it
  const auto& items = doc.at("items").as_array();
  EXPECT_GE(items.size(), 25u);
  auto one = Get("/api/v1/regions/71.71/categories/jalan-rusak", {"Accept-Language: en"});
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(JsonOf(one).at("name"), "Damaged road");
  EXPECT_EQ(JsonOf(one).at("attributes").as_array().at(0).at("datatype"), "singlevaluelist");
  EXPECT_EQ(Get(kBase + "/categories/tidak-ada").status, 404);
  EXPECT_EQ(Get("/api/v1/regions/atlantis/categories").status, 404);
}

TEST_F(ReportsApi, AnonymousSubmissionIsRoutedNumberedAndPublicWithoutPersonalData) {
  auto body = Valid();
  body["contact"] = {{"name", "Ibu Rina"}, {"phone", "0812-3456-7890"}};
  body["address"] = "Jl. Sam Ratulangi";
  auto r = Submit(body);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto created = JsonOf(r);
  const std::string tracking(created.at("tracking").as_string());
  EXPECT_TRUE(std::regex_match(tracking, std::regex("MDO-20[0-9]{2}-[0-9]{6}"))) << tracking;
  EXPECT_EQ(created.at("status"), "diterima");
  EXPECT_EQ(created.at("kelurahan_code"), "71.71.01.1001");
  EXPECT_EQ(created.at("opd").at("name"), "Satpol PP");  // demo rule for sampah in Bunaken
  EXPECT_EQ(created.at("reporter").at("contact").at("phone"), "+6281234567890");

  auto pub = Get(kBase + "/reports/" + tracking);
  ASSERT_EQ(pub.status, 200);
  EXPECT_FALSE(JsonOf(pub).contains("reporter"));
  EXPECT_EQ(pub.body.find("6281234567890"), std::string::npos);
  auto list = Get(kBase + "/reports?category=sampah-menumpuk");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find("Rina"), std::string::npos);

  auto admin = Get(kBase + "/reports/" + tracking, {AdminAuth()});
  ASSERT_EQ(admin.status, 200);
  EXPECT_EQ(JsonOf(admin).at("reporter").at("contact").at("name"), "Ibu Rina");
  EXPECT_EQ(Get(kBase + "/reports/MDO-1999-000001").status, 404);
  EXPECT_EQ(Get(kBase + "/reports/x'%20OR%201=1%20--").status, 404);
}

TEST_F(ReportsApi, BadInputIsRefusedWithFieldDetails) {
  auto missing = Submit(json::object{});
  ASSERT_EQ(missing.status, 400);
  auto fields = ErrorFieldsOf(missing);
  for (const char* f : {"category", "description", "lat", "lon"}) EXPECT_TRUE(Has(fields, f)) << f;

  auto bad = Valid();
  bad["lat"] = "1.42";
  bad["description"] = "pendek";
  bad["warna"] = "merah";
  bad["attributes"] = {{"tidak_ada", 1}};
  bad["contact"] = {{"email", "bukan-email"}};
  auto r = Submit(bad, {"Accept-Language: en"});
  ASSERT_EQ(r.status, 400) << r.body;
  fields = ErrorFieldsOf(r);
  for (const char* f : {"lat", "description", "warna", "contact.email"}) EXPECT_TRUE(Has(fields, f)) << f;

  auto attrs = Valid();
  attrs["attributes"] = {{"tidak_ada", 1}};
  EXPECT_TRUE(Has(ErrorFieldsOf(Submit(attrs)), "attributes.tidak_ada"));
  auto category = Valid();
  category["category"] = "tidak-ada";
  EXPECT_TRUE(Has(ErrorFieldsOf(Submit(category)), "category"));

  auto far = Valid();
  far["lat"] = 1.0;
  far["lon"] = 124.0;
  auto outside = Submit(far);
  EXPECT_EQ(outside.status, 400);
  EXPECT_EQ(ErrorCodeOf(outside), "outside_region");
  far["lat"] = 48.85;
  far["lon"] = 2.35;
  EXPECT_TRUE(Has(ErrorFieldsOf(Submit(far)), "lat"));
  auto huge = Send("POST", kBase + "/reports",
                   R"({"category":"banjir","description":"Banjir setinggi lutut","lat":1e999,"lon":124.8})");
  EXPECT_EQ(huge.status, 400) << huge.body;
  auto range = Valid();
  range["lat"] = 91;
  EXPECT_TRUE(Has(ErrorFieldsOf(Submit(range)), "lat"));

  EXPECT_EQ(Send("POST", kBase + "/reports", "{\"description\":\"\xff\xfe\"}").status, 400);
  EXPECT_EQ(server_->Send("POST", kBase + "/reports", "category=banjir",
                          {"Content-Type: application/x-www-form-urlencoded"})->status, 415);
  auto big = Valid();
  big["description"] = std::string(70 * 1024, 'a');
  EXPECT_EQ(Submit(big).status, 413);
  big["description"] = std::string(4001, 'a');
  EXPECT_TRUE(Has(ErrorFieldsOf(Submit(big)), "description"));
  EXPECT_EQ(Submit(Valid(), {"Idempotency-Key: " + std::string(300, 'k')}).status, 400);

  // Nothing of the refused submissions was stored.
  auto list = Get(kBase + "/reports?q=pendek");
  EXPECT_TRUE(JsonOf(list).at("items").as_array().empty());
}

TEST_F(ReportsApi, ScriptAndSqlTextIsStoredVerbatimAndEscaped) {
  auto body = Valid();
  const std::string evil = "<script>alert('x')</script> '; DROP TABLE reports; -- \"kutip\" 🌧️";
  body["description"] = evil;
  auto r = Submit(body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(std::string(JsonOf(r).at("description").as_string()), evil);  // the answer is JSON-escaped and parses back
  auto got = Get(kBase + "/reports/" + std::string(JsonOf(r).at("tracking").as_string()));
  EXPECT_EQ(std::string(JsonOf(got).at("description").as_string()), evil);
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
  EXPECT_EQ(ErrorCodeOf(other), "idempotency_key_reused");
  auto list = Get(kBase + "/reports?q=kunci%20idempoten");
  EXPECT_EQ(JsonOf(list).at("items").as_array().size(), 1u);
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
  auto o1 = JsonOf(page1);
  ASSERT_EQ(o1.at("items").as_array().size(), 2u);
  ASSERT_TRUE(o1.at("next_cursor").is_string());
  auto page2 = Get(kBase + "/reports?category=pohon-tumbang&kecamatan=71.71.02&limit=2&cursor=" +
                   std::string(o1.at("next_cursor").as_string()));
  auto o2 = JsonOf(page2);
  ASSERT_EQ(o2.at("items").as_array().size(), 1u);
  EXPECT_TRUE(o2.at("next_cursor").is_null());
  EXPECT_EQ(o2.at("items").at(0).at("opd").at("name"), "BPBD");  // region-wide demo rule

  EXPECT_EQ(JsonOf(Get(kBase + "/reports?bbox=124.86,1.41,124.88,1.43&q=TUMINTING")).at("items").as_array().size(), 3u);
  EXPECT_EQ(JsonOf(Get(kBase + "/reports?status=selesai,ditolak")).at("items").as_array().size(), 0u);
  EXPECT_EQ(JsonOf(Get(kBase + "/reports?from=2999-01-01T00:00:00%2B08:00")).at("items").as_array().size(), 0u);
  EXPECT_EQ(Get(kBase + "/reports?q=rahasia").body.find("rahasia"), std::string::npos);
  EXPECT_NE(Get(kBase + "/reports?q=rahasia", {AdminAuth()}).body.find("rahasia"), std::string::npos);

  auto bad = Get(kBase + "/reports?status=open&bbox=1,2,3&from=kemarin&opd=x&limit=1000&cursor=zz");
  EXPECT_EQ(bad.status, 400);
  auto fields = ErrorFieldsOf(Get(kBase + "/reports?status=open&bbox=1,2,3&from=kemarin&opd=x"));
  for (const char* f : {"status", "bbox", "from", "opd"}) EXPECT_TRUE(Has(fields, f)) << f;
}

TEST_F(ReportsApi, RegionAdminSetsRoutingRules) {
  const std::string rule = R"({"category":"jalan-rusak","area_code":"71.71.02","opd_id":1})";
  EXPECT_EQ(Send("PUT", kBase + "/routing-rules", rule).status, 401);
  const std::string auth = AdminAuth();
  auto opds = JsonOf(Get(kBase + "/opds"));
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
  auto fields = ErrorFieldsOf(bad);
  EXPECT_TRUE(Has(fields, "category"));
  EXPECT_TRUE(Has(fields, "area_code"));

  auto b = Valid();
  b["category"] = "jalan-rusak";
  b["lon"] = 124.87;
  b["attributes"] = {{"tingkat_kerusakan", "berat"}, {"lebar_lubang_cm", "80"}};
  auto r = Submit(b);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(JsonOf(r).at("opd").at("name"), "DLH");
  EXPECT_EQ(JsonOf(r).at("attributes").at("lebar_lubang_cm").as_double(), 80.0);
  auto rules = Get(kBase + "/routing-rules", {auth});
  ASSERT_EQ(rules.status, 200);
  EXPECT_NE(rules.body.find("71.71.02"), std::string::npos);
  EXPECT_EQ(Get(kBase + "/routing-rules").status, 401);
}

}  // namespace
}  // namespace kc::testing
