// The only translation unit that includes Beast and Asio (they cost ~14 s and ~650 MB to
// compile each time they are included).
#include "http/server.h"

#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <ctime>
#include <optional>
#include <thread>
#include <unordered_set>

#include "core/random.h"
#include "http/access_log.h"
#include "http/compression.h"
#include "http/websocket_stream.h"

namespace kc::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

namespace {

class Session;

enum class Phase { kIdle, kReading, kHandling, kWriting, kLingering };

// One per thread. `sessions` is touched only on that thread.
struct Context {
  asio::io_context io{1};
  asio::steady_timer sweeper{io};
  std::unordered_set<Session*> sessions;
};

constexpr size_t kReadChunk = 8192;
constexpr std::chrono::seconds kLingerTime{2};  // to drain a refused request body before close

const Error& ErrorFor(int status) {
  static const Error k400(ErrorCode::kInvalidArgument,
                          {"Permintaan HTTP tidak valid.", "Malformed HTTP request."},
                          "bad_request");
  static const Error k404(ErrorCode::kNotFound,
                          {"Alamat tidak ditemukan.", "No such resource."}, "not_found");
  static const Error k405(ErrorCode::kInvalidArgument,
                          {"Metode HTTP ini tidak didukung untuk alamat ini.",
                           "This HTTP method is not allowed for this resource."},
                          "method_not_allowed");
  static const Error k408(ErrorCode::kInvalidArgument,
                          {"Permintaan terlalu lama dikirim.", "The request took too long to arrive."},
                          "request_timeout");
  static const Error k413(ErrorCode::kPayloadTooLarge,
                          {"Isi permintaan terlalu besar.", "The request body is too large."});
  static const Error k431(ErrorCode::kInvalidArgument,
                          {"Header permintaan terlalu besar.", "The request headers are too large."},
                          "headers_too_large");
  static const Error k500 = Internal("handler");
  switch (status) {
    case 404: return k404;
    case 405: return k405;
    case 408: return k408;
    case 413: return k413;
    case 431: return k431;
    case 500: return k500;
    default: return k400;
  }
}

// "Thu, 26 Nov 2026 04:30:44 GMT", formatted at most once per second per thread.
std::string_view HttpDate() {
  thread_local std::time_t last = 0;
  thread_local char buf[40];
  const std::time_t now = std::time(nullptr);
  if (now != last) {
    last = now;
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  }
  return buf;
}

bool ValidRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerConfig config, const Router& router, RequestObserver* observer)
      : config_(std::move(config)), router_(router), observer_(observer),
        access_log_(config_.access_log) {
    const int n = config_.threads > 0 ? config_.threads
                                      : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    for (int i = 0; i < n; ++i) contexts_.push_back(std::make_unique<Context>());
    acceptor_.emplace(contexts_[0]->io);
  }

  Status Start();
  void Stop();
  void Wait();

  const ServerConfig& config() const { return config_; }
  const Router& router() const { return router_; }
  RequestObserver* observer() const { return observer_; }
  AccessLog& access_log() { return access_log_; }
  bool stopping() const { return stopping_.load(std::memory_order_relaxed); }
  void ConnectionClosed() { connections_.fetch_sub(1, std::memory_order_relaxed); }
  size_t connections() const { return connections_.load(); }
  uint16_t port() const { return port_; }

 private:
  void Accept();
  void RejectBusy(tcp::socket& socket);
  void ArmSweeper(Context& ctx);
  void Sweep(Context& ctx);

  ServerConfig config_;
  const Router& router_;
  RequestObserver* observer_;
  AccessLog access_log_;
  std::vector<std::unique_ptr<Context>> contexts_;
  std::optional<tcp::acceptor> acceptor_;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards_;
  std::vector<std::thread> threads_;
  size_t next_context_ = 0;  // only used on contexts_[0]'s thread
  std::atomic<size_t> connections_{0};
  std::atomic<bool> stopping_{false};
  uint16_t port_ = 0;

  std::mutex wait_mu_;
  std::condition_variable wait_cv_;
  int running_threads_ = 0;  // guarded by wait_mu_
  SteadyClock::time_point stop_deadline_;  // guarded by wait_mu_
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Server::Impl& server, Context& ctx, tcp::socket socket)
      : server_(server), ctx_(ctx), socket_(std::move(socket)) {}
  ~Session() {
    if (!closed_) {  // only if a path forgot Close(); keep the counters right
      server_.ConnectionClosed();
      asio::post(ctx_.io, [&ctx = ctx_, p = this] { ctx.sessions.erase(p); });
    }
  }

  void Start() {
    ctx_.sessions.insert(this);
    beast::error_code ec;
    const auto endpoint = socket_.remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
    WaitForRequest();
  }

  // Called by the sweeper on this session's thread.
  void CheckDeadline(SteadyClock::time_point now) {
    if (closed_ || phase_ == Phase::kHandling || now < deadline_) return;
    if (phase_ == Phase::kReading) {
      timed_out_ = true;
      beast::error_code ec;
      socket_.cancel(ec);  // the read handler answers 408
    } else {
      Close();
    }
  }

  void CloseIfIdle() {
    if (phase_ == Phase::kIdle) Close();
  }

 private:
  void SetPhase(Phase p, std::chrono::seconds timeout) {
    phase_ = p;
    deadline_ = SteadyClock::now() + timeout;
  }

  void WaitForRequest() {
    if (server_.stopping()) return Close();
    if (buffer_.size() > 0) return ReadHeader();  // pipelined request already buffered
    SetPhase(Phase::kIdle, server_.config().idle_timeout);
    socket_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->buffer_.commit(n);
                              if (ec || self->closed_) return self->Close();
                              self->ReadHeader();
                            });
  }

  void ReadHeader() {
    started_ = SteadyClock::now();
    SetPhase(Phase::kReading, server_.config().read_timeout);
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(server_.config().header_limit));
    parser_->body_limit(kDefaultBodyLimit);
    bhttp::async_read_header(socket_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, size_t) {
                               self->OnHeader(ec);
                             });
  }

  void OnHeader(beast::error_code ec) {
    if (closed_) return;
    if (ec) return OnReadError(ec);
    const auto& h = parser_->get();
    req_ = Request{};
    req_.method = ParseMethod(std::string_view(h.method_string()));
    req_.target = std::string(h.target());
    const size_t q = req_.target.find('?');
    req_.path = req_.target.substr(0, q);
    if (q != std::string::npos) req_.query = req_.target.substr(q + 1);
    req_.headers.reserve(8);
    for (const auto& field : h) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req_.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    const std::string_view incoming_id = req_.Header("x-request-id");
    req_.request_id = ValidRequestId(incoming_id) ? std::string(incoming_id) : RandomHexId();
    req_.english = PrefersEnglish(req_.Header("accept-language"));
    req_.remote_address = remote_;
    keep_alive_ = h.keep_alive();
    match_ = server_.router().Find(req_.method, req_.path);
    const size_t limit = match_.route != nullptr ? match_.route->body_limit : kDefaultBodyLimit;
    if (parser_->content_length() && *parser_->content_length() > limit) {
      return SendError(413, /*close=*/true);
    }
    parser_->body_limit(limit);
    if (parser_->is_done()) return OnBody({});
    bhttp::async_read(socket_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code e, size_t) { self->OnBody(e); });
  }

  void OnReadError(beast::error_code ec) {
    if (timed_out_) return SendError(408, true);
    if (ec == bhttp::error::header_limit) return SendError(431, true);
    if (ec == bhttp::error::body_limit) return SendError(413, true);
    if (ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == bhttp::error::partial_message) {
      return Close();
    }
    SendError(400, true);
  }

  void OnBody(beast::error_code ec) {
    if (closed_) return;
    if (ec) return OnReadError(ec);
    req_.body = std::move(parser_->get().body());
    Dispatch();
  }

  void Dispatch() {
    SetPhase(Phase::kHandling, std::chrono::seconds(0));
    const Route* route = match_.route;
    if (route == nullptr) {
      if (match_.allow.empty()) return SendError(404, false);
      Response r = ErrorResponse(ErrorFor(405), req_.english);
      r.status = 405;
      r.Header("Allow", match_.allow);
      return Send(std::move(r));
    }
    req_.params = std::move(match_.params);
    try {
      if (const auto& guard = server_.router().guard()) {
        if (auto refused = guard(req_, *route)) return Send(std::move(*refused));
      } else if (route->permission != "public") {
        // No authorisation installed: only public routes are reachable (fail closed).
        return Send(ErrorResponse(Error(ErrorCode::kUnauthenticated,
                                        {"Silakan masuk terlebih dahulu.", "Please sign in first."}),
                                  req_.english));
      }
      route->handler(req_, IsWebSocketUpgrade(req_) ? MakeUpgradeReply() : MakeReply());
    } catch (const std::exception& e) {
      spdlog::error("handler {} threw: {}", route->pattern, e.what());
      SendError(500, false);
    }
  }

  // The reply may be called from any thread; it hops back to this session's thread. If every
  // copy is dropped without a call, the client still gets a 500 instead of a hung request.
  Reply MakeReply() {
    struct State {
      std::shared_ptr<Session> session;
      std::atomic<bool> called{false};
      ~State() {
        if (!called.load()) {
          asio::post(session->ctx_.io, [s = session] { s->SendError(500, false); });
        }
      }
    };
    auto state = std::make_shared<State>();
    state->session = shared_from_this();
    return [state](Response r) {
      if (state->called.exchange(true)) return;
      auto& io = state->session->ctx_.io;
      asio::dispatch(io, [s = state->session, r = std::move(r)]() mutable { s->Send(std::move(r)); });
    };
  }

  // For a WebSocket upgrade request: a reply that can also hand the connection over (see
  // websocket.h). After a handover the unused reply's 500 safety net finds the session closed.
  Reply MakeUpgradeReply() {
    return UpgradeReply(MakeReply(), [self = shared_from_this()](WebSocketOpen open) {
      asio::dispatch(self->ctx_.io, [self, open = std::move(open)]() mutable {
        self->HandOver(std::move(open));
      });
    });
  }

  // The socket leaves this session for websocket.cpp, which then owns the connection count.
  void HandOver(WebSocketOpen open) {
    if (closed_) return;
    if (server_.stopping()) return Close();
    closed_ = true;
    ctx_.sessions.erase(this);
    const auto elapsed = SteadyClock::now() - started_;
    if (auto* obs = server_.observer()) obs->OnRequest(match_.route, req_, 101, elapsed);
    server_.access_log().Write(req_, match_.route, 101, 0, elapsed);
    internal::StartWebSocket(std::move(socket_), parser_->release(), std::move(open),
                             [&server = server_] { server.ConnectionClosed(); });
  }

  void SendError(int status, bool close) {
    Response r = ErrorResponse(ErrorFor(status), req_.english);
    r.status = status;
    r.close = close;
    Send(std::move(r));
  }

  void Send(Response r) {
    if (closed_ || phase_ == Phase::kWriting || phase_ == Phase::kLingering) return;
    // A refused request whose body was not read poisons the connection: always close then.
    const bool body_unread = parser_ && !parser_->is_done();
    const bool keep = keep_alive_ && !r.close && !body_unread && !server_.stopping();
    MaybeGzip(r, req_.Header("accept-encoding"));
    res_ = {};
    res_.version(11);
    res_.result(static_cast<unsigned>(r.status));
    res_.set(bhttp::field::content_type, r.content_type);
    res_.set(bhttp::field::date, HttpDate());
    res_.set("X-Request-Id", req_.request_id);
    for (auto& [name, value] : r.headers) res_.insert(name, value);
    const size_t size = r.body.size();
    const bool no_body = r.status == 204 || r.status == 304 || req_.method == Method::kHead;
    if (!no_body) res_.body() = std::move(r.body);
    if (r.status != 204 && r.status != 304) res_.content_length(size);
    res_.keep_alive(keep);
    status_ = r.status;
    SetPhase(Phase::kWriting, server_.config().write_timeout);
    bhttp::async_write(socket_, res_,
                       [self = shared_from_this(), keep](beast::error_code ec, size_t n) {
                         self->OnWritten(ec, n, keep);
                       });
  }

  void OnWritten(beast::error_code ec, size_t bytes, bool keep) {
    const auto elapsed = SteadyClock::now() - started_;
    if (auto* obs = server_.observer()) obs->OnRequest(match_.route, req_, status_, elapsed);
    server_.access_log().Write(req_, match_.route, status_, bytes, elapsed);
    if (ec) return Close();
    if (!keep) return Linger();
    parser_.reset();
    WaitForRequest();
  }

  // Half-closes and drains what the client still sends, so it reads our response instead of a
  // reset caused by unread data in our receive buffer.
  void Linger() {
    beast::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    SetPhase(Phase::kLingering, kLingerTime);
    DrainOnce();
  }

  void DrainOnce() {
    buffer_.clear();
    socket_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              if (ec || self->closed_) return self->Close();
                              self->DrainOnce();
                            });
  }

  void Close() {
    if (closed_) return;
    closed_ = true;
    beast::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);
    ctx_.sessions.erase(this);
    server_.ConnectionClosed();
  }

  Server::Impl& server_;
  Context& ctx_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> res_;
  Request req_;
  Router::Match match_;
  std::string remote_;
  Phase phase_ = Phase::kIdle;
  SteadyClock::time_point deadline_;
  SteadyClock::time_point started_;
  int status_ = 0;
  bool keep_alive_ = false;
  bool timed_out_ = false;
  bool closed_ = false;
};

}  // namespace

