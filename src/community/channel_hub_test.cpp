// The channel hub: fan-out, catch-up without gaps or duplicates, unsubscribe, and publishing
// from several threads at once.
#include "community/channel_hub.h"

#include <gtest/gtest.h>

#include <thread>

namespace kc::community {
namespace {

// Records what the hub sends; thread-safe like the real connection.
class FakeConnection : public http::WebSocketConnection {
 public:
  bool Send(std::shared_ptr<const std::string> text) override {
    std::lock_guard lock(mu_);
    if (closed_) return false;
    frames_.push_back(*text);
    return true;
  }
  void Close(uint16_t code, std::string) override {
    std::lock_guard lock(mu_);
    closed_ = true;
    code_ = code;
  }
  bool open() const override { return !closed_; }
  std::vector<std::string> frames() {
    std::lock_guard lock(mu_);
    return frames_;
  }
  uint16_t code() const { return code_; }

 private:
  std::mutex mu_;
  std::vector<std::string> frames_;
  bool closed_ = false;
  uint16_t code_ = 0;
};

std::shared_ptr<const std::string> Frame(const std::string& s) {
  return std::make_shared<const std::string>(s);
}

TEST(ChannelHub, FansOutToTheChannelOnly) {
  ChannelHub hub;
  auto a = std::make_shared<FakeConnection>();
  auto b = std::make_shared<FakeConnection>();
  auto other = std::make_shared<FakeConnection>();
  hub.Subscribe(1, a)->GoLive({});
  hub.Subscribe(1, b)->GoLive({});
  hub.Subscribe(2, other)->GoLive({});
  EXPECT_EQ(hub.Publish(1, 10, Frame("m10")), 2u);
  EXPECT_EQ(a->frames(), std::vector<std::string>{"m10"});
  EXPECT_EQ(b->frames(), std::vector<std::string>{"m10"});
  EXPECT_TRUE(other->frames().empty());
}

TEST(ChannelHub, CatchUpThenLiveWithoutGapsOrDuplicates) {
  ChannelHub hub;
  auto conn = std::make_shared<FakeConnection>();
  auto sub = hub.Subscribe(1, conn);
  // Published while the history is being read: 12 is also in the history, 13 is not.
  hub.Publish(1, 13, Frame("m13"));
  hub.Publish(1, 12, Frame("m12"));
  EXPECT_TRUE(conn->frames().empty());
  sub->GoLive({{11, Frame("m11")}, {12, Frame("m12")}});
  hub.Publish(1, 14, Frame("m14"));
  hub.Publish(1, 14, Frame("m14"));  // a duplicate publish is not sent twice
  EXPECT_EQ(conn->frames(), (std::vector<std::string>{"m11", "m12", "m13", "m14"}));
}

TEST(ChannelHub, UnsubscribedClientsGetNothing) {
  ChannelHub hub;
  auto conn = std::make_shared<FakeConnection>();
  auto sub = hub.Subscribe(1, conn);
  sub->GoLive({});
  hub.Unsubscribe(1, sub.get());
  EXPECT_EQ(hub.subscribers(1), 0u);
  EXPECT_EQ(hub.Publish(1, 5, Frame("m5")), 0u);
  EXPECT_TRUE(conn->frames().empty());
}

TEST(ChannelHub, AClientTooFarBehindWhileCatchingUpIsClosed) {
  ChannelHub hub;
  auto conn = std::make_shared<FakeConnection>();
  auto sub = hub.Subscribe(1, conn);
  for (int i = 1; i <= 1100; ++i) hub.Publish(1, i, Frame("m"));
  EXPECT_EQ(conn->code(), http::kCloseSlowConsumer);
}

TEST(ChannelHub, ConcurrentPublishersAndSubscribers) {
  ChannelHub hub;
  std::vector<std::shared_ptr<FakeConnection>> conns;
  for (int i = 0; i < 50; ++i) {
    conns.push_back(std::make_shared<FakeConnection>());
    hub.Subscribe(1, conns.back())->GoLive({});
  }
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&hub, t] {
      for (int i = 0; i < 100; ++i) hub.Publish(1, t * 1000 + i + 1, Frame("x"));
    });
  }
  threads.emplace_back([&hub] {  // churn beside the publishers
    for (int i = 0; i < 100; ++i) {
      auto c = std::make_shared<FakeConnection>();
      auto s = hub.Subscribe(1, c);
      s->GoLive({});
      hub.Unsubscribe(1, s.get());
    }
  });
  for (auto& t : threads) t.join();
  // Ids from different publishers interleave; each subscription keeps only increasing ids, so
  // every client got at least the last publisher's run and never a duplicate.
  for (const auto& c : conns) {
    EXPECT_GE(c->frames().size(), 100u);
    EXPECT_LE(c->frames().size(), 400u);
  }
  EXPECT_EQ(hub.subscribers(1), 50u);
}

}  // namespace
}  // namespace kc::community
