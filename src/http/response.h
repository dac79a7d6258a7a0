#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace kc::http {

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool close = false;  // close the connection after sending

  Response& Header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// The HTTP status for an error code (kInvalidArgument -> 400, kNotFound -> 404, ...).
int HttpStatus(ErrorCode code);

// {"error":{"code":..,"message":..,"details":[{"field":..,"message":..}]}} in the caller's
// language, with the status from HttpStatus.
Response ErrorResponse(const Error& error, bool english);

Response JsonResponse(int status, const boost::json::value& body);

}  // namespace kc::http
