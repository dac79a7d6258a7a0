// Citizen and staff self-service: registration with a verification code, sign-in, sign-out,
// password change and reset, and the caller's sessions.
//
// Threading: every method returns at once. Rate limits are checked on the calling thread; the
// argon2id work runs on the WorkerPool; writes go through Database::Write, and `done` is called
// (on a worker or the store's completion thread) only after the write is durable, or with the
// error. A refused request changes nothing (except the attempt counter of a one-time code, which is
// the point of counting). Refusals are logged. Rate-limited errors are kRateLimited with a
// detail "retry_after" holding the seconds (see RetryAfterSeconds).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "accounts/account.h"
#include "accounts/notifier.h"
#include "accounts/rate_limit.h"
#include "accounts/sessions.h"
#include "accounts/worker_pool.h"
#include "store/database.h"

namespace kc::accounts {

// Abuse limits of the sign-in family of routes. `scale` multiplies every burst (benchmarks set
// KOTACERDAS_AUTH_LIMIT_SCALE; production keeps 1).
struct AuthLimits {
  explicit AuthLimits(int scale = 1);
  RateLimiter login_ip;       // 30 at once, then 1 per 2 s per client IP
  RateLimiter login_account;  // 20 at once, then 1 per 30 s per account (spread attacks)
  FailureLockout login_lockout;  // 5 failures of account|ip: 15 min lock, doubling
  RateLimiter register_ip;    // 10 at once, then 1 per minute
  RateLimiter register_account;  // re-registrations (new codes) of one contact: 3, then 1 per 5 min
  RateLimiter code_ip;        // verify / reset confirm: 20 at once, then 1 per 10 s
  RateLimiter reset_ip;       // reset requests: 5 at once, then 1 per minute
  RateLimiter reset_account;  // 3 at once, then 1 per 5 minutes
  FailureLockout password_lockout;  // wrong current password on change, per user
};

inline constexpr std::chrono::minutes kCodeTtl{15};
inline constexpr int kMaxCodeAttempts = 5;

template <class T>
using Done = std::function<void(Result<T>)>;
using StatusDone = std::function<void(Status)>;

struct RegisterInput {
  std::string name, email, phone, password, ip;
  Language language = Language::kId;
};
struct LoginInput {
  std::string login, password, ip, user_agent;
};
struct LoginOutput {
  NewSession session;
  CallerPtr caller;
};

class AuthService {
 public:
  AuthService(store::Database& db, Sessions& sessions, WorkerPool& pool, Notifier& notifier,
              int limit_scale = 1);

  // Errors: kInvalidArgument (fields), kConflict "account_exists" (a verified account has the
  // email or phone; an unverified one is re-registered and gets a new code), kRateLimited.
  // Returns the user id.
  void Register(RegisterInput in, Done<int64_t> done);
  // Verifies the contact with the code sent at registration. Errors: kInvalidArgument
  // "invalid_code" (wrong, expired, used or unknown account), kRateLimited.
  void Verify(std::string login, std::string code, std::string ip, StatusDone done);
  // Errors: kUnauthenticated "invalid_credentials" (unknown account or wrong password, same
  // message and cost), kForbidden "account_disabled" / "account_not_verified" (only after the
  // right password), kRateLimited (IP, account, lockout), kUnavailable (pool full).
  void Login(LoginInput in, Done<LoginOutput> done);
  // Revokes the caller's session.
  void Logout(const Caller& caller, StatusDone done);
  // Checks `current`, sets `next` and revokes the user's other sessions. Errors:
  // kUnauthenticated "invalid_credentials", kInvalidArgument (policy), kRateLimited.
  void ChangePassword(const Caller& caller, std::string current, std::string next, StatusDone done);
  // Sends a reset code if the account exists and is active; always OK otherwise (no account
  // enumeration) except kInvalidArgument for a malformed login and kRateLimited.
  void RequestReset(std::string login, std::string ip, StatusDone done);
  // Sets a new password with a reset code; revokes every session; marks the contact verified.
  void ConfirmReset(std::string login, std::string code, std::string password, std::string ip,
                    StatusDone done);

  Result<std::vector<Session>> ListSessions(const Caller& caller);
  // Errors: kNotFound when the caller has no such live session.
  void RevokeSession(const Caller& caller, int64_t session_id, StatusDone done);

  AuthLimits& limits() { return limits_; }

 private:
  void FinishLogin(const User& user, const LoginInput& in, std::string new_hash, Done<LoginOutput> done);
  void SendCodeWrite(int64_t user_id, const std::string& contact, CodePurpose purpose,
                     Language language, StatusDone done);
  void CheckCodeWrite(std::string login, std::string code, CodePurpose purpose,
                      std::string new_hash, StatusDone done);

  store::Database& db_;
  Sessions& sessions_;
  WorkerPool& pool_;
  Notifier& notifier_;
  AuthLimits limits_;
  std::string dummy_hash_;  // verified against when the account does not exist (equal cost)
};

// A parsed sign-in name: exactly one of email / phone is set.
struct LoginName {
  std::string email, phone;
  const std::string& key() const { return email.empty() ? phone : email; }
};
// An email if `login` contains '@', else an Indonesian mobile number. kInvalidArgument with the
// field "login".
Result<LoginName> ParseLogin(std::string_view login);

// kRateLimited error for a refused decision (detail "retry_after" = seconds).
Error RateLimited(const RateDecision& d);
// The seconds of a RateLimited error (0 when absent).
long RetryAfterSeconds(const Error& e);

}  // namespace kc::accounts
