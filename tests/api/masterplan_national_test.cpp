// The masterplan beyond the Bimtek walk, against the real binary: `kotacerdas demo` puts
// Manado's masterplan in Bimtek stage III (idempotently); the national summary with its
// filters, sorting, CSV and tenancy; OPD officers editing and reporting on their own OPD's
// programs only; progress history; the program matrix as CSV and XLSX.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <map>

#include "harness.h"

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const std::string kJson = "Content-Type: application/json";
const std::string kNational = "/api/v1/national/masterplan";

void WriteText(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

json::value Body(const HttpResponse& r) {
  try {
    return json::parse(r.body);
  } catch (...) {
    return nullptr;
  }
}

std::vector<std::string> Fields(const HttpResponse& r) {
  std::vector<std::string> out;
  const json::value v = Body(r);
  if (!v.is_object() || !v.as_object().contains("error")) return out;
  for (const auto& d : v.at("error").at("details").as_array())
    out.emplace_back(d.at("field").as_string());
  return out;
}

class MasterplanNational : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new fs::path(NewTempDir("masterplan-national"));
    const fs::path areas = *root_ / "areas";
    fs::create_directories(areas);
    WriteText(areas / "provinces.csv", "code,name\n71,Sulawesi Utara\n");
    WriteText(areas / "regencies.csv",
              "code,province_code,name\n71.71,71,Kota Manado\n71.74,71,Kota Kotamobagu\n");
    WriteText(areas / "districts.csv",
              "code,regency_code,name\n71.71.01,71.71,Bunaken\n71.74.01,71.74,Kotamobagu Barat\n");
    WriteText(areas / "villages.csv", "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n");
    for (std::vector<std::string> args :
         {std::vector<std::string>{"areas", "import", "--source", areas.string()},
          {"region", "add", "71.71", "--timezone", "WITA"},
          {"region", "add", "71.74", "--timezone", "WITA"},
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
                           const std::string& body, const std::string& auth) {
    std::vector<std::string> headers;
    if (!body.empty()) headers.push_back(kJson);
    if (!auth.empty()) headers.push_back(auth);
    auto r = server_->Send(method, target, body, headers);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  // One sign-in per demo user for the whole suite (sign-in is rate limited).
  static std::string Login(const std::string& who, const std::string& password) {
    static std::map<std::string, std::string> tokens;
    if (auto it = tokens.find(who); it != tokens.end()) return it->second;
    auto r = Send("POST", "/api/v1/auth/login",
                  json::serialize(json::object{{"login", who + "@demo.kotacerdas.id"}, {"password", password}}),
                  "");
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return "";
    return tokens[who] = "Authorization: Bearer " + std::string(Body(r).at("token").as_string());
  }
  static std::string National() { return Login("nasional", "Demo-Nasional-2026"); }
  static std::string Admin() { return Login("diskominfo", "Demo-Diskominfo-2026"); }
  static std::string Officer() { return Login("pupr", "Demo-Pupr-2026"); }

  // The national row of `region`.
  static json::object Row(const std::string& region) {
    const json::value v = Body(Send("GET", kNational, "", National()));
    for (const auto& item : v.at("items").as_array()) {
      if (item.at("region").as_string() == region) return item.as_object();
    }
    ADD_FAILURE() << "no national row for " << region;
    return {};
  }
  static std::string Plan() {
    return "/api/v1/regions/71.71/masterplans/" +
           std::to_string(Row("71.71").at("masterplan").at("id").as_int64());
  }
  // The number of the demo program named `name` and its JSON (a PUT body).
  static std::pair<int64_t, json::object> Program(const std::string& name) {
    const json::value v = Body(Send("GET", Plan() + "/programs", "", Admin()));
    for (const auto& p : v.at("programs").as_array()) {
      if (p.at("name").as_string() != name) continue;
      json::object body = p.as_object();
      const int64_t no = body.at("no").as_int64();
      for (const char* k : {"no", "budget_total", "location_code"}) body.erase(k);
      return {no, body};
    }
    ADD_FAILURE() << "no program " << name;
    return {0, {}};
  }

  static fs::path* root_;
  static ServerProcess* server_;
};
fs::path* MasterplanNational::root_ = nullptr;
ServerProcess* MasterplanNational::server_ = nullptr;

TEST_F(MasterplanNational, DemoPutsManadoInStageThreeOnce) {
  const json::object m = Row("71.71");
  EXPECT_EQ(m.at("stage").as_int64(), 3);
  EXPECT_EQ(m.at("stages_completed").as_int64(), 2);
  EXPECT_EQ(m.at("masterplan").at("status").as_string(), "draft");
  EXPECT_EQ(m.at("programs").as_int64(), 12);
  EXPECT_GT(m.at("readiness_avg").as_double(), 2.5);
  EXPECT_GT(m.at("maturity_avg").as_double(), 1.5);
  EXPECT_DOUBLE_EQ(m.at("evaluation").at("index").as_double(), 2.75);  // 3,10/2,85/2,40/3,00/2,75
  EXPECT_GT(m.at("budget_planned").as_int64(), m.at("budget_realised").as_int64());
  EXPECT_GT(m.at("budget_realised").as_int64(), 0);
  EXPECT_EQ(Row("71.74").at("stage").as_int64(), 0);
  EXPECT_TRUE(Row("71.74").at("masterplan").is_null());
  // Every stage I and II output is in place; stage III is open.
  const json::value plan = Body(Send("GET", Plan(), "", Admin()));
  const json::value analysis = Body(Send("GET", Plan() + "/analysis", "", Admin()));
  EXPECT_EQ(plan.at("current_stage").as_int64(), 3);
  EXPECT_EQ(analysis.at("readiness").at("scored").as_int64(), 54);
  EXPECT_EQ(analysis.at("swot").as_array().size(), 24u);
  EXPECT_EQ(Body(Send("GET", Plan() + "/programs", "", Admin())).at("quick_wins").as_array().size(),
            6u);
  auto again = Cli({"demo"});
  ASSERT_EQ(again.first, 0) << again.second;
  EXPECT_NE(again.second.find("sudah ada"), std::string::npos) << again.second;
  const json::value plans = Body(Send("GET", "/api/v1/regions/71.71/masterplans", "", Admin()));
  EXPECT_EQ(plans.at("items").as_array().size(), 1u);
}

TEST_F(MasterplanNational, SummaryIsNationalOnlyWithFiltersSortAndCsv) {
  EXPECT_EQ(Send("GET", kNational, "", Admin()).status, 403);
  EXPECT_EQ(Send("GET", kNational, "", "").status, 401);
  const std::string n = National();
  auto bad = Send("GET", kNational + "?sort=r.code&stage=9&province=x&format=pdf", "", n);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{"province", "stage", "sort", "format"}));
  auto stage3 = Body(Send("GET", kNational + "?province=71&stage=3", "", n));
  ASSERT_EQ(stage3.at("count").as_int64(), 1);
  EXPECT_EQ(stage3.at("items").at(0).at("region").as_string(), "71.71");
  auto none = Body(Send("GET", kNational + "?stage=0", "", n));
  ASSERT_EQ(none.at("count").as_int64(), 1);
  EXPECT_EQ(none.at("items").at(0).at("region").as_string(), "71.74");
  auto sorted = Body(Send("GET", kNational + "?sort=-programs", "", n));
  EXPECT_EQ(sorted.at("items").at(0).at("region").as_string(), "71.71");
  auto csv = Send("GET", kNational + "?format=csv", "", n);
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("kode,daerah,provinsi,tahap", 0), 0u) << csv.body;
  EXPECT_NE(csv.body.find("71.71,Kota Manado,Sulawesi Utara,3,2,draft"), std::string::npos)
      << csv.body;
}

