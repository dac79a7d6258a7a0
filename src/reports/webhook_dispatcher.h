// Delivers report events to the region's webhooks. As a ReportEventSink, Publish (on the
// store's completion thread, right after the change's commit) only queues one write that stores a
// delivery per matching subscription, so deliveries survive a restart; its own thread then
// sends what is due, signs each attempt, records the outcome and schedules retries (webhook.h:
// RetryDelay) until a 2xx answer or kWebhookMaxAttempts.
//
// Delivery is at least once: a crash between an answer and its record repeats the delivery
// with the same X-Kotacerdas-Delivery id. An event published while the write queue is full is
// logged and dropped (the database is then failing anyway).
//
// Threads: Publish from any thread, never blocks; deliveries run on the dispatcher's one
// thread, one at a time, each bounded by the client's timeouts.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "reports/report_events.h"
#include "reports/webhook_client.h"
#include "reports/webhook_store.h"

namespace kc::reports {

struct WebhookDispatcherOptions {
  HttpPostFn post;                   // empty: SendHttpPost
  std::function<TimePoint()> clock;  // empty: NowUtc
  std::function<double()> jitter;    // in [0, 1); empty: random
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds timeout{10000};
  int batch = 32;                              // deliveries read per pass
  std::chrono::milliseconds idle_poll{60000};  // re-check at least this often
};

class WebhookDispatcher final : public ReportEventSink {
 public:
  // Borrows `db` and `store` (both must outlive the dispatcher) and starts the thread.
  WebhookDispatcher(store::Database& db, WebhookStore& store, WebhookDispatcherOptions options);
  // Stops the thread after the attempt in progress. Queued deliveries stay stored.
  ~WebhookDispatcher() override;
  WebhookDispatcher(const WebhookDispatcher&) = delete;
  WebhookDispatcher& operator=(const WebhookDispatcher&) = delete;

  void Publish(const ReportEvent& event) override;
  // Looks for due deliveries now (after a store change).
  void Wake();

  // One pass for tests without the thread: sends every delivery due now; returns how many
  // were attempted.
  int DeliverDue();

 private:
  // Shared with write completions, which may run after the dispatcher is gone.
  struct Signal {
    std::mutex mu;
    std::condition_variable cv;
    bool woken = false;  // guarded by mu
    bool stop = false;   // guarded by mu
  };

  void Loop();
  void Attempt(const DueDelivery& due);
  std::chrono::milliseconds UntilNextDue();

  store::Database& db_;
  WebhookStore& store_;
  WebhookDispatcherOptions options_;
  std::shared_ptr<Signal> signal_ = std::make_shared<Signal>();
  std::thread thread_;
};

}  // namespace kc::reports
