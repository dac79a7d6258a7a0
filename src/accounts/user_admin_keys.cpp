// API keys and administrative password setting (user_admin.h).
#include <spdlog/spdlog.h>

#include "accounts/account_store.h"
#include "accounts/audit.h"
#include "accounts/password.h"
#include "accounts/token.h"
#include "accounts/user_admin.h"
#include "http/json_body.h"

namespace kc::accounts {

void UserAdmin::CreateApiKey(AdminActor by, std::string region_code, std::string name,
                             Done<std::pair<ApiKey, std::string>> done) {
  if (name.empty() || http::Utf8Length(name) > kMaxApiKeyNameChars || !http::IsValidUtf8(name)) {
    return done(InvalidArgument({"Nama kunci tidak valid.", "Invalid key name."})
                    .With("name", {"wajib diisi, maksimal 80 karakter", "required, at most 80 characters"}));
  }
  auto region = regions_.FindRegion(region_code);
  if (!region.ok()) return done(std::move(region).error());
  if (!*region || (*region)->code != region_code) {
    return done(InvalidArgument({"Region tidak terdaftar.", "No such region."})
                    .With("region", {"tidak terdaftar", "unknown"}));
  }
  auto secret = std::make_shared<std::string>(NewToken(kApiKeyPrefix));
  auto key = std::make_shared<ApiKey>(ApiKey{.region_code = region_code, .name = name,
                                             .key_hash = HashToken(*secret),
                                             .created_by = by.actor.user_id,
                                             .created_at = sessions_.Now()});
  db_.Write(
      [key, by](store::Connection& conn) -> Status {
        KC_ASSIGN_OR_RETURN(key->id, db::InsertApiKey(conn, *key));
        return RecordAudit(conn, {.actor = by.actor, .region_code = key->region_code,
                                  .action = "apikey.create", .target = "apikey:" + std::to_string(key->id),
                                  .after = ApiKeyJson(*key), .at = key->created_at});
      },
      [key, secret, done](Status st) {
        if (!st.ok()) return done(std::move(st).error());
        done(std::make_pair(*key, *secret));
      });
}

Result<std::vector<ApiKey>> UserAdmin::ListApiKeys(std::string_view region_code) {
  return db_.Read([&](store::Connection& c) { return db::ListApiKeys(c, region_code); });
}

void UserAdmin::RevokeApiKey(AdminActor by, std::string region_code, int64_t id, StatusDone done) {
  auto hash = std::make_shared<std::string>();
  const TimePoint now = sessions_.Now();
  db_.Write(
      [=](store::Connection& conn) -> Status {
        KC_ASSIGN_OR_RETURN(ApiKey before, db::RevokeApiKey(conn, region_code, id, now));
        *hash = before.key_hash;
        ApiKey after = before;
        after.revoked = true;
        return RecordAudit(conn, {.actor = by.actor, .region_code = region_code,
                                  .action = "apikey.revoke", .target = "apikey:" + std::to_string(id),
                                  .before = ApiKeyJson(before), .after = ApiKeyJson(after), .at = now});
      },
      [this, hash, done](Status st) {
        if (st.ok()) sessions_.cache().Erase(*hash);
        done(std::move(st));
      });
}

void UserAdmin::SetPassword(AdminActor by, int64_t user_id, std::string password, StatusDone done) {
  auto user = Get(user_id, "");
  if (!user.ok()) return done(std::move(user).error());
  if (auto st = ValidatePassword(password, user->email.empty() ? user->phone : user->email); !st.ok()) {
    return done(std::move(st));
  }
  auto task = [this, by, user_id, password = std::move(password), done]() {
    auto hash = HashPassword(password);
    if (!hash.ok()) return done(std::move(hash).error());
    const TimePoint now = sessions_.Now();
    db_.Write(
        [=, h = *hash](store::Connection& conn) -> Status {
          KC_RETURN_IF_ERROR(db::SetPasswordHash(conn, user_id, h, now));
          auto revoked = db::RevokeUserSessions(conn, user_id, 0, now);
          if (!revoked.ok()) return std::move(revoked).error();
          return RecordAudit(conn, {.actor = by.actor, .action = "user.set_password",
                                    .target = "user:" + std::to_string(user_id), .at = now});
        },
        [this, user_id, done](Status st) {
          if (st.ok()) sessions_.cache().EraseUser(user_id);
          done(std::move(st));
        });
  };
  if (!pool_.Post(std::move(task))) done(Unavailable({"Server sibuk.", "Server busy."}));
}

}  // namespace kc::accounts