Status Server::Impl::Start() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(config_.address, ec);
  if (ec) {
    return Error(ErrorCode::kInvalidArgument,
                 {"Alamat server tidak valid: " + config_.address,
                  "Invalid server address: " + config_.address});
  }
  const tcp::endpoint endpoint(address, config_.port);
  acceptor_->open(endpoint.protocol(), ec);
  if (!ec) acceptor_->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_->bind(endpoint, ec);
  if (!ec) acceptor_->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    const std::string where = config_.address + ":" + std::to_string(config_.port);
    return Error(ErrorCode::kUnavailable,
                 {"Tidak dapat mendengarkan di " + where + ": " + ec.message(),
                  "Cannot listen on " + where + ": " + ec.message()},
                 "listen_failed");
  }
  port_ = acceptor_->local_endpoint().port();
  Accept();
  {
    std::lock_guard lock(wait_mu_);
    running_threads_ = static_cast<int>(contexts_.size());
  }
  for (auto& ctx : contexts_) {
    guards_.push_back(asio::make_work_guard(ctx->io));
    ArmSweeper(*ctx);
    threads_.emplace_back([this, c = ctx.get()] {
      c->io.run();
      std::lock_guard lock(wait_mu_);
      --running_threads_;
      wait_cv_.notify_all();
    });
  }
  return Ok();
}

