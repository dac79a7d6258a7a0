#include "accounts/roles.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kc::accounts {
namespace {

constexpr std::string_view kOwn = "71.71";    // Kota Manado: where every test grant lives
constexpr std::string_view kOther = "61.72";  // Kota Singkawang

// One principal per matrix column, each with a single grant in kOwn.
Principal Holder(Role role) {
  Grant g{role, std::string(kOwn), {}};
  switch (role) {
    case Role::kNationalAdmin:
      g.region_code.clear();
      break;
    case Role::kOpdOfficer:
      g.scope.opd_id = "dinas-pu";
      break;
    case Role::kAgent:
      g.scope.kecamatan_code = "71.71.01";
      break;
    case Role::kKimMember:
      g.scope.kelurahan_code = "71.71.01.1001";
      break;
    default:
      break;
  }
  EXPECT_TRUE(ValidateGrant(g).ok()) << ToString(role);
  return Principal{"user-" + std::string(ToString(role)), {g}};
}

// The allow/deny matrix. Columns: national_admin, consultant, region_admin, opd_officer, agent,
// kim_member, citizen, anonymous. Cells: 'A' allowed in the own and in another region,
// 'O' allowed in the own region only, '-' denied in both. For permissions that are not
// region-scoped (public, national.*) the region is empty and 'A' means allowed.
struct MatrixRow {
  Permission permission;
  std::string_view cells;
};
// clang-format off
constexpr MatrixRow kMatrix[] = {
    //                                        nat cons radm opd agent kim cit anon
    {Permission::kPublic,                    "AAAAAAAA"},
    {Permission::kReportCreate,              "AAAAAAA-"},
    {Permission::kReportRelay,               "A-O-O---"},
    {Permission::kReportHandle,              "A-OO----"},
    {Permission::kReportModerate,            "A-O-----"},
    {Permission::kRegionReadPrivate,         "AOO-----"},
    {Permission::kRegionManage,              "A-O-----"},
    {Permission::kOpdManage,                 "A-O-----"},
    {Permission::kUserManage,                "A-O-----"},
    {Permission::kAuditRead,                 "A-O-----"},
    {Permission::kApiKeyManage,              "A-O-----"},
    {Permission::kMasterplanRead,            "AOO-----"},
    {Permission::kMasterplanEdit,            "AOO-----"},
    {Permission::kMasterplanReview,          "AOO-----"},
    {Permission::kMasterplanPublish,         "A-O-----"},
    {Permission::kProgramReportProgress,     "A-OO----"},
    {Permission::kProgramEdit,               "AOOO----"},
    {Permission::kCommunityManage,           "A-O-----"},
    {Permission::kChannelRead,               "A-O-OO--"},
    {Permission::kChannelPost,               "A-O-OO--"},
    {Permission::kKimPublish,                "A-O--O--"},
    {Permission::kNationalRead,              "A-------"},
    {Permission::kNationalManage,            "A-------"},
};
// clang-format on

TEST(Authorize, MatrixCoversEveryPermission) {
  std::set<Permission> covered;
  for (const MatrixRow& row : kMatrix) {
    EXPECT_EQ(row.cells.size(), 8U) << ToString(row.permission);
    covered.insert(row.permission);
  }
  EXPECT_EQ(covered.size(), AllPermissions().size());
}

TEST(Authorize, RolePermissionRegionMatrix) {
  const Principal columns[] = {Holder(Role::kNationalAdmin), Holder(Role::kConsultant),
                               Holder(Role::kRegionAdmin),   Holder(Role::kOpdOfficer),
                               Holder(Role::kAgent),         Holder(Role::kKimMember),
                               Holder(Role::kCitizen),       Principal::Anonymous()};
  for (const MatrixRow& row : kMatrix) {
    for (std::size_t c = 0; c < std::size(columns); ++c) {
      const Principal& p = columns[c];
      const char cell = row.cells[c];
      SCOPED_TRACE(std::string(ToString(row.permission)) + " for " +
                   (p.IsAnonymous() ? std::string("anonymous") : p.user_id));
      if (!IsRegionScoped(row.permission)) {
        EXPECT_EQ(Authorize(p, row.permission, "").allowed, cell == 'A');
        continue;
      }
      const Decision own = Authorize(p, row.permission, kOwn);
      const Decision other = Authorize(p, row.permission, kOther);
      EXPECT_EQ(own.allowed, cell == 'A' || cell == 'O') << own.reason;
      EXPECT_EQ(other.allowed, cell == 'A') << other.reason;
      EXPECT_FALSE(own.reason.empty());
    }
  }
}

TEST(Authorize, RegionScopedPermissionWithoutRegionIsNationalOnly) {
  EXPECT_TRUE(Authorize(Holder(Role::kNationalAdmin), Permission::kUserManage, "").allowed);
  EXPECT_FALSE(Authorize(Holder(Role::kRegionAdmin), Permission::kUserManage, "").allowed);
  EXPECT_FALSE(Authorize(Holder(Role::kCitizen), Permission::kReportCreate, "").allowed);
  // A region code that merely starts with the own one is another region.
  EXPECT_FALSE(Authorize(Holder(Role::kRegionAdmin), Permission::kUserManage, "71.711").allowed);
}

TEST(Authorize, OpdOfficerOnlyForOwnOpds) {
  Principal p = Holder(Role::kOpdOfficer);
  p.grants.push_back({Role::kOpdOfficer, std::string(kOwn), {.opd_id = "dlh"}});
  for (Permission perm : {Permission::kReportHandle, Permission::kProgramReportProgress,
                          Permission::kProgramEdit}) {
    EXPECT_TRUE(Authorize(p, perm, kOwn, {.opd_id = "dinas-pu"}).allowed);
    EXPECT_TRUE(Authorize(p, perm, kOwn, {.opd_id = "dlh"}).allowed);  // second grant
    EXPECT_FALSE(Authorize(p, perm, kOwn, {.opd_id = "dinkes"}).allowed);
    EXPECT_FALSE(Authorize(p, perm, kOther, {.opd_id = "dinas-pu"}).allowed);
  }
  EXPECT_FALSE(Authorize(p, Permission::kReportModerate, kOwn, {.opd_id = "dinas-pu"}).allowed);
}

TEST(Authorize, AgentOnlyForOwnKecamatan) {
  const Principal p = Holder(Role::kAgent);  // 71.71.01
  const auto relay = [&](const Scope& s) {
    return Authorize(p, Permission::kReportRelay, kOwn, s).allowed;
  };
  EXPECT_TRUE(relay({}));
  EXPECT_TRUE(relay({.kecamatan_code = "71.71.01"}));
  EXPECT_TRUE(relay({.kelurahan_code = "71.71.01.1003"}));
  EXPECT_TRUE(relay({.kecamatan_code = "71.71.01", .kelurahan_code = "71.71.01.1003"}));
  EXPECT_FALSE(relay({.kecamatan_code = "71.71.02"}));
  EXPECT_FALSE(relay({.kelurahan_code = "71.71.02.1001"}));
  EXPECT_FALSE(relay({.kelurahan_code = "71.71.011.1001"}));  // prefix but not inside
  EXPECT_FALSE(relay({.kecamatan_code = "71.71.01", .kelurahan_code = "71.71.02.1001"}));
  EXPECT_TRUE(Authorize(p, Permission::kChannelPost, kOwn, {.kecamatan_code = "71.71.01"}).allowed);
  EXPECT_FALSE(
      Authorize(p, Permission::kChannelPost, kOwn, {.kecamatan_code = "71.71.05"}).allowed);
  // Their own report, as any signed-in resident, may be anywhere.
  EXPECT_TRUE(
      Authorize(p, Permission::kReportCreate, kOther, {.kecamatan_code = "61.72.01"}).allowed);
}

TEST(Authorize, KimMemberOnlyForOwnKelurahan) {
  const Principal p = Holder(Role::kKimMember);  // 71.71.01.1001
  const auto publish = [&](const Scope& s) {
    return Authorize(p, Permission::kKimPublish, kOwn, s).allowed;
  };
  EXPECT_TRUE(publish({}));
  EXPECT_TRUE(publish({.kelurahan_code = "71.71.01.1001"}));
  EXPECT_TRUE(publish({.kecamatan_code = "71.71.01"}));  // the kecamatan containing it
  EXPECT_FALSE(publish({.kelurahan_code = "71.71.01.1002"}));
  EXPECT_FALSE(publish({.kecamatan_code = "71.71.02"}));
  EXPECT_FALSE(Authorize(p, Permission::kKimPublish, kOther).allowed);
}

TEST(Authorize, ConsultantWithSeveralRegions) {
  Principal p = Holder(Role::kConsultant);
  p.grants.push_back({Role::kConsultant, "71.02", {}});
  EXPECT_TRUE(Authorize(p, Permission::kMasterplanReview, "71.02").allowed);
  EXPECT_TRUE(Authorize(p, Permission::kMasterplanReview, kOwn).allowed);
  EXPECT_FALSE(Authorize(p, Permission::kMasterplanReview, kOther).allowed);
  EXPECT_FALSE(Authorize(p, Permission::kNationalRead, "").allowed);
}

TEST(Authorize, AnonymousIgnoresGrantsAndAsksToSignIn) {
  Principal forged;  // no user id, yet carrying a grant: must still be treated as anonymous
  forged.grants.push_back({Role::kNationalAdmin, "", {}});
  const Decision d = Authorize(forged, Permission::kNationalRead, "");
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.needs_sign_in);
  EXPECT_TRUE(Authorize(forged, Permission::kPublic, "").allowed);
  EXPECT_FALSE(Authorize(Holder(Role::kCitizen), Permission::kAuditRead, kOwn).needs_sign_in);
}

