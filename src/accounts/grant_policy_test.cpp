// CanGrant: who may give which role to whom, with the privilege-escalation attempts that the
// policy exists to stop.
#include <gtest/gtest.h>

#include <string>

#include "accounts/roles.h"

namespace kc::accounts {
namespace {

const Grant kNational{Role::kNationalAdmin, "", {}};
const Grant kManadoAdmin{Role::kRegionAdmin, "71.71", {}};
const Grant kSingkawangAdmin{Role::kRegionAdmin, "61.72", {}};
const Grant kManadoConsultant{Role::kConsultant, "71.71", {}};
const Grant kManadoOpd{Role::kOpdOfficer, "71.71", {.opd_id = "dinas-pu"}};
const Grant kSingkawangOpd{Role::kOpdOfficer, "61.72", {.opd_id = "dinas-pu"}};
const Grant kManadoAgent{Role::kAgent, "71.71", {.kecamatan_code = "71.71.01"}};
const Grant kManadoKim{Role::kKimMember, "71.71", {.kelurahan_code = "71.71.01.1001"}};
const Grant kManadoCitizen{Role::kCitizen, "71.71", {}};
// Grants a region admin must not be able to hand out.
const Grant kNoRegionCitizen{Role::kCitizen, "", {}};
const Grant kAgentOutside{Role::kAgent, "71.71", {.kecamatan_code = "61.72.01"}};  // malformed
const Grant kAdminWithOpd{Role::kRegionAdmin, "71.71", {.opd_id = "dinas-pu"}};    // malformed

struct GrantCase {
  std::string name;
  Principal granter;
  Grant grant;
  std::string target_user;
  bool allowed;
};

TEST(CanGrant, PolicyTable) {
  const Principal national{"nat", {kNational}};
  const Principal manado_admin{"adm", {kManadoAdmin}};
  const Principal consultant{"kon", {kManadoConsultant}};
  const Principal officer{"opd", {kManadoOpd}};
  const Principal agent{"agt", {kManadoAgent}};
  const Principal citizen{"wrg", {kManadoCitizen}};
  // Region admin of Manado who is also an OPD officer in Singkawang.
  const Principal mixed{"mix", {kManadoAdmin, kSingkawangOpd}};

  const GrantCase cases[] = {
      // What the policy allows.
      {"national grants consultant", national, kManadoConsultant, "u2", true},
      {"national grants national", national, kNational, "u2", true},
      {"national grants region admin anywhere", national, kSingkawangAdmin, "u2", true},
      {"region admin grants OPD officer", manado_admin, kManadoOpd, "u2", true},
      {"region admin grants agent", manado_admin, kManadoAgent, "u2", true},
      {"region admin grants KIM member", manado_admin, kManadoKim, "u2", true},
      {"region admin grants citizen", manado_admin, kManadoCitizen, "u2", true},
      {"region admin adds a co-admin", manado_admin, kManadoAdmin, "u2", true},
      {"mixed grants in the region it administers", mixed, kManadoAgent, "u2", true},

      // Escalation attempts and overreach.
      {"national grants itself", national, kManadoAdmin, "nat", false},
      {"region admin grants itself OPD", manado_admin, kManadoOpd, "adm", false},
      {"region admin grants itself national", manado_admin, kNational, "adm", false},
      {"region admin grants national", manado_admin, kNational, "u2", false},
      {"region admin grants consultant", manado_admin, kManadoConsultant, "u2", false},
      {"region admin grants admin elsewhere", manado_admin, kSingkawangAdmin, "u2", false},
      {"region admin grants OPD elsewhere", manado_admin, kSingkawangOpd, "u2", false},
      {"region admin grants citizen w/o region", manado_admin, kNoRegionCitizen, "u2", false},
      {"OPD role elsewhere is no admin right", mixed, kSingkawangOpd, "u2", false},
      {"consultant grants region admin", consultant, kManadoAdmin, "u2", false},
      {"consultant grants consultant", consultant, kManadoConsultant, "u2", false},
      {"OPD officer grants OPD officer", officer, kManadoOpd, "u2", false},
      {"OPD officer grants itself admin", officer, kManadoAdmin, "opd", false},
      {"agent grants agent", agent, kManadoAgent, "u2", false},
      {"citizen grants citizen", citizen, kManadoCitizen, "u2", false},
      {"citizen grants itself admin", citizen, kManadoAdmin, "wrg", false},
      {"anonymous grants", Principal::Anonymous(), kManadoCitizen, "u2", false},
      {"forged anonymous national", Principal{"", {kNational}}, kManadoAdmin, "u2", false},
      {"no target user", manado_admin, kManadoOpd, "", false},
      // Malformed grants: an agent of Manado scoped to a Singkawang kecamatan, a region admin
      // "of no region" (which would match empty region checks), a national admin tied to a
      // region.
      {"agent scoped outside region", manado_admin, kAgentOutside, "u2", false},
      {"region admin without region", national, {Role::kRegionAdmin, "", {}}, "u2", false},
      {"national with region", national, {Role::kNationalAdmin, "71.71", {}}, "u2", false},
      {"region admin with OPD scope", manado_admin, kAdminWithOpd, "u2", false},
  };
  for (const GrantCase& c : cases) {
    const Decision d = CanGrant(c.granter, c.grant, c.target_user);
    EXPECT_EQ(d.allowed, c.allowed) << c.name << ": " << d.reason;
    EXPECT_FALSE(d.reason.empty()) << c.name;
  }
}

TEST(CanGrant, AnonymousIsAskedToSignIn) {
  EXPECT_TRUE(CanGrant(Principal::Anonymous(), kManadoCitizen, "u2").needs_sign_in);
  EXPECT_FALSE(CanGrant(Principal{"wrg", {kManadoCitizen}}, kManadoCitizen, "u2").needs_sign_in);
}

// A granted role must not reach further than the granter could: whatever a Manado admin can
// grant, the grantee can then do nothing in Singkawang that the granter could not.
TEST(CanGrant, GrantedRolesStayInsideTheGrantersRegion) {
  const Principal manado_admin{"adm", {kManadoAdmin}};
  for (const Grant& g : {kManadoAdmin, kManadoOpd, kManadoAgent, kManadoKim, kManadoCitizen}) {
    ASSERT_TRUE(CanGrant(manado_admin, g, "u2").allowed) << ToString(g.role);
    const Principal grantee{"u2", {g}};
    for (Permission p : AllPermissions()) {
      if (Authorize(grantee, p, "61.72").allowed) {
        EXPECT_TRUE(Authorize(manado_admin, p, "61.72").allowed)
            << ToString(g.role) << " gains " << ToString(p) << " in 61.72";
      }
      if (!IsRegionScoped(p) && p != Permission::kPublic) {
        EXPECT_FALSE(Authorize(grantee, p, "").allowed) << ToString(p);
      }
    }
  }
}

}  // namespace
}  // namespace kc::accounts
