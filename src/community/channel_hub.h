// Real-time delivery of channel messages to connected WebSocket clients.
//
// A client subscribes to one channel (channel_routes.cpp, after the membership check). A new
// message is published after its write is durable, from the store's completion thread; the hub
// hands the one serialized frame to every subscriber's connection (Send only queues it on the
// connection's own io thread, so fan-out never blocks on a client). A client that reconnects
// with the last id it saw first gets the missed messages from storage (catch-up); messages
// published meanwhile wait in its subscription and are sent after, without duplicates or gaps.
//
// Thread-safe: every member may be called from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http/websocket.h"

namespace kc::community {

// One client's subscription to one channel.
class Subscription {
 public:
  explicit Subscription(std::shared_ptr<http::WebSocketConnection> conn) : conn_(std::move(conn)) {}

  // Delivers message `id` unless it was already sent; buffered while catching up.
  void Deliver(int64_t id, const std::shared_ptr<const std::string>& frame);
  // Sends the stored messages after the client's cursor (ascending ids), then what arrived
  // meanwhile, and switches to live delivery.
  void GoLive(const std::vector<std::pair<int64_t, std::shared_ptr<const std::string>>>& history);
  http::WebSocketConnection& connection() { return *conn_; }

 private:
  // Messages published while catching up beyond this mean the client is hopelessly behind.
  static constexpr size_t kMaxPending = 1024;
  std::mutex mu_;
  std::shared_ptr<http::WebSocketConnection> conn_;
  bool live_ = false;                                                            // guarded by mu_
  int64_t last_sent_ = 0;                                                        // guarded by mu_
  std::vector<std::pair<int64_t, std::shared_ptr<const std::string>>> pending_;  // guarded by mu_
};

class ChannelHub {
 public:
  // Registers a subscription (in catch-up mode until GoLive).
  std::shared_ptr<Subscription> Subscribe(int64_t channel_id,
                                          std::shared_ptr<http::WebSocketConnection> conn);
  void Unsubscribe(int64_t channel_id, const Subscription* sub);
  // Hands `frame` (message `message_id`) to every subscriber of the channel. Returns how many.
  size_t Publish(int64_t channel_id, int64_t message_id, std::shared_ptr<const std::string> frame);
  size_t subscribers(int64_t channel_id) const;

 private:
  mutable std::mutex mu_;
  // channel id -> its subscriptions; guarded by mu_
  std::unordered_map<int64_t, std::vector<std::shared_ptr<Subscription>>> channels_;
};

}  // namespace kc::community
