#include "core/error.h"

namespace kc {

std::string_view DefaultSlug(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "validation_failed";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case ErrorCode::kUnsupportedMedia: return "unsupported_media_type";
    case ErrorCode::kRateLimited: return "rate_limited";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

std::string_view Error::Slug() const { return slug.empty() ? DefaultSlug(code) : slug; }

Error InvalidArgument(Text message) { return {ErrorCode::kInvalidArgument, std::move(message)}; }
Error NotFound(Text message) { return {ErrorCode::kNotFound, std::move(message)}; }
Error Conflict(Text message) { return {ErrorCode::kConflict, std::move(message)}; }
Error Unavailable(Text message) { return {ErrorCode::kUnavailable, std::move(message)}; }

Error Internal(std::string_view /*what*/) {
  return {ErrorCode::kInternal,
          {"Terjadi kesalahan internal pada server.", "An internal server error occurred."}};
}

Error Validation::ToError() && {
  Error e(ErrorCode::kInvalidArgument,
          {"Data yang dikirim tidak valid.", "The submitted data is not valid."});
  e.details = std::move(details_);
  return e;
}

}  // namespace kc