void Server::Impl::Accept() {
  Context& target = *contexts_[next_context_++ % contexts_.size()];
  acceptor_->async_accept(target.io, [this, &target](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor_->is_open()) return;
    if (!ec) {
      if (connections_.load(std::memory_order_relaxed) >= config_.max_connections) {
        RejectBusy(socket);
      } else {
        connections_.fetch_add(1, std::memory_order_relaxed);
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        asio::post(target.io, [this, &target, s = std::move(socket)]() mutable {
          std::make_shared<Session>(*this, target, std::move(s))->Start();
        });
      }
    }
    Accept();
  });
}

void Server::Impl::RejectBusy(tcp::socket& socket) {
  static const std::string kBody = [] {
    const Error e(ErrorCode::kUnavailable,
                  {"Server sedang penuh, silakan coba lagi sebentar lagi.",
                   "The server is at its connection limit, please retry shortly."},
                  "too_many_connections");
    return ErrorResponse(e, false).body;
  }();
  const std::string msg = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; "
                          "charset=utf-8\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: " +
                          std::to_string(kBody.size()) + "\r\n\r\n" + kBody;
  beast::error_code ec;
  socket.non_blocking(true, ec);
  socket.write_some(asio::buffer(msg), ec);
  socket.shutdown(tcp::socket::shutdown_both, ec);
  socket.close(ec);
}

