// SQLite storage of the accounts module (schema: migrations/0003_accounts.sql).
//
// Free functions over a store::Connection so that they compose inside one transaction: a write
// path calls several of them and RecordAudit in the same Database::Write function, and they
// commit or roll back together. Reads run on any connection (Database::Read). None of them
// starts or ends a transaction. Errors: storage errors from store/sqlite.h (kConflict on a
// UNIQUE violation), plus those named per function.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace kc::accounts::db {

using store::Connection;

// --- users and grants ---
// The user with its grants; nullopt when absent.
Result<std::optional<User>> FindUser(Connection& conn, int64_t id);
// By normalised email (case-insensitive) or E.164 phone; nullopt when absent.
Result<std::optional<User>> FindUserByContact(Connection& conn, std::string_view email,
                                              std::string_view phone);
// Inserts `user` (id, grants ignored) and returns its id. kConflict "account_exists" when the
// email or phone is taken.
Result<int64_t> InsertUser(Connection& conn, const User& user, TimePoint now);
// Overwrites name and password of an unverified account (re-registration).
Status ResetUnverifiedUser(Connection& conn, int64_t id, const std::string& name,
                           const std::string& password_hash, TimePoint now);
Status SetPasswordHash(Connection& conn, int64_t id, const std::string& hash, TimePoint now);
Status SetStatus(Connection& conn, int64_t id, UserStatus status, TimePoint now);
Status SetVerified(Connection& conn, int64_t id, TimePoint now);
// Users holding any grant in `region_code` (all users when empty), ordered by id, after
// `after_id`, at most `limit`; grants included.
Result<std::vector<User>> ListUsers(Connection& conn, std::string_view region_code,
                                    int64_t after_id, int limit);

// kConflict "grant_exists" when the user already holds exactly this grant.
Result<int64_t> InsertGrant(Connection& conn, int64_t user_id, const Grant& grant,
                            int64_t created_by, TimePoint now);
// The grant with that id of that user; nullopt when absent.
Result<std::optional<StoredGrant>> FindGrant(Connection& conn, int64_t user_id, int64_t grant_id);
Status DeleteGrant(Connection& conn, int64_t grant_id);

// --- sessions ---
Result<int64_t> InsertSession(Connection& conn, const Session& session);
// By token hash, revoked ones included; nullopt when absent.
Result<std::optional<Session>> FindSessionByHash(Connection& conn, std::string_view token_hash);
// Live (not revoked, not absolutely expired at `now`) sessions of a user, newest first.
Result<std::vector<Session>> ListSessions(Connection& conn, int64_t user_id, TimePoint now);
Status TouchSession(Connection& conn, int64_t id, TimePoint now);
// Revokes session `id` of `user_id`; kNotFound when the user has no such live session.
Status RevokeSession(Connection& conn, int64_t user_id, int64_t id, TimePoint now);
// Revokes every session of the user except `except_id` (0: all). Returns the revoked hashes.
Result<std::vector<std::string>> RevokeUserSessions(Connection& conn, int64_t user_id,
                                                    int64_t except_id, TimePoint now);

// --- API keys ---
Result<int64_t> InsertApiKey(Connection& conn, const ApiKey& key);
Result<std::optional<ApiKey>> FindApiKeyByHash(Connection& conn, std::string_view key_hash);
Result<std::vector<ApiKey>> ListApiKeys(Connection& conn, std::string_view region_code);
// Revokes key `id` of `region_code`. Returns the key as it was; kNotFound when absent/revoked.
Result<ApiKey> RevokeApiKey(Connection& conn, std::string_view region_code, int64_t id,
                            TimePoint now);
Status TouchApiKey(Connection& conn, int64_t id, TimePoint now);

// --- one-time codes ("verify", "reset") ---
struct StoredCode {
  int64_t id = 0;
  std::string code_hash;
  TimePoint expires_at{};
  int attempts = 0;
};
// Stores a new code and retires the user's earlier unused codes of the same purpose.
Status InsertCode(Connection& conn, int64_t user_id, std::string_view purpose,
                  const std::string& code_hash, TimePoint expires_at, TimePoint now);
// The newest unused, unexpired code of that purpose; nullopt when none.
Result<std::optional<StoredCode>> FindActiveCode(Connection& conn, int64_t user_id,
                                                 std::string_view purpose, TimePoint now);
Status CountCodeAttempt(Connection& conn, int64_t code_id);
Status MarkCodeUsed(Connection& conn, int64_t code_id, TimePoint now);

// --- settings (migrations/0001_settings.sql) ---
Result<std::optional<std::string>> GetSetting(Connection& conn, std::string_view key);
// Inserts unless present; returns the stored value (the existing one if another process won).
Result<std::string> PutSettingIfAbsent(Connection& conn, std::string_view key,
                                       const std::string& value, TimePoint now);

}  // namespace kc::accounts::db
