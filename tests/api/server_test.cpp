// The foundation, tested against the real binary: limits, errors, keep-alive, timeouts,
// graceful shutdown, metrics, OpenAPI, CLI.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json.hpp>
#include <fstream>
#include <thread>

#include "harness.h"

namespace kc::testing {
namespace {

std::string ErrorCodeOf(const HttpResponse& r) {
  return std::string(boost::json::parse(r.body).at("error").at("code").as_string());
}

TEST(Server, HealthAndReadiness) {
  ServerProcess server;
  auto health = server.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->Header("x-request-id").size(), 16U);
  auto ready = server.Get("/readyz?deep=1");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  auto body = boost::json::parse(ready->body);
  EXPECT_EQ(body.at("checks").at("migrations").as_string(), "current");
  EXPECT_EQ(body.at("checks").at("integrity").as_string(), "ok");
}

TEST(Server, EchoesValidRequestIdAndReplacesInvalidOne) {
  ServerProcess server;
  EXPECT_EQ(server.Get("/healthz", {"X-Request-Id: abc-123"})->Header("x-request-id"), "abc-123");
  EXPECT_NE(server.Get("/healthz", {"X-Request-Id: <script>"})->Header("x-request-id"), "<script>");
}

TEST(Server, UnknownRoutesAndMethodsGiveJsonErrorsInEitherLanguage) {
  ServerProcess server;
  auto missing = server.Get("/api/v1/tidak-ada");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(ErrorCodeOf(*missing), "not_found");
  EXPECT_EQ(boost::json::parse(missing->body).at("error").at("message").as_string(),
            "Alamat tidak ditemukan.");
  auto english = server.Get("/api/v1/tidak-ada", {"Accept-Language: en-US,en;q=0.9"});
  EXPECT_EQ(boost::json::parse(english->body).at("error").at("message").as_string(), "No such resource.");
  auto wrong = server.Send("DELETE", "/healthz", "");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->Header("allow"), "GET, HEAD");
  EXPECT_EQ(ErrorCodeOf(*wrong), "method_not_allowed");
}

