// The OPD write routes in process (the server refuses non-public routes until the accounts
// module installs its guard, so the black-box test cannot reach them without a session).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <future>

#include "regions/regions_module.h"
#include "regions/test_fixtures.h"

namespace kc::regions {
namespace {

class OpdRoutesTest : public testing::RegionsTest {
 protected:
  void SetUp() override {
    RegionsTest::SetUp();
    ASSERT_TRUE(RegionService(*store_).AddRegion({.code = "71.71"}).ok());
    ASSERT_TRUE(RegisterRoutes(router_, *db_).ok());
  }
  http::Response Call(http::Method method, const std::string& path, const std::string& body) {
    auto match = router_.Find(method, path);
    EXPECT_NE(match.route, nullptr) << path;
    if (match.route == nullptr) return {};
    http::Request req;
    req.method = method;
    req.path = path;
    req.body = body;
    req.headers = {{"content-type", "application/json"}};
    req.params = match.params;
    std::promise<http::Response> p;
    match.route->handler(req, [&p](http::Response r) { p.set_value(std::move(r)); });
    return p.get_future().get();
  }
  http::Router router_;
};

TEST_F(OpdRoutesTest, CreateValidateConflictAndPatch) {
  auto created = Call(http::Method::kPost, "/api/v1/regions/manado/opds",
                      R"({"name":"Dinas Perhubungan","short_name":"Dishub","type":"dinas"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto opd = boost::json::parse(created.body);
  EXPECT_EQ(opd.at("region_code").as_string(), "71.71");
  EXPECT_TRUE(opd.at("active").as_bool());
  const int64_t id = opd.at("id").as_int64();

  EXPECT_EQ(Call(http::Method::kPost, "/api/v1/regions/71.71/opds",
                 R"({"name":"Dinas Perhubungan Kota","short_name":"DISHUB","type":"dinas"})").status, 409);
  auto invalid = Call(http::Method::kPost, "/api/v1/regions/71.71/opds",
                      R"({"name":"","type":"ministry","extra":1})");
  EXPECT_EQ(invalid.status, 400);
  const auto details = boost::json::parse(invalid.body).at("error").at("details").as_array();
  EXPECT_EQ(details.size(), 4U) << invalid.body;  // name, short_name, type, extra
  EXPECT_EQ(Call(http::Method::kPost, "/api/v1/regions/nowhere/opds",
                 R"({"name":"X","short_name":"XX","type":"dinas"})").status, 404);
  EXPECT_EQ(Call(http::Method::kPost, "/api/v1/regions/71.71/opds", "not json").status, 400);

  const std::string path = "/api/v1/regions/71.71/opds/" + std::to_string(id);
  auto patched = Call(http::Method::kPatch, path, R"({"type":"badan","active":false})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(boost::json::parse(patched.body).at("type").as_string(), "badan");
  EXPECT_EQ(Call(http::Method::kPatch, path, "{}").status, 400);
  EXPECT_EQ(Call(http::Method::kPatch, "/api/v1/regions/71.71/opds/abc", R"({"active":true})").status, 404);
  auto list = Call(http::Method::kGet, "/api/v1/regions/manado/opds", "");
  EXPECT_EQ(boost::json::parse(list.body).at("items").as_array().size(), 1U);
}

}  // namespace
}  // namespace kc::regions