void Server::Impl::ArmSweeper(Context& ctx) {
  ctx.sweeper.expires_after(std::chrono::seconds(1));
  ctx.sweeper.async_wait([this, &ctx](beast::error_code ec) {
    if (ec) return;
    Sweep(ctx);
    if (!stopping() || !ctx.sessions.empty()) ArmSweeper(ctx);
  });
}

void Server::Impl::Sweep(Context& ctx) {
  const auto now = SteadyClock::now();
  // Copy first: a timeout may close a session, which removes it from the set.
  std::vector<std::shared_ptr<Session>> live;
  live.reserve(ctx.sessions.size());
  for (Session* s : ctx.sessions) live.push_back(s->shared_from_this());
  for (auto& s : live) {
    if (stopping()) s->CloseIfIdle();
    s->CheckDeadline(now);
  }
}

void Server::Impl::Stop() {
  if (stopping_.exchange(true)) return;
  asio::post(contexts_[0]->io, [this] {
    beast::error_code ec;
    acceptor_->close(ec);
  });
  for (auto& ctx : contexts_) {
    asio::post(ctx->io, [c = ctx.get()] {
      std::vector<std::shared_ptr<Session>> live;
      for (Session* s : c->sessions) live.push_back(s->shared_from_this());
      for (auto& s : live) s->CloseIfIdle();
      internal::CloseWebSocketsOfThisThread();
    });
  }
  {
    std::lock_guard lock(wait_mu_);
    stop_deadline_ = SteadyClock::now() + config_.shutdown_grace;
  }
  guards_.clear();
  wait_cv_.notify_all();
}

void Server::Impl::Wait() {
  std::unique_lock lock(wait_mu_);
  wait_cv_.wait(lock, [&] { return stopping() || running_threads_ == 0; });
  const bool drained = wait_cv_.wait_until(lock, stop_deadline_, [&] { return running_threads_ == 0; });
  lock.unlock();
  if (!drained) {
    spdlog::warn("shutdown grace period over; closing {} connection(s)", connections());
    for (auto& ctx : contexts_) ctx->io.stop();
  }
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
}

Server::Server(ServerConfig config, const Router& router, RequestObserver* observer)
    : impl_(std::make_unique<Impl>(std::move(config), router, observer)) {}
Server::~Server() {
  Stop();
  Wait();
}
Status Server::Start() { return impl_->Start(); }
uint16_t Server::port() const { return impl_->port(); }
void Server::Stop() { impl_->Stop(); }
void Server::Wait() { impl_->Wait(); }
size_t Server::open_connections() const { return impl_->connections(); }

}  // namespace kc::http
