// Who finds which masterplan data, against the real binary on the demo Manado (`kotacerdas
// demo`: a stage-III masterplan 2025-2034 with twelve programs, six quick wins and the 2026-Q1
// progress period). An OPD officer finds the current plan without its draft text and lists only
// its own OPD's programs, quick wins and progress lines; the consultant sees everything; a
// citizen is refused and an anonymous visitor gets only the published list (empty while the
// plan is unpublished; the published version under a newer draft is covered by
// masterplan_service_test.cpp).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "manado_api.h"

namespace kc::testing {
namespace {

namespace json = boost::json;

const std::string kPlans = kManado + "/masterplans";
const std::string kPassword = "Sandi-Kuat-2026";

class MasterplanAccessApi : public ManadoApi {
 protected:
  // One sign-in per user for the whole suite (sign-in is rate limited).
  static std::string As(const std::string& login, const std::string& password) {
    static std::map<std::string, std::string> tokens;
    if (auto it = tokens.find(login); it != tokens.end()) return it->second;
    return tokens[login] = Login(login, password);
  }
  static std::string Consultant() {
    return As("konsultan@demo.kotacerdas.id", "Demo-Konsultan-2026");
  }
  static std::string Pupr() { return As("pupr@demo.kotacerdas.id", "Demo-Pupr-2026"); }
  static std::string Citizen() { return As("warga@demo.kotacerdas.id", "Demo-Warga-2026"); }

