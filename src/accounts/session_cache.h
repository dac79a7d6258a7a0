// In-memory cache of validated credentials (sessions and API keys) keyed by the token hash, so
// an authenticated request costs a hash and a map lookup instead of database reads.
//
// Entries live at most `ttl` (then the next request reloads from the database), and are dropped
// at once by the Erase* calls that every revocation, grant change, password change and disable
// makes after its commit. A load that raced with an invalidation is not cached: callers take
// epoch() before reading the database and pass it to Put, which ignores stale loads.
// Thread-safe (one mutex; O(1) per call except EraseUser, which scans, and is rare).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "accounts/caller.h"
#include "core/time.h"

namespace kc::accounts {

struct CachedCredential {
  CallerPtr caller;
  TimePoint expires_at{};  // absolute expiry (sessions); TimePoint::max() for API keys
  TimePoint last_seen{};   // last request (sessions: idle expiry counts from here)
  TimePoint last_written{};  // last_seen as last persisted
  TimePoint loaded_at{};
};

class SessionCache {
 public:
  SessionCache(std::chrono::milliseconds ttl, std::size_t max_entries)
      : ttl_(ttl), max_entries_(max_entries) {}

  // The fresh entry for `hash`, with last_seen moved to `now`; nullopt when absent or older than
  // the TTL. `write_due` is set when last_seen has not been persisted for `touch_interval`
  // (the entry then counts it as written: exactly one caller persists it).
  std::optional<CachedCredential> Get(std::string_view hash, TimePoint now,
                                      std::chrono::milliseconds touch_interval, bool& write_due);

  uint64_t epoch() const;
  // Stores `entry` unless an invalidation happened since `epoch`. Clears everything when full.
  void Put(const std::string& hash, CachedCredential entry, uint64_t epoch);

  void Erase(std::string_view hash);
  void EraseUser(int64_t user_id);
  void Clear();
  std::size_t size() const;

 private:
  const std::chrono::milliseconds ttl_;
  const std::size_t max_entries_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, CachedCredential> entries_;  // guarded by mu_
  uint64_t epoch_ = 0;                                         // guarded by mu_
};

}  // namespace kc::accounts
