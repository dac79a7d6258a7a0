// Boost.Beast over Asio, with OpenSSL for https. Synchronous Beast calls ignore timeouts, so
// each POST runs asynchronous operations on its own io_context with a deadline: connect must
// finish within connect_timeout and the whole exchange within timeout (tcp_stream's expiry
// closes the socket, which completes the pending operation with an error).
#include "reports/webhook_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/version.hpp>
#include <optional>

namespace kc::reports {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

constexpr size_t kAnswerBodyLimit = 64 * 1024;  // receivers answer briefly; more is dropped

// One exchange on one io_context; `stream` is tcp_stream or ssl_stream<tcp_stream>.
class Exchange {
 public:
  explicit Exchange(const HttpPost& req) : req_(req) {}

  HttpPostResult Run() {
    const auto deadline = std::chrono::steady_clock::now() + req_.timeout;
    beast::error_code ec;
    tcp::resolver resolver(ioc_);
    // Resolution is synchronous (getaddrinfo has no timeout of its own; it is bounded by the
    // resolver's configuration), everything after it is asynchronous under the deadline.
    const auto endpoints = resolver.resolve(req_.url.host, req_.url.port, ec);
    if (ec) return Fail("resolve: " + ec.message());
    if (!req_.url.tls) {
      beast::tcp_stream stream(ioc_);
      return Talk(stream, stream, endpoints, deadline);
    }
    asio::ssl::context ctx(asio::ssl::context::tls_client);
    ctx.set_default_verify_paths(ec);
    if (ec) return Fail("tls: " + ec.message());
    ctx.set_verify_mode(asio::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(ioc_, ctx);
    stream.set_verify_callback(asio::ssl::host_name_verification(req_.url.host));
    if (!SSL_set_tlsext_host_name(stream.native_handle(), req_.url.host.c_str())) {
      return Fail("tls: cannot set SNI");
    }
    return Talk(stream, beast::get_lowest_layer(stream), endpoints, deadline);
  }

 private:
  static HttpPostResult Fail(std::string why) { return {.status = 0, .error = std::move(why)}; }

  bhttp::request<bhttp::string_body> Build() const {
    bhttp::request<bhttp::string_body> r{bhttp::verb::post, req_.url.target, 11};
    const bool v6 = req_.url.host.find(':') != std::string::npos;
    const bool default_port = req_.url.port == (req_.url.tls ? "443" : "80");
    std::string host = v6 ? "[" + req_.url.host + "]" : req_.url.host;
    if (!default_port) host += ":" + req_.url.port;
    r.set(bhttp::field::host, host);
    r.set(bhttp::field::user_agent, "kotacerdas-webhooks/1");
    r.set(bhttp::field::content_type, "application/json");
    for (const auto& [name, value] : req_.headers) r.set(name, value);
    r.body() = req_.body;
    r.prepare_payload();
    return r;
  }

  template <class Stream>
  HttpPostResult Talk(Stream& stream, beast::tcp_stream& tcp_layer,
                      const tcp::resolver::results_type& endpoints,
                      std::chrono::steady_clock::time_point deadline) {
    std::optional<HttpPostResult> result;
    auto fail = [&](std::string_view step, const beast::error_code& ec) {
      result = Fail(std::string(step) + ": " + ec.message());
    };
    auto request = std::make_shared<bhttp::request<bhttp::string_body>>(Build());
    auto parser = std::make_shared<bhttp::response_parser<bhttp::string_body>>();
    parser->body_limit(kAnswerBodyLimit);
    beast::flat_buffer buffer;
    auto read = [&] {
      bhttp::async_read(stream, buffer, *parser, [&](beast::error_code ec, size_t) {
        if (parser->is_header_done()) {  // a status is enough, even if the body was too long
          result = HttpPostResult{.status = static_cast<int>(parser->get().result_int())};
        } else if (ec) {
          fail("read", ec);
        }
      });
    };
    auto write = [&] {
      bhttp::async_write(stream, *request, [&](beast::error_code ec, size_t) {
        if (ec) return fail("write", ec);
        read();
      });
    };
    tcp_layer.expires_after(std::min<std::chrono::steady_clock::duration>(
        req_.connect_timeout, deadline - std::chrono::steady_clock::now()));
    tcp_layer.async_connect(endpoints, [&](beast::error_code ec, const tcp::endpoint&) {
      if (ec) return fail("connect", ec);
      tcp_layer.expires_at(deadline);
      if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
        write();
      } else {
        stream.async_handshake(asio::ssl::stream_base::client, [&](beast::error_code hec) {
          if (hec) return fail("tls handshake", hec);
          write();
        });
      }
    });
    ioc_.run();
    beast::error_code ignored;
    tcp_layer.socket().shutdown(tcp::socket::shutdown_both, ignored);
    return result.value_or(Fail("no answer"));
  }

  const HttpPost& req_;
  asio::io_context ioc_;
};

}  // namespace

HttpPostResult SendHttpPost(const HttpPost& request) {
  try {
    return Exchange(request).Run();
  } catch (const std::exception& e) {  // Asio reports allocation and setup failures this way
    return {.status = 0, .error = std::string("client: ") + e.what()};
  }
}

}  // namespace kc::reports
