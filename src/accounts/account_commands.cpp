#include "accounts/account_commands.h"

#include <iostream>

namespace kc::accounts {
namespace {

Result<Grant> GrantFrom(const UserCommandOptions& o) {
  auto role = RoleFromString(o.role);
  if (!role) {
    return InvalidArgument({"Peran tidak dikenal: " + o.role, "Unknown role: " + o.role});
  }
  return Grant{*role, o.region, {o.opd, o.kecamatan, o.kelurahan}};
}

void PrintUser(const User& u, std::ostream& out) {
  out << u.id << "\t" << u.name << "\t" << (u.email.empty() ? "-" : u.email) << "\t"
      << (u.phone.empty() ? "-" : u.phone) << "\t" << ToString(u.status);
  for (const StoredGrant& g : u.grants) {
    out << "\t" << ToString(g.grant.role);
    if (!g.grant.region_code.empty()) out << "@" << g.grant.region_code;
    const Scope& s = g.grant.scope;
    if (!s.empty()) out << "/" << s.opd_id << s.kecamatan_code << s.kelurahan_code;
  }
  out << "\n";
}

}  // namespace

Status RunUserAdd(AccountsModule& m, const UserCommandOptions& o, std::ostream& out) {
  NewUserInput in{.name = o.name, .email = o.email, .phone = o.phone, .password = o.password,
                  .language = LanguageFromString(o.language).value_or(Language::kId)};
  if (!o.role.empty()) {
    KC_ASSIGN_OR_RETURN(in.grant, GrantFrom(o));
  }
  KC_ASSIGN_OR_RETURN(User u, Await<User>([&](Done<User> done) {
                        m.admin().CreateUser(AdminActor::Cli(), in, "", std::move(done));
                      }));
  out << "pengguna dibuat / user created: ";
  PrintUser(u, out);
  return Ok();
}

Status RunUserList(AccountsModule& m, const std::string& region, std::ostream& out) {
  int64_t after = 0;
  while (true) {
    KC_ASSIGN_OR_RETURN(auto users, m.admin().List(region, after, 100));
    for (const User& u : users) PrintUser(u, out);
    if (users.size() < 100) return Ok();
    after = users.back().id;
  }
}

Status RunUserDisable(AccountsModule& m, int64_t id, std::ostream& out) {
  KC_RETURN_IF_ERROR(AwaitStatus([&](StatusDone done) { m.admin().Disable(AdminActor::Cli(), id, "", std::move(done)); }));
  out << "pengguna " << id << " dinonaktifkan / disabled\n";
  return Ok();
}

Status RunUserSetPassword(AccountsModule& m, int64_t id, std::string password, std::ostream& out) {
  if (password.empty()) std::getline(std::cin, password);
  KC_RETURN_IF_ERROR(AwaitStatus([&](StatusDone done) {
    m.admin().SetPassword(AdminActor::Cli(), id, password, std::move(done));
  }));
  out << "kata sandi pengguna " << id << " diganti / password set; sesi diakhiri / sessions revoked\n";
  return Ok();
}

Status RunUserGrant(AccountsModule& m, const UserCommandOptions& o, std::ostream& out) {
  KC_ASSIGN_OR_RETURN(Grant g, GrantFrom(o));
  KC_ASSIGN_OR_RETURN(StoredGrant stored, Await<StoredGrant>([&](Done<StoredGrant> done) {
                        m.admin().AddGrant(AdminActor::Cli(), o.id, g, "", std::move(done));
                      }));
  out << "peran diberikan / grant added: " << stored.id << " " << ToString(g.role) << "\n";
  return Ok();
}

Status RunUserRevoke(AccountsModule& m, const UserCommandOptions& o, std::ostream& out) {
  KC_ASSIGN_OR_RETURN(Grant g, GrantFrom(o));
  KC_ASSIGN_OR_RETURN(User u, m.admin().Get(o.id, ""));
  for (const StoredGrant& s : u.grants) {
    if (s.grant != g) continue;
    KC_RETURN_IF_ERROR(AwaitStatus([&](StatusDone done) {
      m.admin().RemoveGrant(AdminActor::Cli(), o.id, s.id, "", std::move(done));
    }));
    out << "peran dicabut / grant removed: " << s.id << "\n";
    return Ok();
  }
  return NotFound({"Pengguna tidak memiliki peran itu.", "The user does not hold that grant."});
}

Status RunApiKeyAdd(AccountsModule& m, const std::string& region, const std::string& name, std::ostream& out) {
  using KeyPair = std::pair<ApiKey, std::string>;
  KC_ASSIGN_OR_RETURN(KeyPair key, Await<KeyPair>([&](Done<KeyPair> done) {
                        m.admin().CreateApiKey(AdminActor::Cli(), region, name, std::move(done));
                      }));
  out << "kunci API " << key.first.id << " (" << key.first.name << ", " << key.first.region_code
      << ") — simpan sekarang, tidak ditampilkan lagi / store it now, it is not shown again:\n"
      << key.second << "\n";
  return Ok();
}

}  // namespace kc::accounts
