// The HTTP/1.1 server (Boost.Beast/Asio, kept inside server.cpp). One io_context per thread;
// connections are spread over them round-robin and stay on one thread for their life, so a
// session needs no strand. Handlers may reply from any thread; the reply is posted back.
// A route handler may accept a WebSocket upgrade instead (http/websocket.h): the connection
// then leaves the HTTP session for websocket.cpp and stays on the same thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "http/router.h"

namespace kc::http {

struct ServerConfig {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0: an ephemeral port, see Server::port()
  int threads = 0;       // 0: one per core
  size_t max_connections = 10000;  // beyond this a new connection gets 503 and is closed
  size_t header_limit = 16 * 1024;  // request line + headers; more is 431
  // A request's header and body must arrive within this; a slow client gets 408.
  std::chrono::seconds read_timeout{15};
  // A kept-alive connection with no request for this long is closed.
  std::chrono::seconds idle_timeout{60};
  // A response the client does not read within this is abandoned.
  std::chrono::seconds write_timeout{30};
  // In-flight requests get this long to finish on shutdown.
  std::chrono::seconds shutdown_grace{10};
  std::string access_log = "stdout";  // "stdout", "off", or a file path
};

// Observes every completed request (metrics). Called on the connection's thread.
struct RequestObserver {
  virtual ~RequestObserver() = default;
  virtual void OnRequest(const Route* route, const Request& req, int status,
                         std::chrono::nanoseconds elapsed) = 0;
};

class Server {
 public:
  Server(ServerConfig config, const Router& router, RequestObserver* observer = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the threads. kUnavailable when the address cannot be bound.
  Status Start();
  // The bound port (useful with port 0). Valid after Start.
  uint16_t port() const;
  // Stops accepting, lets in-flight requests finish (up to shutdown_grace), closes idle
  // connections. Thread-safe and idempotent; returns at once. Wait() blocks until done.
  void Stop();
  void Wait();
  size_t open_connections() const;

  class Impl;  // defined in server.cpp; public only so that its session class can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kc::http
