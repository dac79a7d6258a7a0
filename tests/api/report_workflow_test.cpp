// The report workflow over HTTP against the real binary, with the demo accounts: a citizen's
// report moves diterima -> diverifikasi -> diproses -> selesai by the OPD it was routed to,
// with public and internal notes; the public sees the timeline without internal entries; others
// support and comment (moderated); the reporter rates and reopens; the region admin reassigns
// and merges a duplicate; role rules per route; bad input answers 4xx and changes nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "manado_api.h"

namespace kc::testing {
namespace {

namespace json = boost::json;

class ReportWorkflowApi : public ManadoApi {
 protected:
  // A citizen's report of a blocked drain in Molas (routed to Dinas PUPR by category).
  static std::string FileReport(const std::string& auth, double lat = 1.42, double lon = 124.82) {
    json::object body{{"category", "drainase-tersumbat"},
                      {"description", "Saluran air tersumbat sampah, air meluap ke jalan"},
                      {"lat", lat},
                      {"lon", lon}};
    auto r = Send("POST", kManado + "/reports", json::serialize(body), {auth});
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(JsonOf(r).at("tracking").as_string());
  }
  static HttpResponse Post(const std::string& tracking, const std::string& action,
                           const json::object& body, const std::string& auth) {
    std::vector<std::string> headers;
    if (!auth.empty()) headers.push_back(auth);
    return Send("POST", kManado + "/reports/" + tracking + "/" + action, json::serialize(body),
                headers);
  }
  static std::vector<std::string> Kinds(const HttpResponse& timeline) {
    std::vector<std::string> out;
    const auto doc = JsonOf(timeline);
    for (const auto& item : doc.at("items").as_array()) out.emplace_back(item.at("kind").as_string());
    return out;
  }
};

TEST_F(ReportWorkflowApi, OfficerResolvesAndReporterRatesAndReopens) {
  const std::string citizen = CitizenAuth();
  const std::string pupr = PuprAuth();
  const std::string tracking = FileReport(citizen);
  auto report = JsonOf(Get(kManado + "/reports/" + tracking, {pupr}));
  ASSERT_EQ(report.at("opd").at("name"), "Dinas PUPR");

  // Only the OPD's officers move it; anonymous callers are asked to sign in.
  EXPECT_EQ(Post(tracking, "status", {{"status", "diverifikasi"}}, "").status, 401);
  EXPECT_EQ(Post(tracking, "status", {{"status", "diverifikasi"}}, citizen).status, 403);
  auto verified = Post(tracking, "status", {{"status", "diverifikasi"}}, pupr);
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(JsonOf(verified).at("status"), "diverifikasi");
  EXPECT_FALSE(JsonOf(verified).at("sla").at("responded_at").is_null());

  EXPECT_EQ(Post(tracking, "notes", {{"text", "Perlu alat berat dari gudang."}, {"public", false}}, pupr).status, 201);
  EXPECT_EQ(Post(tracking, "notes", {{"text", "Tim dijadwalkan besok pagi."}, {"public", true}}, pupr).status, 201);
  ASSERT_EQ(Post(tracking, "status", {{"status", "diproses"}}, pupr).status, 200);
  auto no_note = Post(tracking, "status", {{"status", "selesai"}}, pupr);
  EXPECT_EQ(no_note.status, 400);
  EXPECT_EQ(ErrorFieldsOf(no_note), std::vector<std::string>{"note"});
  auto done = Post(tracking, "status", {{"status", "selesai"}, {"note", "Saluran sudah dibersihkan."}}, pupr);
  ASSERT_EQ(done.status, 200) << done.body;

  // The public timeline hides the internal note and the officers' names.
  auto pub = Get(kManado + "/reports/" + tracking + "/timeline");
  ASSERT_EQ(pub.status, 200);
  EXPECT_EQ(Kinds(pub), (std::vector<std::string>{"created", "status", "note", "status", "status", "note"}));
  EXPECT_EQ(pub.body.find("alat berat"), std::string::npos);
  EXPECT_EQ(pub.body.find("Petugas"), std::string::npos);
  auto officer_view = Get(kManado + "/reports/" + tracking + "/timeline", {pupr});
  EXPECT_NE(officer_view.body.find("alat berat"), std::string::npos);

  // Rating: only the reporter, 1..5.
  EXPECT_EQ(Post(tracking, "rating", {{"stars", 6}}, citizen).status, 400);
  EXPECT_EQ(Post(tracking, "rating", {{"stars", 4}}, pupr).status, 403);
  auto rated = Post(tracking, "rating", {{"stars", 4}, {"text", "Cepat ditangani"}}, citizen);
  ASSERT_EQ(rated.status, 200) << rated.body;
  EXPECT_EQ(JsonOf(rated).at("rating").at("stars"), 4);

  // Reopen needs a reason; then it is back in diproses.
  EXPECT_EQ(Post(tracking, "reopen", {{"reason", "   "}}, citizen).status, 400);
  auto reopened = Post(tracking, "reopen", {{"reason", "Tersumbat lagi setelah hujan"}}, citizen);
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(JsonOf(reopened).at("status"), "diproses");

  // The caller's own reports.
  auto mine = Get("/api/v1/me/reports", {citizen});
  ASSERT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find(tracking), std::string::npos);
  EXPECT_EQ(Get("/api/v1/me/reports").status, 401);
}

TEST_F(ReportWorkflowApi, SupportCommentsAndModeration) {
  const std::string citizen = CitizenAuth();
  const std::string admin = AdminAuth();
  const std::string consultant = Login("konsultan@demo.kotacerdas.id", "Demo-Konsultan-2026");
  const std::string tracking = FileReport(citizen, 1.43, 124.83);
  const std::string base = kManado + "/reports/" + tracking;
  EXPECT_EQ(Send("PUT", base + "/support", "", {}).status, 401);
  EXPECT_EQ(Send("PUT", base + "/support", "", {citizen}).status, 409);  // own report
  auto plus = Send("PUT", base + "/support", "", {consultant});
  ASSERT_EQ(plus.status, 200) << plus.body;
  EXPECT_EQ(JsonOf(plus).at("supporters"), 1);
  EXPECT_EQ(JsonOf(Send("PUT", base + "/support", "", {consultant})).at("supporters"), 1);
  EXPECT_EQ(JsonOf(Send("PUT", base + "/follow", "", {admin})).at("following"), true);

  auto comment = Post(tracking, "comments", {{"text", "<script>alert(1)</script> sudah lama!"}}, consultant);
  ASSERT_EQ(comment.status, 201) << comment.body;
  const auto c = JsonOf(comment).at("comment").as_object();
  EXPECT_EQ(c.at("status"), "pending");
  EXPECT_EQ(c.at("text"), "<script>alert(1)</script> sudah lama!");  // verbatim, JSON-escaped
  EXPECT_EQ(JsonOf(Get(base + "/comments")).at("items").as_array().size(), 0u);
  const std::string moderation = "comments/" + std::to_string(c.at("id").as_int64()) + "/moderation";
  EXPECT_EQ(Post(tracking, moderation, {{"action", "approve"}}, consultant).status, 403);
  EXPECT_EQ(Post(tracking, moderation, {{"action", "publish"}}, admin).status, 400);
  ASSERT_EQ(Post(tracking, moderation, {{"action", "approve"}}, admin).status, 200);
  EXPECT_EQ(JsonOf(Get(base + "/comments")).at("items").as_array().size(), 1u);

  // Possible duplicates near the point, nearest first, without personal data.
  auto near = Get(kManado + "/reports/nearby?category=drainase-tersumbat&lat=1.4301&lon=124.8301");
  ASSERT_EQ(near.status, 200) << near.body;
  const auto items = JsonOf(near).at("items").as_array();
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0].at("tracking").as_string(), tracking);
  EXPECT_LT(items[0].at("distance_m").as_double(), 30);
  EXPECT_FALSE(items[0].as_object().contains("reporter"));
  EXPECT_EQ(Get(kManado + "/reports/nearby?category=drainase-tersumbat&lat=abc&lon=1").status, 400);
}

