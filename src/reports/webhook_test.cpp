// Webhooks: HMAC-SHA256 against RFC 4231, the signature format, the retry schedule, URL checks,
// and the dispatcher on a real database with a fake HTTP client and clock (signed attempts,
// retries recorded, give-up after the last attempt, deliveries surviving a restart).
#include "reports/webhook.h"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "regions/region_service.h"
#include "regions/test_fixtures.h"
#include "reports/webhook_client.h"
#include "reports/webhook_dispatcher.h"
#include "reports/webhook_store.h"

namespace kc::reports {
namespace {

using namespace std::chrono_literals;

TEST(HmacSha256, Rfc4231Vectors) {
  struct Case {
    std::string key, data, mac;
  };
  const std::vector<Case> cases = {
      {std::string(20, '\x0b'), "Hi There",
       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      {"Jefe", "what do ya want for nothing?",
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
      {std::string(20, '\xaa'), std::string(50, '\xdd'),
       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
      {"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16"
       "\x17\x18\x19",
       std::string(50, '\xcd'), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
      {std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First",
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
      {std::string(131, '\xaa'),
       "This is a test using a larger than block-size key and a larger than block-size data. The "
       "key needs to be hashed before being used by the HMAC algorithm.",
       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(HmacSha256Hex(cases[i].key, cases[i].data), cases[i].mac) << "case " << i;
  }
}

TEST(WebhookSignature, SignsTimestampDotBody) {
  EXPECT_EQ(WebhookSignature("whsec_test", "1764131444", R"({"id":"evt_1"})"),
            "sha256=14c5e1b106ae5795a64c9a899c85846be2c629b921140e490a218440b31fa72d");
  const std::string secret = NewWebhookSecret();
  EXPECT_TRUE(secret.starts_with("whsec_"));
  EXPECT_EQ(secret.size(), 6u + 43u);
  EXPECT_NE(secret, NewWebhookSecret());
}

TEST(RetryDelay, ScheduleWithJitter) {
  const std::vector<std::chrono::milliseconds> want = {1min, 5min, 30min, 2h, 12h};
  for (int made = 1; made < kWebhookMaxAttempts; ++made) {
    const auto base = want[static_cast<size_t>(made - 1)];
    EXPECT_EQ(RetryDelay(made, 0.5), base) << made;
    EXPECT_EQ(RetryDelay(made, 0.0), base * 9 / 10) << made;
    EXPECT_LT(*RetryDelay(made, 0.999999), base * 11 / 10);
    EXPECT_GT(*RetryDelay(made, 0.999999), base * 109 / 100);
  }
  EXPECT_EQ(RetryDelay(kWebhookMaxAttempts, 0.5), std::nullopt);  // sixth failure: give up
  EXPECT_EQ(RetryDelay(0, 0.5), std::nullopt);
}

TEST(WebhookUrl, AcceptsHttpAndHttpsOnly) {
  auto u = ParseWebhookUrl("https://hooks.example.id/kota/manado?x=1");
  ASSERT_TRUE(u.ok());
  EXPECT_TRUE(u->tls);
  EXPECT_EQ(u->host, "hooks.example.id");
  EXPECT_EQ(u->port, "443");
  EXPECT_EQ(u->target, "/kota/manado?x=1");
  u = ParseWebhookUrl("http://127.0.0.1:8080");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->port, "8080");
  EXPECT_EQ(u->target, "/");
  u = ParseWebhookUrl("http://[::1]:9000/h");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->host, "::1");
  for (const char* bad :
       {"ftp://example.id/", "example.id/hook", "http://", "http://user:pw@example.id/",
        "http://example.id:0/", "http://example.id:70000/", "http://example.id/a#frag",
        "http://exa mple.id/", "http://example.id:/", "javascript:alert(1)", "http://[::1/"}) {
    auto r = ParseWebhookUrl(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().details.at(0).field, "url");
  }
  EXPECT_FALSE(ParseWebhookUrl("http://e.id/" + std::string(kWebhookUrlMaxBytes, 'a')).ok());
}

TEST(WebhookBody, CarriesPublicFieldsOnly) {
  ReportEvent e{.type = kEventStatusChanged,
                .region_code = "71.71",
                .tracking = "MDO-2026-000001",
                .report_id = 1,
                .occurred_at = "2026-11-26T04:00:00.000Z",
                .data = {{"from", "diterima"}, {"to", "diverifikasi"}},
                .notify_user_ids = {5}};
  const auto body = boost::json::parse(WebhookBody(e, "evt_x")).as_object();
  EXPECT_EQ(body.size(), 6u);
  EXPECT_EQ(body.at("id"), "evt_x");
  EXPECT_EQ(body.at("type"), "report.status_changed");
  EXPECT_EQ(body.at("region"), "71.71");
  EXPECT_EQ(body.at("tracking"), "MDO-2026-000001");
  EXPECT_EQ(body.at("data").at("to"), "diverifikasi");
  EXPECT_TRUE(IsEventType("report.rated"));
  EXPECT_FALSE(IsEventType("report.deleted"));
}

// A listening socket that never accepts: the connect succeeds (backlog), the answer never comes.
TEST(WebhookClient, SilentReceiverTimesOutAndClosedPortIsRefused) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(fd, 4), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/h";
  HttpPost req{.url = *ParseWebhookUrl(url), .body = "{}", .connect_timeout = 2s, .timeout = 200ms};
  HttpPostResult silent = SendHttpPost(req);
  EXPECT_EQ(silent.status, 0);
  EXPECT_NE(silent.error.find("timeout"), std::string::npos) << silent.error;
  ::close(fd);
  HttpPostResult refused = SendHttpPost(req);
  EXPECT_EQ(refused.status, 0);
  EXPECT_TRUE(refused.error.starts_with("connect: ")) << refused.error;
}

// A fake receiver: records requests, answers with the status queued in `answers` (then 200).
struct FakeReceiver {
  std::mutex mu;
  std::vector<HttpPost> requests;
  std::vector<int> answers;

  HttpPostResult operator()(const HttpPost& req) {
    std::lock_guard lock(mu);
    requests.push_back(req);
    if (answers.empty()) return {.status = 200};
    const int status = answers.front();
    answers.erase(answers.begin());
    return {.status = status};
  }
  size_t count() {
    std::lock_guard lock(mu);
    return requests.size();
  }
};

class DispatcherTest : public regions::testing::RegionsTest {
 protected:
  void SetUp() override {
    RegionsTest::SetUp();
    ASSERT_TRUE(
        regions::RegionService(*store_).AddRegion({.code = "71.71", .timezone = "WITA"}).ok());
    webhooks_ = std::make_unique<WebhookStore>(*db_);
    hook_ = Create({.region_code = "71.71",
                    .url = "http://127.0.0.1:9/hook",
                    .event_types = {kEventStatusChanged},
                    .secret = NewWebhookSecret()});
    // Another type only: must not get status changes.
    Create({.region_code = "71.71",
            .url = "http://127.0.0.1:9/other",
            .event_types = {kEventRated},
            .secret = NewWebhookSecret()});
  }
  void TearDown() override {
    dispatcher_.reset();
    webhooks_.reset();
    RegionsTest::TearDown();
  }
  Webhook Create(Webhook h) {
    std::promise<Result<Webhook>> p;
    webhooks_->Create(std::move(h), accounts::Actor::Cli(),
                      [&p](Result<Webhook> r) { p.set_value(std::move(r)); });
    auto r = p.get_future().get();
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : Webhook{};
  }
  void Start() {
    dispatcher_ = std::make_unique<WebhookDispatcher>(
        *db_, *webhooks_,
        WebhookDispatcherOptions{.post = [this](const HttpPost& r) { return receiver_(r); },
                                 .clock = [this] { return FromMillis(now_ms_.load()); },
                                 .jitter = [] { return 0.5; }});
  }
  ReportEvent Event() {
    return {.type = kEventStatusChanged,
            .region_code = "71.71",
            .tracking = "MDO-2026-000001",
            .report_id = 1,
            .occurred_at = "2026-11-26T04:00:00.000Z",
            .data = {{"from", "diterima"}, {"to", "diproses"}}};
  }
  // Waits until the hook's newest delivery has made `attempts` attempts.
  WebhookDelivery WaitAttempts(int attempts) {
    for (int i = 0; i < 500; ++i) {
      auto d = webhooks_->Deliveries(hook_.id, std::nullopt, 10);
      if (d.ok() && !d->empty() && d->front().attempts >= attempts) return d->front();
      std::this_thread::sleep_for(10ms);
    }
    ADD_FAILURE() << "no attempt " << attempts;
    return {};
  }
  void Advance(std::chrono::milliseconds d) {
    now_ms_ += d.count();
    dispatcher_->Wake();
  }

  std::unique_ptr<WebhookStore> webhooks_;
  std::unique_ptr<WebhookDispatcher> dispatcher_;
  Webhook hook_;
  FakeReceiver receiver_;
  std::atomic<int64_t> now_ms_{ToMillis(*ParseTimestamp("2026-11-26T04:00:00Z"))};
};

TEST_F(DispatcherTest, SignsRetriesAndDelivers) {
  receiver_.answers = {500};
  Start();
  dispatcher_->Publish(Event());
  auto d = WaitAttempts(1);
  EXPECT_EQ(d.status, DeliveryStatus::kPending);
  EXPECT_EQ(d.last_status_code, 500);
  EXPECT_EQ(d.last_error, "HTTP 500");
  EXPECT_EQ(d.next_attempt_at, "2026-11-26T04:01:00.000Z");  // 1 minute, jitter neutral
  ASSERT_EQ(receiver_.count(), 1u);                          // only the matching hook
  const HttpPost first = receiver_.requests[0];
  EXPECT_EQ(first.url.target, "/hook");
  std::map<std::string, std::string> h(first.headers.begin(), first.headers.end());
  EXPECT_EQ(h["X-Kotacerdas-Event"], "report.status_changed");
  EXPECT_EQ(h["X-Kotacerdas-Delivery"], d.delivery_id);
  EXPECT_EQ(h["X-Kotacerdas-Timestamp"], "1795665600");
  EXPECT_EQ(h["X-Kotacerdas-Signature"], WebhookSignature(hook_.secret, "1795665600", first.body));
  EXPECT_EQ(boost::json::parse(first.body).at("tracking"), "MDO-2026-000001");

  Advance(30s);  // not yet due
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(receiver_.count(), 1u);
  Advance(31s);
  d = WaitAttempts(2);
  EXPECT_EQ(d.status, DeliveryStatus::kDelivered);
  EXPECT_EQ(d.last_status_code, 200);
  EXPECT_EQ(d.next_attempt_at, std::nullopt);
  ASSERT_EQ(receiver_.count(), 2u);
  // The same delivery id and body on the retry, signed with the new timestamp.
  std::map<std::string, std::string> h2(receiver_.requests[1].headers.begin(),
                                        receiver_.requests[1].headers.end());
  EXPECT_EQ(h2["X-Kotacerdas-Delivery"], d.delivery_id);
  EXPECT_EQ(h2["X-Kotacerdas-Timestamp"], "1795665661");
  EXPECT_EQ(receiver_.requests[1].body, first.body);
}

TEST_F(DispatcherTest, GivesUpAfterLastAttemptAndSurvivesRestart) {
  receiver_.answers = {500, 502, 503, 504, 500, 500};
  Start();
  dispatcher_->Publish(Event());
  WaitAttempts(1);
  dispatcher_.reset();  // "restart": the pending delivery stays in the database
  Start();
  const std::vector<std::chrono::milliseconds> waits = {1min, 5min, 30min, 2h, 12h};
  for (size_t i = 0; i < waits.size(); ++i) {
    Advance(waits[i]);
    WaitAttempts(static_cast<int>(i) + 2);
  }
  auto d = WaitAttempts(kWebhookMaxAttempts);
  EXPECT_EQ(d.status, DeliveryStatus::kFailed);
  EXPECT_EQ(d.attempts, kWebhookMaxAttempts);
  EXPECT_EQ(d.next_attempt_at, std::nullopt);
  Advance(24h);
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(receiver_.count(), static_cast<size_t>(kWebhookMaxAttempts));
}

TEST_F(DispatcherTest, DeletingAHookDropsItsDeliveries) {
  receiver_.answers = {500};
  Start();
  dispatcher_->Publish(Event());
  WaitAttempts(1);
  std::promise<Status> p;
  webhooks_->Delete("71.71", hook_.id, accounts::Actor::Cli(),
                    [&p](Status st) { p.set_value(std::move(st)); });
  ASSERT_TRUE(p.get_future().get().ok());
  auto d = webhooks_->Deliveries(hook_.id, std::nullopt, 10);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->empty());
  std::promise<Status> again;
  webhooks_->Delete("71.71", hook_.id, accounts::Actor::Cli(),
                    [&again](Status st) { again.set_value(std::move(st)); });
  auto st = again.get_future().get();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().Slug(), "webhook_not_found");
}

}  // namespace
}  // namespace kc::reports
