// The accounts CLI (`kotacerdas user ...`, `kotacerdas apikey add`) and demo data, as plain
// functions over an AccountsModule so that accounts_app.h only wires them to CLI11. They act as
// the command line (AdminActor::Cli: national-admin powers, audited as "cli"). Output goes to
// `out`; errors are returned.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "accounts/accounts_module.h"

namespace kc::accounts {

struct UserCommandOptions {
  std::string name, email, phone, password, language = "id";
  std::string role, region, opd, kecamatan, kelurahan;
  int64_t id = 0;
};

Status RunUserAdd(AccountsModule& m, const UserCommandOptions& o, std::ostream& out);
Status RunUserList(AccountsModule& m, const std::string& region, std::ostream& out);
Status RunUserDisable(AccountsModule& m, int64_t id, std::ostream& out);
// An empty password is read from the first line of standard input.
Status RunUserSetPassword(AccountsModule& m, int64_t id, std::string password, std::ostream& out);
Status RunUserGrant(AccountsModule& m, const UserCommandOptions& o, std::ostream& out);
Status RunUserRevoke(AccountsModule& m, const UserCommandOptions& o, std::ostream& out);
// Prints the new key once.
Status RunApiKeyAdd(AccountsModule& m, const std::string& region, const std::string& name, std::ostream& out);

// One demo user per role for Kota Manado (71.71; region-bound roles are skipped when the demo
// region is absent), with known passwords, listed in `data_dir`/demo-logins.txt
// ("role email password" per line). Idempotent.
Status RunDemo(AccountsModule& m, const std::filesystem::path& data_dir, std::ostream& out);

}  // namespace kc::accounts
