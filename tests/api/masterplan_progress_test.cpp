// Progress reports through HTTP against the real binary on the demo Manado (`kotacerdas demo`:
// the 2026-Q1 period with two program reports checked, one returned and four waiting, and three
// quick-win reports, two of them of the two final quick wins): the check step (diperiksa /
// dikembalikan with a note, stale revisions refused with 409, a resubmission is a new revision
// in "diajukan"), semester periods, quick-win progress by the owner OPD driving the national
// summary, and the national summary as XLSX.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <map>

#include "manado_api.h"

namespace kc::testing {
namespace {

namespace json = boost::json;

const std::string kPlans = kManado + "/masterplans";
const std::string kNational = "/api/v1/national/masterplan";

class MasterplanProgressApi : public ManadoApi {
 protected:
  // One sign-in per user for the whole suite (sign-in is rate limited).
  static std::string As(const std::string& login, const std::string& password) {
    static std::map<std::string, std::string> tokens;
    if (auto it = tokens.find(login); it != tokens.end()) return it->second;
    return tokens[login] = Login(login, password);
  }
  static std::string Admin() { return As("diskominfo@demo.kotacerdas.id", "Demo-Diskominfo-2026"); }
  static std::string Pupr() { return As("pupr@demo.kotacerdas.id", "Demo-Pupr-2026"); }
  static std::string Consultant() {
    return As("konsultan@demo.kotacerdas.id", "Demo-Konsultan-2026");
  }
  static std::string National() { return As("nasional@demo.kotacerdas.id", "Demo-Nasional-2026"); }

