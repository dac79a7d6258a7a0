#include "http/pagination.h"

#include <sodium.h>

#include <charconv>
#include <cstring>

namespace kc::http {

namespace {
constexpr std::string_view kCursorPrefix = "kc1:";  // versions the token format
}

std::string EncodeCursor(std::string_view key) {
  const std::string raw = std::string(kCursorPrefix) + std::string(key);
  std::string out(sodium_base64_encoded_len(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<std::string> DecodeCursor(std::string_view token) {
  if (token.empty() || token.size() > 1024) return std::nullopt;
  std::string raw(token.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), token.data(),
                        token.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  raw.resize(len);
  if (!raw.starts_with(kCursorPrefix) || !IsValidUtf8(raw)) return std::nullopt;
  return raw.substr(kCursorPrefix.size());
}

Result<PageRequest> ParsePage(const Request& req, int default_limit, int max_limit) {
  PageRequest page;
  page.limit = default_limit;
  Validation v;
  if (auto limit = req.Query("limit")) {
    int n = 0;
    const auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
    if (ec != std::errc() || ptr != limit->data() + limit->size() || n < 1 || n > max_limit) {
      v.Add("limit", {"harus bilangan bulat 1 sampai " + std::to_string(max_limit),
                      "must be an integer from 1 to " + std::to_string(max_limit)});
    } else {
      page.limit = n;
    }
  }
  if (auto cursor = req.Query("cursor")) {
    page.after = DecodeCursor(*cursor);
    if (!page.after) v.Add("cursor", {"kursor tidak valid", "invalid cursor"});
  }
  if (!v.ok()) return std::move(v).ToError();
  return page;
}

}  // namespace kc::http
