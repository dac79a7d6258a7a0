#include "reports/webhook.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cctype>
#include <charconv>

#include "accounts/crypto_init.h"
#include "accounts/token.h"

namespace kc::reports {
namespace {

Error BadUrl(Text why) {
  return InvalidArgument({"URL webhook tidak sah.", "Invalid webhook URL."})
      .With("url", std::move(why));
}

bool HostChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.';
}

}  // namespace

std::string_view DeliveryStatusName(DeliveryStatus status) {
  switch (status) {
    case DeliveryStatus::kPending:
      return "pending";
    case DeliveryStatus::kDelivered:
      return "delivered";
    case DeliveryStatus::kFailed:
      return "failed";
  }
  return "pending";
}

const std::vector<std::string_view>& AllEventTypes() {
  static const std::vector<std::string_view> kTypes = {
      kEventCreated, kEventStatusChanged, kEventAssigned,  kEventNoteAdded, kEventCommented,
      kEventRated,   kEventMerged,        kEventEscalated, kEventReopened};
  return kTypes;
}

bool IsEventType(std::string_view type) {
  const auto& all = AllEventTypes();
  return std::find(all.begin(), all.end(), type) != all.end();
}

Result<WebhookUrl> ParseWebhookUrl(std::string_view url) {
  if (url.size() > kWebhookUrlMaxBytes ||
      !std::all_of(url.begin(), url.end(), [](char c) { return c > 32 && c < 127; })) {
    return BadUrl({"terlalu panjang atau berisi karakter tidak sah",
                   "too long or contains invalid characters"});
  }
  WebhookUrl out;
  std::string_view rest;
  if (url.starts_with("https://")) {
    out.tls = true;
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return BadUrl({"harus diawali http:// atau https://", "must start with http:// or https://"});
  }
  if (rest.find('#') != std::string_view::npos) {
    return BadUrl({"tidak boleh memuat fragmen (#)", "must not contain a fragment (#)"});
  }
  const size_t slash = std::min(rest.find('/'), rest.find('?'));
  const std::string_view authority = rest.substr(0, slash);
  out.target = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  if (out.target.front() == '?') out.target.insert(0, "/");
  if (authority.find('@') != std::string_view::npos) {
    return BadUrl({"tidak boleh memuat nama pengguna atau sandi", "must not contain user info"});
  }
  std::string_view host = authority, port;
  if (authority.starts_with("[")) {  // IPv6 literal
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return BadUrl({"host tidak sah", "invalid host"});
    host = authority.substr(1, close - 1);
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && !after.starts_with(":"))
      return BadUrl({"host tidak sah", "invalid host"});
    if (!after.empty()) port = after.substr(1);
    if (host.empty() || !std::all_of(host.begin(), host.end(), [](char c) {
          return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
        })) {
      return BadUrl({"host tidak sah", "invalid host"});
    }
  } else {
    const size_t colon = authority.find(':');
    if (colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
    }
    if (host.empty() || !std::all_of(host.begin(), host.end(), HostChar)) {
      return BadUrl({"host tidak sah", "invalid host"});
    }
  }
  if (!port.empty() || authority.ends_with(":")) {
    int n = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), n);
    if (ec != std::errc() || end != port.data() + port.size() || n < 1 || n > 65535) {
      return BadUrl({"port harus 1..65535", "port must be 1..65535"});
    }
    out.port = std::to_string(n);
  } else {
    out.port = out.tls ? "443" : "80";
  }
  out.host = std::string(host);
  return out;
}

std::string HmacSha256Hex(std::string_view key, std::string_view message) {
  accounts::EnsureSodiumInitialized();
  crypto_auth_hmacsha256_state state;
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&state, mac.data());
  sodium_memzero(&state, sizeof state);
  std::string hex(mac.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  hex.pop_back();
  return hex;
}

std::string WebhookSignature(std::string_view secret, std::string_view timestamp,
                             std::string_view body) {
  std::string message;
  message.reserve(timestamp.size() + 1 + body.size());
  message.append(timestamp).append(".").append(body);
  return "sha256=" + HmacSha256Hex(secret, message);
}

std::string NewWebhookSecret() { return accounts::NewToken("whsec_"); }

std::optional<std::chrono::milliseconds> RetryDelay(int attempts_made, double jitter) {
  using namespace std::chrono_literals;
  static constexpr std::array<std::chrono::milliseconds, kWebhookMaxAttempts - 1> kSchedule = {
      1min, 5min, 30min, 2h, 12h};
  if (attempts_made < 1 || attempts_made >= kWebhookMaxAttempts) return std::nullopt;
  const auto base = kSchedule[static_cast<size_t>(attempts_made - 1)];
  const double factor = 0.9 + 0.2 * std::clamp(jitter, 0.0, 1.0);
  return std::chrono::milliseconds(
      static_cast<int64_t>(static_cast<double>(base.count()) * factor));
}

std::string WebhookBody(const ReportEvent& e, std::string_view event_id) {
  return boost::json::serialize(boost::json::object{{"id", event_id},
                                                    {"type", e.type},
                                                    {"region", e.region_code},
                                                    {"tracking", e.tracking},
                                                    {"occurred_at", e.occurred_at},
                                                    {"data", e.data}});
}

}  // namespace kc::reports