  static json::object Ok(const std::string& target, const std::string& auth) {
    auto r = Get(target, {auth});
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return JsonOf(r);
  }
  static std::string Plan() {
    static const std::string plan =
        kPlans + "/" + std::to_string(Ok(kPlans + "/current", Admin()).at("id").as_int64());
    return plan;
  }
  // The number of the program or quick win named `name` in the latest version.
  static int64_t No(const std::string& list, const std::string& name) {
    const json::object all = Ok(Plan() + "/programs", Admin());  // kept: the loop reads into it
    for (const auto& x : all.at(list).as_array()) {
      if (x.at("name").as_string() == name) return x.at("no").as_int64();
    }
    ADD_FAILURE() << "no " << list << " " << name;
    return 0;
  }
  static json::object Line(const json::object& period, const std::string& list,
                           const std::string& key, int64_t no) {
    for (const auto& l : period.at(list).as_array()) {
      if (l.at(key).as_int64() == no) return l.as_object();
    }
    ADD_FAILURE() << "no line " << no;
    return {};
  }
  static HttpResponse Post(const std::string& target, const json::object& body,
                           const std::string& auth) {
    return Send("POST", target, json::serialize(body), {kJsonType, auth});
  }
  static HttpResponse Put(const std::string& target, const json::object& body,
                          const std::string& auth) {
    return Send("PUT", target, json::serialize(body), {kJsonType, auth});
  }
  static json::object NationalRow() {
    const json::object national = Ok(kNational, National());
    for (const auto& r : national.at("items").as_array()) {
      if (r.at("region").as_string() == "71.71") return r.as_object();
    }
    ADD_FAILURE() << "no national row for 71.71";
    return {};
  }
};

TEST_F(MasterplanProgressApi, DemoPeriodShowsCheckStatesAndMissingReports) {
  const json::object period = Ok(Plan() + "/progress/2026-Q1", Admin());
  EXPECT_EQ(period.at("missing").as_int64(), 5);
  EXPECT_EQ(period.at("unchecked").as_int64(), 4);  // 7 reports: 2 checked, 1 returned
  EXPECT_EQ(period.at("returned").as_int64(), 1);
  const json::object portal = Line(period, "items", "program_no", 1);
  EXPECT_EQ(portal.at("report").at("check_state").as_string(), "diperiksa");
  EXPECT_FALSE(portal.at("report").at("checked_at").is_null());
  const json::object satu_data = Line(period, "items", "program_no", 2);
  EXPECT_EQ(satu_data.at("report").at("check_state").as_string(), "dikembalikan");
  EXPECT_NE(satu_data.at("report").at("check_note").as_string(), "");
  const json::object waiting = Line(period, "items", "program_no", 5);
  EXPECT_EQ(waiting.at("report").at("check_state").as_string(), "diajukan");
  EXPECT_TRUE(waiting.at("report").at("checked_by").is_null());
  // Six quick wins with owners (two final, four selected); three reported, one of them checked.
  EXPECT_EQ(period.at("quick_wins").as_array().size(), 6u);
  EXPECT_EQ(period.at("quick_win_counts").at("missing").as_int64(), 3);
  EXPECT_EQ(period.at("quick_win_counts").at("unchecked").as_int64(), 2);
  EXPECT_EQ(Line(period, "quick_wins", "quick_win_no", 1).at("report").at("check_state"),
            "diperiksa");

  // The new routes are documented.
  const json::object doc = JsonOf(Get("/api/v1/openapi.json"));
  const json::object& paths = doc.at("paths").as_object();
  const std::string plan = "/api/v1/regions/{region}/masterplans/{id}";
  for (const auto& [path, method] : std::vector<std::pair<std::string, std::string>>{
           {plan + "/programs/{no}/progress/{period}/check", "post"},
           {plan + "/quick-wins/{no}/progress/{period}/check", "post"},
           {plan + "/quick-wins/{no}/progress/{period}", "put"},
           {plan + "/quick-wins/{no}/progress", "get"}}) {
    ASSERT_TRUE(paths.contains(path)) << path;
    EXPECT_TRUE(paths.at(path).as_object().contains(method)) << path;
  }
}

TEST_F(MasterplanProgressApi, OfficerSubmitsAdminChecksReturnsAndOfficerResubmits) {
  const std::string admin = Admin(), officer = Pupr();
  const int64_t boulevard = No("programs", "Penataan Kawasan Boulevard");
  const std::string report = Plan() + "/programs/" + std::to_string(boulevard) + "/progress";
  const std::string check = report + "/2026-Q2/check";
  json::object body{{"realisation", 15},
                    {"budget_realised", 400000000},
                    {"narrative", "Lelang konstruksi selesai, pekerjaan fisik dimulai Mei."}};
  auto first = Put(report + "/2026-Q2", body, officer);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(JsonOf(first).at("check_state").as_string(), "diajukan");
  EXPECT_TRUE(JsonOf(first).at("checked_at").is_null());

  // The officer does not check; a stale revision is refused; bad bodies name their fields.
  EXPECT_EQ(Post(check, {{"revision", 1}, {"state", "diperiksa"}}, officer).status, 403);
  auto stale = Post(check, {{"revision", 2}, {"state", "diperiksa"}}, admin);
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(ErrorCodeOf(stale), "stale_revision");
  auto unknown = Post(check, {{"revision", 1}, {"state", "selesai"}}, admin);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(ErrorFieldsOf(unknown), std::vector<std::string>{"state"});
  auto blank = Post(check, {{"revision", 1}, {"state", "dikembalikan"}, {"note", "  "}}, admin);
  EXPECT_EQ(blank.status, 400);
  EXPECT_EQ(ErrorFieldsOf(blank), std::vector<std::string>{"note"});
  auto extra = Post(check, {{"revision", 0}, {"state", "dikembalikan"}, {"extra", 1}}, admin);
  EXPECT_EQ(extra.status, 400);
  EXPECT_EQ(ErrorFieldsOf(extra), (std::vector<std::string>{"revision", "extra"}));
  EXPECT_EQ(
      Post(report + "/2026-Q3/check", {{"revision", 1}, {"state", "diperiksa"}}, admin).status,
      404);
  auto unchanged = Ok(report, officer);
  EXPECT_EQ(unchanged.at("periods").at(0).at("check_state").as_string(), "diajukan");

  // Returned with a note: the officer's period view shows it.
  const std::string note = "Lampirkan foto progres pekerjaan fisik.";
  auto returned = Post(check, {{"revision", 1}, {"state", "dikembalikan"}, {"note", note}}, admin);
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(JsonOf(returned).at("check_state").as_string(), "dikembalikan");
  EXPECT_FALSE(JsonOf(returned).at("checked_by").is_null());
  const json::object mine = Ok(Plan() + "/progress/2026-Q2", officer);
  ASSERT_EQ(mine.at("items").as_array().size(), 1u);
  EXPECT_EQ(mine.at("returned").as_int64(), 1);
  EXPECT_EQ(mine.at("items").at(0).at("report").at("check_note").as_string(), note);

  // The resubmission is revision 2 in "diajukan"; revision 1 can no longer be checked.
  body["realisation"] = 18;
  body["evidence_url"] = "https://manadokota.go.id/bukti/boulevard-q2.jpg";
  auto second = Put(report + "/2026-Q2", body, officer);
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(JsonOf(second).at("revision").as_int64(), 2);
  EXPECT_EQ(JsonOf(second).at("check_state").as_string(), "diajukan");
  EXPECT_EQ(JsonOf(second).at("check_note").as_string(), "");
  EXPECT_EQ(Post(check, {{"revision", 1}, {"state", "diperiksa"}}, admin).status, 409);
  auto ok = Post(check, {{"revision", 2}, {"state", "diperiksa"}}, Consultant());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Ok(report, officer).at("periods").at(0).at("check_state").as_string(), "diperiksa");

