// The seam between the HTTP server (server.cpp) and the WebSocket sessions (websocket.cpp):
// the only two translation units that include it, because it names Beast types.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <functional>

#include "http/websocket.h"

namespace kc::http::internal {

// Completes the handshake answering `upgrade` on `socket` (which stays on its io_context's
// thread) and runs the session until it closes; then calls `on_closed` on that thread (the
// server's connection count). Call on the socket's thread.
void StartWebSocket(boost::asio::ip::tcp::socket socket,
                    boost::beast::http::request<boost::beast::http::string_body> upgrade,
                    WebSocketOpen open, std::function<void()> on_closed);

// Closes every WebSocket of the calling thread with kCloseGoingAway (server shutdown). Call on
// each io_context's thread.
void CloseWebSocketsOfThisThread();

}  // namespace kc::http::internal
