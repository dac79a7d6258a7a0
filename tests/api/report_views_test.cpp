// Read views of a region's reports over HTTP: the map feed (GET .../reports/map-points answers
// the list's selection, same filters and public/private view, as positional points with the
// status and category codes listed once, newest first) and the counts by status of the home page.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "manado_api.h"

namespace kc::testing {
namespace {

namespace json = boost::json;

struct Point {
  double lat, lon;
  std::string status, category;
};

class MapPointsApi : public ManadoApi {
 protected:
  static std::string File(const std::string& auth, const std::string& category, double lat,
                          double lon, bool is_public = true) {
    json::object body{{"category", category},
                      {"description", "Laporan untuk peta: " + category},
                      {"lat", lat},
                      {"lon", lon},
                      {"public", is_public}};
    auto r = Send("POST", kManado + "/reports", json::serialize(body), {auth});
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(JsonOf(r).at("tracking").as_string());
  }
  // tracking -> point, in the feed's order in `order`.
  static std::map<std::string, Point> Decode(const json::object& doc,
                                             std::vector<std::string>* order = nullptr) {
    const auto& statuses = doc.at("statuses").as_array();
    const auto& categories = doc.at("categories").as_array();
    std::map<std::string, Point> out;
    for (const auto& v : doc.at("points").as_array()) {
      const auto& p = v.as_array();
      EXPECT_EQ(p.size(), 5u);
      const std::string tracking(p.at(4).as_string());
      out[tracking] = {p.at(0).to_number<double>(), p.at(1).to_number<double>(),
                       std::string(statuses.at(p.at(2).to_number<size_t>()).as_string()),
                       std::string(categories.at(p.at(3).to_number<size_t>()).as_string())};
      if (order) order->push_back(tracking);
    }
    EXPECT_EQ(doc.at("count").as_int64(), static_cast<int64_t>(out.size()));
    return out;
  }
  static std::vector<std::string> ListTrackings(const std::string& query,
                                                std::vector<std::string> headers = {}) {
    std::vector<std::string> out;
    auto doc = JsonOf(Get(kManado + "/reports?limit=100&" + query, std::move(headers)));
    for (const auto& item : doc.at("items").as_array())
      out.emplace_back(item.at("tracking").as_string());
    return out;
  }
};

TEST_F(MapPointsApi, SameSelectionAsTheListInALeanShape) {
  const std::string citizen = CitizenAuth();
  const std::string pupr = PuprAuth();
  const std::string drain = File(citizen, "drainase-tersumbat", 1.4211, 124.8212);
  const std::string second = File(citizen, "drainase-tersumbat", 1.4225, 124.8230);
  const std::string hidden = File(citizen, "drainase-tersumbat", 1.4230, 124.8240, false);
  ASSERT_EQ(Send("POST", kManado + "/reports/" + second + "/status", R"({"status":"diverifikasi"})",
                 {pupr, kJsonType})
                .status,
            200);

  auto r = Get(kManado + "/reports/map-points");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.Header("content-type").find("application/json"), std::string::npos);
  std::vector<std::string> order;
  const auto all = Decode(JsonOf(r), &order);
  EXPECT_EQ(JsonOf(r).at("truncated"), false);
  // Newest first, like the list; the private report is not on the public map.
  EXPECT_EQ(order, ListTrackings(""));
  ASSERT_TRUE(all.contains(drain));
  EXPECT_FALSE(all.contains(hidden));
  EXPECT_NEAR(all.at(drain).lat, 1.4211, 1e-6);
  EXPECT_NEAR(all.at(drain).lon, 124.8212, 1e-6);
  EXPECT_EQ(all.at(drain).status, "diterima");
  EXPECT_EQ(all.at(drain).category, "drainase-tersumbat");
  EXPECT_EQ(all.at(second).status, "diverifikasi");

  // Filters as in the list.
  std::vector<std::string> verified;
  Decode(JsonOf(Get(kManado + "/reports/map-points?status=diverifikasi")), &verified);
  EXPECT_EQ(verified, ListTrackings("status=diverifikasi"));
  EXPECT_NE(std::find(verified.begin(), verified.end(), second), verified.end());
  EXPECT_EQ(std::find(verified.begin(), verified.end(), drain), verified.end());

  // Staff who may read private reports see them too.
  const auto staff = Decode(JsonOf(Get(kManado + "/reports/map-points", {AdminAuth()})));
  EXPECT_TRUE(staff.contains(hidden));
}

TEST_F(MapPointsApi, StatsCountEveryReportByStatus) {
  const std::string citizen = CitizenAuth();
  const std::string done = File(citizen, "drainase-tersumbat", 1.4240, 124.8250);
  File(citizen, "drainase-tersumbat", 1.4241, 124.8251, false);
  const std::string pupr = PuprAuth();
  for (const char* to : {"diverifikasi", "diproses"}) {
    ASSERT_EQ(Send("POST", kManado + "/reports/" + done + "/status",
                   json::serialize(json::object{{"status", to}}), {pupr, kJsonType})
                  .status,
              200);
  }
  ASSERT_EQ(Send("POST", kManado + "/reports/" + done + "/status",
                 R"({"status":"selesai","note":"Sudah dibersihkan."})", {pupr, kJsonType})
                .status,
            200);

  // What the stats say against what the admin's (private) list holds, status by status.
  auto r = Get(kManado + "/reports/stats");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto stats = JsonOf(r);
  const std::string admin = AdminAuth();
  int64_t total = 0;
  for (const char* s : {"diterima", "diverifikasi", "diproses", "selesai", "ditolak", "duplikat"}) {
    int64_t listed = 0;
    std::string cursor;
    do {
      auto page = JsonOf(Get(
          kManado + "/reports?limit=100&status=" + s + (cursor.empty() ? "" : "&cursor=" + cursor),
          {admin}));
      listed += static_cast<int64_t>(page.at("items").as_array().size());
      cursor =
          page.at("next_cursor").is_string() ? std::string(page.at("next_cursor").as_string()) : "";
    } while (!cursor.empty());
    EXPECT_EQ(stats.at("by_status").at(s).as_int64(), listed) << s;
    total += listed;
  }
  EXPECT_EQ(stats.at("total").as_int64(), total);
  EXPECT_GE(stats.at("resolved").as_int64(), 1);
  EXPECT_EQ(stats.at("open").as_int64(), stats.at("by_status").at("diterima").as_int64() +
                                             stats.at("by_status").at("diverifikasi").as_int64() +
                                             stats.at("by_status").at("diproses").as_int64());
  EXPECT_EQ(Get("/api/v1/regions/atlantis/reports/stats").status, 404);
}

TEST_F(MapPointsApi, BadFiltersAndRegionsAreRefused) {
  auto bad = Get(kManado + "/reports/map-points?status=hilang&bbox=1,2");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ErrorFieldsOf(bad), (std::vector<std::string>{"status", "bbox"}));
  EXPECT_EQ(Get("/api/v1/regions/atlantis/reports/map-points").status, 404);
}

}  // namespace
}  // namespace kc::testing
