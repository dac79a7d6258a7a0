// Wiring of the accounts module into the application: guard and routes, demo users and CLI
// commands. Header-only on purpose (like regions/regions_app.h): compiled into kc_app, so
// kc_accounts never depends on kc_app and its tests link without it.
#pragma once

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "accounts/account_commands.h"
#include "accounts/accounts_module.h"
#include "app/app_context.h"
#include "app/commands.h"

namespace kc::accounts {

// Installs the guard and the routes. Bad configuration (KOTACERDAS_AUTH_LIMIT_SCALE) or an
// unreadable key ends the process at start (error policy: bad config fails fast).
inline void RegisterAppRoutes(http::Router& router, app::AppContext& ctx) {
  auto fail = [](const Error& e) {
    spdlog::critical("accounts module: {}", e.message.en);
    std::cerr << "kotacerdas: " << e.message.id << "\n";
    std::exit(1);
  };
  auto options = ModuleOptions::FromEnv();
  if (!options.ok()) fail(options.error());
  if (auto m = RegisterRoutes(router, ctx.db, std::move(options).value()); !m.ok()) fail(m.error());
}

inline Result<std::shared_ptr<AccountsModule>> CliModule(app::AppContext& ctx) {
  return AccountsModule::Create(ctx.db, ModuleOptions{});
}

inline Status RunAppDemo(app::AppContext& ctx) {
  KC_ASSIGN_OR_RETURN(auto m, CliModule(ctx));
  return RunDemo(*m, ctx.config.data_dir, std::cout);
}

// `user add|list|disable|set-password|grant|revoke`, `apikey add`.
inline void AddAppCommands(app::Commands& commands) {
  auto o = std::make_shared<UserCommandOptions>();  // bound by CLI11; kept alive by the commands
  auto with = [o](Status (*fn)(AccountsModule&, const UserCommandOptions&, std::ostream&)) {
    return [o, fn](app::AppContext& ctx) -> Status {
      KC_ASSIGN_OR_RETURN(auto m, CliModule(ctx));
      return fn(*m, *o, std::cout);
    };
  };
  auto grant_options = [o](CLI::App* cmd, bool role_required) {
    auto* role = cmd->add_option("--role", o->role,
                                 "national_admin, consultant, region_admin, opd_officer, agent, kim_member, citizen");
    if (role_required) role->required();
    cmd->add_option("--region", o->region, "Region code, e.g. 71.71");
    cmd->add_option("--opd", o->opd, "OPD id (opd_officer)");
    cmd->add_option("--kecamatan", o->kecamatan, "Kecamatan code (agent), e.g. 71.71.01");
    cmd->add_option("--kelurahan", o->kelurahan, "Kelurahan/desa code (kim_member)");
  };

  auto* user = commands.Group("user", "Pengguna dan peran / users and roles");
  auto* add = commands.Add(user, "add", "Tambah pengguna (terverifikasi) / add a verified user", with(RunUserAdd));
  add->add_option("--name", o->name, "Full name")->required();
  add->add_option("--email", o->email, "Email address");
  add->add_option("--phone", o->phone, "Indonesian mobile number");
  add->add_option("--password", o->password, "Password (policy: accounts/password.h)")->required();
  add->add_option("--language", o->language, "id or en")->capture_default_str();
  grant_options(add, false);

  auto* list = commands.Add(user, "list", "Daftar pengguna / list users", [o](app::AppContext& ctx) -> Status {
    KC_ASSIGN_OR_RETURN(auto m, CliModule(ctx));
    return RunUserList(*m, o->region, std::cout);
  });
  list->add_option("--region", o->region, "Only users with a role in this region");

  auto* disable = commands.Add(user, "disable", "Nonaktifkan pengguna / disable a user",
                               [o](app::AppContext& ctx) -> Status {
                                 KC_ASSIGN_OR_RETURN(auto m, CliModule(ctx));
                                 return RunUserDisable(*m, o->id, std::cout);
                               });
  disable->add_option("id", o->id, "User id")->required();

  auto* setpw = commands.Add(user, "set-password", "Ganti kata sandi / set a password (stdin if no --password)",
                             [o](app::AppContext& ctx) -> Status {
                               KC_ASSIGN_OR_RETURN(auto m, CliModule(ctx));
                               return RunUserSetPassword(*m, o->id, o->password, std::cout);
                             });
  setpw->add_option("id", o->id, "User id")->required();
  setpw->add_option("--password", o->password, "New password");

  auto* grant = commands.Add(user, "grant", "Beri peran / give a role", with(RunUserGrant));
  grant->add_option("id", o->id, "User id")->required();
  grant_options(grant, true);
  auto* revoke = commands.Add(user, "revoke", "Cabut peran / take a role", with(RunUserRevoke));
  revoke->add_option("id", o->id, "User id")->required();
  grant_options(revoke, true);

  auto* apikey = commands.Group("apikey", "Kunci API / API keys (Open311 clients, integrations)");
  auto* key_add = commands.Add(apikey, "add", "Buat kunci API / create an API key (printed once)",
                               [o](app::AppContext& ctx) -> Status {
                                 KC_ASSIGN_OR_RETURN(auto m, CliModule(ctx));
                                 return RunApiKeyAdd(*m, o->region, o->name, std::cout);
                               });
  key_add->add_option("--region", o->region, "Region code, e.g. 71.71")->required();
  key_add->add_option("--name", o->name, "What the key is for")->required();
}

}  // namespace kc::accounts
