// Helpers shared by the accounts route files (not for other modules).
#pragma once

#include <spdlog/spdlog.h>

#include <boost/json/object.hpp>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "accounts/auth_service.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"

namespace kc::accounts::internal {

// Bodies of the accounts routes are small; anything larger is refused with 413.
inline constexpr std::size_t kAuthBodyLimit = 16 * 1024;

// The error response, with Retry-After for rate-limited errors. Every refusal is logged (the
// services log the why; this logs what was answered). `req` may be a copy holding only the
// language when the answer comes from a callback.
inline http::Response Fail(const Error& e, const http::Request& req) {
  http::Response r = http::ErrorResponse(e, req.english);
  spdlog::info("accounts: answered {} {} ({}) {}", r.status, e.Slug(), req.path.empty() ? "async" : req.path,
               req.request_id);
  if (e.code == ErrorCode::kRateLimited) {
    const long secs = RetryAfterSeconds(e);
    r.Header("Retry-After", std::to_string(secs > 0 ? secs : 1));
  }
  return r;
}

// Replies `ok` (a JSON body with `status`) or the error of a Status-returning async call.
inline StatusDone ReplyStatus(http::Reply reply, bool english, int status, boost::json::object ok) {
  return [reply = std::move(reply), english, status, ok = std::move(ok)](Status st) {
    http::Request dummy;
    dummy.english = english;
    reply(st.ok() ? http::JsonResponse(status, ok) : Fail(st.error(), dummy));
  };
}

// A positive decimal id from a path parameter.
inline std::optional<int64_t> ParseId(std::string_view s) {
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace kc::accounts::internal
