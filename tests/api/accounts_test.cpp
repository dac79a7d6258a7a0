// Accounts against the real binary: registration, verification, sign-in, sessions, CSRF, bad
// input, lockout, user administration across regions, API keys, the audit log and the CLI.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <regex>
#include <thread>

#include "harness.h"

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const std::string kJson = "Content-Type: application/json";
const std::string kPassword = "Sandi-Kuat-2026";

void Write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string Code(const HttpResponse& r) {
  auto v = json::parse(r.body);
  return v.as_object().contains("error") ? std::string(v.at("error").at("code").as_string()) : "";
}

json::value Body(const HttpResponse& r) { return json::parse(r.body); }

class AccountsApi : public ::testing::Test {
 protected:
  // A data directory prepared with the CLI: hierarchy, regions 71.71 and 71.74, admins.
  static void SetUpTestSuite() {
    root_ = new fs::path(NewTempDir("accounts-api"));
    const fs::path areas = *root_ / "areas";
    fs::create_directories(areas);
    Write(areas / "provinces.csv", "code,name\n71,Sulawesi Utara\n");
    Write(areas / "regencies.csv", "code,province_code,name\n71.71,71,Kota Manado\n71.74,71,Kota Kotamobagu\n");
    Write(areas / "districts.csv", "code,regency_code,name\n71.71.01,71.71,Bunaken\n71.74.01,71.74,Kotamobagu Barat\n");
    Write(areas / "villages.csv", "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n");
    ASSERT_EQ(Cli({"areas", "import", "--source", areas.string()}).first, 0);
    ASSERT_EQ(Cli({"region", "add", "71.71"}).first, 0);
    ASSERT_EQ(Cli({"region", "add", "71.74"}).first, 0);
    auto a = Cli({"user", "add", "--name", "Admin Manado", "--email", "admin@manado.id", "--password", kPassword,
                  "--role", "region_admin", "--region", "71.71"});
    ASSERT_EQ(a.first, 0) << a.second;
    auto b = Cli({"user", "add", "--name", "Admin Kotamobagu", "--email", "admin@kotamobagu.id", "--password",
                  kPassword, "--role", "region_admin", "--region", "71.74"});
    ASSERT_EQ(b.first, 0) << b.second;
    other_admin_id_ = std::stoll(std::regex_replace(b.second, std::regex("^[^:]*: (\\d+)\\t[\\s\\S]*$"), "$1"));
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

  void SetUp() override { server_ = std::make_unique<ServerProcess>(std::vector<std::string>{}, *root_ / "data"); }

  HttpResponse Post(const std::string& target, const std::string& body, std::vector<std::string> headers = {}) {
    headers.push_back(kJson);
    auto r = server_->Send("POST", target, body, headers);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  HttpResponse Get(const std::string& target, std::vector<std::string> headers = {}) {
    auto r = server_->Get(target, headers);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  // Signs in; returns the JSON body (token, csrf_token, user, grants).
  json::object Login(const std::string& login, const std::string& password = kPassword) {
    auto r = Post("/api/v1/auth/login", json::serialize(json::object{{"login", login}, {"password", password}}));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? Body(r).as_object() : json::object{};
  }
  static std::string Bearer(const json::object& s) { return "Authorization: Bearer " + std::string(s.at("token").as_string()); }
  // The last code the log notifier wrote for `contact`.
  std::string LoggedCode(const std::string& contact, const std::string& purpose) {
    const std::regex re("notifier: " + purpose + " code for " + std::regex_replace(contact, std::regex("[.+]"), "\\$&") + ": (\\d+)");
    for (int i = 0; i < 100; ++i) {
      std::ifstream in(*root_ / "data" / "server.log");
      std::string line, code;
      std::smatch m;
      while (std::getline(in, line)) {
        if (std::regex_search(line, m, re)) code = m[1];
      }
      if (!code.empty()) return code;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return "";
  }

  static fs::path* root_;
  static int64_t other_admin_id_;
  std::unique_ptr<ServerProcess> server_;
};
fs::path* AccountsApi::root_ = nullptr;
int64_t AccountsApi::other_admin_id_ = 0;

TEST_F(AccountsApi, RegisterVerifyLoginMeLogout) {
  auto reg = Post("/api/v1/auth/register",
                  R"({"name":"Budi Warga","email":"budi@warga.id","password":"Budi-Sandi-2026"})");
  ASSERT_EQ(reg.status, 201) << reg.body;
  auto early = Post("/api/v1/auth/login", R"({"login":"budi@warga.id","password":"Budi-Sandi-2026"})");
  EXPECT_EQ(early.status, 403);
  EXPECT_EQ(Code(early), "account_not_verified");
  const std::string code = LoggedCode("budi@warga.id", "verify");
  ASSERT_EQ(code.size(), 6u);
  EXPECT_EQ(Post("/api/v1/auth/verify", R"({"login":"budi@warga.id","code":"12345x"})").status, 400);
  EXPECT_EQ(Post("/api/v1/auth/verify", R"({"login":"budi@warga.id","code":")" + code + R"("})").status, 200);

  auto login = Post("/api/v1/auth/login", R"({"login":"budi@warga.id","password":"Budi-Sandi-2026"})");
  ASSERT_EQ(login.status, 200);
  const std::string cookie = login.Header("set-cookie");
  EXPECT_NE(cookie.find("kc_session=kc_sess_"), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);
  auto s = Body(login).as_object();
  const std::string token(s.at("token").as_string()), csrf(s.at("csrf_token").as_string());

  auto tls = Post("/api/v1/auth/login", R"({"login":"budi@warga.id","password":"Budi-Sandi-2026"})",
                  {"X-Forwarded-Proto: https"});
  EXPECT_NE(tls.Header("set-cookie").find("Secure"), std::string::npos);

  auto me = Get("/api/v1/auth/me", {"Authorization: Bearer " + token});
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(Body(me).at("user").at("email").as_string(), "budi@warga.id");
  EXPECT_EQ(Body(me).at("grants").at(0).at("role").as_string(), "citizen");
  EXPECT_EQ(Get("/api/v1/auth/me", {"Cookie: kc_session=" + token}).status, 200);

  // Cookie-authenticated writes need the CSRF token; bearer ones do not.
  auto no_csrf = Post("/api/v1/auth/logout", "", {"Cookie: kc_session=" + token});
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(Code(no_csrf), "csrf_failed");
  auto out = Post("/api/v1/auth/logout", "", {"Cookie: kc_session=" + token, "X-CSRF-Token: " + csrf});
  EXPECT_EQ(out.status, 200);
  EXPECT_NE(out.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  auto replay = Get("/api/v1/auth/me", {"Authorization: Bearer " + token});
  EXPECT_EQ(replay.status, 401);
  EXPECT_EQ(Code(replay), "session_invalid");
}

TEST_F(AccountsApi, BadInputIsRefusedAndChangesNothing) {
  const std::string base = R"("name":"X","password":"Sandi-Lain-2026")";
  EXPECT_EQ(Code(Post("/api/v1/auth/register", "{" + base + R"(,"email":"not-an-email"})")), "validation_failed");
  EXPECT_EQ(Post("/api/v1/auth/register", "{" + base + R"(,"phone":"021-555-1234"})").status, 400);
  EXPECT_EQ(Post("/api/v1/auth/register", "{" + base + "}").status, 400);  // no contact
  EXPECT_EQ(Post("/api/v1/auth/register", R"({"name":")" + std::string(121, 'a') +
                                              R"(","email":"a@b.id","password":"Sandi-Lain-2026"})").status, 400);
  EXPECT_EQ(Post("/api/v1/auth/register", R"({"name":"X","email":"a@b.id","password":"12345678"})").status, 400);
  EXPECT_EQ(Post("/api/v1/auth/register", "{" + base + R"(,"email":"a@b.id","role":"national_admin"})").status, 400);
  EXPECT_EQ(Post("/api/v1/auth/register", R"({"name":")" + std::string(20000, 'a') + R"("})").status, 413);
  auto dup = Post("/api/v1/auth/register", "{" + base + R"(,"email":"admin@manado.id"})");
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(Code(dup), "account_exists");
  auto wrong = Post("/api/v1/auth/login", R"({"login":"admin@manado.id","password":"salah-sekali"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(Code(wrong), "invalid_credentials");
  auto nobody = Post("/api/v1/auth/login", R"({"login":"nobody@manado.id","password":"salah-sekali"})");
  EXPECT_EQ(Code(nobody), "invalid_credentials");  // same answer for unknown accounts
  EXPECT_EQ(Get("/api/v1/auth/me", {"Authorization: Bearer kc_sess_forgedforgedforgedforgedforgedforgedforg"}).status, 401);
  EXPECT_EQ(Get("/api/v1/auth/me").status, 401);
  // Nothing was created: the admin still signs in, the list has only the two CLI admins' region.
  Login("admin@manado.id");
}

TEST_F(AccountsApi, LockoutAnswers429WithRetryAfter) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Post("/api/v1/auth/login", R"({"login":"admin@kotamobagu.id","password":"salah-sekali"})").status, 401);
  }
  auto locked = Post("/api/v1/auth/login", R"({"login":"admin@kotamobagu.id","password":")" + kPassword + R"("})");
  EXPECT_EQ(locked.status, 429);
  EXPECT_GE(std::stoi(locked.Header("retry-after").empty() ? "0" : locked.Header("retry-after")), 60);
  EXPECT_EQ(Code(locked), "rate_limited");
}

TEST_F(AccountsApi, RegionAdminManagesOnlyItsRegionAndEverythingIsAudited) {
  auto s = Login("admin@manado.id");
  const std::string auth = Bearer(s);
  const int64_t admin_id = s.at("user").at("id").as_int64();
  auto created = Post("/api/v1/regions/manado/users",
                      R"({"name":"Agen Bunaken","phone":"0812-1111-2222","password":"Agen-Sandi-2026",)"
                      R"("role":"agent","kecamatan_code":"71.71.01"})", {auth});
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t agent_id = Body(created).at("id").as_int64();
  const std::string user_path = "/api/v1/regions/71.71/users/" + std::to_string(agent_id);

  // Grants: allowed, then the escalation attempts.
  auto kim = Post(user_path + "/grants", R"({"role":"kim_member","kelurahan_code":"71.71.01.1001"})", {auth});
  EXPECT_EQ(kim.status, 201) << kim.body;
  EXPECT_EQ(Post(user_path + "/grants", R"({"role":"kim_member","kelurahan_code":"71.74.01.1001"})", {auth}).status, 400);
  EXPECT_EQ(Post(user_path + "/grants", R"({"role":"consultant"})", {auth}).status, 403);
  EXPECT_EQ(Post("/api/v1/regions/71.71/users/" + std::to_string(admin_id) + "/grants",
                 R"({"role":"agent","kecamatan_code":"71.71.01"})", {auth}).status, 403);  // itself
  EXPECT_EQ(Post("/api/v1/admin/users/" + std::to_string(admin_id) + "/grants", R"({"role":"national_admin"})", {auth}).status, 403);
  // Another region: by its route (hidden), and its user through this region's route (hidden).
  EXPECT_EQ(Get("/api/v1/regions/71.74/users", {auth}).status, 404);
  EXPECT_EQ(Post("/api/v1/regions/71.71/users/" + std::to_string(other_admin_id_) + "/disable", "", {auth}).status, 404);
  EXPECT_EQ(Post("/api/v1/regions/71.71/users/" + std::to_string(other_admin_id_) + "/grants",
                 R"({"role":"agent","kecamatan_code":"71.71.01"})", {auth}).status, 404);

  auto list = Get("/api/v1/regions/71.71/users", {auth});
  ASSERT_EQ(list.status, 200);
  EXPECT_GE(Body(list).at("items").as_array().size(), 2u);  // the admin and the agent at least

  // The agent signs in, then is disabled: the session ends at once.
  auto agent = Login("0812 1111 2222", "Agen-Sandi-2026");
  EXPECT_EQ(Get("/api/v1/regions/71.71/users", {Bearer(agent)}).status, 403);
  EXPECT_EQ(Post(user_path + "/disable", "", {auth}).status, 200);
  EXPECT_EQ(Get("/api/v1/auth/me", {Bearer(agent)}).status, 401);

  auto audit = Get("/api/v1/regions/manado/audit", {auth});
  ASSERT_EQ(audit.status, 200) << audit.body;
  std::vector<std::string> actions;
  const json::value audit_body = Body(audit);
  for (const auto& e : audit_body.at("items").as_array()) {
    actions.emplace_back(e.at("action").as_string());
    if (e.at("action").as_string() == "user.create" && e.at("target").as_string() == "user:" + std::to_string(agent_id)) {
      EXPECT_EQ(e.at("actor").as_string(), "user:" + std::to_string(admin_id));
      EXPECT_EQ(e.at("after").at("phone").as_string(), "+6281211112222");
      EXPECT_FALSE(e.at("after").as_object().contains("password_hash"));
    }
  }
  EXPECT_EQ(actions.at(0), "user.disable");
  EXPECT_NE(std::find(actions.begin(), actions.end(), "grant.add"), actions.end());
  auto grants_only = Get("/api/v1/regions/manado/audit?action=grant.", {auth});
  EXPECT_EQ(Body(grants_only).at("items").as_array().size(), 1u);
  EXPECT_EQ(Get("/api/v1/regions/manado/audit?from=yesterday", {auth}).status, 400);
  EXPECT_EQ(Get("/api/v1/regions/71.74/audit", {auth}).status, 404);
}

TEST_F(AccountsApi, ApiKeysAndSessions) {
  auto s = Login("admin@manado.id");
  const std::string auth = Bearer(s);
  auto key = Post("/api/v1/regions/71.71/apikeys", R"({"name":"Dasbor kota"})", {auth});
  ASSERT_EQ(key.status, 201) << key.body;
  const std::string secret(Body(key).at("key").as_string());
  auto list = Get("/api/v1/regions/71.71/apikeys", {auth});
  EXPECT_EQ(list.body.find(secret), std::string::npos);  // never shown again
  EXPECT_EQ(Get("/api/v1/auth/me", {"X-Api-Key: " + secret}).status, 403);  // not a user
  EXPECT_EQ(Get("/api/v1/regions/71.71/users", {"X-Api-Key: " + secret}).status, 403);
  const std::string id = std::to_string(Body(key).at("id").as_int64());
  auto del = server_->Send("DELETE", "/api/v1/regions/71.71/apikeys/" + id, "", {auth});
  ASSERT_TRUE(del.has_value());
  EXPECT_EQ(del->status, 200);
  EXPECT_EQ(Get("/api/v1/regions/71.71/users", {"X-Api-Key: " + secret}).status, 401);

  auto cli = Cli({"apikey", "add", "--region", "71.71", "--name", "open311"});
  EXPECT_EQ(cli.first, 0);
  EXPECT_NE(cli.second.find("kc_key_"), std::string::npos);

  auto other = Login("admin@manado.id");
  auto sessions = Get("/api/v1/auth/sessions", {auth});
  ASSERT_EQ(sessions.status, 200);
  EXPECT_GE(Body(sessions).at("items").as_array().size(), 2u);
  const std::string other_id = std::to_string(Body(Get("/api/v1/auth/me", {Bearer(other)})).at("session_id").as_int64());
  auto revoke = server_->Send("DELETE", "/api/v1/auth/sessions/" + other_id, "", {auth});
  EXPECT_EQ(revoke->status, 200);
  EXPECT_EQ(Get("/api/v1/auth/me", {Bearer(other)}).status, 401);
  EXPECT_EQ(server_->Send("DELETE", "/api/v1/auth/sessions/999999", "", {auth})->status, 404);
}

TEST_F(AccountsApi, PasswordChangeAndReset) {
  ASSERT_EQ(Cli({"user", "add", "--name", "Ganti", "--email", "ganti@manado.id", "--password", kPassword}).first, 0);
  auto a = Login("ganti@manado.id");
  auto b = Login("ganti@manado.id");
  EXPECT_EQ(Post("/api/v1/auth/password", R"({"current_password":"salah-sekali","new_password":"Baru-Sandi-2027"})",
                 {Bearer(a)}).status, 401);
  EXPECT_EQ(Post("/api/v1/auth/password", R"({"current_password":")" + kPassword + R"(","new_password":"Baru-Sandi-2027"})",
                 {Bearer(a)}).status, 200);
  EXPECT_EQ(Get("/api/v1/auth/me", {Bearer(a)}).status, 200);
  EXPECT_EQ(Get("/api/v1/auth/me", {Bearer(b)}).status, 401);

  EXPECT_EQ(Post("/api/v1/auth/reset/request", R"({"login":"ganti@manado.id"})").status, 202);
  EXPECT_EQ(Post("/api/v1/auth/reset/request", R"({"login":"tidakada@manado.id"})").status, 202);
  const std::string code = LoggedCode("ganti@manado.id", "reset");
  ASSERT_FALSE(code.empty());
  EXPECT_EQ(Post("/api/v1/auth/reset/confirm",
                 R"({"login":"ganti@manado.id","code":")" + code + R"(","new_password":"Reset-Sandi-2028"})").status, 200);
  EXPECT_EQ(Get("/api/v1/auth/me", {Bearer(a)}).status, 401);
  Login("ganti@manado.id", "Reset-Sandi-2028");
}

TEST_F(AccountsApi, Cli) {
  auto add = Cli({"user", "add", "--name", "Cli User", "--email", "cli@manado.id", "--password", kPassword});
  ASSERT_EQ(add.first, 0) << add.second;
  const std::string id = std::regex_replace(add.second, std::regex("^[^:]*: (\\d+)\\t[\\s\\S]*$"), "$1");
  EXPECT_EQ(Cli({"user", "grant", id, "--role", "region_admin", "--region", "71.71"}).first, 0);
  EXPECT_NE(Cli({"user", "grant", id, "--role", "agent", "--region", "71.71", "--kecamatan", "71.74.01"}).first, 0);
  auto list = Cli({"user", "list", "--region", "71.71"});
  EXPECT_NE(list.second.find("cli@manado.id"), std::string::npos);
  EXPECT_EQ(Cli({"user", "revoke", id, "--role", "region_admin", "--region", "71.71"}).first, 0);
  EXPECT_EQ(Cli({"user", "list", "--region", "71.71"}).second.find("cli@manado.id"), std::string::npos);
  EXPECT_EQ(Cli({"user", "set-password", id, "--password", "Cli-Baru-2027"}).first, 0);
  Login("cli@manado.id", "Cli-Baru-2027");
  EXPECT_EQ(Cli({"user", "disable", id}).first, 0);
  EXPECT_EQ(Post("/api/v1/auth/login", R"({"login":"cli@manado.id","password":"Cli-Baru-2027"})").status, 403);
}

}  // namespace
}  // namespace kc::testing
