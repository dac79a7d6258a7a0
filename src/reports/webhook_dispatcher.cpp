#include "reports/webhook_dispatcher.h"

#include <spdlog/spdlog.h>

#include "core/random.h"

namespace kc::reports {
namespace {

double RandomUnit() { return static_cast<double>(FastRandom64() >> 11) * 0x1.0p-53; }

}  // namespace

WebhookDispatcher::WebhookDispatcher(store::Database& db, WebhookStore& store,
                                     WebhookDispatcherOptions options)
    : db_(db), store_(store), options_(std::move(options)) {
  if (!options_.post) options_.post = SendHttpPost;
  if (!options_.clock) options_.clock = NowUtc;
  if (!options_.jitter) options_.jitter = RandomUnit;
  thread_ = std::thread([this] { Loop(); });
}

WebhookDispatcher::~WebhookDispatcher() {
  {
    std::lock_guard lock(signal_->mu);
    signal_->stop = true;
  }
  signal_->cv.notify_all();
  thread_.join();
}

void WebhookDispatcher::Publish(const ReportEvent& event) {
  // Most regions have no webhook: one indexed read spares the single writer a job per event.
  auto hooked = db_.Read([&](store::Connection& conn) -> Result<bool> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT 1 FROM report_webhooks WHERE region_code = ?1 LIMIT 1"));
    return st.Bind(1, event.region_code).Step();
  });
  if (hooked.ok() && !*hooked) return;
  const std::string event_id = "evt_" + RandomHexId() + RandomHexId();
  db_.Write(
      [event, event_id, now = FormatUtc(options_.clock())](store::Connection& conn) -> Status {
        auto queued = WebhookStore::EnqueueEvent(conn, event, event_id, now);
        if (!queued.ok()) return std::move(queued).error();
        return Ok();
      },
      [signal = signal_, type = event.type, tracking = event.tracking](Status st) {
        if (!st.ok()) {
          spdlog::error("webhooks: {} of {} not queued: {}", type, tracking, st.error().message.en);
          return;
        }
        {
          std::lock_guard lock(signal->mu);
          signal->woken = true;
        }
        signal->cv.notify_all();
      });
}

void WebhookDispatcher::Wake() {
  {
    std::lock_guard lock(signal_->mu);
    signal_->woken = true;
  }
  signal_->cv.notify_all();
}

int WebhookDispatcher::DeliverDue() {
  int attempted = 0;
  while (true) {
    auto due = store_.Due(FormatUtc(options_.clock()), options_.batch);
    if (!due.ok()) {
      spdlog::warn("webhooks: cannot read due deliveries: {}", due.error().message.en);
      return attempted;
    }
    for (const auto& d : *due) {
      {
        std::lock_guard lock(signal_->mu);
        if (signal_->stop) return attempted;
      }
      Attempt(d);
      ++attempted;
    }
    if (due->size() < static_cast<size_t>(options_.batch)) return attempted;
  }
}

void WebhookDispatcher::Attempt(const DueDelivery& due) {
  const TimePoint now = options_.clock();
  const std::string timestamp = std::to_string(ToMillis(now) / 1000);
  HttpPostResult answer;
  auto url = ParseWebhookUrl(due.url);
  if (!url.ok()) {
    answer.error = "invalid url";  // checked when stored; kept for safety
  } else {
    answer = options_.post(
        HttpPost{.url = *url,
                 .headers = {{"X-Kotacerdas-Event", due.delivery.event_type},
                             {"X-Kotacerdas-Delivery", due.delivery.delivery_id},
                             {"X-Kotacerdas-Timestamp", timestamp},
                             {"X-Kotacerdas-Signature",
                              WebhookSignature(due.secret, timestamp, due.delivery.body)}},
                 .body = due.delivery.body,
                 .connect_timeout = options_.connect_timeout,
                 .timeout = options_.timeout});
  }
  AttemptOutcome out{.delivery_row = due.delivery.id, .attempted_at = FormatUtc(now)};
  if (answer.status != 0) out.status_code = answer.status;
  out.delivered = answer.status >= 200 && answer.status < 300;
  if (!out.delivered) {
    out.error = answer.status != 0 ? "HTTP " + std::to_string(answer.status) : answer.error;
    if (auto delay = RetryDelay(due.delivery.attempts + 1, options_.jitter())) {
      out.next_attempt_at =
          FormatUtc(std::chrono::time_point_cast<std::chrono::milliseconds>(now + *delay));
    }
  }
  if (Status st = store_.RecordAttemptSync(out); !st.ok()) {
    spdlog::error("webhooks: cannot record attempt of {}: {}", due.delivery.delivery_id,
                  st.error().message.en);
  }
}

std::chrono::milliseconds WebhookDispatcher::UntilNextDue() {
  auto next = store_.NextDue();
  if (!next.ok() || !*next) return options_.idle_poll;
  auto at = ParseTimestamp(**next);
  if (!at) return options_.idle_poll;
  const auto wait = *at - options_.clock();
  return std::clamp<std::chrono::milliseconds>(
      std::chrono::duration_cast<std::chrono::milliseconds>(wait), std::chrono::milliseconds(0),
      options_.idle_poll);
}

void WebhookDispatcher::Loop() {
  while (true) {
    DeliverDue();
    const auto wait = UntilNextDue();
    std::unique_lock lock(signal_->mu);
    signal_->cv.wait_for(lock, wait, [&] { return signal_->stop || signal_->woken; });
    if (signal_->stop) return;
    signal_->woken = false;
  }
}

}  // namespace kc::reports
