// WebSocket (RFC 6455) for route handlers, without Beast in their translation units.
//
// An upgrade is an ordinary GET route: the router finds it, the guard authenticates (session
// cookie or bearer token) and authorises its declared permission, and the handler decides. To
// accept, the handler calls AcceptWebSocket(reply, open) instead of replying; the server then
// completes the handshake on the connection's thread (websocket.cpp) and calls `open` with the
// connection. To refuse, the handler replies with an error response as usual.
//
//   void Stream(Request& req, Reply reply) {
//     if (!http::IsWebSocketUpgrade(req)) return reply(Upgrade required (426));
//     http::AcceptWebSocket(reply, [](std::shared_ptr<http::WebSocketConnection> conn) {
//       return http::WebSocketCallbacks{.on_close = [] { ... }};
//     });
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "http/request.h"
#include "http/router.h"

namespace kc::http {

// Frames queued for one client beyond which it counts as a slow consumer and is dropped with
// close code kCloseSlowConsumer: a client that never reads must not grow server memory.
inline constexpr size_t kWebSocketMaxQueued = 1024;
// Largest message accepted from a client (clients post through the REST API; the socket
// carries little upstream). Larger ones close the connection with 1009.
inline constexpr size_t kWebSocketMaxIncoming = 16 * 1024;

inline constexpr uint16_t kCloseNormal = 1000;
inline constexpr uint16_t kCloseGoingAway = 1001;     // server shutting down
inline constexpr uint16_t kClosePolicy = 1008;        // e.g. no longer a member
inline constexpr uint16_t kCloseSlowConsumer = 1013;  // "try again later": reconnect, catch up

// A live connection as the application sees it. Send and Close are thread-safe: they hand the
// work to the connection's own thread and return at once.
class WebSocketConnection {
 public:
  virtual ~WebSocketConnection() = default;
  // Queues one text frame (the shared text is not copied per client). False when the connection
  // is closed or closing, or when it has kWebSocketMaxQueued frames pending: it is then closed
  // with kCloseSlowConsumer and the frame dropped.
  virtual bool Send(std::shared_ptr<const std::string> text) = 0;
  // Sends a close frame with `code` and `reason` after what is already queued; the socket is cut
  // if the client does not complete the close within a few seconds. Idempotent.
  virtual void Close(uint16_t code, std::string reason) = 0;
  virtual bool open() const = 0;
};

// What the application hears from an accepted connection, on the connection's thread.
struct WebSocketCallbacks {
  std::function<void(std::string_view text)> on_text;  // optional; a text message from the client
  std::function<void()> on_close;                      // optional; once, however it closed
};

// Called on the connection's thread once the handshake is done.
using WebSocketOpen = std::function<WebSocketCallbacks(std::shared_ptr<WebSocketConnection>)>;

// The Reply the server gives handlers of upgrade requests: a normal reply that can also hand the
// connection over. Handlers reach it only through AcceptWebSocket.
class UpgradeReply {
 public:
  UpgradeReply(Reply reply, std::function<void(WebSocketOpen)> upgrade)
      : reply_(std::move(reply)), upgrade_(std::move(upgrade)) {}
  void operator()(Response r) const { reply_(std::move(r)); }
  void Upgrade(WebSocketOpen open) const { upgrade_(std::move(open)); }

 private:
  Reply reply_;
  std::function<void(WebSocketOpen)> upgrade_;
};

// True when `list` (a comma-separated header value) holds `token`, ignoring ASCII case.
inline bool HeaderHasToken(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    const size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item.size() != token.size()) continue;
    bool same = true;
    for (size_t i = 0; i < item.size() && same; ++i) {
      const auto lower = [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      };
      same = lower(item[i]) == lower(token[i]);
    }
    if (same) return true;
  }
  return false;
}

// True for a GET asking to switch to WebSocket (Upgrade: websocket, Connection: upgrade).
inline bool IsWebSocketUpgrade(const Request& req) {
  return req.method == Method::kGet && HeaderHasToken(req.Header("upgrade"), "websocket") &&
         HeaderHasToken(req.Header("connection"), "upgrade");
}

// Hands the request's connection to WebSocket with `open`. Call instead of replying, once.
// False when `reply` cannot upgrade (the request was not an upgrade, or the handler was called
// outside the server, as in unit tests); the handler must then reply itself.
inline bool AcceptWebSocket(const Reply& reply, WebSocketOpen open) {
  const auto* upgrade = reply.target<UpgradeReply>();
  if (upgrade == nullptr) return false;
  upgrade->Upgrade(std::move(open));
  return true;
}

}  // namespace kc::http
