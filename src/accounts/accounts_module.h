// The accounts module's long-lived parts for one database: sessions and their cache, the guard,
// the sign-in service, user administration and the hashing pool. Routes, the CLI and the demo
// use it; other modules use only caller.h (who is calling) and audit.h (RecordAudit).
#pragma once

#include <memory>

#include "accounts/auth_service.h"
#include "accounts/guard.h"
#include "accounts/notifier.h"
#include "accounts/sessions.h"
#include "accounts/user_admin.h"
#include "accounts/worker_pool.h"
#include "http/router.h"
#include "regions/region_store_sqlite.h"
#include "store/database.h"

namespace kc::accounts {

struct ModuleOptions {
  SessionPolicy policy;
  ClockFn clock;                 // empty: NowUtc
  int limit_scale = 1;           // AuthLimits scale
  int hash_threads = 0;          // 0: one per core
  std::unique_ptr<Notifier> notifier;  // null: MakeLogNotifier()

  // KOTACERDAS_AUTH_LIMIT_SCALE (1..1000000, for load tests only); a bad value ends the start.
  static Result<ModuleOptions> FromEnv();
};

class AccountsModule {
 public:
  // Loads (or creates, once per database) the CSRF signing key from the settings table.
  static Result<std::shared_ptr<AccountsModule>> Create(store::Database& db, ModuleOptions options);
  // Drains the hashing pool, then waits for the writes its tasks queued (their callbacks use
  // this module). Destroy after the server stopped and before the Database.
  ~AccountsModule();

  store::Database& db() { return db_; }
  Sessions& sessions() { return sessions_; }
  Guard& guard() { return guard_; }
  AuthService& auth() { return auth_; }
  UserAdmin& admin() { return admin_; }
  regions::RegionStore& regions() { return regions_; }

 private:
  AccountsModule(store::Database& db, SecretKey key, ModuleOptions options);

  store::Database& db_;
  std::unique_ptr<Notifier> notifier_;
  regions::SqliteRegionStore regions_;
  Sessions sessions_;
  Guard guard_;
  std::unique_ptr<WorkerPool> pool_;  // stopped first by ~AccountsModule
  AuthService auth_;
  UserAdmin admin_;
};

// Creates the module, installs its guard on `router` and adds every accounts route. Errors: bad
// configuration or storage failures while loading the key (the server start fails).
Result<std::shared_ptr<AccountsModule>> RegisterRoutes(http::Router& router, store::Database& db,
                                                       ModuleOptions options);

// Route groups, one per file.
void AddAuthRoutes(http::Router& router, std::shared_ptr<AccountsModule> module);
void AddUserRoutes(http::Router& router, std::shared_ptr<AccountsModule> module);
void AddKeyAndAuditRoutes(http::Router& router, std::shared_ptr<AccountsModule> module);

}  // namespace kc::accounts
