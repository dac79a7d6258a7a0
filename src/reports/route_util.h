// Helpers shared by the reports module's route files (not for other modules).
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

#include "http/pagination.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"

namespace kc::reports::internal {

// Bodies of the rule and report routes are a few text fields (no photos yet).
inline constexpr size_t kSmallBodyLimit = 16 * 1024;
inline constexpr size_t kReportBodyLimit = 64 * 1024;

// A positive decimal id, or nullopt.
inline std::optional<int64_t> ParseId(std::string_view s) {
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

inline http::Response Fail(const Error& e, const http::Request& req) {
  return http::ErrorResponse(e, req.english);
}

// The id a page starts below, from a cursor holding an id: nullopt for the first page, 400 for
// a cursor that does not hold one.
inline Result<std::optional<int64_t>> BeforeId(const http::PageRequest& page) {
  if (!page.after) return std::optional<int64_t>{};
  const auto id = ParseId(*page.after);
  if (!id) {
    return InvalidArgument({"Kursor tidak sah.", "Invalid cursor."})
        .With("cursor", {"tidak sah", "invalid"});
  }
  return std::optional<int64_t>{id};
}

}  // namespace kc::reports::internal
