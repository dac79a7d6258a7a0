#include "reports/webhook_store.h"

#include <boost/json.hpp>

#include "core/random.h"
#include "core/time.h"

namespace kc::reports {
namespace {

namespace json = boost::json;
using store::Connection;
using store::Statement;

constexpr std::string_view kHookColumns =
    "id, region_code, url, event_types, secret, created_by, created_at";
constexpr std::string_view kDeliveryColumns =
    "d.id, d.webhook_id, d.delivery_id, d.event_id, d.event_type, d.tracking, d.body, d.status, "
    "d.attempts, d.last_status_code, d.last_error, d.next_attempt_at, d.created_at, "
    "d.last_attempt_at";

std::string JoinTypes(const std::vector<std::string>& types) {
  if (types.empty()) return "*";
  std::string out;
  for (const auto& t : types) out += (out.empty() ? "" : ",") + t;
  return out;
}

std::vector<std::string> SplitTypes(std::string_view text) {
  std::vector<std::string> out;
  if (text == "*") return out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find(',', start), text.size());
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Webhook HookFromRow(const Statement& st) {
  return Webhook{.id = st.Int(0),
                 .region_code = st.String(1),
                 .url = st.String(2),
                 .event_types = SplitTypes(st.Text(3)),
                 .secret = st.String(4),
                 .created_by = st.Int(5),
                 .created_at = st.String(6)};
}

std::optional<std::string> OptText(const Statement& st, int col) {
  return st.IsNull(col) ? std::nullopt : std::optional<std::string>(st.String(col));
}

WebhookDelivery DeliveryFromRow(const Statement& st) {
  const std::string_view status = st.Text(7);
  return WebhookDelivery{.id = st.Int(0),
                         .webhook_id = st.Int(1),
                         .delivery_id = st.String(2),
                         .event_id = st.String(3),
                         .event_type = st.String(4),
                         .tracking = st.String(5),
                         .body = st.String(6),
                         .status = status == "delivered" ? DeliveryStatus::kDelivered
                                   : status == "failed"  ? DeliveryStatus::kFailed
                                                         : DeliveryStatus::kPending,
                         .attempts = static_cast<int>(st.Int(8)),
                         .last_status_code = st.IsNull(9)
                                                 ? std::nullopt
                                                 : std::optional<int>(static_cast<int>(st.Int(9))),
                         .last_error = st.String(10),
                         .next_attempt_at = OptText(st, 11),
                         .created_at = st.String(12),
                         .last_attempt_at = OptText(st, 13)};
}

// The audit summary of a hook: never the secret.
json::object HookSummary(const Webhook& h) {
  return {{"url", h.url}, {"event_types", JoinTypes(h.event_types)}};
}

Error WebhookNotFound() {
  return Error(ErrorCode::kNotFound, {"Webhook tidak ditemukan.", "No such webhook."},
               "webhook_not_found");
}

}  // namespace

void WebhookStore::Create(Webhook hook, accounts::Actor actor,
                          std::function<void(Result<Webhook>)> done) {
  auto stored = std::make_shared<Webhook>(std::move(hook));
  stored->created_at = FormatUtc(NowUtc());
  db_.Write(
      [stored, actor = std::move(actor)](Connection& conn) -> Status {
        Webhook& h = *stored;
        KC_ASSIGN_OR_RETURN(
            auto count,
            conn.Prepare("SELECT COUNT(*) FROM report_webhooks WHERE region_code = ?1"));
        count.Bind(1, h.region_code);
        KC_ASSIGN_OR_RETURN(bool row, count.Step());
        if (row && count.Int(0) >= kWebhooksPerRegionMax) {
          return Error(ErrorCode::kConflict,
                       {"Region ini sudah memiliki 20 webhook; hapus satu terlebih dahulu.",
                        "This region already has 20 webhooks; delete one first."},
                       "webhook_limit");
        }
        KC_ASSIGN_OR_RETURN(
            auto st,
            conn.Prepare(
                "INSERT INTO report_webhooks (region_code, url, event_types, secret, created_by, "
                "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
        st.Bind(1, h.region_code).Bind(2, h.url).Bind(3, JoinTypes(h.event_types));
        st.Bind(4, h.secret).Bind(5, h.created_by).Bind(6, h.created_at);
        KC_RETURN_IF_ERROR(st.Run());
        h.id = conn.LastInsertId();
        return accounts::RecordAudit(conn, {.actor = actor,
                                            .region_code = h.region_code,
                                            .action = "report_webhook.create",
                                            .target = "report_webhook:" + std::to_string(h.id),
                                            .after = HookSummary(h)});
      },
      [stored, done = std::move(done)](Status st) {
        if (!st.ok()) return done(std::move(st).error());
        done(*stored);
      });
}

void WebhookStore::Delete(std::string region, int64_t id, accounts::Actor actor,
                          std::function<void(Status)> done) {
  db_.Write(
      [region = std::move(region), id, actor = std::move(actor)](Connection& conn) -> Status {
        KC_ASSIGN_OR_RETURN(
            auto st,
            conn.Prepare(
                "DELETE FROM report_webhooks WHERE id = ?1 AND region_code = ?2 RETURNING " +
                std::string(kHookColumns)));
        st.Bind(1, id).Bind(2, region);
        KC_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) return WebhookNotFound();
        const Webhook h = HookFromRow(st);
        KC_ASSIGN_OR_RETURN(bool more, st.Step());  // finish the statement before the next one
        (void)more;
        return accounts::RecordAudit(conn, {.actor = actor,
                                            .region_code = h.region_code,
                                            .action = "report_webhook.delete",
                                            .target = "report_webhook:" + std::to_string(h.id),
                                            .before = HookSummary(h)});
      },
      std::move(done));
}

Result<std::vector<Webhook>> WebhookStore::List(const std::string& region) {
  return db_.Read([&](Connection& conn) -> Result<std::vector<Webhook>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT " + std::string(kHookColumns) +
                                              " FROM report_webhooks WHERE region_code = ?1 "
                                              "ORDER BY id"));
    st.Bind(1, region);
    std::vector<Webhook> out;
    while (true) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return out;
      out.push_back(HookFromRow(st));
    }
  });
}

