#include "accounts/accounts_module.h"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <thread>

#include "accounts/account_store.h"

namespace kc::accounts {
namespace {

constexpr std::string_view kCsrfKeySetting = "accounts.csrf_key";

std::string Hex(const std::array<unsigned char, SecretKey::kBytes>& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

Result<SecretKey> LoadKey(store::Database& db) {
  KC_ASSIGN_OR_RETURN(auto stored, db.Read([](store::Connection& c) { return db::GetSetting(c, kCsrfKeySetting); }));
  if (!stored) {
    auto value = std::make_shared<std::string>(Hex(SecretKey::Generate().bytes()));
    KC_RETURN_IF_ERROR(db.WriteSync([value](store::Connection& c) -> Status {
      KC_ASSIGN_OR_RETURN(*value, db::PutSettingIfAbsent(c, kCsrfKeySetting, *value, NowUtc()));
      return Ok();
    }));
    stored = *value;
  }
  return SecretKey::FromHex(*stored);
}

}  // namespace

Result<ModuleOptions> ModuleOptions::FromEnv() {
  ModuleOptions o;
  if (const char* v = std::getenv("KOTACERDAS_AUTH_LIMIT_SCALE"); v != nullptr && *v != '\0') {
    char* end = nullptr;
    const long scale = std::strtol(v, &end, 10);
    if (*end != '\0' || scale < 1 || scale > 1'000'000) {
      return InvalidArgument({"KOTACERDAS_AUTH_LIMIT_SCALE harus 1..1000000.",
                              "KOTACERDAS_AUTH_LIMIT_SCALE must be 1..1000000."});
    }
    o.limit_scale = static_cast<int>(scale);
    spdlog::warn("accounts: rate limits scaled x{} (KOTACERDAS_AUTH_LIMIT_SCALE): load tests only", scale);
  }
  return o;
}

AccountsModule::AccountsModule(store::Database& db, SecretKey key, ModuleOptions options)
    : db_(db),
      notifier_(options.notifier ? std::move(options.notifier) : MakeLogNotifier()),
      regions_(db),
      sessions_(db, std::move(key), options.policy, options.clock),
      guard_(sessions_,
             [this](std::string_view code_or_slug) -> Result<std::optional<std::string>> {
               KC_ASSIGN_OR_RETURN(auto r, regions_.FindRegion(code_or_slug));
               if (!r) return std::optional<std::string>();
               return std::optional<std::string>(r->code);
             }),
      pool_(std::make_unique<WorkerPool>(options.hash_threads > 0 ? options.hash_threads
                                     : static_cast<int>(std::max(1U, std::thread::hardware_concurrency())),
            1024)),
      auth_(db, sessions_, *pool_, *notifier_, options.limit_scale),
      admin_(db, sessions_, *pool_, regions_) {}

AccountsModule::~AccountsModule() {
  pool_.reset();
  (void)db_.WriteSync([](store::Connection&) { return Ok(); });  // FIFO: earlier writes are done
}

Result<std::shared_ptr<AccountsModule>> AccountsModule::Create(store::Database& db, ModuleOptions options) {
  KC_ASSIGN_OR_RETURN(SecretKey key, LoadKey(db));
  return std::shared_ptr<AccountsModule>(new AccountsModule(db, std::move(key), std::move(options)));
}

Result<std::shared_ptr<AccountsModule>> RegisterRoutes(http::Router& router, store::Database& db,
                                                       ModuleOptions options) {
  KC_ASSIGN_OR_RETURN(auto module, AccountsModule::Create(db, std::move(options)));
  router.set_guard([module](http::Request& req, const http::Route& route) {
    return module->guard().Check(req, route);
  });
  AddAuthRoutes(router, module);
  AddUserRoutes(router, module);
  AddKeyAndAuditRoutes(router, module);
  return module;
}

}  // namespace kc::accounts
