// Cursor pagination: ?limit=N&cursor=TOKEN. The token is opaque to clients (base64url of the
// sort key of the last item returned), so the store can page by key instead of OFFSET.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/request.h"

namespace kc::http {

struct PageRequest {
  int limit = 20;
  std::optional<std::string> after;  // decoded sort key; nullopt = first page
};

// Errors (400): limit not an integer in 1..max_limit, cursor not a token we issued.
Result<PageRequest> ParsePage(const Request& req, int default_limit = 20, int max_limit = 100);

std::string EncodeCursor(std::string_view key);
std::optional<std::string> DecodeCursor(std::string_view token);

}  // namespace kc::http
