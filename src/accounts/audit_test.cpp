// The audit log (append-only, written in the writer's transaction, filters) and the sign-in
// rate limits and lockout.
#include <gtest/gtest.h>

#include "accounts/audit.h"
#include "accounts/test_fixture.h"

namespace kc::accounts::testing {
namespace {

using namespace std::chrono_literals;

class AuditTest : public AccountsTest {
 protected:
  std::vector<AuditRecord> Query(AuditQuery q) {
    auto r = db_->Read([&](store::Connection& c) { return QueryAudit(c, q); });
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : std::vector<AuditRecord>{};
  }
};

TEST_F(AuditTest, AdminWritesAreRecordedWithBeforeAndAfter) {
  User u = MakeUser("staff@manado.id", Grant{Role::kOpdOfficer, "71.71", {.opd_id = pupr_id_}});
  ASSERT_TRUE(AwaitStatus([&](StatusDone d) { module_->admin().Disable(AdminActor::Cli(), u.id, "", std::move(d)); }).ok());
  auto all = Query({.region_code = "71.71"});
  ASSERT_EQ(all.size(), 1u);  // user.create (the disable came through the national scope: region "")
  EXPECT_EQ(all[0].entry.action, "user.create");
  EXPECT_EQ(all[0].entry.target, "user:" + u.IdString());
  EXPECT_EQ(all[0].entry.actor.label, "cli");
  EXPECT_TRUE(all[0].entry.before.is_null());
  EXPECT_EQ(all[0].entry.after.at("email").as_string(), "staff@manado.id");
  EXPECT_FALSE(all[0].entry.after.as_object().contains("password_hash"));
  auto national = Query({.region_code = ""});
  ASSERT_EQ(national.size(), 1u);
  EXPECT_EQ(national[0].entry.action, "user.disable");
  EXPECT_EQ(national[0].entry.before.at("status").as_string(), "active");
  EXPECT_EQ(national[0].entry.after.at("status").as_string(), "disabled");
}

TEST_F(AuditTest, FiltersAndCursor) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(db_->WriteSync([&](store::Connection& c) {
                  return RecordAudit(c, {.actor = Actor::User(i + 1), .region_code = "71.71",
                                         .action = i % 2 ? "grant.add" : "opd.update",
                                         .target = "x:" + std::to_string(i), .at = FromMillis(1000 * (i + 1))});
                }).ok());
  }
  EXPECT_EQ(Query({.region_code = "71.71", .action = "grant.add"}).size(), 2u);
  EXPECT_EQ(Query({.region_code = "71.71", .action = "grant."}).size(), 2u);
  EXPECT_EQ(Query({.region_code = "71.71", .actor_id = 3}).size(), 1u);
  EXPECT_EQ(Query({.region_code = "71.71", .from = FromMillis(2000), .to = FromMillis(4000)}).size(), 2u);
  auto page = Query({.region_code = "71.71", .limit = 2});
  ASSERT_EQ(page.size(), 2u);
  EXPECT_GT(page[0].id, page[1].id);
  EXPECT_EQ(Query({.region_code = "71.71", .before_id = page[1].id}).size(), 3u);
  EXPECT_TRUE(Query({.region_code = "71.74"}).empty());
}

TEST_F(AuditTest, AppendOnlyAndTransactional) {
  ASSERT_TRUE(db_->WriteSync([](store::Connection& c) {
                return RecordAudit(c, {.actor = Actor::Cli(), .action = "x.y", .target = "t:1"});
              }).ok());
  EXPECT_FALSE(db_->WriteSync([](store::Connection& c) { return c.Exec("UPDATE audit_log SET action = 'z'"); }).ok());
  EXPECT_FALSE(db_->WriteSync([](store::Connection& c) { return c.Exec("DELETE FROM audit_log"); }).ok());
  // A write that fails after recording leaves no entry.
  EXPECT_FALSE(db_->WriteSync([](store::Connection& c) -> Status {
                    KC_RETURN_IF_ERROR(RecordAudit(c, {.actor = Actor::Cli(), .action = "x.fail", .target = "t:2"}));
                    return Conflict({"gagal", "fails"});
                  }).ok());
  auto all = Query({.region_code = ""});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].entry.action, "x.y");
  EXPECT_FALSE(db_->WriteSync([](store::Connection& c) { return RecordAudit(c, {}); }).ok());
}

TEST_F(AuditTest, LoginLockoutAndRetryAfter) {
  MakeUser("kunci@example.id", std::nullopt);
  for (int i = 0; i < 5; ++i) {
    auto r = Login("kunci@example.id", "salah-salah-99");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().Slug(), "invalid_credentials");
  }
  auto locked = Login("kunci@example.id", "Rahasia-Kuat-2026");  // even the right password
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, ErrorCode::kRateLimited);
  EXPECT_GE(RetryAfterSeconds(locked.error()), 60);
  EXPECT_TRUE(Login("kunci@example.id", "Rahasia-Kuat-2026", "10.9.9.9").ok());  // other IP
  Advance(16min);
  EXPECT_TRUE(Login("kunci@example.id", "Rahasia-Kuat-2026").ok());
}

TEST_F(AuditTest, PerIpLimitOnRegistrationAndUnknownAccountsCostTheSame) {
  int limited = 0;
  for (int i = 0; i < 12; ++i) {
    auto r = Await<int64_t>([&](Done<int64_t> d) {
      module_->auth().Register({.name = "n", .email = "bad", .password = "x", .ip = "10.1.1.1"}, std::move(d));
    });
    if (!r.ok() && r.error().code == ErrorCode::kRateLimited) ++limited;
  }
  EXPECT_EQ(limited, 2);  // burst 10
  auto unknown = Login("nobody@example.id", "Rahasia-Kuat-2026");
  EXPECT_EQ(unknown.error().Slug(), "invalid_credentials");
}

}  // namespace
}  // namespace kc::accounts::testing
