// WebSocket sessions (Boost.Beast). The second Beast translation unit, beside server.cpp, which
// hands over an upgraded connection through websocket_stream.h.
//
// Threading: a session lives on the io_context thread its TCP connection was accepted on; every
// member except `queued_` and `open_` is touched only there. Send and Close may be called from
// any thread and post to it.
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http/websocket_stream.h"

namespace kc::http::internal {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace ws = beast::websocket;
using tcp = asio::ip::tcp;

// A client that does not answer our close frame within this is cut off.
constexpr std::chrono::seconds kCloseGrace{5};
// With no traffic for this long the server pings; a client silent for another period is gone.
constexpr std::chrono::seconds kIdlePing{30};

class WsSession;

// Frames for the sessions of one io_context, handed over in bulk: a fan-out to thousands of
// clients costs one post per thread instead of one per client.
struct Inbox {
  explicit Inbox(asio::any_io_executor e) : executor(std::move(e)) {}
  asio::any_io_executor executor;
  std::mutex mu;
  std::vector<std::pair<std::shared_ptr<WsSession>, std::shared_ptr<const std::string>>>
      items;               // guarded by mu
  bool scheduled = false;  // guarded by mu: a drain is posted and has not started yet
};
// This thread's inbox, created by the first session started on it.
thread_local std::shared_ptr<Inbox> t_inbox;

// The live sessions of this thread (one io_context per thread), for shutdown.
thread_local std::unordered_map<WsSession*, std::weak_ptr<WsSession>> t_sessions;

class WsSession final : public WebSocketConnection, public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(tcp::socket socket, std::shared_ptr<Inbox> inbox, std::function<void()> on_closed)
      : ws_(std::move(socket)),
        close_timer_(ws_.get_executor()),
        inbox_(std::move(inbox)),
        on_closed_(std::move(on_closed)) {}

  void Start(beast::http::request<beast::http::string_body> upgrade, WebSocketOpen open) {
    ws::stream_base::timeout timeout =
        ws::stream_base::timeout::suggested(beast::role_type::server);
    timeout.idle_timeout = kIdlePing;
    timeout.keep_alive_pings = true;
    ws_.set_option(timeout);
    ws_.read_message_max(kWebSocketMaxIncoming);
    ws_.set_option(ws::stream_base::decorator(
        [](ws::response_type& res) { res.set(beast::http::field::server, "kotacerdas"); }));
    t_sessions[this] = weak_from_this();
    upgrade_ = std::move(upgrade);
    ws_.async_accept(upgrade_,
                     [self = shared_from_this(), open = std::move(open)](beast::error_code ec) {
                       if (ec) return self->Finish();
                       self->open_.store(true);
                       self->callbacks_ = open(self);
                       self->Read();
                     });
  }

  bool Send(std::shared_ptr<const std::string> text) override {
    if (!open_.load(std::memory_order_acquire)) return false;
    if (queued_.fetch_add(1, std::memory_order_relaxed) >= kWebSocketMaxQueued) {
      queued_.fetch_sub(1, std::memory_order_relaxed);
      Close(kCloseSlowConsumer, "klien terlalu lambat / slow consumer");
      return false;
    }
    bool post = false;
    {
      std::lock_guard lock(inbox_->mu);
      inbox_->items.emplace_back(shared_from_this(), std::move(text));
      post = !std::exchange(inbox_->scheduled, true);
    }
    if (post) asio::post(inbox_->executor, [inbox = inbox_] { Drain(*inbox); });
    return true;
  }

  // Runs on the inbox's thread: queues every pending frame on its session.
  static void Drain(Inbox& inbox) {
    std::vector<std::pair<std::shared_ptr<WsSession>, std::shared_ptr<const std::string>>> items;
    {
      std::lock_guard lock(inbox.mu);
      items.swap(inbox.items);
      inbox.scheduled = false;
    }
    for (auto& [session, text] : items) session->Enqueue(std::move(text));
  }

  void Close(uint16_t code, std::string reason) override {
    open_.store(false, std::memory_order_release);
    asio::post(ws_.get_executor(), [self = shared_from_this(), code, reason = std::move(reason)] {
      self->DoClose(code, reason);
    });
  }

