// The masterplan against the real binary: a region walks from Bimtek stage I to a published
// masterplan through the HTTP API, with each stage's gate, the roles, versions after
// publication, and bad input answered with field-named 4xx errors.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "harness.h"

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const std::string kJson = "Content-Type: application/json";
const std::string kPassword = "Sandi-Kuat-2026";
const std::string kPlans = "/api/v1/regions/71.71/masterplans";

void WriteText(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

json::value Body(const HttpResponse& r) {
  try {
    return json::parse(r.body);
  } catch (...) {
    return nullptr;
  }
}
std::string ErrorCodeOf(const HttpResponse& r) {
  auto v = Body(r);
  if (!v.is_object() || !v.as_object().contains("error")) return "";
  return std::string(v.at("error").at("code").as_string());
}
std::vector<std::string> Fields(const HttpResponse& r) {
  std::vector<std::string> out;
  auto v = Body(r);
  if (!v.is_object() || !v.as_object().contains("error")) return out;
  for (const auto& d : v.at("error").at("details").as_array()) out.emplace_back(d.at("field").as_string());
  return out;
}

class MasterplanApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new fs::path(NewTempDir("masterplan-api"));
    const fs::path areas = *root_ / "areas";
    fs::create_directories(areas);
    WriteText(areas / "provinces.csv", "code,name\n71,Sulawesi Utara\n");
    WriteText(areas / "regencies.csv", "code,province_code,name\n71.71,71,Kota Manado\n71.74,71,Kota Kotamobagu\n");
    WriteText(areas / "districts.csv", "code,regency_code,name\n71.71.01,71.71,Bunaken\n71.74.01,71.74,Kotamobagu Barat\n");
    WriteText(areas / "villages.csv", "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n");
    ASSERT_EQ(Cli({"areas", "import", "--source", areas.string()}).first, 0);
    ASSERT_EQ(Cli({"region", "add", "71.71"}).first, 0);
    ASSERT_EQ(Cli({"region", "add", "71.74"}).first, 0);
    for (auto [email, role, region] : {std::tuple{"admin@manado.id", "region_admin", "71.71"},
                                       std::tuple{"konsultan@manado.id", "consultant", "71.71"},
                                       std::tuple{"admin@kotamobagu.id", "region_admin", "71.74"},
                                       std::tuple{"nasional@kominfo.id", "national_admin", ""}}) {
      std::vector<std::string> args = {"user", "add", "--name", "Pengguna Uji", "--email", email,
                                       "--password", kPassword, "--role", role};
      if (*region != '\0') {
        args.push_back("--region");
        args.push_back(region);
      }
      auto r = Cli(args);
      ASSERT_EQ(r.first, 0) << r.second;
    }
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

  void SetUp() override {
    server_ = std::make_unique<ServerProcess>(std::vector<std::string>{}, *root_ / "data");
    admin_ = Login("admin@manado.id");
    consultant_ = Login("konsultan@manado.id");
    other_admin_ = Login("admin@kotamobagu.id");
    national_ = Login("nasional@kominfo.id");
  }

  std::string Login(const std::string& login) {
    auto r = Send("POST", "/api/v1/auth/login",
                  json::serialize(json::object{{"login", login}, {"password", kPassword}}), "");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? "Authorization: Bearer " + std::string(Body(r).at("token").as_string()) : "";
  }
  HttpResponse Send(const std::string& method, const std::string& target, const std::string& body,
                    const std::string& auth, bool english = false) {
    std::vector<std::string> headers;
    if (!body.empty()) headers.push_back(kJson);
    if (!auth.empty()) headers.push_back(auth);
    if (english) headers.push_back("Accept-Language: en");
    auto r = server_->Send(method, target, body, headers);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  HttpResponse Get(const std::string& target, const std::string& auth = "") {
    return Send("GET", target, "", auth);
  }
  // Creates a masterplan for `start`..`start+9`; returns its path.
  std::string NewPlan(int start) {
    auto r = Send("POST", kPlans,
                  R"({"title":"Masterplan Smart City Kota Manado","start_year":)" + std::to_string(start) +
                      R"(,"end_year":)" + std::to_string(start + 9) + "}",
                  admin_);
    EXPECT_EQ(r.status, 201) << r.body;
    return kPlans + "/" + std::to_string(Body(r).at("id").as_int64());
  }
  // Scores all 54 sub-aspects (Smart Governance 4,3,4 / 2,2,3 / 5,4,4, everything else 3) and
  // gives every dimension its strength, weakness, opportunity and threat.
  void FillReadiness(const std::string& plan) {
    auto ref = Body(Get("/api/v1/masterplan/reference"));
    const int governance[] = {4, 3, 4, 2, 2, 3, 5, 4, 4};
    json::array scores;
    for (const auto& d : ref.at("dimensions").as_array()) {
      int i = 0;
      for (const auto& a : ref.at("readiness_aspects").as_array()) {
        for (const auto& sub : a.at("sub_aspects").as_array()) {
          const bool gov = d.at("key").as_string() == "governance";
          scores.push_back({{"dimension", d.at("key")}, {"aspect", a.at("key")}, {"sub_aspect", sub.at("key")},
                            {"score", gov ? governance[i] : 3}, {"justification", "hasil diskusi kelompok"}});
          ++i;
        }
      }
      for (const char* kind : {"strength", "weakness", "opportunity", "threat"}) {
        auto r = Send("POST", plan + "/swot",
                      json::serialize(json::object{{"dimension", d.at("key")}, {"kind", kind},
                                                   {"text", "butir SWOT hasil Bimtek"}}),
                      admin_);
        ASSERT_EQ(r.status, 200) << r.body;
      }
    }
    auto r = Send("PUT", plan + "/readiness", json::serialize(json::object{{"scores", scores}}), consultant_);
    ASSERT_EQ(r.status, 200) << r.body;
  }
  // An OPD of Manado for owners; created once per suite data directory.
  int64_t EnsureOpd() {
    auto list = Body(Get("/api/v1/regions/71.71/opds"));
    for (const auto& o : list.at("items").as_array()) {
      if (o.at("short_name").as_string() == "Dinkes") return o.at("id").as_int64();
    }
    auto r = Send("POST", "/api/v1/regions/71.71/opds",
                  R"({"name":"Dinas Kesehatan","short_name":"Dinkes","type":"dinas"})", admin_);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Body(r).at("id").as_int64() : 0;
  }
  // Quick wins per dimension: stage II candidates, III selected with a reason, IV final.
  void AdvanceQuickWins(const std::string& plan, const std::string& roman) {
    auto ref = Body(Get("/api/v1/masterplan/reference"));
    int no = 0;
    for (const auto& d : ref.at("dimensions").as_array()) {
      ++no;
      json::object q{{"dimension", d.at("key")}, {"name", "Quick win " + std::string(d.at("key").as_string())}};
      if (roman != "II") {
        q["state"] = roman == "III" ? "selected" : "final";
        q["reason"] = "dirasakan langsung oleh warga";
      }
      if (roman == "IV") {
        q["owner_opd_id"] = EnsureOpd();
        q["start_date"] = "2024-02-01";
        q["end_date"] = "2024-11-30";
        q["budget"] = 150000000;
      }
      auto r = roman == "II" ? Send("POST", plan + "/quick-wins", json::serialize(q), admin_)
                             : Send("PUT", plan + "/quick-wins/" + std::to_string(no), json::serialize(q), admin_);
      ASSERT_EQ(r.status, roman == "II" ? 201 : 200) << r.body;
    }
  }
  // Fills stage `roman` so that its gate passes.
  void PrepareStage(const std::string& plan, const std::string& roman) {
    const std::string stage = plan + "/bimtek/" + roman;
    if (roman == "I") FillReadiness(plan);
    else AdvanceQuickWins(plan, roman);
    auto s = Send("PATCH", stage,
                  R"({"start_date":"2023-07-31","end_date":"2023-08-01","place":"Aula Diskominfo",)"
                  R"("facilitator":"Konsultan Kominfo"})", admin_);
    ASSERT_EQ(s.status, 200) << s.body;
    auto p = Send("POST", stage + "/participants",
                  R"({"name":"Camat Bunaken","role":"Camat","area_code":"71.71.01"})", admin_);
    ASSERT_EQ(p.status, 201) << p.body;
    const auto pid = Body(p).at("participants").as_array().back().at("id").as_int64();
    auto a = Send("PATCH", stage + "/participants/" + std::to_string(pid), R"({"attended":true})", admin_);
    ASSERT_EQ(a.status, 200) << a.body;
    const json::value attended = Body(a);  // kept alive for the loop
    for (const auto& key : attended.at("missing").as_array()) {
      auto o = Send("PUT", stage + "/outputs/" + std::string(key.as_string()),
                    R"({"title":"Dokumen tahap )" + roman + R"(","reference":"bimtek-)" + roman + R"(.pdf"})",
                    consultant_);
      ASSERT_EQ(o.status, 200) << o.body;
    }
  }

  static fs::path* root_;
  std::unique_ptr<ServerProcess> server_;
  std::string admin_, consultant_, other_admin_, national_;
  int64_t opd_ = 0;  // an OPD of Manado (EnsureOpd)
};
fs::path* MasterplanApi::root_ = nullptr;

TEST_F(MasterplanApi, ReferenceDataIsPublic) {
  auto r = Get("/api/v1/masterplan/reference");
  ASSERT_EQ(r.status, 200);
  auto v = Body(r);
  ASSERT_EQ(v.at("dimensions").as_array().size(), 6u);
  for (const auto& d : v.at("dimensions").as_array()) EXPECT_EQ(d.at("elements").as_array().size(), 3u);
  ASSERT_EQ(v.at("readiness_aspects").as_array().size(), 3u);
  EXPECT_EQ(v.at("bimtek_stages").as_array().size(), 4u);
}

TEST_F(MasterplanApi, WalksFromStageOneToPublishedThroughEveryGate) {
  EXPECT_EQ(Send("POST", kPlans, R"({"title":"X","start_year":2025,"end_year":2034})", "").status, 401);
  const std::string plan = NewPlan(2025);
  auto created = Body(Get(plan, admin_));
  EXPECT_EQ(created.at("current_stage").as_int64(), 1);
  EXPECT_EQ(created.at("version").at("status").as_string(), "draft");
  EXPECT_EQ(Get(plan).status, 401);                      // drafts are not public
  EXPECT_EQ(Get(plan, other_admin_).status, 404);        // nor another region's business
  EXPECT_EQ(Get(plan + "/published").status, 404);       // nothing published yet

  // Stage I refused with every missing piece named, in Indonesian and English.
  auto refused = Send("POST", plan + "/bimtek/I/complete", "", consultant_);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(ErrorCodeOf(refused), "stage_gate");
  EXPECT_EQ(Fields(refused), (std::vector<std::string>{"start_date", "end_date", "place", "attendance",
                                                       "outputs.readiness_scores", "outputs.swot",
                                                       "outputs.vision_draft"}));
  EXPECT_NE(refused.body.find("belum ada"), std::string::npos);
  auto english = Send("POST", plan + "/bimtek/I/complete", "", consultant_, true);
  EXPECT_NE(english.body.find("is missing"), std::string::npos);
  EXPECT_EQ(Fields(Send("POST", plan + "/bimtek/II/complete", "", consultant_)).at(0), "previous_stage");

  // Readiness cannot be recorded as a document: it comes from the scores.
  EXPECT_EQ(Fields(Send("PUT", plan + "/bimtek/I/outputs/readiness_scores",
                        R"({"title":"Nilai","reference":"n.xlsx"})", admin_)),
            std::vector<std::string>{"output"});

  const std::vector<std::string> romans = {"I", "II", "III", "IV"};
  for (size_t i = 0; i < romans.size(); ++i) {
    PrepareStage(plan, romans[i]);
    auto done = Send("POST", plan + "/bimtek/" + romans[i] + "/complete", "", consultant_);
    ASSERT_EQ(done.status, 200) << romans[i] << " " << done.body;
    EXPECT_TRUE(Body(done).at("completed").as_bool());
    EXPECT_TRUE(Body(done).at("missing").as_array().empty());
    EXPECT_EQ(Body(Get(plan, admin_)).at("current_stage").as_int64(), static_cast<int64_t>(i + 2));
  }
  // The readiness averages the stage I gate was passed with.
  auto analysis = Body(Get(plan + "/analysis", admin_)).at("readiness");
  EXPECT_EQ(analysis.at("scored").as_int64(), 54);
  const auto& gov = analysis.at("dimensions").as_array()[0];
  EXPECT_EQ(gov.at("dimension").as_string(), "governance");
  EXPECT_DOUBLE_EQ(gov.at("aspects").at("struktur").as_double(), 3.67);
  EXPECT_DOUBLE_EQ(gov.at("aspects").at("infrastruktur").as_double(), 2.33);
  EXPECT_DOUBLE_EQ(gov.at("aspects").at("suprastruktur").as_double(), 4.33);
  EXPECT_DOUBLE_EQ(gov.at("average").as_double(), 3.44);
  EXPECT_DOUBLE_EQ(analysis.at("dimensions").as_array()[1].at("average").as_double(), 3.0);
  EXPECT_DOUBLE_EQ(analysis.at("aspects").at("struktur").as_double(), 3.11);  // 56 / 18
  EXPECT_DOUBLE_EQ(analysis.at("average").as_double(), 3.07);                 // 166 / 54
  EXPECT_EQ(ErrorCodeOf(Send("PUT", plan + "/bimtek/I/outputs/vision_draft", R"({"title":"Visi","reference":"v.pdf"})",
                             admin_)), "stage_completed");

  // A program of the plan (stage III content).
  auto program = Send("POST", plan + "/programs",
                      json::serialize(json::object{
                          {"dimension", "living"}, {"element", "kesehatan"}, {"name", "Puskesmas Digital"},
                          {"owner_opd_id", EnsureOpd()}, {"horizon", "menengah"}, {"start_year", 2025},
                          {"end_year", 2027}, {"references", "RPJMD 3.2.1"},
                          {"budget", json::array{{{"year", 2025}, {"source", "APBD"}, {"amount", 750000000}},
                                                 {{"year", 2026}, {"source", "DAK"}, {"amount", 1200000000}}}},
                          {"kpis", json::array{{{"name", "Puskesmas dengan rekam medis elektronik"}, {"unit", "%"},
                                                {"baseline", 20}, {"targets", {{"2025", 40}, {"2027", 100}}}}}}}),
                      admin_);
  ASSERT_EQ(program.status, 201) << program.body;
  EXPECT_EQ(Body(program).at("budget_total").as_int64(), 1950000000);

  // Review and publication: submit (editor), approve (consultant), publish (region admin only).
  EXPECT_EQ(ErrorCodeOf(Send("POST", plan + "/publish", "", admin_)), "invalid_transition");
  ASSERT_EQ(Send("POST", plan + "/submit", "", admin_).status, 200);
  EXPECT_EQ(ErrorCodeOf(Send("PATCH", plan, R"({"summary":"x"})", admin_)), "version_locked");
  ASSERT_EQ(Send("POST", plan + "/request-changes", R"({"note":"Lengkapi ringkasan"})", consultant_).status, 200);
  ASSERT_EQ(Send("PATCH", plan, R"({"summary":"Visi: Manado kota cerdas"})", admin_).status, 200);
  ASSERT_EQ(Send("POST", plan + "/submit", "", admin_).status, 200);
  ASSERT_EQ(Send("POST", plan + "/approve", "", consultant_).status, 200);
  EXPECT_EQ(Send("POST", plan + "/publish", "", consultant_).status, 403);
  auto published = Send("POST", plan + "/publish", "", admin_);
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(Body(published).at("version").at("status").as_string(), "published");

  // Public read of the published version; an edit opens version 2 and leaves it untouched.
  auto pub = Get(plan + "/published");
  ASSERT_EQ(pub.status, 200) << pub.body;
  EXPECT_EQ(Body(pub).at("version").at("number").as_int64(), 1);
  auto edit = Send("PATCH", plan, R"({"summary":"Revisi 2026"})", admin_);
  ASSERT_EQ(edit.status, 200) << edit.body;
  EXPECT_EQ(Body(edit).at("version").at("number").as_int64(), 2);
  EXPECT_EQ(Body(edit).at("version").at("status").as_string(), "draft");
  EXPECT_EQ(Body(Get(plan + "/published")).at("version").at("summary").as_string(), "Visi: Manado kota cerdas");
  auto rescore = Send("PUT", plan + "/readiness",
                      R"({"scores":[{"dimension":"governance","aspect":"struktur","sub_aspect":"sdm","score":1,)"
                      R"("justification":"revisi"}]})", admin_);
  ASSERT_EQ(rescore.status, 200) << rescore.body;
  EXPECT_EQ(Body(rescore).at("version").as_int64(), 2);
  EXPECT_EQ(Body(Get(plan + "/published/programs")).at("programs").as_array().size(), 1u);
  EXPECT_EQ(Body(Get(plan + "/published/programs")).at("quick_wins").as_array().size(), 6u);
  auto public_analysis = Get(plan + "/published/analysis");
  ASSERT_EQ(public_analysis.status, 200);
  EXPECT_DOUBLE_EQ(Body(public_analysis).at("readiness").at("average").as_double(), 3.07);
}

TEST_F(MasterplanApi, BadInputNamesTheFieldAndStoresNothing) {
  auto bad = Send("POST", kPlans, R"({"title":"M","start_year":"2025","end_year":2090,"extra":1})", admin_);
  ASSERT_EQ(bad.status, 400) << bad.body;
  auto fields = Fields(bad);
  for (const char* f : {"title", "start_year", "extra"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f << " in " << bad.body;
  }
  auto too_long = Send("POST", kPlans, R"({"title":"Masterplan","start_year":2025,"end_year":2060})", admin_);
  EXPECT_EQ(Fields(too_long), std::vector<std::string>{"end_year"});
  EXPECT_EQ(Send("POST", kPlans, "not json", admin_).status, 400);

  const std::string plan = NewPlan(2040);
  EXPECT_EQ(ErrorCodeOf(Send("POST", kPlans, R"({"title":"Tumpang","start_year":2045,"end_year":2050})", admin_)),
            "period_overlap");
  EXPECT_EQ(Fields(Send("POST", plan + "/team", R"({"body":"komite","name":"A","role":"Ketua","opd_id":999})",
                        admin_)),
            (std::vector<std::string>{"body", "name"}));
  EXPECT_EQ(Fields(Send("POST", plan + "/team", R"({"body":"dewan","name":"Wali Kota","role":"Ketua","opd_id":999})",
                        admin_)),
            std::vector<std::string>{"opd_id"});
  EXPECT_EQ(Body(Get(plan, admin_)).at("team").as_array().size(), 0u);
  EXPECT_EQ(Send("POST", plan + "/team", R"({"body":"dewan","name":"Wali Kota","role":"Ketua"})", admin_).status, 201);

  const std::string stage = plan + "/bimtek/I";
  EXPECT_EQ(Fields(Send("PATCH", stage, R"({"start_date":"2023-02-30","end_date":"kemarin"})", admin_)),
            (std::vector<std::string>{"start_date", "end_date"}));
  EXPECT_EQ(Fields(Send("POST", stage + "/participants", R"({"name":"Lurah","area_code":"71.74.01"})", admin_)),
            std::vector<std::string>{"area_code"});
  EXPECT_EQ(Fields(Send("PUT", stage + "/outputs/buku2", R"({"title":"Buku 2","reference":"b.pdf"})", admin_)),
            std::vector<std::string>{"output"});
  EXPECT_EQ(Send("POST", plan + "/bimtek/V/complete", "", consultant_).status, 404);

  // Programs: owner OPD required, numeric non-negative budgets, years inside the plan period.
  auto no_owner = Send("POST", plan + "/programs",
                       R"({"dimension":"living","element":"kesehatan","name":"Program Tanpa OPD","horizon":"pendek",)"
                       R"("start_year":2041,"end_year":2041,"budget":[{"year":2041,"source":"APBD","amount":"sejuta"}]})",
                       admin_);
  EXPECT_EQ(Fields(no_owner), (std::vector<std::string>{"owner_opd_id", "budget[0].amount"}));
  const std::string base = R"({"dimension":"living","element":"kesehatan","name":"Program Uji","owner_opd_id":)" +
                           std::to_string(EnsureOpd()) + R"(,"horizon":"menengah",)";
  EXPECT_EQ(Fields(Send("POST", plan + "/programs",
                        base + R"("start_year":2038,"end_year":2041,"budget":[{"year":2041,"source":"APBD","amount":-5}]})",
                        admin_)),
            (std::vector<std::string>{"start_year", "budget[0].amount"}));
  EXPECT_EQ(Fields(Send("POST", plan + "/programs", base + R"("start_year":2048,"end_year":2052})", admin_)),
            std::vector<std::string>{"end_year"});  // the plan runs 2040-2049
  EXPECT_EQ(Body(Get(plan + "/programs", admin_)).at("programs").as_array().size(), 0u);

  auto scores = Send("PUT", plan + "/readiness",
                     R"({"scores":[{"dimension":"governance","aspect":"struktur","sub_aspect":"sdm","score":4,)"
                     R"("justification":"baik"},{"dimension":"economy","aspect":"struktur","sub_aspect":"sdm",)"
                     R"("score":6,"justification":"x"},{"dimension":"living","aspect":"struktur","sub_aspect":)"
                     R"("sdm","score":"tiga","justification":"cukup"}]})", admin_);
  ASSERT_EQ(scores.status, 400) << scores.body;
  EXPECT_EQ(Fields(scores), (std::vector<std::string>{"scores[1].score", "scores[1].justification",
                                                      "scores[2].score"}));
  EXPECT_EQ(Body(Get(plan + "/analysis", admin_)).at("readiness").at("scored").as_int64(), 0);
  EXPECT_EQ(Fields(Send("POST", plan + "/swot", R"({"dimension":"smart","kind":"peluang","text":"ok"})", admin_)),
            (std::vector<std::string>{"kind", "text"}));
  EXPECT_EQ(Fields(Send("PUT", plan + "/maturity/living/energi", R"({"level":0,"evidence":"bukti"})", admin_)),
            std::vector<std::string>{"level"});
  auto maturity = Send("PUT", plan + "/maturity/living/energi", R"({"level":3,"evidence":"bukti"})", admin_);
  EXPECT_EQ(Fields(maturity), std::vector<std::string>{"element"});
  EXPECT_EQ(Send("PUT", plan + "/maturity/living/kesehatan", R"({"level":3,"evidence":"Puskesmas online"})",
                 admin_).status, 200);
  EXPECT_EQ(Send("POST", kPlans + "/abc/submit", "", admin_).status, 404);
  EXPECT_EQ(Send("PATCH", stage, R"({"place":"Aula"})", other_admin_).status, 404);
}

TEST_F(MasterplanApi, EvaluationIndexPerRoundWithConfigurableWeights) {
  const std::string weights = R"({"baseline":10,"output":20,"outcome":30,"impact":20,"quick_win":20})";
  EXPECT_EQ(Send("POST", "/api/v1/evaluation-rounds", R"({"year":2023,"round":2,"weights":)" + weights + "}",
                 admin_).status, 403);
  auto bad = Send("POST", "/api/v1/evaluation-rounds",
                  R"({"year":2023,"round":3,"weights":{"baseline":10,"output":20,"outcome":30,"impact":20,"quick_win":10}})",
                  national_);
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{"round", "weights"}));
  auto r1 = Send("POST", "/api/v1/evaluation-rounds", R"({"year":2023,"round":2,"weights":)" + weights + "}", national_);
  ASSERT_EQ(r1.status, 201) << r1.body;
  auto r2 = Send("POST", "/api/v1/evaluation-rounds", R"({"year":2024,"round":2,"weights":)" + weights + "}", national_);
  ASSERT_EQ(r2.status, 201) << r2.body;
  const std::string id1 = std::to_string(Body(r1).at("id").as_int64());
  const std::string id2 = std::to_string(Body(r2).at("id").as_int64());

  auto wrong = Send("PUT", "/api/v1/regions/71.71/evaluations/" + id1,
                    R"({"total":{"baseline":3.6,"output":3.21,"outcome":"tinggi","impact":5.5,"quick_win":3.655}})",
                    national_);
  EXPECT_EQ(Fields(wrong), (std::vector<std::string>{"total.outcome", "total.impact", "total.quick_win"}));
  // PRODUCT.md's check figures: 3,315 exactly -> 3,32 (published 3,31 from unrounded components).
  auto e1 = Send("PUT", "/api/v1/regions/71.71/evaluations/" + id1,
                 R"({"total":{"baseline":3.60,"output":3.21,"outcome":3.23,"impact":3.07,"quick_win":3.65},)"
                 R"("dimensions":{"governance":{"baseline":4,"output":4,"outcome":4,"impact":4,"quick_win":4}}})",
                 national_);
  ASSERT_EQ(e1.status, 200) << e1.body;
  EXPECT_EQ(Body(e1).at("total").at("index_text").as_string(), "3.32");
  EXPECT_DOUBLE_EQ(Body(e1).at("dimensions").at("governance").at("index").as_double(), 4.0);
  auto e2 = Send("PUT", "/api/v1/regions/71.71/evaluations/" + id2,
                 R"({"total":{"baseline":3.84,"output":3.18,"outcome":3.53,"impact":3.63,"quick_win":3.35}})", national_);
  ASSERT_EQ(e2.status, 200) << e2.body;
  EXPECT_EQ(Body(e2).at("total").at("index_text").as_string(), "3.48");

  auto history = Get("/api/v1/regions/71.71/evaluations", admin_);
  ASSERT_EQ(history.status, 200);
  auto items = Body(history).at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_TRUE(items[0].at("improvement").is_null());
  EXPECT_NEAR(items[1].at("improvement").as_double(), 0.16, 1e-9);
  EXPECT_EQ(Get("/api/v1/regions/71.71/evaluations", other_admin_).status, 404);

  // The other published scheme, 10/20/30/30/10: round 1's index is recomputed (3,257 -> 3,26).
  auto rew = Send("PUT", "/api/v1/evaluation-rounds/" + id1 + "/weights",
                  R"({"baseline":10,"output":20,"outcome":30,"impact":30,"quick_win":10})", national_);
  ASSERT_EQ(rew.status, 200) << rew.body;
  auto after = Body(Get("/api/v1/regions/71.71/evaluations", admin_)).at("items").as_array();
  EXPECT_EQ(after[0].at("total").at("index_text").as_string(), "3.26");
  EXPECT_NEAR(after[1].at("improvement").as_double(), 0.22, 1e-9);
}

}  // namespace
}  // namespace kc::testing
