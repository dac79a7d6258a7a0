// The role model and the single authorisation function of kotacerdas.
//
// Who may do what is decided here and only here: routes declare the Permission they need and
// call Authorize (or Require) with the region the request is about; services never compare
// role names themselves. Regions are tenants identified by their Kepmendagri code ("71.71");
// kecamatan and kelurahan codes extend it ("71.71.01", "71.71.01.1001").
//
// Every signed-in principal also has the citizen permissions (a region admin is a resident
// too); an anonymous principal has only kPublic, whatever grants it carries.
// All functions are pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kc::accounts {

enum class Role {
  kNationalAdmin,  // the programme office: every region
  kConsultant,     // national programme consultant: one grant per assigned region
  kRegionAdmin,    // the region's Diskominfo: one region
  kOpdOfficer,     // staff of one OPD in one region (a user may hold several such grants)
  kAgent,          // Agen Smart City: one kecamatan of one region
  kKimMember,      // Kelompok Informasi Masyarakat: one kelurahan/desa of one region
  kCitizen,        // warga; the region is optional (home region)
};

// Stable names used in storage and the API: "national_admin", "consultant", "region_admin",
// "opd_officer", "agent", "kim_member", "citizen".
std::string_view ToString(Role role);
std::optional<Role> RoleFromString(std::string_view name);

// What an action is about below the region, or what part of a region a grant covers. For a
// grant only the field of its role is set (opd_id for kOpdOfficer, kecamatan_code for kAgent,
// kelurahan_code for kKimMember). For a target any combination may be set, e.g. a report
// carries the OPD it is routed to and the kecamatan and kelurahan that contain it.
struct Scope {
  // Default member initialisers keep designated initialisers ({.opd_id = "dinas-pu"})
  // free of -Wmissing-field-initializers.
  std::string opd_id{};
  std::string kecamatan_code{};
  std::string kelurahan_code{};

  bool empty() const { return opd_id.empty() && kecamatan_code.empty() && kelurahan_code.empty(); }
  friend bool operator==(const Scope&, const Scope&) = default;
};

// One role held by a user, in one region (empty region_code only for kNationalAdmin, and
// optionally for kCitizen).
struct Grant {
  Role role = Role::kCitizen;
  std::string region_code{};
  Scope scope{};

  friend bool operator==(const Grant&, const Grant&) = default;
};

// Checks that a grant has the shape its role requires: national_admin has no region and no
// scope; consultant and region_admin have a region and no scope; opd_officer a region and an
// opd_id; agent a region and a kecamatan_code inside it; kim_member a region and a
// kelurahan_code inside it; citizen no scope. Errors: kInvalidArgument with field details.
Status ValidateGrant(const Grant& grant);

// Who is making a request: a signed-in user and their grants, or anonymous (empty user_id).
struct Principal {
  std::string user_id{};
  std::vector<Grant> grants{};

  static Principal Anonymous() { return {}; }
  bool IsAnonymous() const { return user_id.empty(); }
  bool Has(Role role) const;
};

// Permissions routes declare. Region-scoped unless noted; Authorize documents who holds each.
enum class Permission {
  kPublic,                 // "public": public pages, map, announcements (not region-scoped)
  kReportCreate,           // "report.create": submit, support (+1), comment, rate a report
  kReportRelay,            // "report.relay": submit a report on behalf of a resident (agents)
  kReportHandle,           // "report.handle": work on reports routed to an OPD: status, notes
  kReportModerate,         // "report.moderate": reroute, reject, merge duplicates, hide
  kRegionReadPrivate,      // "region.read_private": non-public data and dashboards of a region
  kRegionManage,           // "region.manage": settings, areas, categories, routing rules, SLA
  kOpdManage,              // "opd.manage": the region's OPD list
  kUserManage,             // "user.manage": users and role grants (see also CanGrant)
  kAuditRead,              // "audit.read": the region's audit log
  kApiKeyManage,           // "apikey.manage": API keys (Open311 clients, dashboards)
  kMasterplanRead,         // "masterplan.read": drafts (the published plan is kPublic)
  kMasterplanEdit,         // "masterplan.edit": readiness, SWOT, programs, quick wins
  kMasterplanReview,       // "masterplan.review": Bimtek review and scores
  kMasterplanPublish,      // "masterplan.publish": publish and sign off the masterplan
  kProgramReportProgress,  // "program.report_progress": progress reports of an OPD's programs
  kProgramEdit,            // "program.edit": replace a masterplan program (officers: own OPD's)
  kCommunityManage,        // "community.manage": agent roster, KIM groups, trainings
  kChannelRead,            // "channel.read": read community channels
  kChannelPost,            // "channel.post": post in community channels
  kKimPublish,             // "kim.publish": KIM local information and activity records
  kNationalRead,           // "national.read": cross-region views (not region-scoped)
  kNationalManage,  // "national.manage": onboard regions, assign consultants (not region-scoped)
};
inline constexpr int kPermissionCount = static_cast<int>(Permission::kNationalManage) + 1;