TEST(Authorize, RequireMapsToErrorCodes) {
  EXPECT_TRUE(Require(Holder(Role::kRegionAdmin), Permission::kOpdManage, kOwn).ok());
  Status forbidden = Require(Holder(Role::kRegionAdmin), Permission::kOpdManage, kOther);
  ASSERT_FALSE(forbidden.ok());
  EXPECT_EQ(forbidden.error().code, ErrorCode::kForbidden);
  EXPECT_FALSE(forbidden.error().message.id.empty());
  Status anon = Require(Principal::Anonymous(), Permission::kReportCreate, kOwn);
  ASSERT_FALSE(anon.ok());
  EXPECT_EQ(anon.error().code, ErrorCode::kUnauthenticated);
}

TEST(Names, RoundTripAndAreUnique) {
  std::set<std::string_view> names;
  for (Permission p : AllPermissions()) {
    ASSERT_EQ(PermissionFromString(ToString(p)), p) << ToString(p);
    EXPECT_TRUE(names.insert(ToString(p)).second) << ToString(p);
  }
  EXPECT_EQ(ToString(Permission::kRegionReadPrivate), "region.read_private");
  EXPECT_EQ(ToString(Permission::kProgramReportProgress), "program.report_progress");
  EXPECT_EQ(ToString(Permission::kProgramEdit), "program.edit");
  EXPECT_FALSE(PermissionFromString("region.everything").has_value());
  for (Role r : {Role::kNationalAdmin, Role::kConsultant, Role::kRegionAdmin, Role::kOpdOfficer,
                 Role::kAgent, Role::kKimMember, Role::kCitizen}) {
    EXPECT_EQ(RoleFromString(ToString(r)), r);
  }
  EXPECT_EQ(ToString(Role::kKimMember), "kim_member");
  EXPECT_FALSE(RoleFromString("superuser").has_value());
  EXPECT_FALSE(RoleFromString("").has_value());
}

