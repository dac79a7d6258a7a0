// CanGrant: the policy for giving roles (declared in roles.h). Kept apart from Authorize because
// it answers a different question — not "may X do Y in region R" but "may X make Z able to".
// The rule that matters most is that nobody can raise their own privileges: a grant never goes
// to the granter, and a region admin can only hand out roles confined to its own region.
#include <string>

#include "accounts/roles.h"

namespace kc::accounts {
namespace {

Decision Deny(std::string reason) { return {false, false, std::move(reason)}; }

// Roles a region admin may hand out inside its own region. Consultants are assigned by the
// national programme office, and national admins exist outside any region.
bool RegionAdminMayGrant(Role role) {
  switch (role) {
    case Role::kRegionAdmin:
    case Role::kOpdOfficer:
    case Role::kAgent:
    case Role::kKimMember:
    case Role::kCitizen:
      return true;
    case Role::kNationalAdmin:
    case Role::kConsultant:
      return false;
  }
  return false;
}

}  // namespace

Decision CanGrant(const Principal& granter, const Grant& grant, std::string_view target_user_id) {
  if (granter.IsAnonymous()) return {false, true, "sign-in required to grant roles"};
  if (!ValidateGrant(grant).ok()) return Deny("malformed grant");
  if (target_user_id.empty()) return Deny("no target user");
  if (target_user_id == granter.user_id) {
    return Deny("user " + granter.user_id + " may not grant a role to themselves");
  }
  if (granter.Has(Role::kNationalAdmin)) return {true, false, "allowed by national_admin grant"};
  if (!RegionAdminMayGrant(grant.role)) {
    return Deny("only a national admin may grant " + std::string(ToString(grant.role)));
  }
  // A citizen grant without region is treated like any other: it is not within a region the
  // granter administers, so only a national admin may give it (registration does not go
  // through CanGrant).
  for (const Grant& g : granter.grants) {
    if (g.role == Role::kRegionAdmin && !grant.region_code.empty() &&
        g.region_code == grant.region_code) {
      return {true, false, "allowed by region_admin grant in region " + g.region_code};
    }
  }
  return Deny("user " + granter.user_id + " is not region admin of region " +
              (grant.region_code.empty() ? std::string("(none)") : grant.region_code));
}

}  // namespace kc::accounts