  // Every check is in the program's item history.
  const json::object history =
      Ok(Plan() + "/history?item=program:" + std::to_string(boulevard), admin);
  int checks = 0;
  for (const auto& e : history.at("entries").as_array()) {
    checks += e.at("action").as_string() == "program.progress.check" ? 1 : 0;
  }
  EXPECT_EQ(checks, 2);
}

// A semester report (2026-S1: January to June) is stored and read back like a quarter's; the
// program then keeps semesters, and the period views of a semester and a year answer.
TEST_F(MasterplanProgressApi, SemesterReportSubmittedAndReadBack) {
  const std::string admin = Admin();
  const int64_t darurat = No("programs", "Layanan Darurat 112 Terpadu");  // BPBD, no report yet
  const std::string report = Plan() + "/programs/" + std::to_string(darurat) + "/progress";
  const json::object body{
      {"realisation", 30},
      {"budget_realised", 210000000},
      {"narrative", "Semester I: call center 112 terhubung ke Damkar dan BPBD."}};
  auto lower = Put(report + "/2026-s1", body, admin);  // upper case only
  EXPECT_EQ(lower.status, 400);
  EXPECT_EQ(ErrorFieldsOf(lower), std::vector<std::string>{"period"});
  EXPECT_NE(lower.body.find("2026-S1"), std::string::npos) << lower.body;
  EXPECT_EQ(Put(report + "/2026-S3", body, admin).status, 400);

  auto stored = Put(report + "/2026-S1", body, admin);
  ASSERT_EQ(stored.status, 200) << stored.body;
  EXPECT_EQ(JsonOf(stored).at("period").as_string(), "2026-S1");
  EXPECT_EQ(JsonOf(stored).at("revision").as_int64(), 1);
  const json::object mine = Ok(report, admin);
  ASSERT_EQ(mine.at("periods").as_array().size(), 1u);
  EXPECT_EQ(mine.at("periods").at(0).at("period").as_string(), "2026-S1");
  EXPECT_EQ(mine.at("periods").at(0).at("realisation").as_int64(), 30);

  const json::object semester = Ok(Plan() + "/progress/2026-S1", admin);
  EXPECT_EQ(semester.at("period").as_string(), "2026-S1");
  const json::object line = Line(semester, "items", "program_no", darurat);
  EXPECT_EQ(line.at("report").at("check_state").as_string(), "diajukan");
  EXPECT_EQ(line.at("report").at("budget_realised").as_int64(), 210000000);
  EXPECT_EQ(Ok(Plan() + "/progress/2026", admin).at("period").as_string(), "2026");

  // One program keeps one kind of period.
  auto quarter = Put(report + "/2026-Q3", body, admin);
  EXPECT_EQ(quarter.status, 400);
  EXPECT_EQ(ErrorFieldsOf(quarter), std::vector<std::string>{"period"});
  EXPECT_EQ(Ok(report, admin).at("history").as_array().size(), 1u);
}

TEST_F(MasterplanProgressApi, QuickWinProgressByTheOwnerOpdOnlyAndInTheSummary) {
  const std::string admin = Admin();
  const int64_t pengaduan = No("quick_wins", "Pengaduan warga satu pintu");  // Diskominfo, final
  const int64_t kalender = No("quick_wins", "Kalender acara kota daring");   // Dispar, selected
  json::object qw, cal;
  const json::object list = Ok(Plan() + "/programs", admin);
  for (const auto& q : list.at("quick_wins").as_array()) {
    if (q.at("no").as_int64() == pengaduan) qw = q.as_object();
    if (q.at("no").as_int64() == kalender) cal = q.as_object();
  }
  EXPECT_EQ(qw.at("state").as_string(), "final");
  EXPECT_EQ(cal.at("state").as_string(), "selected");
  const int64_t kominfo = qw.at("owner_opd_id").as_int64();
  auto [rc, out] = Cli({"user", "add", "--name", "Petugas Diskominfo", "--email",
                        "kominfo@manado.id", "--password", "Sandi-Kuat-2026", "--role",
                        "opd_officer", "--region", "71.71", "--opd", std::to_string(kominfo)});
  ASSERT_EQ(rc, 0) << out;
  const std::string officer = As("kominfo@manado.id", "Sandi-Kuat-2026");
  // The demo's two final quick wins: 2026-Q1 reports of 60% and 40%.
  EXPECT_EQ(NationalRow().at("quick_wins").at("final").as_int64(), 2);
  EXPECT_EQ(NationalRow().at("quick_wins").at("progress").as_int64(), 50);

  // Another quick win becomes final: it counts with 0% until its first report.
  cal.erase("no");
  cal["state"] = "final";
  cal["start_date"] = "2026-01-05";
  cal["end_date"] = "2026-12-20";
  ASSERT_EQ(Put(Plan() + "/quick-wins/" + std::to_string(kalender), cal, admin).status, 200);
  EXPECT_EQ(NationalRow().at("quick_wins").at("final").as_int64(), 3);
  EXPECT_EQ(NationalRow().at("quick_wins").at("progress").as_int64(), 33);  // (60 + 40 + 0) / 3

  const std::string progress = Plan() + "/quick-wins/" + std::to_string(pengaduan) + "/progress";
  const json::object body{{"realisation", 80},
                          {"budget_realised", 45000000},
                          {"milestones_done", {"Persiapan dan rancangan", "Uji coba terbatas"}},
                          {"narrative", "Aplikasi pengaduan satu pintu dipakai di 11 kecamatan."},
                          {"evidence_url", "https://manadokota.go.id/bukti/pengaduan.pdf"}};
  // Another OPD's officer, bad input: refused, nothing stored.
  EXPECT_EQ(Put(progress + "/2026-Q2", body, Pupr()).status, 403);
  EXPECT_EQ(
      Put(Plan() + "/quick-wins/" + std::to_string(kalender) + "/progress/2026-Q2", body, officer)
          .status,
      403);
  json::object bad = body;
  bad["realisation"] = 101;
  bad["milestones_done"] = {"Terbang ke bulan"};
  bad["extra"] = true;
  auto refused = Put(progress + "/2026-Q2", bad, officer);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(ErrorFieldsOf(refused), (std::vector<std::string>{"realisation", "extra"}));
  bad.erase("extra");
  bad["realisation"] = 50;
  auto milestones = Put(progress + "/2026-Q2", bad, officer);
  EXPECT_EQ(milestones.status, 400);
  EXPECT_EQ(ErrorFieldsOf(milestones), std::vector<std::string>{"milestones_done[0]"});
  EXPECT_EQ(Put(progress + "/2026-13", body, officer).status, 400);
  EXPECT_EQ(Ok(progress, officer).at("history").as_array().size(), 1u);  // the demo's

  auto stored = Put(progress + "/2026-Q2", body, officer);
  ASSERT_EQ(stored.status, 200) << stored.body;
  EXPECT_EQ(JsonOf(stored).at("revision").as_int64(), 1);
  EXPECT_EQ(JsonOf(stored).at("milestones_done").as_array().size(), 2u);
  EXPECT_EQ(NationalRow().at("quick_wins").at("progress").as_int64(), 40);  // (80 + 40 + 0) / 3
  const json::object mine = Ok(Plan() + "/progress/2026-Q2", officer);
  EXPECT_EQ(mine.at("quick_wins").as_array().size(), 2u);  // Diskominfo's two quick wins
  EXPECT_EQ(mine.at("quick_win_counts").at("unchecked").as_int64(), 1);

  auto checked =
      Post(Plan() + "/quick-wins/" + std::to_string(pengaduan) + "/progress/2026-Q2/check",
           {{"revision", 1}, {"state", "diperiksa"}}, admin);
  ASSERT_EQ(checked.status, 200) << checked.body;
  const json::object all = Ok(progress, officer);
  EXPECT_EQ(all.at("periods").as_array().size(), 2u);
  EXPECT_EQ(all.at("periods").at(1).at("check_state").as_string(), "diperiksa");
  EXPECT_EQ(all.at("history").as_array().size(), 2u);
}

TEST_F(MasterplanProgressApi, NationalSummaryAsXlsx) {
  auto xlsx = Get(kNational + "?format=xlsx&sort=-progress", {National()});
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.Header("content-disposition"),
            "attachment; filename=\"masterplan-nasional.xlsx\"");
  ASSERT_GT(xlsx.body.size(), 1000u);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  // The sheet names the region (strings are inline in constant-memory workbooks).
  auto sheet = [&](const std::string& bytes) {
    const std::string path =
        ::testing::TempDir() + "/national-" + std::to_string(bytes.size()) + ".xlsx";
    std::ofstream(path, std::ios::binary) << bytes;
    std::string text;
    if (FILE* p = ::popen(("unzip -p '" + path + "' xl/worksheets/sheet1.xml").c_str(), "r")) {
      char buf[4096];
      size_t n = 0;
      while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
      ::pclose(p);
    }
    std::remove(path.c_str());
    return text;
  };
  const std::string rows = sheet(xlsx.body);
  EXPECT_NE(rows.find("Kota Manado"), std::string::npos) << rows.substr(0, 400);
  EXPECT_NE(rows.find("kemajuan_quick_win_persen"), std::string::npos);
  // The filters apply as for JSON and CSV.
  auto other = Get(kNational + "?format=xlsx&province=11", {National()});
  ASSERT_EQ(other.status, 200);
  EXPECT_EQ(sheet(other.body).find("Kota Manado"), std::string::npos);

  auto bad = Get(kNational + "?format=pdf", {National()});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ErrorFieldsOf(bad), std::vector<std::string>{"format"});
  EXPECT_NE(bad.body.find("json, csv atau xlsx"), std::string::npos) << bad.body;
  EXPECT_EQ(Get(kNational + "?format=xlsx", {Admin()}).status, 403);
}

}  // namespace
}  // namespace kc::testing
