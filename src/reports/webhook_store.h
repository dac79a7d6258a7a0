// Webhook subscriptions and the durable delivery queue on the embedded SQLite database
// (migrations/0008_report_webhooks.sql). Kept beside the reports store rather than inside it so
// the two change independently; a PostgreSQL version would go behind the same methods.
//
// Thread-safety: every method may be called from any thread except the writer's (the *Sync
// ones wait for the writer). Reads use pooled connections; writes go through the database's
// single writer, and async `done` callbacks run on the store's completion thread after the commit.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "accounts/audit.h"
#include "core/result.h"
#include "reports/webhook.h"
#include "store/database.h"

namespace kc::reports {

// A pending delivery with what the dispatcher needs to send it.
struct DueDelivery {
  WebhookDelivery delivery;
  std::string url;
  std::string secret;
};

// What one attempt did.
struct AttemptOutcome {
  int64_t delivery_row = 0;                    // WebhookDelivery::id
  std::optional<int> status_code;              // the answer's status, if any
  std::string error;                           // empty on success
  bool delivered = false;                      // a 2xx answer
  std::optional<std::string> next_attempt_at;  // unset with !delivered: give up (failed)
  std::string attempted_at;
};

class WebhookStore {
 public:
  // Borrows `db`, which must outlive the store.
  explicit WebhookStore(store::Database& db) : db_(db) {}

  // Stores `hook` (id and created_at assigned) with an audit entry by `actor` in the same
  // savepoint. done: the stored hook; kConflict "webhook_limit" beyond kWebhooksPerRegionMax.
  void Create(Webhook hook, accounts::Actor actor, std::function<void(Result<Webhook>)> done);
  // Removes the region's hook `id` and its deliveries, audited. done: kNotFound
  // "webhook_not_found" when the region has no such hook.
  void Delete(std::string region, int64_t id, accounts::Actor actor,
              std::function<void(Status)> done);
  // The region's hooks, oldest first (secrets included: callers must not show them).
  Result<std::vector<Webhook>> List(const std::string& region);
  Result<std::optional<Webhook>> Find(const std::string& region, int64_t id);
  // A hook's deliveries, newest first, with id < before_id when set; at most limit + 1.
  Result<std::vector<WebhookDelivery>> Deliveries(int64_t webhook_id,
                                                  std::optional<int64_t> before_id, int limit);

  // Inside a write: queues `event` for every hook of its region that takes its type, first
  // attempt due at `now`. Returns how many deliveries were queued.
  static Result<int> EnqueueEvent(store::Connection& conn, const ReportEvent& event,
                                  const std::string& event_id, const std::string& now);

  // Pending deliveries due at `now` (UTC text), the earliest first, at most `limit`.
  Result<std::vector<DueDelivery>> Due(const std::string& now, int limit);
  // The earliest next_attempt_at of a pending delivery, if any.
  Result<std::optional<std::string>> NextDue();
  // Records an attempt durably (waits for the writer).
  Status RecordAttemptSync(const AttemptOutcome& outcome);

 private:
  store::Database& db_;
};

}  // namespace kc::reports