struct GrantShapeCase {
  Grant grant;
  std::string bad_field;  // "" when the grant is valid
};

TEST(ValidateGrant, ShapeTable) {
  const GrantShapeCase cases[] = {
      {{Role::kNationalAdmin, "", {}}, ""},
      {{Role::kNationalAdmin, "71.71", {}}, "region_code"},
      {{Role::kConsultant, "71.71", {}}, ""},
      {{Role::kConsultant, "", {}}, "region_code"},
      {{Role::kRegionAdmin, "manado", {}}, "region_code"},
      {{Role::kRegionAdmin, "71.71", {.opd_id = "dinas-pu"}}, "scope.opd_id"},
      {{Role::kOpdOfficer, "71.71", {.opd_id = "dinas-pu"}}, ""},
      {{Role::kOpdOfficer, "71.71", {}}, "scope.opd_id"},
      {{Role::kAgent, "71.71", {.kecamatan_code = "71.71.01"}}, ""},
      {{Role::kAgent, "71.71", {.kecamatan_code = "61.72.01"}}, "scope.kecamatan_code"},
      {{Role::kAgent, "71.71", {.kecamatan_code = "71.71.01.1001"}}, "scope.kecamatan_code"},
      {{Role::kAgent, "71.71", {}}, "scope.kecamatan_code"},
      {{Role::kKimMember, "71.71", {.kelurahan_code = "71.71.01.1001"}}, ""},
      {{Role::kKimMember, "71.71", {.kelurahan_code = "71.71.01"}}, "scope.kelurahan_code"},
      {{Role::kKimMember, "71.71", {.kelurahan_code = "71.72.01.1001"}}, "scope.kelurahan_code"},
      {{Role::kCitizen, "", {}}, ""},
      {{Role::kCitizen, "71.71", {}}, ""},
      {{Role::kCitizen, "71.71", {.kecamatan_code = "71.71.01"}}, "scope.kecamatan_code"},
  };
  for (const GrantShapeCase& c : cases) {
    SCOPED_TRACE(std::string(ToString(c.grant.role)) + " " + c.grant.region_code);
    Status s = ValidateGrant(c.grant);
    if (c.bad_field.empty()) {
      EXPECT_TRUE(s.ok()) << s.error().details.front().field;
    } else {
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(s.error().details.front().field, c.bad_field);
    }
  }
}

}  // namespace
}  // namespace kc::accounts
