#include "accounts/roles.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kc::accounts {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 7> kRoleNames = {{
    {Role::kNationalAdmin, "national_admin"},
    {Role::kConsultant, "consultant"},
    {Role::kRegionAdmin, "region_admin"},
    {Role::kOpdOfficer, "opd_officer"},
    {Role::kAgent, "agent"},
    {Role::kKimMember, "kim_member"},
    {Role::kCitizen, "citizen"},
}};

// Indexed by the enum value; the static_assert and the round-trip test keep them in step.
// clang-format off
constexpr std::array<std::string_view, kPermissionCount> kPermissionNames = {
    "public",
    "report.create",
    "report.relay",
    "report.handle",
    "report.moderate",
    "region.read_private",
    "region.manage",
    "opd.manage",
    "user.manage",
    "audit.read",
    "apikey.manage",
    "masterplan.read",
    "masterplan.edit",
    "masterplan.review",
    "masterplan.publish",
    "program.report_progress",
    "program.edit",
    "community.manage",
    "channel.read",
    "channel.post",
    "kim.publish",
    "national.read",
    "national.manage",
};
// clang-format on
static_assert(kPermissionNames.back() == "national.manage");

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// True iff `code` is `parent` followed by exactly `extra` dot-separated digit segments, e.g.
// ("71.71.01.1001", "71.71", 2).
bool IsAreaBelow(std::string_view code, std::string_view parent, int extra) {
  if (!code.starts_with(parent)) return false;
  code.remove_prefix(parent.size());
  for (int i = 0; i < extra; ++i) {
    if (!code.starts_with('.')) return false;
    code.remove_prefix(1);
    const std::size_t end = std::min(code.find('.'), code.size());
    if (!IsDigits(code.substr(0, end))) return false;
    code.remove_prefix(end);
  }
  return code.empty();
}

// `code` is `area` itself or lies inside it ("71.71.01.1001" is inside "71.71.01").
bool InArea(std::string_view code, std::string_view area) {
  return code == area ||
         (code.size() > area.size() && code.starts_with(area) && code[area.size()] == '.');
}

bool IsRegionCode(std::string_view code) {  // "71.71": province and kota/kabupaten
  const std::size_t dot = code.find('.');
  return dot != std::string_view::npos && IsDigits(code.substr(0, dot)) &&
         IsDigits(code.substr(dot + 1));
}

bool OneOf(Permission p, std::initializer_list<Permission> set) {
  return std::find(set.begin(), set.end(), p) != set.end();
}

// Whether one grant allows the permission on the target; see the table in roles.h.
bool GrantAllows(const Grant& g, Permission p, std::string_view region, const Scope& t) {
  if (g.role == Role::kNationalAdmin) return true;
  if (!IsRegionScoped(p) || region.empty() || g.region_code != region) return false;
  switch (g.role) {
    case Role::kNationalAdmin:  // handled above; listed so the switch stays exhaustive
    case Role::kRegionAdmin:
      return true;
    case Role::kConsultant:
      return OneOf(p, {Permission::kRegionReadPrivate, Permission::kMasterplanRead,
                       Permission::kMasterplanEdit, Permission::kMasterplanReview,
                       Permission::kProgramEdit});
    case Role::kOpdOfficer:
      return OneOf(p, {Permission::kReportHandle, Permission::kProgramReportProgress,
                       Permission::kProgramEdit}) &&
             (t.opd_id.empty() || t.opd_id == g.scope.opd_id);
    case Role::kAgent:
      return OneOf(p, {Permission::kReportRelay, Permission::kChannelRead,
                       Permission::kChannelPost}) &&
             (t.kecamatan_code.empty() || t.kecamatan_code == g.scope.kecamatan_code) &&
             (t.kelurahan_code.empty() || InArea(t.kelurahan_code, g.scope.kecamatan_code));
    case Role::kKimMember:
      return OneOf(p,
                   {Permission::kChannelRead, Permission::kChannelPost, Permission::kKimPublish}) &&
             (t.kelurahan_code.empty() || t.kelurahan_code == g.scope.kelurahan_code) &&
             (t.kecamatan_code.empty() || InArea(g.scope.kelurahan_code, t.kecamatan_code));
    case Role::kCitizen:
      return false;  // citizen rights belong to every signed-in principal; see Authorize
  }
  return false;
}

std::string Describe(Permission p, std::string_view region) {
  std::string s(ToString(p));
  if (!region.empty()) {
    s += " in region ";
    s += region;
  }
  return s;
}

}  // namespace

std::string_view ToString(Role role) {
  for (const auto& [r, name] : kRoleNames) {
    if (r == role) return name;
  }
  return "unknown";
}

std::optional<Role> RoleFromString(std::string_view name) {
  for (const auto& [r, n] : kRoleNames) {
    if (n == name) return r;
  }
  return std::nullopt;
}

std::string_view ToString(Permission permission) {
  const auto i = static_cast<std::size_t>(permission);
  return i < kPermissionNames.size() ? kPermissionNames[i] : "unknown";
}

