// In-memory rate limiting and lockout for sign-in, verification codes and other abusable
// endpoints, keyed by a short string (client IP, normalised account, "ip|account", ...).
//
// Both classes are thread-safe (one mutex each; calls are O(1) except an occasional eviction
// sweep, amortised O(1)). Time is passed in by the caller, so tests drive the clock and never
// sleep. Memory is bounded: at most Options::max_keys keys are kept; entries that no longer
// affect any decision are dropped first, then the least significant ones (see each class).
// State is per process: with several replicas each limits separately, which is acceptable for
// abuse damping (a shared store would be needed for exact global quotas).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/time.h"

namespace kc::accounts {

// Whether to let a request through; when not, how long until it is worth trying again
// (whole seconds, at least 1 — the HTTP Retry-After value for a 429).
struct RateDecision {
  bool allowed = true;
  std::chrono::seconds retry_after{0};

  explicit operator bool() const { return allowed; }
};

namespace internal {
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
}  // namespace internal

// A token bucket per key (implemented as GCRA: one timestamp per key, exact integer math).
// A key may make `burst` requests at once, and then one more every `interval`; e.g. burst 10,
// interval 6 s is "10 at once, 10 per minute sustained".
class RateLimiter {
 public:
  struct Options {
    int burst = 10;                            // >= 1
    std::chrono::milliseconds interval{6000};  // > 0: time to earn one request back
    std::size_t max_keys = 100'000;            // ~100 bytes per key: ~10 MB at most
  };

  explicit RateLimiter(Options options);

  // Counts one request for `key` at `now` if allowed. Keys should be short (<= 256 bytes);
  // callers hash longer identifiers.
  RateDecision Check(std::string_view key, TimePoint now);

  // Number of keys currently tracked (for metrics and tests).
  std::size_t size() const;

 private:
  void MakeRoomLocked(int64_t now_ms);

  const Options options_;
  const int64_t interval_ms_;
  const int64_t tolerance_ms_;  // (burst - 1) * interval: how far ahead the bucket may run
  mutable std::mutex mu_;
  // Key -> theoretical arrival time (ms since epoch) of the next conforming request. A key
  // whose time is not after `now` is indistinguishable from an unknown key. Guarded by mu_.
  std::unordered_map<std::string, int64_t, internal::StringHash, std::equal_to<>> tat_;
};

// Locks a key out after consecutive failures (e.g. wrong passwords for an account):
// `max_failures` failures in a row lock it for `first_lockout`; each further lockout doubles
// the time, up to `max_lockout`. A success clears the key. Failures and the doubling are
// forgotten `forget_after` without a failure (and not locked).
//
// Use: Check before verifying a password (reject with 429 and retry_after when locked), then
// RecordFailure or RecordSuccess. Locking accounts lets an attacker lock a victim out, so key by
// "account|ip" or pair it with a per-IP RateLimiter, as the sign-in route decides.
class FailureLockout {
 public:
  struct Options {
    int max_failures = 5;                          // >= 1
    std::chrono::seconds first_lockout{15 * 60};   // 15 minutes
    std::chrono::seconds max_lockout{24 * 3600};   // doubling stops at one day
    std::chrono::seconds forget_after{24 * 3600};  // quiet time that resets a key
    std::size_t max_keys = 100'000;
  };

  explicit FailureLockout(Options options);

  // Allowed unless `key` is locked at `now`. Does not count anything.
  RateDecision Check(std::string_view key, TimePoint now) const;

  // Counts a failure at `now`. Returns the state after it: not allowed (with retry_after) if
  // this failure started a lockout. A failure reported while already locked is not counted
  // and does not extend the lock (Check should have rejected the attempt).
  RateDecision RecordFailure(std::string_view key, TimePoint now);

  // Forgets `key`: its failures and its lockout level.
  void RecordSuccess(std::string_view key);

  std::size_t size() const;

 private:
  struct Entry {
    int failures = 0;  // consecutive failures since the last lockout or success
    int lockouts = 0;  // lockouts so far: the next one lasts first_lockout * 2^lockouts
    int64_t locked_until_ms = 0;
    int64_t last_failure_ms = 0;
  };

  bool IsStale(const Entry& e, int64_t now_ms) const;
  void MakeRoomLocked(int64_t now_ms);

  const Options options_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry, internal::StringHash, std::equal_to<>>
      entries_;  // guarded by mu_
};

}  // namespace kc::accounts
