// Sessions and API keys: creating them, and turning a presented token into a Caller.
//
// Lifecycle: a session is created at sign-in (only HashToken(token) is stored), ends when
// revoked (logout, "sign out elsewhere", password change or reset, disable) or expires: after
// `idle` without a request (sliding; last_seen is persisted at most once per `touch_interval`,
// by a background write the request does not wait for) or `absolute` after creation, whichever
// comes first. Validated credentials are cached (session_cache.h) for `cache_ttl`.
// Thread-safe. The clock is injected so tests move time instead of sleeping.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "accounts/account.h"
#include "accounts/caller.h"
#include "accounts/session_cache.h"
#include "accounts/token.h"
#include "core/result.h"
#include "store/database.h"

namespace kc::accounts {

using ClockFn = std::function<TimePoint()>;

struct SessionPolicy {
  std::chrono::milliseconds idle = std::chrono::hours(24 * 7);
  std::chrono::milliseconds absolute = std::chrono::hours(24 * 30);
  std::chrono::milliseconds cache_ttl = std::chrono::seconds(30);
  std::chrono::milliseconds touch_interval = std::chrono::seconds(60);
  std::size_t max_cached = 100'000;  // ~1 KB each
};

// A session ready to be stored: the secret token goes to the client once, the row to the DB.
struct NewSession {
  std::string token;
  std::string csrf_token;
  Session row;  // id filled in by the caller after InsertSession
};

class Sessions {
 public:
  Sessions(store::Database& db, SecretKey csrf_key, SessionPolicy policy, ClockFn clock);

  // A new session for `user_id` at Now() (not stored: insert `row` inside the login write).
  // The user agent is truncated to kMaxUserAgentBytes.
  NewSession Prepare(int64_t user_id, std::string_view user_agent, std::string_view ip) const;

  // The caller for a session token. Errors (kUnauthenticated): slug "session_invalid" for a
  // malformed, unknown or revoked token or a disabled account; "session_expired" after the idle
  // or absolute limit. kUnavailable on storage errors.
  Result<CallerPtr> AuthenticateSession(std::string_view token);
  // The caller for an API key ("kc_key_..."). Errors: kUnauthenticated "invalid_api_key" for a
  // malformed, unknown or revoked key; storage errors.
  Result<CallerPtr> AuthenticateApiKey(std::string_view key);

  std::string Csrf(std::string_view session_hash) const { return CsrfToken(csrf_key_, session_hash); }
  bool VerifyCsrf(const Caller& caller, std::string_view token) const {
    return VerifyCsrfToken(csrf_key_, caller.session_hash, token);
  }

  // Builds the caller of a user's session (also used right after login).
  CallerPtr MakeCaller(const User& user, const Session& session) const;

  SessionCache& cache() { return cache_; }
  TimePoint Now() const { return clock_(); }
  const SessionPolicy& policy() const { return policy_; }

 private:
  Result<CallerPtr> LoadSession(const std::string& hash, TimePoint now);
  Result<CallerPtr> LoadApiKey(const std::string& hash, TimePoint now);
  void TouchLater(int64_t session_id, TimePoint now);

  store::Database& db_;
  const SecretKey csrf_key_;
  const SessionPolicy policy_;
  const ClockFn clock_;
  SessionCache cache_;
};

// The bilingual 401 errors of AuthenticateSession.
Error SessionInvalid();
Error SessionExpired();

}  // namespace kc::accounts
