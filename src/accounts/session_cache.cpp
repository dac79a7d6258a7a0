#include "accounts/session_cache.h"

namespace kc::accounts {

std::optional<CachedCredential> SessionCache::Get(std::string_view hash, TimePoint now,
                                                  std::chrono::milliseconds touch_interval,
                                                  bool& write_due) {
  write_due = false;
  std::lock_guard lock(mu_);
  auto it = entries_.find(std::string(hash));
  if (it == entries_.end()) return std::nullopt;
  CachedCredential& e = it->second;
  if (now - e.loaded_at >= ttl_) {
    entries_.erase(it);
    return std::nullopt;
  }
  CachedCredential copy = e;  // before the update: the caller checks idle expiry against it
  if (now > e.last_seen) e.last_seen = now;
  if (now - e.last_written >= touch_interval) {
    e.last_written = now;
    write_due = true;
  }
  return copy;
}

uint64_t SessionCache::epoch() const {
  std::lock_guard lock(mu_);
  return epoch_;
}

void SessionCache::Put(const std::string& hash, CachedCredential entry, uint64_t epoch) {
  std::lock_guard lock(mu_);
  if (epoch != epoch_) return;
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_[hash] = std::move(entry);
}

void SessionCache::Erase(std::string_view hash) {
  std::lock_guard lock(mu_);
  ++epoch_;
  entries_.erase(std::string(hash));
}

void SessionCache::EraseUser(int64_t user_id) {
  std::lock_guard lock(mu_);
  ++epoch_;
  std::erase_if(entries_, [&](const auto& kv) { return kv.second.caller->user_id == user_id; });
}

void SessionCache::Clear() {
  std::lock_guard lock(mu_);
  ++epoch_;
  entries_.clear();
}

std::size_t SessionCache::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

}  // namespace kc::accounts