TEST(Server, KeepAliveServesManyRequestsOnOneConnection) {
  ServerProcess server;
  Connection c(server.port());
  for (int i = 0; i < 50; ++i) {
    auto r = c.Request("GET", "/healthz");
    ASSERT_TRUE(r) << i;
    EXPECT_EQ(r->status, 200);
  }
  // Pipelined: two requests in one write, two responses in order.
  ASSERT_TRUE(c.SendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(c.ReadResponse()->status, 200);
  EXPECT_EQ(c.ReadResponse()->status, 404);
}

TEST(Server, HeadHasHeadersButNoBody) {
  ServerProcess server;
  Connection c(server.port());
  ASSERT_TRUE(c.SendRaw("HEAD /api/v1/version HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto r = c.ReadResponse(std::chrono::seconds(5), /*head=*/true);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->Header("content-length"), "0");
  // The next response on the connection must start right away (no stray body bytes).
  auto next = c.Request("GET", "/healthz");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

TEST(Server, MalformedRequestIs400AndConnectionCloses) {
  ServerProcess server;
  Connection c(server.port());
  ASSERT_TRUE(c.SendRaw("THIS IS NOT HTTP\r\n\r\n"));
  auto r = c.ReadResponse();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(ErrorCodeOf(*r), "bad_request");
  EXPECT_TRUE(c.WaitClosed());
  EXPECT_EQ(server.Get("/healthz")->status, 200);  // the server keeps serving others
}

TEST(Server, OversizeHeadersAre431) {
  ServerProcess server;
  Connection c(server.port());
  ASSERT_TRUE(c.SendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n"));
  auto r = c.ReadResponse();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  EXPECT_EQ(ErrorCodeOf(*r), "headers_too_large");
}

TEST(Server, OversizeBodiesAre413ByLengthAndByChunks) {
  ServerProcess server;
  {
    Connection c(server.port());
    ASSERT_TRUE(c.SendRaw("POST /api/v1/version HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n"));
    auto r = c.ReadResponse();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    EXPECT_EQ(ErrorCodeOf(*r), "payload_too_large");
  }
  {
    Connection c(server.port());
    std::string req = "POST /api/v1/version HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    const std::string chunk(65536, 'x');
    for (int i = 0; i < 20; ++i) req += "10000\r\n" + chunk + "\r\n";
    c.SendRaw(req);  // the server may stop reading mid-way
    auto r = c.ReadResponse();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
  }
  EXPECT_EQ(server.Get("/healthz")->status, 200);
}

TEST(Server, SlowClientGets408) {
  ServerProcess server({"--read-timeout", "1"});
  Connection c(server.port());
  ASSERT_TRUE(c.SendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\n"));  // never finishes the headers
  auto r = c.ReadResponse(std::chrono::seconds(5));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 408);
  EXPECT_EQ(ErrorCodeOf(*r), "request_timeout");
  EXPECT_TRUE(c.WaitClosed());
}

TEST(Server, IdleKeepAliveConnectionsAreClosed) {
  ServerProcess server({"--idle-timeout", "1"});
  Connection c(server.port());
  ASSERT_EQ(c.Request("GET", "/healthz")->status, 200);
  EXPECT_TRUE(c.WaitClosed(std::chrono::seconds(4)));
}

TEST(Server, ConnectionLimitAnswers503) {
  ServerProcess server({"--max-connections", "2"});
  auto a = std::make_unique<Connection>(server.port());
  Connection b(server.port());
  ASSERT_EQ(a->Request("GET", "/healthz")->status, 200);
  ASSERT_EQ(b.Request("GET", "/healthz")->status, 200);
  Connection third(server.port());
  auto r = third.ReadResponse();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(ErrorCodeOf(*r), "too_many_connections");
  EXPECT_TRUE(third.WaitClosed());
  // Closing one frees a slot.
  a.reset();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  Connection fourth(server.port());
  auto ok = fourth.Request("GET", "/healthz");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST(Server, GracefulShutdownFinishesInFlightRequest) {
  ServerProcess server;
  Connection c(server.port());
  // A request whose body is still arriving when SIGTERM comes.
  ASSERT_TRUE(c.SendRaw("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345"));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  Connection idle(server.port());
  ASSERT_EQ(idle.Request("GET", "/healthz")->status, 200);
  server.Signal(SIGTERM);
  EXPECT_TRUE(idle.WaitClosed());  // idle keep-alive connections are closed at once
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ASSERT_TRUE(c.SendRaw("67890"));
  auto r = c.ReadResponse();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);  // completed (POST is not allowed there), not dropped
  EXPECT_EQ(r->Header("connection"), "close");
  EXPECT_EQ(server.Wait(), 0);
  Connection after(server.port());
  EXPECT_FALSE(after.ok());
}

TEST(Server, MetricsCountRequestsPerRoute) {
  ServerProcess server;
  for (int i = 0; i < 3; ++i) server.Get("/healthz");
  server.Get("/api/v1/nope");
  auto m = server.Get("/metrics");
  ASSERT_TRUE(m);
  EXPECT_NE(m->body.find("kotacerdas_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 3"),
            std::string::npos)
      << m->body.substr(0, 2000);
  EXPECT_NE(m->body.find("kotacerdas_http_request_duration_seconds_count{route=\"/healthz\"}"),
            std::string::npos);
  EXPECT_NE(m->body.find("kotacerdas_store_read_duration_seconds"), std::string::npos);
}

TEST(Server, AccessLogIsJsonLines) {
  ServerProcess server;
  server.Get("/healthz", {"X-Request-Id: log-check-1"});
  server.Signal(SIGTERM);
  server.Wait();
  std::ifstream in(server.data_dir() / "access.log");
  std::string line;
  bool found = false;
  while (std::getline(in, line)) {
    auto v = boost::json::parse(line);
    if (v.at("request_id").as_string() == "log-check-1") {
      found = true;
      EXPECT_EQ(v.at("status").as_int64(), 200);
      EXPECT_EQ(v.at("route").as_string(), "/healthz");
    }
  }
  EXPECT_TRUE(found);
}

TEST(Server, ServesWebAppWithFallbackToIndex) {
  const auto dir = NewTempDir("web");
  std::filesystem::create_directories(dir / "web" / "assets");
  std::ofstream(dir / "web" / "index.html") << "<!doctype html><title>kotacerdas</title>";
  std::ofstream(dir / "web" / "assets" / "app-abc.css") << "body{}";
  ServerProcess server({}, dir);
  auto index = server.Get("/r/manado");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index->Header("cache-control"), "no-cache");
  auto css = server.Get("/assets/app-abc.css");
  EXPECT_EQ(css->Header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(css->Header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(server.Get("/api/v1/nothing")->Header("content-type"), "application/json; charset=utf-8");
  std::filesystem::remove_all(dir);
}

TEST(Server, OpenApiDocumentListsSystemRoutes) {
  ServerProcess server;
  auto r = server.Get("/api/v1/openapi.json");
  ASSERT_TRUE(r);
  auto doc = boost::json::parse(r->body);
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  EXPECT_TRUE(doc.at("paths").as_object().contains("/healthz"));
  EXPECT_TRUE(doc.at("paths").as_object().contains("/readyz"));
}

TEST(Cli, VersionMigrateAndBackup) {
  auto [code, out] = RunCli({"version"});
  EXPECT_EQ(code, 0);
  EXPECT_NE(out.find("kotacerdas "), std::string::npos);
  const auto dir = NewTempDir("cli");
  auto [mcode, mout] = RunCli({"migrate", "--data-dir", dir.string()});
  EXPECT_EQ(mcode, 0) << mout;
  {
    ServerProcess server({}, dir);
    auto [bcode, bout] = RunCli({"backup", "--data-dir", dir.string(), (dir / "copy.db").string()});
    EXPECT_EQ(bcode, 0) << bout;
    EXPECT_TRUE(std::filesystem::exists(dir / "copy.db"));
    auto [again, aout] = RunCli({"backup", "--data-dir", dir.string(), (dir / "copy.db").string()});
    EXPECT_NE(again, 0);  // never overwrites
  }
  auto [ucode, uout] = RunCli({"serve", "--port", "notaport"});
  EXPECT_NE(ucode, 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kc::testing
