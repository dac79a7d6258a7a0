// The accounts tables through account_store.h, and grant checks against region data.
#include <gtest/gtest.h>

#include "accounts/test_fixture.h"

namespace kc::accounts::testing {
namespace {

class StoreTest : public AccountsTest {};

TEST_F(StoreTest, UsersAreUniqueByContactIgnoringEmailCase) {
  User u{.name = "A", .email = "a@example.id", .password_hash = "h"};
  auto id = db_->WriteSync([&](store::Connection& c) -> Status { return db::InsertUser(c, u, NowUtc()).ok() ? Ok() : Status(Conflict({"", ""})); });
  ASSERT_TRUE(id.ok());
  User dup{.name = "B", .email = "A@EXAMPLE.ID", .password_hash = "h"};
  auto st = db_->WriteSync([&](store::Connection& c) -> Status {
    auto r = db::InsertUser(c, dup, NowUtc());
    return r.ok() ? Ok() : Status(std::move(r).error());
  });
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().Slug(), "account_exists");
  auto found = db_->Read([](store::Connection& c) { return db::FindUserByContact(c, "A@example.id", ""); });
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->name, "A");
}

TEST_F(StoreTest, GrantsAreCheckedAgainstRegionData) {
  auto check = [&](Grant g) { return module_->admin().CheckGrantData(g).ok(); };
  EXPECT_TRUE(check({Role::kRegionAdmin, "71.71", {}}));
  EXPECT_FALSE(check({Role::kRegionAdmin, "71.02", {}}));  // in the hierarchy, not a region
  EXPECT_TRUE(check({Role::kOpdOfficer, "71.71", {.opd_id = pupr_id_}}));
  EXPECT_FALSE(check({Role::kOpdOfficer, "71.74", {.opd_id = pupr_id_}}));  // OPD of another region
  EXPECT_FALSE(check({Role::kOpdOfficer, "71.71", {.opd_id = "999"}}));
  EXPECT_TRUE(check({Role::kAgent, "71.71", {.kecamatan_code = "71.71.01"}}));
  EXPECT_FALSE(check({Role::kAgent, "71.71", {.kecamatan_code = "71.71.09"}}));
  EXPECT_TRUE(check({Role::kKimMember, "71.71", {.kelurahan_code = "71.71.01.1001"}}));
  EXPECT_FALSE(check({Role::kKimMember, "71.71", {.kelurahan_code = "71.71.01.1009"}}));
}

TEST_F(StoreTest, RegionAdminCannotEscalateOrReachOtherRegions) {
  User admin = MakeUser("admin@manado.id", Grant{Role::kRegionAdmin, "71.71", {}});
  User other = MakeUser("admin@kotamobagu.id", Grant{Role::kRegionAdmin, "71.74", {}});
  const AdminActor by{admin.ToPrincipal(), Actor::User(admin.id)};
  auto grant = [&](int64_t user, Grant g, std::string scope) {
    return Await<StoredGrant>([&](Done<StoredGrant> d) { module_->admin().AddGrant(by, user, g, scope, std::move(d)); });
  };
  EXPECT_EQ(grant(admin.id, {Role::kNationalAdmin, "", {}}, "").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(grant(admin.id, {Role::kAgent, "71.71", {.kecamatan_code = "71.71.01"}}, "71.71").error().code,
            ErrorCode::kForbidden);  // not to themselves
  EXPECT_EQ(grant(other.id, {Role::kAgent, "71.71", {.kecamatan_code = "71.71.01"}}, "71.71").error().code,
            ErrorCode::kNotFound);  // a user of another region, through its id
  auto dis = AwaitStatus([&](StatusDone d) { module_->admin().Disable(by, other.id, "71.71", std::move(d)); });
  EXPECT_EQ(dis.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace kc::accounts::testing