TEST_F(MasterplanNational, OfficerEditsOnlyOwnOpdsPrograms) {
  const std::string officer = Officer();
  auto [mine, body] = Program("Penataan Kawasan Boulevard");  // owner: Dinas PUPR
  auto [theirs, other] = Program("Satu Data Manado");         // owner: Diskominfo
  EXPECT_EQ(Send("GET", Plan() + "/programs/" + std::to_string(mine), "", officer).status, 200);
  EXPECT_EQ(Send("GET", Plan() + "/programs/" + std::to_string(theirs), "", officer).status, 403);
  // The list holds only the officer's OPD's programs (masterplan_access_test.cpp has the rest).
  auto listed = Send("GET", Plan() + "/programs", "", officer);
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(Body(listed).at("programs").as_array().size(), 1u);
  EXPECT_EQ(Body(listed).at("programs").at(0).at("no").as_int64(), mine);
  body["description"] =
      "Pedestrian, papan informasi digital dan wifi publik di Boulevard I dan II.";
  auto saved =
      Send("PUT", Plan() + "/programs/" + std::to_string(mine), json::serialize(body), officer);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(Body(saved).at("description").as_string(), body["description"].as_string());
  other["description"] = "diubah oleh OPD lain";
  EXPECT_EQ(
      Send("PUT", Plan() + "/programs/" + std::to_string(theirs), json::serialize(other), officer)
          .status,
      403);
  body["owner_opd_id"] = other["owner_opd_id"];  // handing it to another OPD
  auto handed =
      Send("PUT", Plan() + "/programs/" + std::to_string(mine), json::serialize(body), officer);
  EXPECT_EQ(handed.status, 400);
  EXPECT_EQ(Fields(handed), std::vector<std::string>{"owner_opd_id"});
  EXPECT_EQ(Send("POST", Plan() + "/programs", json::serialize(body), officer).status, 403);
}

