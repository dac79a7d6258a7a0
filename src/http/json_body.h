// Reading JSON request bodies with clear, bilingual errors.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/request.h"

namespace kc::http {

// The body as a JSON object. Errors: 415 when Content-Type is not application/json, 400 when
// the body is empty, not UTF-8, not JSON (with the byte offset) or not an object.
Result<boost::json::object> ParseJsonObject(const Request& req);

// Typed field access that records every problem in a Validation instead of stopping at the
// first, so a client learns about all bad fields at once. Unknown fields are reported too.
class JsonFields {
 public:
  JsonFields(const boost::json::object& object, Validation& validation)
      : object_(object), v_(validation) {}

  std::optional<std::string> String(std::string_view field, bool required, size_t max_chars,
                                    size_t min_chars = 0);
  std::optional<double> Number(std::string_view field, bool required, double min, double max);
  std::optional<int64_t> Integer(std::string_view field, bool required, int64_t min, int64_t max);
  std::optional<bool> Bool(std::string_view field, bool required);
  // Adds an error for each field of the object that was never asked for.
  void RejectUnknown();

 private:
  const boost::json::value* Get(std::string_view field, bool required);
  const boost::json::object& object_;
  Validation& v_;
  std::vector<std::string> seen_;
};

// Counts Unicode code points of valid UTF-8.
size_t Utf8Length(std::string_view s);

}  // namespace kc::http