std::optional<Permission> PermissionFromString(std::string_view name) {
  const auto it = std::find(kPermissionNames.begin(), kPermissionNames.end(), name);
  if (it == kPermissionNames.end()) return std::nullopt;
  return static_cast<Permission>(it - kPermissionNames.begin());
}

const std::vector<Permission>& AllPermissions() {
  static const std::vector<Permission> all = [] {
    std::vector<Permission> v;
    v.reserve(kPermissionCount);
    for (int i = 0; i < kPermissionCount; ++i) v.push_back(static_cast<Permission>(i));
    return v;
  }();
  return all;
}

bool IsRegionScoped(Permission permission) {
  return !OneOf(permission,
                {Permission::kPublic, Permission::kNationalRead, Permission::kNationalManage});
}

bool Principal::Has(Role role) const {
  return std::any_of(grants.begin(), grants.end(), [&](const Grant& g) { return g.role == role; });
}

Status ValidateGrant(const Grant& grant) {
  Validation v;
  const Scope& s = grant.scope;
  const bool needs_region = grant.role != Role::kNationalAdmin && grant.role != Role::kCitizen;
  if (grant.role == Role::kNationalAdmin && !grant.region_code.empty()) {
    v.Add("region_code", {"Admin nasional tidak terikat pada satu daerah.",
                          "A national admin is not bound to one region."});
  } else if (needs_region && grant.region_code.empty()) {
    v.Add("region_code",
          {"Kode daerah wajib diisi untuk peran ini.", "A region code is required for this role."});
  } else if (!grant.region_code.empty() && !IsRegionCode(grant.region_code)) {
    v.Add("region_code", {"Kode daerah tidak valid (contoh: 71.71).",
                          "The region code is not valid (e.g. 71.71)."});
  }
  const bool wants_opd = grant.role == Role::kOpdOfficer;
  const bool wants_kecamatan = grant.role == Role::kAgent;
  const bool wants_kelurahan = grant.role == Role::kKimMember;
  if (wants_opd != !s.opd_id.empty()) {
    v.Add("scope.opd_id",
          wants_opd
              ? Text{"OPD wajib diisi untuk petugas OPD.", "An OPD is required for an OPD officer."}
              : Text{"Peran ini tidak memakai OPD.", "This role does not take an OPD."});
  }
  if (wants_kecamatan ? !IsAreaBelow(s.kecamatan_code, grant.region_code, 1)
                      : !s.kecamatan_code.empty()) {
    v.Add("scope.kecamatan_code",
          wants_kecamatan
              ? Text{"Agen memerlukan kode kecamatan di daerahnya (contoh: 71.71.01).",
                     "An agent needs a kecamatan code in their region (e.g. 71.71.01)."}
              : Text{"Peran ini tidak memakai kecamatan.", "This role does not take a kecamatan."});
  }
  if (wants_kelurahan ? !IsAreaBelow(s.kelurahan_code, grant.region_code, 2)
                      : !s.kelurahan_code.empty()) {
    v.Add(
        "scope.kelurahan_code",
        wants_kelurahan
            ? Text{"Anggota KIM memerlukan kode kelurahan/desa di daerahnya (contoh: "
                   "71.71.01.1001).",
                   "A KIM member needs a kelurahan/desa code in their region (e.g. 71.71.01.1001)."}
            : Text{"Peran ini tidak memakai kelurahan.", "This role does not take a kelurahan."});
  }
  if (!v.ok()) return std::move(v).ToError();
  return Ok();
}

Decision Authorize(const Principal& principal, Permission permission, std::string_view region_code,
                   const Scope& target) {
  if (permission == Permission::kPublic) return {true, false, "public action"};
  if (principal.IsAnonymous()) {
    return {false, true, "sign-in required for " + Describe(permission, region_code)};
  }
  for (const Grant& g : principal.grants) {
    if (GrantAllows(g, permission, region_code, target)) {
      std::string reason = "allowed by " + std::string(ToString(g.role)) + " grant";
      if (!g.region_code.empty()) reason += " in region " + g.region_code;
      return {true, false, std::move(reason)};
    }
  }
  if (permission == Permission::kReportCreate && !region_code.empty()) {
    return {true, false, "allowed: any signed-in user may report"};
  }
  return {false, false,
          "no grant of user " + principal.user_id + " allows " + Describe(permission, region_code)};
}

Status Require(const Principal& principal, Permission permission, std::string_view region_code,
               const Scope& target) {
  const Decision d = Authorize(principal, permission, region_code, target);
  if (d.allowed) return Ok();
  if (d.needs_sign_in) {
    return Error(ErrorCode::kUnauthenticated,
                 {"Silakan masuk terlebih dahulu.", "Please sign in first."});
  }
  return Error(ErrorCode::kForbidden, {"Anda tidak memiliki akses untuk tindakan ini.",
                                       "You do not have permission for this action."});
}

}  // namespace kc::accounts
