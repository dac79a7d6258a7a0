// Transport-neutral HTTP request and response types. Handlers and domain code see only these,
// never Beast types, so they are tested without a socket.
#pragma once

#include <any>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kc::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method m);
Method ParseMethod(std::string_view name);

struct Request {
  Method method = Method::kGet;
  std::string target;  // as received: path and query
  std::string path;    // percent-encoded path, without the query
  std::string query;   // raw query string after '?', may be empty
  std::vector<std::pair<std::string, std::string>> headers;  // names lowercased
  std::string body;
  std::string remote_address;
  std::string request_id;
  bool english = false;  // from Accept-Language: messages in English instead of Indonesian
  std::vector<std::pair<std::string, std::string>> params;  // path parameters, decoded
  // Set by the router's guard (accounts): who is calling. Empty for anonymous requests.
  std::any principal;

  // The first header with this lowercase name, or empty.
  std::string_view Header(std::string_view lower_name) const;
  // A path parameter by name (the router guarantees declared ones exist).
  std::string_view Param(std::string_view name) const;
  // The first query parameter with this name, percent- and '+'-decoded.
  std::optional<std::string> Query(std::string_view name) const;
};

// Parses application/x-www-form-urlencoded text (also used for query strings). Returns nullopt
// when a percent escape is malformed or the result is not valid UTF-8.
std::optional<std::vector<std::pair<std::string, std::string>>> ParseForm(std::string_view text);

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// True when the Accept-Language header prefers English over Indonesian.
bool PrefersEnglish(std::string_view accept_language);

}  // namespace kc::http