  bool open() const override { return open_.load(std::memory_order_acquire); }

 private:
  void Read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) return self->Finish();
      if (self->callbacks_.on_text && self->ws_.got_text()) {
        const std::string text = beast::buffers_to_string(self->buffer_.data());
        self->callbacks_.on_text(text);
      }
      self->buffer_.consume(self->buffer_.size());
      self->Read();
    });
  }

  void Enqueue(std::shared_ptr<const std::string> text) {
    if (closing_ || finished_) {
      queued_.fetch_sub(1, std::memory_order_relaxed);
      return;
    }
    queue_.push_back(std::move(text));
    if (!writing_) WriteNext();
  }

  void WriteNext() {
    writing_ = true;
    ws_.text(true);
    ws_.async_write(asio::buffer(*queue_.front()),
                    [self = shared_from_this()](beast::error_code ec, size_t) {
                      self->queue_.pop_front();
                      self->queued_.fetch_sub(1, std::memory_order_relaxed);
                      if (ec) {
                        self->writing_ = false;
                        return self->Cut();
                      }
                      if (self->queue_.empty() || self->closing_) {
                        self->writing_ = false;
                        return;
                      }
                      self->WriteNext();
                    });
  }

  // Beast queues the close frame behind a write in progress. A client that reads nothing never
  // lets that write finish, so the timer cuts the socket after kCloseGrace.
  void DoClose(uint16_t code, const std::string& reason) {
    if (closing_ || finished_) return;
    closing_ = true;
    queued_.fetch_sub(queue_.size() - (writing_ ? 1 : 0), std::memory_order_relaxed);
    if (writing_) {
      queue_.erase(queue_.begin() + 1, queue_.end());
    } else {
      queue_.clear();
    }
    close_timer_.expires_after(kCloseGrace);
    close_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (!ec) self->Cut();
    });
    ws_.async_close(ws::close_reason(static_cast<ws::close_code>(code), reason),
                    [self = shared_from_this()](beast::error_code ec) {
                      if (ec)
                        self->Cut();  // otherwise the pending read ends with `closed` and finishes
                    });
  }

  void Cut() {
    beast::error_code ignored;
    beast::get_lowest_layer(ws_).shutdown(tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(ws_).close(ignored);
  }

  // Called once the read loop (or the handshake) ends: the connection is gone.
  void Finish() {
    if (finished_) return;
    finished_ = true;
    open_.store(false, std::memory_order_release);
    close_timer_.cancel();
    Cut();
    t_sessions.erase(this);
    if (callbacks_.on_close) callbacks_.on_close();
    callbacks_ = {};  // breaks reference cycles through the application's state
    if (on_closed_) on_closed_();
  }

  ws::stream<tcp::socket> ws_;
  beast::http::request<beast::http::string_body> upgrade_;  // kept until the handshake is done
  asio::steady_timer close_timer_;
  std::shared_ptr<Inbox> inbox_;
  beast::flat_buffer buffer_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  std::atomic<size_t> queued_{0};  // frames posted or queued, not yet written
  std::atomic<bool> open_{false};
  WebSocketCallbacks callbacks_;
  std::function<void()> on_closed_;
  bool writing_ = false;
  bool closing_ = false;
  bool finished_ = false;
};

}  // namespace

void StartWebSocket(tcp::socket socket, beast::http::request<beast::http::string_body> upgrade,
                    WebSocketOpen open, std::function<void()> on_closed) {
  if (!t_inbox) t_inbox = std::make_shared<Inbox>(socket.get_executor());
  auto session = std::make_shared<WsSession>(std::move(socket), t_inbox, std::move(on_closed));
  session->Start(std::move(upgrade), std::move(open));
}

void CloseWebSocketsOfThisThread() {
  std::vector<std::shared_ptr<WsSession>> live;
  for (auto& [ptr, weak] : t_sessions) {
    if (auto s = weak.lock()) live.push_back(std::move(s));
  }
  for (auto& s : live) s->Close(kCloseGoingAway, "server berhenti / server shutting down");
}

}  // namespace kc::http::internal
