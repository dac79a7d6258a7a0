#include "community/channel_hub.h"

#include <algorithm>

namespace kc::community {

void Subscription::Deliver(int64_t id, const std::shared_ptr<const std::string>& frame) {
  std::lock_guard lock(mu_);
  if (!live_) {
    if (pending_.size() >= kMaxPending) {
      conn_->Close(http::kCloseSlowConsumer, "terlalu tertinggal / too far behind");
      return;
    }
    pending_.emplace_back(id, frame);
    return;
  }
  if (id <= last_sent_) return;
  last_sent_ = id;
  conn_->Send(frame);
}

void Subscription::GoLive(
    const std::vector<std::pair<int64_t, std::shared_ptr<const std::string>>>& history) {
  std::lock_guard lock(mu_);
  for (const auto& [id, frame] : history) {
    if (id <= last_sent_) continue;
    last_sent_ = id;
    conn_->Send(frame);
  }
  std::sort(pending_.begin(), pending_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [id, frame] : pending_) {
    if (id <= last_sent_) continue;
    last_sent_ = id;
    conn_->Send(frame);
  }
  pending_.clear();
  live_ = true;
}

std::shared_ptr<Subscription> ChannelHub::Subscribe(
    int64_t channel_id, std::shared_ptr<http::WebSocketConnection> conn) {
  auto sub = std::make_shared<Subscription>(std::move(conn));
  std::lock_guard lock(mu_);
  channels_[channel_id].push_back(sub);
  return sub;
}

void ChannelHub::Unsubscribe(int64_t channel_id, const Subscription* sub) {
  std::lock_guard lock(mu_);
  auto it = channels_.find(channel_id);
  if (it == channels_.end()) return;
  auto& subs = it->second;
  subs.erase(
      std::remove_if(subs.begin(), subs.end(), [&](const auto& s) { return s.get() == sub; }),
      subs.end());
  if (subs.empty()) channels_.erase(it);
}

size_t ChannelHub::Publish(int64_t channel_id, int64_t message_id,
                           std::shared_ptr<const std::string> frame) {
  std::vector<std::shared_ptr<Subscription>> targets;
  {
    // Copy under the lock, deliver outside it: a subscriber's own lock never nests in ours.
    std::lock_guard lock(mu_);
    auto it = channels_.find(channel_id);
    if (it == channels_.end()) return 0;
    targets = it->second;
  }
  for (const auto& sub : targets) sub->Deliver(message_id, frame);
  return targets.size();
}

size_t ChannelHub::subscribers(int64_t channel_id) const {
  std::lock_guard lock(mu_);
  auto it = channels_.find(channel_id);
  return it == channels_.end() ? 0 : it->second.size();
}

}  // namespace kc::community
