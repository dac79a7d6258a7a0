#include "http/response.h"

#include <boost/json/serialize.hpp>

namespace kc::http {

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kUnsupportedMedia: return 415;
    case ErrorCode::kRateLimited: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response ErrorResponse(const Error& error, bool english) {
  boost::json::array details;
  for (const auto& d : error.details) {
    details.push_back(boost::json::object{{"field", d.field}, {"message", d.message.For(english)}});
  }
  boost::json::object inner{{"code", error.Slug()}, {"message", error.message.For(english)}};
  if (!details.empty()) inner["details"] = std::move(details);
  return JsonResponse(HttpStatus(error.code), boost::json::object{{"error", std::move(inner)}});
}

Response JsonResponse(int status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(body);
  return r;
}

}  // namespace kc::http
