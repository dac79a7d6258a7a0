// The authorisation matrix, generated from the real route table: the application's router is
// built in-process (app::RegisterAllRoutes on a temp database) and for EVERY route, every role
// (and anonymous), in its own region and in another one, the guard's answer is compared with
// the expectation computed from the table below — keyed by permission name, written out by
// hand, never by calling Authorize, so a change of the rules or of a route's declaration that
// nobody meant shows up here. A route whose permission is not in the table fails the test.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "accounts/account_store.h"
#include "accounts/accounts_module.h"
#include "app/app_context.h"
#include "harness.h"
#include "regions/region_service.h"
#include "regions/region_store_sqlite.h"

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
using accounts::Grant;
using accounts::Role;

enum class Who { kAnonymous, kNational, kConsultant, kRegionAdmin, kOpdOfficer, kAgent, kKim, kCitizen };

const std::map<Who, std::string> kWhoNames = {
    {Who::kAnonymous, "anonymous"},   {Who::kNational, "national_admin"}, {Who::kConsultant, "consultant"},
    {Who::kRegionAdmin, "region_admin"}, {Who::kOpdOfficer, "opd_officer"}, {Who::kAgent, "agent"},
    {Who::kKim, "kim_member"},        {Who::kCitizen, "citizen"}};

// Who may use a route of each permission in the region they belong to (all roles below hold
// their grants in 71.71). In another region only the national admin may (and everyone signed
// in for report.create); national.* and non-region routes ignore the region.
const std::set<Who> kSignedIn = {Who::kNational, Who::kConsultant, Who::kRegionAdmin, Who::kOpdOfficer,
                                 Who::kAgent, Who::kKim, Who::kCitizen};
const std::set<Who> kAdmins = {Who::kNational, Who::kRegionAdmin};
const std::map<std::string, std::set<Who>> kAllowed = {
    {"public", {Who::kAnonymous, Who::kNational, Who::kConsultant, Who::kRegionAdmin, Who::kOpdOfficer,
                Who::kAgent, Who::kKim, Who::kCitizen}},
    {"authenticated", kSignedIn},
    {"report.create", kSignedIn},
    {"report.relay", {Who::kNational, Who::kRegionAdmin, Who::kAgent}},
    {"report.handle", {Who::kNational, Who::kRegionAdmin, Who::kOpdOfficer}},
    {"report.moderate", kAdmins},
    {"region.read_private", {Who::kNational, Who::kConsultant, Who::kRegionAdmin}},
    {"region.manage", kAdmins},
    {"opd.manage", kAdmins},
    {"user.manage", kAdmins},
    {"audit.read", kAdmins},
    {"apikey.manage", kAdmins},
    {"masterplan.read", {Who::kNational, Who::kConsultant, Who::kRegionAdmin}},
    {"masterplan.edit", {Who::kNational, Who::kConsultant, Who::kRegionAdmin}},
    {"masterplan.review", {Who::kNational, Who::kConsultant, Who::kRegionAdmin}},
    {"masterplan.publish", kAdmins},
    {"program.report_progress", {Who::kNational, Who::kRegionAdmin, Who::kOpdOfficer}},
    {"program.edit", {Who::kNational, Who::kConsultant, Who::kRegionAdmin, Who::kOpdOfficer}},
    {"community.manage", kAdmins},
    {"channel.read", {Who::kNational, Who::kRegionAdmin, Who::kAgent, Who::kKim}},
    {"channel.post", {Who::kNational, Who::kRegionAdmin, Who::kAgent, Who::kKim}},
    {"kim.publish", {Who::kNational, Who::kRegionAdmin, Who::kKim}},
    {"national.read", {Who::kNational}},
    {"national.manage", {Who::kNational}},
};
const std::set<std::string> kNotRegionScoped = {"public", "authenticated", "national.read", "national.manage"};

void Write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

class AuthzMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTempDir("authz-matrix");
    config_.data_dir = dir_ / "data";
    config_.web_dir = dir_ / "web";
    auto db = app::OpenDatabase(config_);
    ASSERT_TRUE(db.ok()) << db.error().message.en;
    db_ = std::move(db).value();
    SeedRegions();
    ctx_ = std::make_unique<app::AppContext>(app::AppContext{config_, *db_, metrics_});
    app::RegisterAllRoutes(router_, *ctx_);
    ASSERT_TRUE(router_.guard()) << "no guard installed";
    SeedUsers();
  }
  void TearDown() override {
    admin_.reset();
    fs::remove_all(dir_);
  }

  void SeedRegions() {
    const fs::path areas = dir_ / "areas";
    fs::create_directories(areas);
    Write(areas / "provinces.csv", "code,name\n71,Sulawesi Utara\n");
    Write(areas / "regencies.csv", "code,province_code,name\n71.71,71,Kota Manado\n71.74,71,Kota Kotamobagu\n");
    Write(areas / "districts.csv", "code,regency_code,name\n71.71.01,71.71,Bunaken\n71.74.01,71.74,Kotamobagu Barat\n");
    Write(areas / "villages.csv", "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n");
    regions::SqliteRegionStore store(*db_);
    regions::RegionService service(store);
    ASSERT_TRUE(service.ImportAreas(areas).ok());
    ASSERT_TRUE(service.AddRegion({.code = "71.71"}).ok());
    ASSERT_TRUE(service.AddRegion({.code = "71.74"}).ok());
    auto opd = regions::InsertOpdSync(store, {.region_code = "71.71", .name = "Dinas PUPR", .short_name = "Dinas PUPR"});
    ASSERT_TRUE(opd.ok());
    opd_id_ = std::to_string(opd->id);
  }

  // One user per role, all in 71.71, each with a live session token.
  void SeedUsers() {
    auto m = accounts::AccountsModule::Create(*db_, {});
    ASSERT_TRUE(m.ok());
    admin_ = *m;
    const std::map<Who, Grant> grants = {
        {Who::kNational, {Role::kNationalAdmin, "", {}}},
        {Who::kConsultant, {Role::kConsultant, "71.71", {}}},
        {Who::kRegionAdmin, {Role::kRegionAdmin, "71.71", {}}},
        {Who::kOpdOfficer, {Role::kOpdOfficer, "71.71", {.opd_id = opd_id_}}},
        {Who::kAgent, {Role::kAgent, "71.71", {.kecamatan_code = "71.71.01"}}},
        {Who::kKim, {Role::kKimMember, "71.71", {.kelurahan_code = "71.71.01.1001"}}},
        {Who::kCitizen, {Role::kCitizen, "71.71", {}}}};
    for (const auto& [who, grant] : grants) {
      const std::string email = kWhoNames.at(who) + "@matrix.id";
      auto user = accounts::Await<accounts::User>([&](accounts::Done<accounts::User> done) {
        admin_->admin().CreateUser(accounts::AdminActor::Cli(),
                                   {.name = email, .email = email, .password = "Matrix-Sandi-2026", .grant = grant},
                                   "", std::move(done));
      });
      ASSERT_TRUE(user.ok()) << email << ": " << user.error().message.en;
      accounts::NewSession s = admin_->sessions().Prepare(user->id, "matrix", "127.0.0.1");
      ASSERT_TRUE(db_->WriteSync([&](store::Connection& c) -> Status {
                       auto id = accounts::db::InsertSession(c, s.row);
                       return id.ok() ? Ok() : Status(std::move(id).error());
                     }).ok());
      tokens_[who] = s.token;
    }
  }

  // The guard's answer: 200 when the request would reach the handler.
  int Ask(const http::Route& route, Who who, const std::string& region) {
    http::Request req;
    req.method = route.method;
    req.path = std::regex_replace(route.pattern, std::regex("\\{[a-z_]+\\}"), "1");
    std::smatch m;
    std::string rest = route.pattern;
    while (std::regex_search(rest, m, std::regex("\\{([a-z_]+)\\}"))) {
      const std::string name = m[1];
      req.params.emplace_back(name, name == route.region_param ? region : "1");
      rest = m.suffix();
    }
    if (who != Who::kAnonymous) req.headers = {{"authorization", "Bearer " + tokens_.at(who)}};
    auto refused = router_.guard()(req, route);
    return refused ? refused->status : 200;
  }

  static int Expected(const std::string& perm, bool region_route, Who who, bool own_region) {
    const bool scoped = !kNotRegionScoped.contains(perm);
    bool ok = false;
    if (!scoped) {
      ok = kAllowed.at(perm).contains(who);  // the region does not matter
    } else if (!region_route) {
      ok = who == Who::kNational;  // a region-scoped permission without a region: national only
    } else if (own_region) {
      ok = kAllowed.at(perm).contains(who);
    } else {
      ok = who == Who::kNational || (perm == "report.create" && who != Who::kAnonymous);
    }
    if (ok) return 200;
    if (who == Who::kAnonymous) return 401;
    if (scoped && region_route && !own_region) return 404;  // no grant in that region: hidden
    return 403;
  }

  fs::path dir_;
  app::AppConfig config_;
  std::unique_ptr<store::Database> db_;
  http::Metrics metrics_;
  std::unique_ptr<app::AppContext> ctx_;
  http::Router router_;
  std::shared_ptr<accounts::AccountsModule> admin_;
  std::map<Who, std::string> tokens_;
  std::string opd_id_;
};

TEST_F(AuthzMatrix, EveryRouteEveryRoleOwnAndOtherRegion) {
  int checked = 0, guarded = 0;
  for (const auto& route : router_.routes()) {
    const std::string where = std::string(http::MethodName(route->method)) + " " + route->pattern;
    if (!kAllowed.contains(route->permission)) {
      ADD_FAILURE() << where << " declares permission '" << route->permission
                    << "', which the matrix does not know: add it to kAllowed";
      continue;
    }
    const bool region_route = !route->region_param.empty();
    if (region_route) {
      EXPECT_NE(route->pattern.find("{" + route->region_param + "}"), std::string::npos) << where;
    }
    if (route->permission != "public") ++guarded;
    for (const auto& [who, name] : kWhoNames) {
      for (const bool own : {true, false}) {
        const int want = Expected(route->permission, region_route, who, own);
        const int got = Ask(*route, who, own ? "71.71" : "71.74");
        EXPECT_EQ(got, want) << where << " as " << name << " in " << (own ? "own" : "another") << " region";
        ++checked;
      }
    }
  }
  EXPECT_GT(guarded, 10) << "the route table should contain the accounts routes";
  RecordProperty("checked", checked);
}

TEST_F(AuthzMatrix, RegionBySlugIsTheSameRegion) {
  for (const auto& route : router_.routes()) {
    if (route->region_param.empty() || route->permission == "public") continue;
    EXPECT_EQ(Ask(*route, Who::kRegionAdmin, "manado"), 200) << route->pattern;
    // report.create holds in every region (citizens report where they are).
    const int other = route->permission == "report.create" ? 200 : 404;
    EXPECT_EQ(Ask(*route, Who::kRegionAdmin, "kotamobagu"), other) << route->pattern;
    EXPECT_EQ(Ask(*route, Who::kRegionAdmin, "no-such-region"), 404) << route->pattern;
  }
}

}  // namespace
}  // namespace kc::testing
