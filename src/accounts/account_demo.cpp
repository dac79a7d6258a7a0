// Demo users of the accounts module: one per role for Kota Manado (account_commands.h).
#include <algorithm>
#include <fstream>
#include <vector>

#include "accounts/account_commands.h"
#include "accounts/account_store.h"
#include "regions/area.h"

namespace kc::accounts {
namespace {

constexpr std::string_view kRegion = "71.71";

struct DemoUser {
  std::string role_label, name, email, password;
  std::optional<Grant> grant;
};

// The scope the region-bound demo roles need, from the stored region data; empty fields when
// the demo region (or its hierarchy) is absent.
struct DemoScope {
  bool region = false;
  std::string pupr_opd, kecamatan, kelurahan;
};

Result<DemoScope> FindScope(AccountsModule& m) {
  DemoScope s;
  KC_ASSIGN_OR_RETURN(auto region, m.regions().FindRegion(kRegion));
  if (!region) return s;
  s.region = true;
  KC_ASSIGN_OR_RETURN(auto opds, m.regions().ListOpds(kRegion));
  for (const auto& o : opds) {
    if (o.short_name == "Dinas PUPR") s.pupr_opd = std::to_string(o.id);
  }
  KC_ASSIGN_OR_RETURN(auto areas, m.regions().AreasUnder(kRegion));
  for (const auto& a : areas) {  // Bunaken if present, else the first kecamatan
    if (a.level != regions::AreaLevel::kKecamatan) continue;
    if (s.kecamatan.empty()) s.kecamatan = a.code;
    if (a.name == "Bunaken") {
      s.kecamatan = a.code;
      break;
    }
  }
  for (const auto& a : areas) {
    if (a.level == regions::AreaLevel::kKelurahan && a.parent_code == s.kecamatan) {
      s.kelurahan = a.code;
      break;
    }
  }
  return s;
}

std::vector<DemoUser> DemoUsers(const DemoScope& s) {
  const std::string r(kRegion);
  std::vector<DemoUser> users = {
      {"national_admin", "Admin Nasional (demo)", "nasional@demo.kotacerdas.id", "Demo-Nasional-2026",
       Grant{Role::kNationalAdmin, "", {}}},
      {"citizen", "Warga Manado (demo)", "warga@demo.kotacerdas.id", "Demo-Warga-2026",
       Grant{Role::kCitizen, s.region ? r : "", {}}},
  };
  if (!s.region) return users;
  users.push_back({"consultant", "Konsultan 71.71 (demo)", "konsultan@demo.kotacerdas.id",
                   "Demo-Konsultan-2026", Grant{Role::kConsultant, r, {}}});
  users.push_back({"region_admin", "Diskominfo Manado (demo)", "diskominfo@demo.kotacerdas.id",
                   "Demo-Diskominfo-2026", Grant{Role::kRegionAdmin, r, {}}});
  if (!s.pupr_opd.empty()) {
    users.push_back({"opd_officer", "Petugas Dinas PUPR (demo)", "pupr@demo.kotacerdas.id",
                     "Demo-Pupr-2026", Grant{Role::kOpdOfficer, r, {.opd_id = s.pupr_opd}}});
  }
  if (!s.kecamatan.empty()) {
    users.push_back({"agent", "Agen Smart City (demo)", "agen@demo.kotacerdas.id", "Demo-Agen-2026",
                     Grant{Role::kAgent, r, {.kecamatan_code = s.kecamatan}}});
  }
  if (!s.kelurahan.empty()) {
    users.push_back({"kim_member", "Anggota KIM (demo)", "kim@demo.kotacerdas.id", "Demo-Kim-2026",
                     Grant{Role::kKimMember, r, {.kelurahan_code = s.kelurahan}}});
  }
  return users;
}

// Creates the user, or adds the grant to an existing one (idempotent).
Status Ensure(AccountsModule& m, const DemoUser& d, std::ostream& out) {
  KC_ASSIGN_OR_RETURN(auto existing, m.db().Read([&](store::Connection& c) {
                        return db::FindUserByContact(c, d.email, "");
                      }));
  if (!existing) {
    NewUserInput in{.name = d.name, .email = d.email, .password = d.password, .grant = d.grant};
    KC_ASSIGN_OR_RETURN(User u, Await<User>([&](Done<User> done) {
                          m.admin().CreateUser(AdminActor::Cli(), in, "", std::move(done));
                        }));
    out << "pengguna demo dibuat / demo user created: " << d.role_label << " " << d.email << "\n";
    return Ok();
  }
  const bool has = std::any_of(existing->grants.begin(), existing->grants.end(),
                               [&](const StoredGrant& g) { return g.grant == *d.grant; });
  if (has) return Ok();
  auto added = Await<StoredGrant>([&](Done<StoredGrant> done) {
    m.admin().AddGrant(AdminActor::Cli(), existing->id, *d.grant, "", std::move(done));
  });
  return added.ok() ? Ok() : Status(std::move(added).error());
}

}  // namespace

Status RunDemo(AccountsModule& m, const std::filesystem::path& data_dir, std::ostream& out) {
  KC_ASSIGN_OR_RETURN(DemoScope scope, FindScope(m));
  if (!scope.region) {
    out << "region demo 71.71 tidak ada / demo region missing: only national admin and citizen\n";
  }
  const auto users = DemoUsers(scope);
  for (const DemoUser& d : users) KC_RETURN_IF_ERROR(Ensure(m, d, out));
  std::ofstream file(data_dir / "demo-logins.txt", std::ios::trunc);
  for (const DemoUser& d : users) file << d.role_label << " " << d.email << " " << d.password << "\n";
  if (!file) {
    return Unavailable({"Tidak dapat menulis demo-logins.txt.", "Cannot write demo-logins.txt."});
  }
  out << "login demo / demo logins: " << (data_dir / "demo-logins.txt").string() << "\n";
  return Ok();
}

}  // namespace kc::accounts