TEST_F(ReportWorkflowApi, AdminReassignsRejectsAndMerges) {
  const std::string citizen = CitizenAuth();
  const std::string admin = AdminAuth();
  const std::string pupr = PuprAuth();
  const std::string first = FileReport(citizen, 1.44, 124.84);
  const std::string second = FileReport(citizen, 1.4401, 124.8401);
  auto opds = JsonOf(Get(kManado + "/opds", {admin}));
  int64_t dlh = 0;
  for (const auto& o : opds.at("items").as_array()) {
    if (o.at("short_name") == "DLH") dlh = o.at("id").as_int64();
  }
  ASSERT_NE(dlh, 0);
  EXPECT_EQ(Post(first, "assign", {{"opd_id", dlh}, {"reason", "Sampah"}}, pupr).status, 403);
  auto bad = Post(first, "assign", {{"opd_id", 987654}, {"reason", "Sampah"}}, admin);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ErrorFieldsOf(bad), std::vector<std::string>{"opd_id"});
  auto moved = Post(first, "assign", {{"opd_id", dlh}, {"reason", "Sumbatan oleh sampah rumah tangga"}}, admin);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(JsonOf(moved).at("opd").at("id"), dlh);
  EXPECT_EQ(Post(first, "status", {{"status", "diverifikasi"}}, pupr).status, 403);  // no longer PUPR's

  auto merged = Post(second, "merge", {{"into", first}, {"reason", "Lokasi sama"}}, admin);
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(JsonOf(merged).at("status"), "duplikat");
  EXPECT_EQ(JsonOf(merged).at("merged_into").as_string(), first);
  EXPECT_EQ(Post(second, "merge", {{"into", first}}, admin).status, 409);  // already closed

  auto reject = Post(first, "status", {{"status", "ditolak"}}, admin);
  EXPECT_EQ(reject.status, 400);
  ASSERT_EQ(Post(first, "status", {{"status", "ditolak"}, {"reason", "Saluran milik swasta"}}, admin).status, 200);
  EXPECT_EQ(Post(first, "status", {{"status", "ditolak"}, {"reason", "lagi"}}, admin).status, 409);
  // The audit log has the admin's actions on the report.
  auto audit = Get(kManado + "/audit?action=report.", {admin});
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("report.assign"), std::string::npos);
  EXPECT_NE(audit.body.find("report.merge"), std::string::npos);
}

