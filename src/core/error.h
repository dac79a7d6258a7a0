// Typed errors that cross module boundaries. Every module returns Result<T>; the HTTP layer maps
// an Error to a status code and the JSON error body in one place (http/error_mapping.cpp).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kc {

// What went wrong, independent of transport. The HTTP status is derived from this.
enum class ErrorCode {
  kInvalidArgument,   // 400: the caller sent something malformed or out of range
  kUnauthenticated,   // 401
  kForbidden,         // 403
  kNotFound,          // 404 (also used to hide another tenant's data)
  kConflict,          // 409: duplicate, or state does not allow the change
  kPayloadTooLarge,   // 413
  kUnsupportedMedia,  // 415
  kRateLimited,       // 429
  kUnavailable,       // 503: storage or a dependency is down; retrying may help
  kInternal,          // 500: a bug or an unexpected environment failure
};

// A user-facing message in Bahasa Indonesia (the default) and English.
struct Text {
  std::string id;
  std::string en;

  const std::string& For(bool english) const { return english && !en.empty() ? en : id; }
};

// One problem with one input field, e.g. {"lat", "harus antara -90 dan 90"}.
struct FieldError {
  std::string field;
  Text message;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  // Stable machine-readable code for API clients, e.g. "validation_failed". Empty means the
  // default for `code` (see DefaultSlug).
  std::string slug;
  Text message;
  std::vector<FieldError> details;

  Error() = default;
  Error(ErrorCode c, Text m, std::string s = {})
      : code(c), slug(std::move(s)), message(std::move(m)) {}

  Error& With(std::string field, Text msg) {
    details.push_back({std::move(field), std::move(msg)});
    return *this;
  }
  std::string_view Slug() const;
};

// The default machine-readable code for an ErrorCode ("not_found", "validation_failed", ...).
std::string_view DefaultSlug(ErrorCode code);

// Shorthands for the common cases.
Error InvalidArgument(Text message);
Error NotFound(Text message);
Error Conflict(Text message);
Error Internal(std::string_view what);  // logs nothing; message is generic for the user
Error Unavailable(Text message);

// Collects field errors while validating a request; converts to one kInvalidArgument Error.
class Validation {
 public:
  void Add(std::string field, Text message) {
    details_.push_back({std::move(field), std::move(message)});
  }
  bool ok() const { return details_.empty(); }
  Error ToError() &&;

 private:
  std::vector<FieldError> details_;
};

}  // namespace kc