std::string_view ToString(Permission permission);
std::optional<Permission> PermissionFromString(std::string_view name);
// Every permission in declaration order (for tables, docs and tests).
const std::vector<Permission>& AllPermissions();
// False for kPublic, kNationalRead and kNationalManage.
bool IsRegionScoped(Permission permission);

// The outcome of an authorisation check. `reason` is English for logs and the audit trail,
// not for users.
struct Decision {
  bool allowed = false;
  // True when the principal is anonymous and signing in might help (maps to 401, not 403).
  bool needs_sign_in = false;
  std::string reason;

  explicit operator bool() const { return allowed; }
};

// Decides whether `principal` may exercise `permission` on something in `region_code` (empty
// when the action is not about one region) with sub-region `target` (empty = the region as a
// whole, e.g. a list; services then filter to what the principal's grants cover).
//
// The rules, per grant (any grant allowing is enough):
//   national_admin  everything, everywhere, including national.*.
//   consultant      region.read_private, masterplan.read/edit/review and program.edit in the
//                   grant's region.
//   region_admin    every region-scoped permission in its region.
//   opd_officer     report.handle, program.report_progress and program.edit in its region; if
//                   target.opd_id is set it must be the grant's OPD (program.edit: routes set it
//                   to the program's owner OPD, so an officer edits only its own OPD's programs).
//   agent           report.relay, channel.read, channel.post in its region; a target
//                   kecamatan must be the grant's, a target kelurahan must lie inside it.
//                   (report.create, an agent's own report, is the citizen right below:
//                   anyone signed in may report anywhere, so the kecamatan limit applies to
//                   the reports an agent submits for residents, which count for the agent.)
//   kim_member      channel.read, channel.post, kim.publish in its region; a target kelurahan
//                   must be the grant's, a target kecamatan must contain it.
//   any signed-in   public, and report.create in any region (citizens report where they are).
//   anonymous       public only.
// A region-scoped permission with an empty region_code is allowed only to national admins.
Decision Authorize(const Principal& principal, Permission permission, std::string_view region_code,
                   const Scope& target = {});

// Authorize as a Status for routes: OK, or kUnauthenticated (anonymous and signing in could
// help) / kForbidden with a bilingual message. Routes that must not reveal that another
// tenant's object exists map kForbidden to kNotFound themselves.
Status Require(const Principal& principal, Permission permission, std::string_view region_code,
               const Scope& target = {});

// Whether `granter` may give `grant` to the user `target_user_id` (policy in grant_policy.cpp):
//   - the grant must pass ValidateGrant; the granter must be signed in; the target must be
//     named and must not be the granter (nobody grants themselves a role, national admins
//     included: a second person does it, and it is audited);
//   - national_admin may grant any role in any region;
//   - region_admin may grant region_admin, opd_officer, agent, kim_member and citizen within
//     its own region only; never national_admin or consultant;
//   - nobody else may grant roles.
// The granter's own id is granter.user_id.
Decision CanGrant(const Principal& granter, const Grant& grant, std::string_view target_user_id);

}  // namespace kc::accounts