  static json::object Ok(const std::string& target, const std::string& auth) {
    auto r =
        Get(target, auth.empty() ? std::vector<std::string>{} : std::vector<std::string>{auth});
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return JsonOf(r);
  }
  static std::string Plan() {
    return kPlans + "/" + std::to_string(Ok(kPlans + "/current", Consultant()).at("id").as_int64());
  }
  // The owner OPD ids of the listed programs (or quick wins, or period lines).
  static std::set<int64_t> Owners(const json::value& list) {
    std::set<int64_t> out;
    for (const auto& x : list.as_array()) out.insert(x.at("owner_opd_id").as_int64());
    return out;
  }
  static int64_t OwnerOf(const json::object& programs, const std::string& name) {
    for (const auto& p : programs.at("programs").as_array()) {
      if (p.at("name").as_string() == name) return p.at("owner_opd_id").as_int64();
    }
    ADD_FAILURE() << "no program " << name;
    return 0;
  }
};

TEST_F(MasterplanAccessApi, CurrentPlanWholeForReadersSummaryForOfficers) {
  const json::object full = Ok(kPlans + "/current", Consultant());
  ASSERT_TRUE(full.contains("version")) << json::serialize(full);
  EXPECT_EQ(full.at("start_year").as_int64(), 2025);
  EXPECT_EQ(full.at("end_year").as_int64(), 2034);
  EXPECT_EQ(full.at("version").at("title").as_string(),
            "Masterplan Smart City Kota Manado 2025-2034");
  // Same plan as the list the consultant may read.
  const json::object list = Ok(kPlans, Consultant());
  EXPECT_EQ(list.at("items").at(0).at("id"), full.at("id"));

  const json::object officer = Ok(kManado + "/masterplans/current", Pupr());
  EXPECT_EQ(officer.at("id"), full.at("id"));
  EXPECT_EQ(officer.at("region").as_string(), "71.71");
  EXPECT_EQ(officer.at("start_year").as_int64(), 2025);
  EXPECT_EQ(officer.at("end_year").as_int64(), 2034);
  EXPECT_EQ(officer.at("status").as_string(), "draft");
  EXPECT_FALSE(officer.at("published").as_bool());
  std::set<std::string> keys;
  for (const auto& kv : officer) keys.emplace(kv.key());
  EXPECT_EQ(keys, (std::set<std::string>{"id", "region", "start_year", "end_year", "status",
                                         "published"}));

  // The region code works like the slug; the literal segment is not taken for an {id}.
  EXPECT_EQ(Ok("/api/v1/regions/71.71/masterplans/current", Pupr()).at("id"), full.at("id"));
  EXPECT_EQ(Get(kPlans + "/current", {Citizen()}).status, 403);
  EXPECT_EQ(Get(kPlans + "/current").status, 401);
  EXPECT_EQ(Get(kPlans, {Pupr()}).status, 403);  // the list itself stays masterplan.read
  EXPECT_EQ(Get("/api/v1/regions/bukan-kota/masterplans/current", {Pupr()}).status, 404);
}

TEST_F(MasterplanAccessApi, OfficersListOnlyTheirOwnProgramsQuickWinsAndProgress) {
  const std::string plan = Plan();
  const json::object all = Ok(plan + "/programs", Consultant());
  EXPECT_EQ(all.at("programs").as_array().size(), 12u);
  EXPECT_EQ(all.at("quick_wins").as_array().size(), 6u);
  const int64_t pupr = OwnerOf(all, "Penataan Kawasan Boulevard");
  const int64_t kominfo = OwnerOf(all, "Satu Data Manado");

  const json::object own = Ok(plan + "/programs", Pupr());
  EXPECT_EQ(own.at("version"), all.at("version"));
  ASSERT_EQ(own.at("programs").as_array().size(), 1u);
  EXPECT_EQ(own.at("programs").at(0).at("name").as_string(), "Penataan Kawasan Boulevard");
  EXPECT_TRUE(own.at("quick_wins").as_array().empty());  // PUPR owns no quick win

  // A Diskominfo officer: its programs and the quick wins it owns, nothing else.
  auto [rc, out] = Cli({"user", "add", "--name", "Petugas Diskominfo", "--email",
                        "kominfo@manado.id", "--password", kPassword, "--role", "opd_officer",
                        "--region", "71.71", "--opd", std::to_string(kominfo)});
  ASSERT_EQ(rc, 0) << out;
  const std::string kominfo_auth = As("kominfo@manado.id", kPassword);
  const json::object theirs = Ok(plan + "/programs", kominfo_auth);
  EXPECT_EQ(Owners(theirs.at("programs")), std::set<int64_t>{kominfo});
  EXPECT_EQ(theirs.at("programs").as_array().size(), 3u);
  EXPECT_EQ(Owners(theirs.at("quick_wins")), std::set<int64_t>{kominfo});
  EXPECT_EQ(theirs.at("quick_wins").as_array().size(), 2u);

  // The period: the consultant sees every line, the officer its own; `missing` counts what is
  // shown.
  const json::object period = Ok(plan + "/progress/2026-Q1", Consultant());
  ASSERT_EQ(period.at("items").as_array().size(), 12u);
  int64_t unreported = 0;
  for (const auto& l : period.at("items").as_array())
    unreported += l.at("report").is_null() ? 1 : 0;
  EXPECT_EQ(period.at("missing").as_int64(), unreported);
  EXPECT_EQ(unreported, 5);
  const json::object mine = Ok(plan + "/progress/2026-Q1", Pupr());
  EXPECT_EQ(Owners(mine.at("items")), std::set<int64_t>{pupr});
  EXPECT_EQ(mine.at("items").as_array().size(), 1u);
  EXPECT_EQ(mine.at("missing").as_int64(), 1);  // the Boulevard has no 2026-Q1 report
  const json::object kominfo_period = Ok(plan + "/progress/2026-Q1", kominfo_auth);
  EXPECT_EQ(kominfo_period.at("items").as_array().size(), 3u);
  EXPECT_EQ(kominfo_period.at("missing").as_int64(), 0);

  for (const std::string& path : {plan + "/programs", plan + "/progress/2026-Q1"}) {
    EXPECT_EQ(Get(path, {Citizen()}).status, 403) << path;
    EXPECT_EQ(Get(path).status, 401) << path;
  }
}

TEST_F(MasterplanAccessApi, PublishedListIsPublicAndEmptyBeforePublication) {
  for (const std::string& auth : {std::string(), Citizen(), Consultant()}) {
    const json::object published = Ok(kPlans + "/published", auth);
    ASSERT_TRUE(published.contains("items")) << json::serialize(published);
    EXPECT_TRUE(published.at("items").as_array().empty());
  }
  EXPECT_EQ(Ok("/api/v1/regions/71.71/masterplans/published", "").at("items").as_array().size(),
            0u);
  auto unknown = Get("/api/v1/regions/bukan-kota/masterplans/published");
  EXPECT_EQ(unknown.status, 404);
  // The per-plan route is still reached for numeric ids.
  EXPECT_EQ(ErrorCodeOf(Get(Plan() + "/published")), "not_published");

  const json::object doc = Ok("/api/v1/openapi.json", "");
  const json::object& paths = doc.at("paths").as_object();
  for (const char* p : {"/current", "/published"}) {
    const std::string path = std::string("/api/v1/regions/{region}/masterplans") + p;
    ASSERT_TRUE(paths.contains(path)) << path;
    EXPECT_TRUE(paths.at(path).as_object().contains("get")) << path;
  }
}

}  // namespace
}  // namespace kc::testing