TEST_F(MasterplanNational, OfficerReportsProgressWithHistory) {
  const std::string officer = Officer(), admin = Admin();
  const int64_t mine = Program("Penataan Kawasan Boulevard").first;
  const int64_t theirs = Program("Satu Data Manado").first;
  const std::string progress = Plan() + "/programs/" + std::to_string(mine) + "/progress";
  json::object report{
      {"realisation", 15},
      {"budget_realised", 400000000},
      {"kpi_actuals", json::array{{{"name", "Panjang pedestrian tertata"}, {"value", 650}}}},
      {"narrative", "Lelang konstruksi selesai, pekerjaan fisik dimulai Mei."},
      {"evidence_url", "https://manadokota.go.id/bukti/boulevard-q2.pdf"}};
  auto first = Send("PUT", progress + "/2026-Q2", json::serialize(report), officer);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Body(first).at("revision").as_int64(), 1);
  report["realisation"] = 18;
  auto second = Send("PUT", progress + "/2026-Q2", json::serialize(report), officer);
  EXPECT_EQ(Body(second).at("revision").as_int64(), 2);
  auto history = Body(Send("GET", progress, "", officer));
  EXPECT_EQ(history.at("periods").as_array().size(), 1u);
  EXPECT_EQ(history.at("history").as_array().size(), 2u);
  EXPECT_EQ(Send("PUT", Plan() + "/programs/" + std::to_string(theirs) + "/progress/2026-Q2",
                 json::serialize(report), officer)
                .status,
            403);
  auto bad =
      Send("PUT", progress + "/2026-Q9",
           R"({"realisation":"banyak","budget_realised":-1,"narrative":"x","extra":1})", officer);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Fields(bad),
            (std::vector<std::string>{"realisation", "budget_realised", "narrative", "extra"}));
  auto period = Body(Send("GET", Plan() + "/progress/2026-Q2", "", admin));
  EXPECT_EQ(period.at("missing").as_int64(), 11);
  EXPECT_EQ(Row("71.71").at("latest_period").as_string(), "2026-Q2");
}

TEST_F(MasterplanNational, ProgramMatrixAsCsvAndXlsx) {
  const std::string admin = Admin();
  auto csv = Send("GET", Plan() + "/programs/export?format=csv", "", admin);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.Header("content-disposition").find(".csv"), std::string::npos);
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 13);  // header + 12 programs
  EXPECT_NE(csv.body.find("Portal Layanan Terpadu Manado"), std::string::npos);
  EXPECT_NE(csv.body.find("2026:APBD:1200000000"), std::string::npos);
  auto xlsx = Send("GET", Plan() + "/programs/export?format=xlsx", "", admin);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);  // a zip container
  EXPECT_EQ(Send("GET", Plan() + "/programs/export?format=pdf", "", admin).status, 400);
  EXPECT_EQ(Send("GET", Plan() + "/programs/export", "", Officer()).status, 403);
}

TEST_F(MasterplanNational, ImportAppliesAllRowsOrNone) {
  const std::string admin = Admin();
  const std::string csv = Send("GET", Plan() + "/programs/export?format=csv", "", admin).body;
  const std::string header = csv.substr(0, csv.find("\r\n") + 2);
  auto count = [&] {
    return Body(Send("GET", Plan() + "/programs", "", admin)).at("programs").as_array().size();
  };
  const size_t before = count();
  // Row 2 is valid, row 3 names an OPD of no region: nothing is imported.
  const std::string owner =
      std::to_string(Program("Satu Data Manado").second.at("owner_opd_id").as_int64());
  const std::string good = ",economy,industri,Sentra Kerajinan Digital,," + owner +
                           ",,,pendek,2026,2026,,,,2026:APBD:100000000,,\r\n";
  const std::string bad =
      ",economy,industri,Program OPD Asing,,999999,,,pendek,2026,2026,,,,,,\r\n";
  auto refused = Send("POST", Plan() + "/programs/import", header + good + bad, admin);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(Fields(refused), std::vector<std::string>{"rows[3].owner_opd_id"});
  EXPECT_EQ(count(), before);
  auto wrong = Send("POST", Plan() + "/programs/import", "nama,anggaran\r\nA,1\r\n", admin);
  EXPECT_EQ(wrong.status, 400);
  auto applied = Send("POST", Plan() + "/programs/import", header + good, admin);
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_EQ(count(), before + 1);
}

}  // namespace
}  // namespace kc::testing
