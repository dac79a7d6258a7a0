// Types of the accounts module: users, stored grants, sessions, API keys and audit entries.
// Plain data; the rules live in roles.h (authorisation), contact.h and password.h (input) and
// the services. Ids are SQLite row ids; timestamps are kc::TimePoint (UTC).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/roles.h"
#include "core/result.h"
#include "core/time.h"

namespace kc::accounts {

enum class UserStatus { kActive, kDisabled };
enum class Language { kId, kEn };

std::string_view ToString(UserStatus s);   // "active", "disabled"
std::string_view ToString(Language l);     // "id", "en"
std::optional<Language> LanguageFromString(std::string_view s);

// A grant as stored, with its row id (for revocation through the API).
struct StoredGrant {
  int64_t id = 0;
  Grant grant;
};

struct User {
  int64_t id = 0;
  std::string name;
  std::string email;  // normalised, or empty
  std::string phone;  // E.164, or empty
  std::string password_hash;
  UserStatus status = UserStatus::kActive;
  Language language = Language::kId;
  bool verified = false;
  TimePoint created_at{};
  std::vector<StoredGrant> grants;

  std::string IdString() const { return std::to_string(id); }
  // The principal this user acts as (grants only; no session data).
  Principal ToPrincipal() const;
};

// Limits on user-supplied text, in code points (names) or bytes (user agent).
inline constexpr std::size_t kMaxNameChars = 120;
inline constexpr std::size_t kMaxUserAgentBytes = 256;
inline constexpr std::size_t kMaxApiKeyNameChars = 80;

struct Session {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string token_hash;
  TimePoint created_at{};
  TimePoint last_seen_at{};
  TimePoint expires_at{};  // absolute expiry
  std::string user_agent;
  std::string ip;
  bool revoked = false;
};

struct ApiKey {
  int64_t id = 0;
  std::string region_code;
  std::string name;
  std::string key_hash;
  int64_t created_by = 0;
  TimePoint created_at{};
  std::optional<TimePoint> last_used_at;
  bool revoked = false;
};

// Who did something, for the audit log. actor_id 0 means the command line or the system.
struct Actor {
  int64_t user_id = 0;
  std::string label;  // "user:12", "cli", "apikey:3"

  static Actor Cli() { return {0, "cli"}; }
  static Actor User(int64_t id) { return {id, "user:" + std::to_string(id)}; }
};

// Validates the fields of a new account (self-registered or created by an admin): a name,
// an email and/or an Indonesian phone number, a password that meets the policy. Replaces
// `email` and `phone` with their normalised forms. All problems are reported at once.
Status ValidateNewAccount(std::string_view name, std::string& email, std::string& phone,
                          std::string_view password);

}  // namespace kc::accounts
