// The guard in-process: credentials, CSRF, tenancy (401/403/404), API keys, slugs.
#include <gtest/gtest.h>

#include "accounts/test_fixture.h"

namespace kc::accounts::testing {
namespace {

using http::Method;

class GuardTest : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    MakeUser("admin@manado.id", Grant{Role::kRegionAdmin, "71.71", {}});
    MakeUser("pupr@manado.id", Grant{Role::kOpdOfficer, "71.71", {.opd_id = pupr_id_}});
    auto a = Login("admin@manado.id", "Rahasia-Kuat-2026");
    auto o = Login("pupr@manado.id", "Rahasia-Kuat-2026");
    ASSERT_TRUE(a.ok() && o.ok());
    admin_ = a->session.token;
    admin_csrf_ = a->session.csrf_token;
    officer_ = o->session.token;
  }
  http::Route MakeRoute(Method m, std::string perm, std::string region_param = "region") {
    return {.method = m, .pattern = "/x/{region}", .permission = std::move(perm),
            .region_param = std::move(region_param), .handler = http::Sync([](http::Request&) { return http::Response{}; })};
  }
  // The status the guard answers (200 when it lets the request through).
  int Status(const http::Route& route, std::vector<std::pair<std::string, std::string>> headers,
             const std::string& region = "71.71", std::string query = "") {
    http::Request req;
    req.method = route.method;
    req.path = "/x/" + region;
    req.query = std::move(query);
    req.headers = std::move(headers);
    req.params = {{"region", region}};
    auto r = module_->guard().Check(req, route);
    return r ? r->status : 200;
  }
  std::pair<std::string, std::string> Bearer(const std::string& t) { return {"authorization", "Bearer " + t}; }
  std::pair<std::string, std::string> Cookie(const std::string& t) { return {"cookie", "a=b; kc_session=" + t}; }

  std::string admin_, admin_csrf_, officer_;
};

TEST_F(GuardTest, AnonymousGets401OnlyOnNonPublicRoutes) {
  EXPECT_EQ(Status(MakeRoute(Method::kGet, "public", ""), {}), 200);
  EXPECT_EQ(Status(MakeRoute(Method::kGet, "user.manage"), {}), 401);
  EXPECT_EQ(Status(MakeRoute(Method::kGet, "authenticated", ""), {}), 401);
}

TEST_F(GuardTest, TenancyHidesOtherRegionsAndForbidsMissingPermission) {
  const auto manage = MakeRoute(Method::kGet, "user.manage");
  EXPECT_EQ(Status(manage, {Bearer(admin_)}), 200);
  EXPECT_EQ(Status(manage, {Bearer(admin_)}, "manado"), 200);  // slug resolved
  EXPECT_EQ(Status(manage, {Bearer(admin_)}, "71.74"), 404);    // another region: hidden
  EXPECT_EQ(Status(manage, {Bearer(admin_)}, "nowhere"), 404);
  EXPECT_EQ(Status(manage, {Bearer(officer_)}), 403);           // own region, no permission
  EXPECT_EQ(Status(MakeRoute(Method::kGet, "national.manage", ""), {Bearer(admin_)}), 403);
}

TEST_F(GuardTest, BadCredentials) {
  const auto me = MakeRoute(Method::kGet, "authenticated", "");
  EXPECT_EQ(Status(me, {Bearer(NewToken(kSessionTokenPrefix))}), 401);
  EXPECT_EQ(Status(me, {{"authorization", "Basic YTpi"}}), 401);
  EXPECT_EQ(Status(MakeRoute(Method::kGet, "public", ""), {Bearer("forged")}), 200);  // ignored
}

TEST_F(GuardTest, CsrfForCookieWrites) {
  const auto post = MakeRoute(Method::kPost, "user.manage");
  EXPECT_EQ(Status(post, {Cookie(admin_)}), 403);
  EXPECT_EQ(Status(post, {Cookie(admin_), {"x-csrf-token", "0000"}}), 403);
  EXPECT_EQ(Status(post, {Cookie(admin_), {"x-csrf-token", admin_csrf_}}), 200);
  EXPECT_EQ(Status(post, {Bearer(admin_)}), 200);  // bearer: exempt
  EXPECT_EQ(Status(MakeRoute(Method::kGet, "user.manage"), {Cookie(admin_)}), 200);
  // Another session's token does not verify.
  auto other = Login("admin@manado.id", "Rahasia-Kuat-2026");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(Status(post, {Cookie(admin_), {"x-csrf-token", other->session.csrf_token}}), 403);
  // A public write proceeds, but anonymously.
  http::Request req;
  req.method = Method::kPost;
  req.headers = {Cookie(admin_)};
  ASSERT_FALSE(module_->guard().Check(req, MakeRoute(Method::kPost, "public", "")).has_value());
  EXPECT_TRUE(CallerOf(req).IsAnonymous());
}

TEST_F(GuardTest, ApiKeysHoldReportCreateInTheirRegion) {
  auto key = Await<std::pair<ApiKey, std::string>>([&](Done<std::pair<ApiKey, std::string>> d) {
    module_->admin().CreateApiKey(AdminActor::Cli(), "71.71", "open311", std::move(d));
  });
  ASSERT_TRUE(key.ok());
  const std::string secret = key->second;
  const auto create = MakeRoute(Method::kPost, "report.create");
  EXPECT_EQ(Status(create, {{"x-api-key", secret}}), 200);
  EXPECT_EQ(Status(create, {}, "71.71", "api_key=" + secret), 200);
  EXPECT_EQ(Status(create, {{"x-api-key", secret}}, "71.74"), 404);
  EXPECT_EQ(Status(MakeRoute(Method::kGet, "region.read_private"), {{"x-api-key", secret}}), 403);
  EXPECT_EQ(Status(MakeRoute(Method::kGet, "authenticated", ""), {{"x-api-key", secret}}), 403);
  ASSERT_TRUE(AwaitStatus([&](StatusDone d) {
                module_->admin().RevokeApiKey(AdminActor::Cli(), "71.71", key->first.id, std::move(d));
              }).ok());
  EXPECT_EQ(Status(create, {{"x-api-key", secret}}), 401);
}

TEST_F(GuardTest, UnknownPermissionFailsClosed) {
  EXPECT_EQ(Status(MakeRoute(Method::kGet, "reports.everything"), {Bearer(admin_)}), 500);
}

TEST(CookieTest, Parsing) {
  EXPECT_EQ(CookieValue("kc_session=abc", "kc_session"), "abc");
  EXPECT_EQ(CookieValue("x=1; kc_session=\"abc\" ; y=2", "kc_session"), "abc");
  EXPECT_EQ(CookieValue("xkc_session=abc", "kc_session"), "");
  EXPECT_EQ(CookieValue("", "kc_session"), "");
}

}  // namespace
}  // namespace kc::accounts::testing
