#include "accounts/rate_limit.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace kc::accounts {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// When the map is full and sweeping stale entries freed nothing, this fraction of max_keys is
// evicted at once, so the O(n) selection runs at most once per max_keys/8 insertions (amortised
// O(1)) instead of on every new key during a flood of distinct keys.
constexpr std::size_t kEvictDivisor = 8;

seconds RetryAfter(int64_t wait_ms) {
  // Round up: a client that waits the advertised seconds must then be allowed.
  return seconds(std::max<int64_t>(1, (wait_ms + 999) / 1000));
}

// Erases the `count` entries with the smallest rank(entry) from `map`.
template <class Map, class RankFn>
void EvictLowest(Map& map, std::size_t count, RankFn rank) {
  using Rank = decltype(rank(map.begin()->second));
  std::vector<std::pair<Rank, typename Map::iterator>> ranked;
  ranked.reserve(map.size());
  for (auto it = map.begin(); it != map.end(); ++it) ranked.emplace_back(rank(it->second), it);
  count = std::min(count, ranked.size());
  const auto by_rank = [](const auto& a, const auto& b) { return a.first < b.first; };
  std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(count),
                   ranked.end(), by_rank);
  // Erasing an unordered_map element invalidates only iterators to that element.
  for (std::size_t i = 0; i < count; ++i) map.erase(ranked[i].second);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// RateLimiter: GCRA. With T = interval and tau = (burst - 1) * T, a request at time t conforms
// iff TAT - t <= tau, where TAT starts at t; each conforming request moves TAT to
// max(TAT, t) + T. Equivalent to a token bucket of `burst` tokens refilled one per T, but one
// integer per key and no floating point. A fixed window was rejected: it lets twice the limit
// through around a window edge.

RateLimiter::RateLimiter(Options options)
    : options_(options),
      interval_ms_(std::max<int64_t>(1, options.interval.count())),
      tolerance_ms_(static_cast<int64_t>(std::max(1, options.burst) - 1) * interval_ms_) {}

RateDecision RateLimiter::Check(std::string_view key, TimePoint now) {
  const int64_t now_ms = ToMillis(now);
  std::lock_guard lock(mu_);
  auto it = tat_.find(key);
  if (it == tat_.end()) {
    MakeRoomLocked(now_ms);
    it = tat_.emplace(std::string(key), now_ms).first;
  }
  const int64_t tat = std::max(it->second, now_ms);
  if (tat - now_ms > tolerance_ms_) {
    return {false, RetryAfter(tat - tolerance_ms_ - now_ms)};
  }
  it->second = tat + interval_ms_;
  return {true, seconds(0)};
}

std::size_t RateLimiter::size() const {
  std::lock_guard lock(mu_);
  return tat_.size();
}

void RateLimiter::MakeRoomLocked(int64_t now_ms) {
  if (tat_.size() < std::max<std::size_t>(1, options_.max_keys)) return;
  std::erase_if(tat_, [&](const auto& kv) { return kv.second <= now_ms; });
  if (tat_.size() < options_.max_keys) return;
  // Evict the keys closest to being forgiven (smallest TAT): they lose the least history.
  EvictLowest(tat_, std::max<std::size_t>(1, options_.max_keys / kEvictDivisor),
              [](int64_t tat) { return tat; });
}

// ---------------------------------------------------------------------------------------------
// FailureLockout

FailureLockout::FailureLockout(Options options) : options_(options) {}

bool FailureLockout::IsStale(const Entry& e, int64_t now_ms) const {
  return now_ms >= e.locked_until_ms &&
         now_ms - e.last_failure_ms >= milliseconds(options_.forget_after).count();
}

RateDecision FailureLockout::Check(std::string_view key, TimePoint now) const {
  const int64_t now_ms = ToMillis(now);
  std::lock_guard lock(mu_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || now_ms >= it->second.locked_until_ms) return {true, seconds(0)};
  return {false, RetryAfter(it->second.locked_until_ms - now_ms)};
}

RateDecision FailureLockout::RecordFailure(std::string_view key, TimePoint now) {
  const int64_t now_ms = ToMillis(now);
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    MakeRoomLocked(now_ms);
    it = entries_.emplace(std::string(key), Entry{}).first;
  }
  Entry& e = it->second;
  if (now_ms < e.locked_until_ms) return {false, RetryAfter(e.locked_until_ms - now_ms)};
  if (IsStale(e, now_ms)) e = Entry{};
  e.last_failure_ms = now_ms;
  if (++e.failures < std::max(1, options_.max_failures)) return {true, seconds(0)};

  // Lockout number n (from 0) lasts first_lockout * 2^n, capped; doubling by loop avoids
  // overflowing a shift when a key has been locked many times.
  const int64_t cap_ms = milliseconds(options_.max_lockout).count();
  int64_t lock_ms = std::min(milliseconds(options_.first_lockout).count(), cap_ms);
  for (int i = 0; i < e.lockouts && lock_ms < cap_ms; ++i) lock_ms = std::min(lock_ms * 2, cap_ms);
  e.failures = 0;
  ++e.lockouts;
  e.locked_until_ms = now_ms + lock_ms;
  return {false, RetryAfter(lock_ms)};
}

void FailureLockout::RecordSuccess(std::string_view key) {
  std::lock_guard lock(mu_);
  if (const auto it = entries_.find(key); it != entries_.end()) entries_.erase(it);
}

std::size_t FailureLockout::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

void FailureLockout::MakeRoomLocked(int64_t now_ms) {
  if (entries_.size() < std::max<std::size_t>(1, options_.max_keys)) return;
  std::erase_if(entries_, [&](const auto& kv) { return IsStale(kv.second, now_ms); });
  if (entries_.size() < options_.max_keys) return;
  // Evict unlocked keys first, oldest failure first; a locked key goes only when every key is
  // locked, soonest-expiring first. So a flood of new keys cannot cheaply unlock an account
  // under attack.
  EvictLowest(entries_, std::max<std::size_t>(1, options_.max_keys / kEvictDivisor),
              [now_ms](const Entry& e) {
                const bool locked = now_ms < e.locked_until_ms;
                return std::pair<int, int64_t>(locked ? 1 : 0,
                                               locked ? e.locked_until_ms : e.last_failure_ms);
              });
}

}  // namespace kc::accounts
