// Open311 GeoReport v2 conformance, written from the specification text
// (https://wiki.open311.org/GeoReport_v2): the six methods in JSON and XML, their field names,
// jurisdiction_id, api_key on POST, the 90-day window, and the error format
// [{"code":..,"description":..}] / <errors><error><code/><description/></error></errors>.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <regex>

#include "harness.h"

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const std::string kForm = "Content-Type: application/x-www-form-urlencoded";
const std::string kV2 = "/open311/v2/";

void Write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

json::value Parse(const HttpResponse& r) { return json::parse(r.body); }

class Open311 : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new fs::path(NewTempDir("open311-api"));
    // No boundaries: the demo must not import the real Manado files into this tiny hierarchy;
    // reports then route by category (the region without boundaries case).
    ::setenv("KOTACERDAS_BOUNDARY_DIR", (*root_ / "none").c_str(), 1);
    const fs::path areas = *root_ / "areas";
    fs::create_directories(areas);
    Write(areas / "provinces.csv", "code,name\n71,Sulawesi Utara\n");
    Write(areas / "regencies.csv", "code,province_code,name\n71.71,71,Kota Manado\n71.74,71,Kota Kotamobagu\n");
    Write(areas / "districts.csv", "code,regency_code,name\n71.71.01,71.71,Bunaken\n");
    Write(areas / "villages.csv", "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n");
    for (std::vector<std::string> args : {std::vector<std::string>{"areas", "import", "--source", areas.string()},
                                          {"region", "add", "71.71", "--timezone", "WITA"},
                                          {"region", "add", "71.74"},
                                          {"demo"}}) {
      auto [rc, out] = Cli(args);
      ASSERT_EQ(rc, 0) << out;
    }
    auto [rc, out] = Cli({"apikey", "add", "--region", "71.71", "--name", "open311"});
    ASSERT_EQ(rc, 0) << out;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m, std::regex("kc_key_[A-Za-z0-9_-]+")));
    key_ = new std::string(m.str());
    server_ = new ServerProcess({}, *root_ / "data");
  }
  static void TearDownTestSuite() {
    delete server_;
    delete key_;
    fs::remove_all(*root_);
    delete root_;
  }
  static std::pair<int, std::string> Cli(std::vector<std::string> args) {
    args.push_back("--data-dir");
    args.push_back((*root_ / "data").string());
    return RunCli(args);
  }
  static HttpResponse Get(const std::string& path) {
    auto r = server_->Get(kV2 + path);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  static HttpResponse Post(const std::string& path, const std::string& form) {
    auto r = server_->Send("POST", kV2 + path, form, {kForm});
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  static std::string Valid() {
    return "api_key=" + *key_ + "&jurisdiction_id=manado&service_code=jalan-rusak&lat=1.47&long=124.84"
           "&attribute%5Btingkat_kerusakan%5D=berat&description=Jalan+berlubang+%3Cscript%3E%26%22'"
           "&address_string=Jl.+Sam+Ratulangi&first_name=Rina&email=rina%40contoh.id";
  }
  // The spec's JSON error: an array of {code, description}, code equal to the HTTP status.
  static void ExpectJsonError(const HttpResponse& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    auto v = Parse(r);
    ASSERT_TRUE(v.is_array()) << r.body;
    EXPECT_EQ(v.at(0).at("code").to_number<int>(), status);
    EXPECT_FALSE(v.at(0).at("description").as_string().empty());
  }

  static fs::path* root_;
  static std::string* key_;
  static ServerProcess* server_;
};
fs::path* Open311::root_ = nullptr;
std::string* Open311::key_ = nullptr;
ServerProcess* Open311::server_ = nullptr;

TEST_F(Open311, ServiceListHasTheSpecFields) {
  auto r = Get("services.json?jurisdiction_id=manado");
  ASSERT_EQ(r.status, 200);
  auto services = Parse(r).as_array();
  ASSERT_GE(services.size(), 25u);
  for (const auto& s : services) {
    for (const char* f : {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}) {
      EXPECT_TRUE(s.as_object().contains(f)) << f;
    }
    EXPECT_TRUE(s.at("metadata").is_bool());
    EXPECT_EQ(s.at("type"), "realtime");
  }
  auto xml = Get("services.xml?jurisdiction_id=71.71");
  ASSERT_EQ(xml.status, 200);
  EXPECT_EQ(xml.Header("content-type"), "text/xml; charset=utf-8");
  EXPECT_EQ(xml.body.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service><service_code>", 0), 0u);
  // Two regions exist, so jurisdiction_id is required without an api_key; unknown ones are 404.
  ExpectJsonError(Get("services.json"), 400);
  ExpectJsonError(Get("services.json?jurisdiction_id=atlantis"), 404);
  auto err = Get("services.xml?jurisdiction_id=atlantis");
  EXPECT_EQ(err.status, 404);
  EXPECT_NE(err.body.find("<errors><error><code>404</code><description>"), std::string::npos);
}

TEST_F(Open311, ServiceDefinitionHasTheSpecAttributes) {
  auto r = Get("services/jalan-rusak.json?jurisdiction_id=manado");
  ASSERT_EQ(r.status, 200);
  auto def = Parse(r).as_object();
  EXPECT_EQ(def.at("service_code"), "jalan-rusak");
  const auto& a = def.at("attributes").at(0).as_object();
  for (const char* f : {"variable", "code", "datatype", "required", "datatype_description", "order",
                        "description", "values"}) {
    EXPECT_TRUE(a.contains(f)) << f;
  }
  EXPECT_EQ(a.at("datatype"), "singlevaluelist");
  EXPECT_TRUE(a.at("values").at(0).as_object().contains("key"));
  EXPECT_TRUE(a.at("values").at(0).as_object().contains("name"));
  auto xml = Get("services/jalan-rusak.xml?jurisdiction_id=manado");
  EXPECT_NE(xml.body.find("<service_definition><service_code>jalan-rusak</service_code><attributes>"
                          "<attribute><variable>true</variable><code>tingkat_kerusakan</code>"),
            std::string::npos) << xml.body;
  EXPECT_NE(xml.body.find("<values><value><key>ringan</key>"), std::string::npos);
  ExpectJsonError(Get("services/tidak-ada.json?jurisdiction_id=manado"), 404);
}

TEST_F(Open311, PostRequiresApiKeyAndValidatesLikeTheApi) {
  ExpectJsonError(Post("requests.json", "jurisdiction_id=manado&service_code=jalan-rusak&lat=1.47&long=124.84"), 403);
  ExpectJsonError(Post("requests.json", "api_key=kc_key_palsu&jurisdiction_id=manado&service_code=banjir&lat=1&long=2"), 403);
  // A Manado key cannot report in Kotamobagu.
  ExpectJsonError(Post("requests.json", "api_key=" + *key_ + "&jurisdiction_id=71.74&service_code=banjir&lat=1&long=2"), 403);
  auto missing = Post("requests.json", "api_key=" + *key_ + "&jurisdiction_id=manado&address_string=Jl.+X");
  ExpectJsonError(missing, 400);
  const std::string d(Parse(missing).at(0).at("description").as_string());
  EXPECT_NE(d.find("service_code"), std::string::npos) << d;
  EXPECT_NE(d.find("lat"), std::string::npos) << d;
  ExpectJsonError(Post("requests.json", "api_key=" + *key_ + "&jurisdiction_id=manado&service_code=jalan-rusak"
                                        "&lat=1.47&long=124.84&attribute%5Bwarna%5D=merah"), 400);
  ExpectJsonError(Post("requests.json", "api_key=" + *key_ + "&jurisdiction_id=manado&service_code=jalan-rusak"
                                        "&lat=nan&long=124.84&attribute%5Btingkat_kerusakan%5D=berat"), 400);
  ExpectJsonError(Post("requests.json", "api_key=" + *key_ + "&jurisdiction_id=manado&service_code=banjir"
                                        "&lat=1.47&long=124.84&foo=bar"), 400);
  ExpectJsonError(Post("requests.json", "api_key=" + *key_ + "&jurisdiction_id=manado&service_code=tidak-ada"
                                        "&lat=1.47&long=124.84"), 400);
  // Bad UTF-8 in the form: with the key in the query string the form itself is refused (400);
  // with the key inside the broken form it cannot be read at all (403).
  ExpectJsonError(Post("requests.json?api_key=" + *key_, "jurisdiction_id=manado&description=%ff%fe"), 400);
  ExpectJsonError(Post("requests.json", "api_key=" + *key_ + "&description=%ff%fe"), 403);
}

TEST_F(Open311, CreatedRequestIsReadableInEveryForm) {
  auto created = Post("requests.json", Valid());
  ASSERT_EQ(created.status, 201) << created.body;
  auto first = Parse(created).at(0).as_object();
  EXPECT_TRUE(first.contains("service_notice"));
  EXPECT_TRUE(first.contains("account_id"));
  const std::string id(first.at("service_request_id").as_string());
  EXPECT_TRUE(std::regex_match(id, std::regex("MDO-20[0-9]{2}-[0-9]{6}"))) << id;

  auto one = Get("requests/" + id + ".json?jurisdiction_id=manado");
  ASSERT_EQ(one.status, 200) << one.body;
  auto req = Parse(one).at(0).as_object();
  for (const char* f : {"service_request_id", "status", "status_notes", "service_name", "service_code",
                        "description", "agency_responsible", "service_notice", "requested_datetime",
                        "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
                        "lat", "long", "media_url"}) {
    EXPECT_TRUE(req.contains(f)) << f;
  }
  EXPECT_EQ(req.at("status"), "open");
  EXPECT_EQ(req.at("service_code"), "jalan-rusak");
  EXPECT_EQ(req.at("agency_responsible"), "Dinas PUPR");
  EXPECT_EQ(req.at("description"), "Jalan berlubang <script>&\"'");
  EXPECT_TRUE(std::regex_match(std::string(req.at("requested_datetime").as_string()),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00)")));
  EXPECT_DOUBLE_EQ(req.at("long").as_double(), 124.84);
  EXPECT_EQ(one.body.find("rina"), std::string::npos);  // no personal data
  EXPECT_EQ(one.body.find("Rina"), std::string::npos);

  auto xml = Get("requests/" + id + ".xml?jurisdiction_id=manado");
  EXPECT_NE(xml.body.find("<service_requests><request><service_request_id>" + id), std::string::npos);
  EXPECT_NE(xml.body.find("<description>Jalan berlubang &lt;script&gt;&amp;&quot;&apos;</description>"),
            std::string::npos) << xml.body;

  auto token = Parse(Get("tokens/" + id + ".json?jurisdiction_id=manado")).at(0).as_object();
  EXPECT_EQ(std::string(token.at("service_request_id").as_string()), id);
  EXPECT_EQ(std::string(token.at("token").as_string()), id);
  EXPECT_NE(Get("tokens/" + id + ".xml?jurisdiction_id=manado").body.find("<token>" + id + "</token>"),
            std::string::npos);
  ExpectJsonError(Get("requests/MDO-1999-000001.json?jurisdiction_id=manado"), 404);

  auto posted_xml = Post("requests.xml", Valid());
  ASSERT_EQ(posted_xml.status, 201);
  EXPECT_NE(posted_xml.body.find("<service_requests><request><service_request_id>MDO-"), std::string::npos);
}

TEST_F(Open311, RequestListFiltersAsTheSpecSays) {
  auto created = Post("requests.json", Valid());
  ASSERT_EQ(created.status, 201);
  const std::string id(Parse(created).at(0).at("service_request_id").as_string());
  auto list = Parse(Get("requests.json?jurisdiction_id=manado&service_code=jalan-rusak,banjir&status=open"));
  ASSERT_GE(list.as_array().size(), 1u);
  EXPECT_TRUE(Parse(Get("requests.json?jurisdiction_id=manado&status=closed")).as_array().empty());
  EXPECT_TRUE(Parse(Get("requests.json?jurisdiction_id=manado&service_code=banjir")).as_array().empty());
  auto by_id = Parse(Get("requests.json?jurisdiction_id=manado&status=closed&service_request_id=" + id +
                         ",MDO-1999-000001"));
  ASSERT_EQ(by_id.as_array().size(), 1u);  // ids given: the other parameters are ignored
  EXPECT_TRUE(Parse(Get("requests.json?jurisdiction_id=manado&start_date=2020-01-01T00:00:00Z"
                        "&end_date=2020-02-01T00:00:00Z")).as_array().empty());
  ExpectJsonError(Get("requests.json?jurisdiction_id=manado&start_date=2020-01-01T00:00:00Z"
                      "&end_date=2020-12-01T00:00:00Z"), 400);
  ExpectJsonError(Get("requests.json?jurisdiction_id=manado&status=pending"), 400);
  ExpectJsonError(Get("requests.json?jurisdiction_id=manado&start_date=kemarin"), 400);
  auto xml = Get("requests.xml?jurisdiction_id=manado");
  EXPECT_EQ(xml.body.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>", 0), 0u);
}

}  // namespace
}  // namespace kc::testing
