// A resident's notifications over HTTP: the public timeline entries of the reports they filed
// or follow, written by others, newest first, with a read mark that only moves forward.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/pagination.h"
#include "manado_api.h"

namespace kc::testing {
namespace {

namespace json = boost::json;

class NotificationsApi : public ManadoApi {
 protected:
  static std::string FileReport(const std::string& auth) {
    json::object body{{"category", "drainase-tersumbat"},
                      {"description", "Got di depan pasar tersumbat, air meluap"},
                      {"lat", 1.42},
                      {"lon", 124.82}};
    auto r = Send("POST", kManado + "/reports", json::serialize(body), {auth});
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(JsonOf(r).at("tracking").as_string());
  }
  static int Act(const std::string& tracking, const std::string& action, const json::object& body,
                 const std::string& auth) {
    return Send("POST", kManado + "/reports/" + tracking + "/" + action, json::serialize(body),
                {auth, kJsonType})
        .status;
  }
  // (kind, to, text) of each notification of `tracking`, newest first.
  static std::vector<std::string> Of(const json::object& doc, const std::string& tracking) {
    std::vector<std::string> out;
    for (const auto& v : doc.at("notifications").as_array()) {
      const auto& n = v.as_object();
      if (n.at("tracking") != tracking.c_str()) continue;
      std::string line(n.at("kind").as_string());
      if (n.at("to").is_string()) line += ":" + std::string(n.at("to").as_string());
      if (n.at("text").is_string()) line += ":" + std::string(n.at("text").as_string());
      out.push_back(line);
    }
    return out;
  }
  static HttpResponse MarkRead(const std::string& auth, const std::string& body) {
    return Send("POST", "/api/v1/me/notifications/read", body, {auth, kJsonType});
  }
};

TEST_F(NotificationsApi, ReporterAndFollowerHearOfPublicChangesByOthers) {
  const std::string citizen = CitizenAuth();
  const std::string pupr = PuprAuth();
  const std::string admin = AdminAuth();
  const std::string tracking = FileReport(citizen);
  ASSERT_EQ(Send("PUT", kManado + "/reports/" + tracking + "/follow", "", {admin}).status, 200);

  ASSERT_EQ(Act(tracking, "status", {{"status", "diverifikasi"}}, pupr), 200);
  ASSERT_EQ(Act(tracking, "notes", {{"text", "Menunggu alat berat."}, {"public", false}}, pupr),
            201);
  ASSERT_EQ(Act(tracking, "notes", {{"text", "Tim datang besok."}, {"public", true}}, pupr), 201);

  auto mine = Get("/api/v1/me/notifications", {citizen});
  ASSERT_EQ(mine.status, 200) << mine.body;
  const auto doc = JsonOf(mine);
  // The internal note is not news to the public; newest first.
  EXPECT_EQ(Of(doc, tracking),
            (std::vector<std::string>{"note:Tim datang besok.", "status:diverifikasi"}));
  const auto& first = doc.at("notifications").as_array().at(0).as_object();
  EXPECT_EQ(first.at("region_slug"), "manado");
  EXPECT_EQ(first.at("unread"), true);
  EXPECT_GE(doc.at("unread").as_int64(), 2);

  // The follower hears the same, and the reporter's own rating later, but not their own acts.
  ASSERT_EQ(Act(tracking, "status", {{"status", "diproses"}}, pupr), 200);
  ASSERT_EQ(Act(tracking, "status", {{"status", "selesai"}, {"note", "Sudah bersih."}}, pupr), 200);
  ASSERT_EQ(Act(tracking, "rating", {{"stars", 5}}, citizen), 200);
  const auto followed = Of(JsonOf(Get("/api/v1/me/notifications", {admin})), tracking);
  ASSERT_FALSE(followed.empty());
  EXPECT_EQ(followed.front().rfind("rated", 0), 0u) << followed.front();
  for (const auto& line : Of(JsonOf(Get("/api/v1/me/notifications", {citizen})), tracking)) {
    EXPECT_NE(line.rfind("rated", 0), 0u) << "the reporter's own rating is no news to them";
  }
  // The officer who did the work neither filed nor follows it.
  EXPECT_TRUE(Of(JsonOf(Get("/api/v1/me/notifications", {pupr})), tracking).empty());
}

TEST_F(NotificationsApi, ReadMarkMovesOnlyForwardAndPagesByCursor) {
  const std::string citizen = CitizenAuth();
  const std::string pupr = PuprAuth();
  const std::string tracking = FileReport(citizen);
  ASSERT_EQ(Act(tracking, "status", {{"status", "diverifikasi"}}, pupr), 200);
  ASSERT_EQ(Act(tracking, "status", {{"status", "diproses"}}, pupr), 200);

  auto page1 = Get("/api/v1/me/notifications?limit=1", {citizen});
  ASSERT_EQ(page1.status, 200) << page1.body;
  const auto doc1 = JsonOf(page1);
  ASSERT_EQ(doc1.at("notifications").as_array().size(), 1u);
  const int64_t newest = doc1.at("notifications").as_array().at(0).at("id").as_int64();
  ASSERT_TRUE(doc1.at("next_cursor").is_string());
  auto page2 = Get(
      "/api/v1/me/notifications?limit=1&cursor=" + std::string(doc1.at("next_cursor").as_string()),
      {citizen});
  ASSERT_EQ(page2.status, 200) << page2.body;
  const int64_t older = JsonOf(page2).at("notifications").as_array().at(0).at("id").as_int64();
  EXPECT_LT(older, newest);

  // Read up to the older one: the newer stays unread; a mark back does not move it back; a
  // mark past the newest entry stops there, so tomorrow's news is unread.
  auto read = MarkRead(citizen, json::serialize(json::object{{"up_to", older}}));
  ASSERT_EQ(read.status, 200) << read.body;
  const int64_t unread_after_older = JsonOf(read).at("unread").as_int64();
  EXPECT_GE(unread_after_older, 1);
  EXPECT_EQ(JsonOf(MarkRead(citizen, R"({"up_to":0})")).at("unread").as_int64(),
            unread_after_older);
  EXPECT_EQ(JsonOf(MarkRead(citizen, R"({"up_to":9000000000000})")).at("unread").as_int64(), 0);
  ASSERT_EQ(Act(tracking, "notes", {{"text", "Pekerjaan dimulai."}, {"public", true}}, pupr), 201);
  auto after = JsonOf(Get("/api/v1/me/notifications", {citizen}));
  EXPECT_EQ(after.at("unread").as_int64(), 1);
  EXPECT_EQ(after.at("notifications").as_array().at(0).at("unread"), true);
  EXPECT_EQ(after.at("notifications").as_array().at(1).at("unread"), false);
}

TEST_F(NotificationsApi, BadInputIsRefused) {
  const std::string citizen = CitizenAuth();
  EXPECT_EQ(Get("/api/v1/me/notifications").status, 401);
  EXPECT_EQ(Send("POST", "/api/v1/me/notifications/read", R"({"up_to":1})", {kJsonType}).status,
            401);
  for (const std::string body :
       {R"({})", R"({"up_to":"x"})", R"({"up_to":-1})", R"({"up_to":1,"semua":true})"}) {
    auto r = MarkRead(citizen, body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_FALSE(ErrorFieldsOf(r).empty()) << body << " " << r.body;
  }
  EXPECT_EQ(MarkRead(citizen, "up_to=1").status, 400);
  EXPECT_EQ(Get("/api/v1/me/notifications?limit=0", {citizen}).status, 400);
  EXPECT_EQ(Get("/api/v1/me/notifications?cursor=zzz", {citizen}).status, 400);
  // A well-formed cursor that holds no id: the cursor field is named, on both id-paged lists.
  const std::string not_an_id = http::EncodeCursor("abc");
  for (const std::string path : {"/api/v1/me/notifications", "/api/v1/me/reports"}) {
    auto r = Get(path + "?cursor=" + not_an_id, {citizen});
    EXPECT_EQ(r.status, 400) << path;
    EXPECT_EQ(ErrorFieldsOf(r), std::vector<std::string>{"cursor"}) << path << " " << r.body;
  }
}

}  // namespace
}  // namespace kc::testing