TEST_F(ReportWorkflowApi, BadInputIsRefusedAndChangesNothing) {
  const std::string citizen = CitizenAuth();
  const std::string pupr = PuprAuth();
  const std::string tracking = FileReport(citizen, 1.46, 124.81);
  auto unknown_status = Post(tracking, "status", {{"status", "beres"}}, pupr);
  EXPECT_EQ(unknown_status.status, 400);
  EXPECT_EQ(ErrorFieldsOf(unknown_status), std::vector<std::string>{"status"});
  auto extra = Post(tracking, "status", {{"status", "diproses"}, {"prioritas", 1}}, pupr);
  EXPECT_EQ(extra.status, 400);
  EXPECT_EQ(ErrorCodeOf(extra), "validation_failed");
  auto not_json = Send("POST", kManado + "/reports/" + tracking + "/status", "status=diproses",
                       {pupr, "Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(not_json.status, 415);
  EXPECT_EQ(Post("MDO-2026-999999", "status", {{"status", "diproses"}}, pupr).status, 404);
  EXPECT_EQ(Post(tracking, "status", {{"status", "duplikat"}}, pupr).status, 409);
  auto english = Send("POST", kManado + "/reports/" + tracking + "/status",
                      R"({"status":"selesai","note":"x"})", {pupr, "Accept-Language: en"});
  EXPECT_EQ(english.status, 409);
  EXPECT_NE(english.body.find("cannot change"), std::string::npos) << english.body;
  // Nothing moved.
  auto after = JsonOf(Get(kManado + "/reports/" + tracking, {pupr}));
  EXPECT_EQ(after.at("status"), "diterima");
  EXPECT_EQ(Kinds(Get(kManado + "/reports/" + tracking + "/timeline", {pupr})),
            std::vector<std::string>{"created"});
}

TEST_F(ReportWorkflowApi, RegionAdminEditsCategoriesAndTheirSla) {
  const std::string admin = AdminAuth();
  const std::string path = kManado + "/categories/sumur-tercemar";
  json::object body{{"name_id", "Sumur tercemar"},
                    {"name_en", "Contaminated well"},
                    {"group", "Lingkungan"},
                    {"keywords", json::array{"sumur", "air"}},
                    {"sla_response_hours", 4},
                    {"sla_resolve_days", 2},
                    {"attributes", json::array{json::object{{"code", "kedalaman_m"},
                                                            {"datatype", "number"},
                                                            {"required", false},
                                                            {"order", 1},
                                                            {"description", "Kedalaman sumur (m)"},
                                                            {"variable", true}}}}};
  EXPECT_EQ(Send("PUT", path, json::serialize(body), {CitizenAuth()}).status, 403);
  auto created = Send("PUT", path, json::serialize(body), {admin});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(JsonOf(created).at("sla").at("response_hours"), 4);
  body["sla_response_hours"] = 8;
  auto updated = Send("PUT", path, json::serialize(body), {admin});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(JsonOf(Get(path)).at("sla").at("response_hours"), 8);

  json::object bad = body;
  bad["sla_resolve_days"] = 0;
  bad["warna"] = "merah";
  bad.erase("name_id");
  auto refused = Send("PUT", path, json::serialize(bad), {admin});
  EXPECT_EQ(refused.status, 400);
  const auto fields = ErrorFieldsOf(refused);
  for (const char* f : {"sla_resolve_days", "warna", "name_id"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f << " in " << refused.body;
  }
  EXPECT_EQ(JsonOf(Get(path)).at("name"), "Sumur tercemar");  // unchanged

  // A report in it gets SLA deadlines from the category, in working hours.
  json::object report{{"category", "sumur-tercemar"},
                      {"description", "Air sumur berbau dan berwarna keruh sejak minggu lalu"},
                      {"lat", 1.41},
                      {"lon", 124.86}};
  auto filed = Send("POST", kManado + "/reports", json::serialize(report), {CitizenAuth()});
  ASSERT_EQ(filed.status, 201) << filed.body;
  auto shown = JsonOf(Get(kManado + "/reports/" + std::string(JsonOf(filed).at("tracking").as_string())));
  EXPECT_FALSE(shown.at("sla").at("response_due").is_null());
  EXPECT_LT(shown.at("sla").at("response_due").as_string(), shown.at("sla").at("resolve_due").as_string());
}

TEST_F(ReportWorkflowApi, ReferralLinkCountsTheReportForTheAgent) {
  const std::string admin = AdminAuth();
  auto agents = Get(kManado + "/agents", {admin});
  ASSERT_EQ(agents.status, 200) << agents.body;
  const auto list = JsonOf(agents).at("items").as_array();
  ASSERT_FALSE(list.empty());
  const int64_t agent = list[0].at("id").as_int64();
  const std::string code(list[0].at("referral_code").as_string());
  json::object body{{"category", "drainase-tersumbat"},
                    {"description", "Got tersumbat di depan sekolah dasar, air meluap"},
                    {"lat", 1.47},
                    {"lon", 124.83}};
  ASSERT_EQ(Send("POST", kManado + "/reports?ref=" + code, json::serialize(body)).status, 201);
  // An unknown code attributes nothing and refuses nothing.
  ASSERT_EQ(Send("POST", kManado + "/reports?ref=ZZZZZZ", json::serialize(body)).status, 201);
  auto adoption = Get(kManado + "/community/adoption", {admin});
  ASSERT_EQ(adoption.status, 200) << adoption.body;
  int64_t reports = -1;
  const auto doc = JsonOf(adoption);  // kept alive: the loop borrows from it
  for (const auto& a : doc.at("agents").as_array()) {
    if (a.at("agent_id").as_int64() == agent) reports = a.at("reports").as_int64();
  }
  EXPECT_EQ(reports, 1) << adoption.body;
}

TEST_F(ReportWorkflowApi, AnonymousFloodsAreRateLimited) {
  // Each attempt counts, valid or not; the 61st within seconds is refused with Retry-After.
  int limited = 0;
  std::string retry_after;
  for (int i = 0; i < 70; ++i) {
    auto r = Send("POST", kManado + "/reports", R"({"category":"x"})");
    if (r.status == 429) {
      ++limited;
      retry_after = r.Header("retry-after");
    } else {
      EXPECT_EQ(r.status, 400);
    }
  }
  EXPECT_GE(limited, 5);
  EXPECT_FALSE(retry_after.empty());
  // Signed-in residents have their own budget.
  EXPECT_EQ(Post("MDO-2026-999999", "status", {{"status", "diproses"}}, CitizenAuth()).status, 403);
  json::object body{{"category", "drainase-tersumbat"},
                    {"description", "Got tersumbat di depan sekolah dasar, air meluap"},
                    {"lat", 1.47},
                    {"lon", 124.83}};
  EXPECT_EQ(Send("POST", kManado + "/reports", json::serialize(body), {CitizenAuth()}).status, 201);
}

}  // namespace
}  // namespace kc::testing
