// Signed webhooks of the reports module: a region's subscriptions, their deliveries, and the
// pure rules (event-type names, URL checks, the HMAC-SHA256 signature, the retry schedule, the
// body). Storage is webhook_store.h, delivery webhook_dispatcher.h, the HTTP client
// webhook_client.h, routes webhook_routes.cpp. All functions here are pure and thread-safe.
//
// What a receiver gets: POST <url> with the JSON body
//   {"id","type","region","tracking","occurred_at","data"}
// and the headers X-Kotacerdas-Event (the type), X-Kotacerdas-Delivery (stable across retries:
// deduplicate on it), X-Kotacerdas-Timestamp (Unix seconds of this attempt) and
// X-Kotacerdas-Signature: sha256=<hex HMAC-SHA256 under the secret of "<timestamp>.<body>">.
// A 2xx answer is success; anything else (or no answer within the timeout) is retried.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "reports/report_events.h"

namespace kc::reports {

struct Webhook {
  int64_t id = 0;
  std::string region_code;
  std::string url;
  std::vector<std::string> event_types;  // empty: every event type
  std::string secret;                    // "whsec_..."; shown to the caller only when created
  int64_t created_by = 0;                // user id; 0 for the CLI or the system
  std::string created_at;
};

enum class DeliveryStatus { kPending, kDelivered, kFailed };
std::string_view DeliveryStatusName(DeliveryStatus status);  // "pending", "delivered", "failed"

struct WebhookDelivery {
  int64_t id = 0;
  int64_t webhook_id = 0;
  std::string delivery_id;  // X-Kotacerdas-Delivery
  std::string event_id;     // the body's "id", shared by the deliveries of one event
  std::string event_type;
  std::string tracking;
  std::string body;
  DeliveryStatus status = DeliveryStatus::kPending;
  int attempts = 0;
  std::optional<int> last_status_code;  // HTTP status of the last answer; null: no answer
  std::string last_error;               // why the last attempt failed, English, for operators
  std::optional<std::string> next_attempt_at;  // UTC; null once delivered or failed
  std::string created_at;
  std::optional<std::string> last_attempt_at;
};

// The kEvent* names, in declaration order.
const std::vector<std::string_view>& AllEventTypes();
bool IsEventType(std::string_view type);

// Limits.
inline constexpr size_t kWebhookUrlMaxBytes = 2000;
inline constexpr int kWebhooksPerRegionMax = 20;  // bounds the fan-out of one event

// An http(s) URL split for the client.
struct WebhookUrl {
  bool tls = false;
  std::string host;    // a name, an IPv4 address or an IPv6 address without brackets
  std::string port;    // "80"/"443" unless given
  std::string target;  // path and query, at least "/"
};
// Accepts absolute http:// and https:// URLs with a host, an optional port 1..65535, no user
// info and no fragment, at most kWebhookUrlMaxBytes of printable ASCII. Errors: kInvalidArgument
// with a detail for "url".
Result<WebhookUrl> ParseWebhookUrl(std::string_view url);

// Lowercase hex HMAC-SHA256 (RFC 2104 / RFC 4231) of `message` under `key` (any length).
std::string HmacSha256Hex(std::string_view key, std::string_view message);
// "sha256=" + HmacSha256Hex(secret, timestamp + "." + body).
std::string WebhookSignature(std::string_view secret, std::string_view timestamp,
                             std::string_view body);
// A new secret: "whsec_" followed by 256 random bits (base64url).
std::string NewWebhookSecret();

// Attempts before a delivery is given up: the first one and five retries.
inline constexpr int kWebhookMaxAttempts = 6;
// The wait after `attempts_made` failed attempts: 1 min, 5 min, 30 min, 2 h, 12 h, each
// stretched or shrunk by up to 10% according to `jitter` in [0, 1) (0.5: exact), so receivers
// that failed together are not retried together. nullopt once kWebhookMaxAttempts were made.
std::optional<std::chrono::milliseconds> RetryDelay(int attempts_made, double jitter);

// The delivery body: {"id","type","region","tracking","occurred_at","data"} (no
// notify_user_ids: they are personal data).
std::string WebhookBody(const ReportEvent& event, std::string_view event_id);

}  // namespace kc::reports