Result<std::optional<Webhook>> WebhookStore::Find(const std::string& region, int64_t id) {
  return db_.Read([&](Connection& conn) -> Result<std::optional<Webhook>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT " + std::string(kHookColumns) +
                                              " FROM report_webhooks WHERE id = ?1 AND "
                                              "region_code = ?2"));
    st.Bind(1, id).Bind(2, region);
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return std::optional<Webhook>();
    return std::optional<Webhook>(HookFromRow(st));
  });
}

Result<std::vector<WebhookDelivery>> WebhookStore::Deliveries(int64_t webhook_id,
                                                              std::optional<int64_t> before_id,
                                                              int limit) {
  return db_.Read([&](Connection& conn) -> Result<std::vector<WebhookDelivery>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT " + std::string(kDeliveryColumns) +
                                              " FROM report_webhook_deliveries d WHERE "
                                              "d.webhook_id = ?1 AND (?2 IS NULL OR d.id < ?2)"
                                              " ORDER BY d.id DESC LIMIT ?3"));
    st.Bind(1, webhook_id).Bind(2, before_id).Bind(3, int64_t{limit} + 1);
    std::vector<WebhookDelivery> out;
    while (true) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return out;
      out.push_back(DeliveryFromRow(st));
    }
  });
}

Result<int> WebhookStore::EnqueueEvent(Connection& conn, const ReportEvent& event,
                                       const std::string& event_id, const std::string& now) {
  KC_ASSIGN_OR_RETURN(
      auto hooks,
      conn.Prepare(
          "SELECT id FROM report_webhooks WHERE region_code = ?1 AND (event_types = '*' OR "
          "instr(',' || event_types || ',', ',' || ?2 || ',') > 0) ORDER BY id"));
  hooks.Bind(1, event.region_code).Bind(2, event.type);
  std::vector<int64_t> ids;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, hooks.Step());
    if (!row) break;
    ids.push_back(hooks.Int(0));
  }
  if (ids.empty()) return 0;
  const std::string body = WebhookBody(event, event_id);
  KC_ASSIGN_OR_RETURN(
      auto ins,
      conn.Prepare(
          "INSERT INTO report_webhook_deliveries (webhook_id, delivery_id, event_id, event_type, "
          "tracking, body, status, next_attempt_at, created_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7, ?7)"));
  for (int64_t id : ids) {
    ins.Bind(1, id).Bind(2, "whd_" + RandomHexId() + RandomHexId()).Bind(3, event_id);
    ins.Bind(4, event.type).Bind(5, event.tracking).Bind(6, body).Bind(7, now);
    KC_RETURN_IF_ERROR(ins.Run());
  }
  return static_cast<int>(ids.size());
}

Result<std::vector<DueDelivery>> WebhookStore::Due(const std::string& now, int limit) {
  return db_.Read([&](Connection& conn) -> Result<std::vector<DueDelivery>> {
    KC_ASSIGN_OR_RETURN(
        auto st,
        conn.Prepare("SELECT " + std::string(kDeliveryColumns) +
                     ", w.url, w.secret FROM report_webhook_deliveries d JOIN report_webhooks w ON "
                     "w.id = d.webhook_id WHERE d.status = 'pending' AND d.next_attempt_at <= ?1 "
                     "ORDER BY d.next_attempt_at, d.id LIMIT ?2"));
    st.Bind(1, now).Bind(2, limit);
    std::vector<DueDelivery> out;
    while (true) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return out;
      out.push_back({DeliveryFromRow(st), st.String(14), st.String(15)});
    }
  });
}

Result<std::optional<std::string>> WebhookStore::NextDue() {
  return db_.Read([&](Connection& conn) -> Result<std::optional<std::string>> {
    KC_ASSIGN_OR_RETURN(
        auto st,
        conn.Prepare(
            "SELECT MIN(next_attempt_at) FROM report_webhook_deliveries WHERE status = 'pending'"));
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row || st.IsNull(0)) return std::optional<std::string>();
    return std::optional<std::string>(st.String(0));
  });
}

Status WebhookStore::RecordAttemptSync(const AttemptOutcome& o) {
  return db_.WriteSync([o](Connection& conn) -> Status {
    const char* status = o.delivered ? "delivered" : o.next_attempt_at ? "pending" : "failed";
    KC_ASSIGN_OR_RETURN(
        auto st,
        conn.Prepare(
            "UPDATE report_webhook_deliveries SET status = ?2, attempts = attempts + 1, "
            "last_status_code = ?3, last_error = ?4, next_attempt_at = ?5, last_attempt_at = ?6 "
            "WHERE id = ?1"));
    st.Bind(1, o.delivery_row).Bind(2, status).Bind(3, o.status_code).Bind(4, o.error);
    st.Bind(5, o.delivered ? std::nullopt : o.next_attempt_at).Bind(6, o.attempted_at);
    return st.Run();  // a delivery deleted with its hook meanwhile updates nothing
  });
}

}  // namespace kc::reports
