#include "http/json_body.h"

#include <boost/json/parse.hpp>
#include <cmath>

namespace kc::http {

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Result<boost::json::object> ParseJsonObject(const Request& req) {
  const std::string_view type = req.Header("content-type");
  const std::string_view media = type.substr(0, type.find(';'));
  if (media != "application/json") {
    return Error(ErrorCode::kUnsupportedMedia,
                 {"Content-Type harus application/json.", "Content-Type must be application/json."});
  }
  if (req.body.empty()) {
    return InvalidArgument({"Isi permintaan kosong; diharapkan objek JSON.",
                            "The request body is empty; a JSON object is expected."});
  }
  if (!IsValidUtf8(req.body)) {
    return InvalidArgument({"Isi permintaan bukan UTF-8 yang valid.",
                            "The request body is not valid UTF-8."});
  }
  boost::system::error_code ec;
  boost::json::parse_options opts;
  opts.max_depth = 32;
  boost::json::value value = boost::json::parse(req.body, ec, {}, opts);
  if (ec) {
    Error e = InvalidArgument({"JSON tidak valid: " + ec.message(), "Invalid JSON: " + ec.message()});
    e.slug = "invalid_json";
    return e;
  }
  if (!value.is_object()) {
    return InvalidArgument({"Isi permintaan harus berupa objek JSON.",
                            "The request body must be a JSON object."});
  }
  return std::move(value.as_object());
}

const boost::json::value* JsonFields::Get(std::string_view field, bool required) {
  seen_.emplace_back(field);
  const auto* v = object_.if_contains(field);
  if (v == nullptr || v->is_null()) {
    if (required) v_.Add(std::string(field), {"wajib diisi", "is required"});
    return nullptr;
  }
  return v;
}

std::optional<std::string> JsonFields::String(std::string_view field, bool required,
                                              size_t max_chars, size_t min_chars) {
  const auto* v = Get(field, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    v_.Add(std::string(field), {"harus berupa teks", "must be a string"});
    return std::nullopt;
  }
  std::string s(v->as_string());
  const size_t n = Utf8Length(s);
  if (n > max_chars) {
    v_.Add(std::string(field), {"paling banyak " + std::to_string(max_chars) + " karakter",
                                "must be at most " + std::to_string(max_chars) + " characters"});
    return std::nullopt;
  }
  if (n < min_chars || (required && n == 0)) {
    v_.Add(std::string(field), {"paling sedikit " + std::to_string(std::max<size_t>(min_chars, 1)) + " karakter",
                                "must be at least " + std::to_string(std::max<size_t>(min_chars, 1)) + " characters"});
    return std::nullopt;
  }
  return s;
}

std::optional<double> JsonFields::Number(std::string_view field, bool required, double min,
                                         double max) {
  const auto* v = Get(field, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) {
    v_.Add(std::string(field), {"harus berupa angka", "must be a number"});
    return std::nullopt;
  }
  const double d = v->to_number<double>();
  if (!std::isfinite(d) || d < min || d > max) {
    std::string range = std::to_string(min) + " .. " + std::to_string(max);
    v_.Add(std::string(field), {"harus antara " + range, "must be between " + range});
    return std::nullopt;
  }
  return d;
}

std::optional<int64_t> JsonFields::Integer(std::string_view field, bool required, int64_t min,
                                           int64_t max) {
  const auto* v = Get(field, required);
  if (v == nullptr) return std::nullopt;
  int64_t n = 0;
  if (v->is_int64()) {
    n = v->as_int64();
  } else if (v->is_uint64() && v->as_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    n = static_cast<int64_t>(v->as_uint64());
  } else {
    v_.Add(std::string(field), {"harus berupa bilangan bulat", "must be an integer"});
    return std::nullopt;
  }
  if (n < min || n > max) {
    std::string range = std::to_string(min) + " .. " + std::to_string(max);
    v_.Add(std::string(field), {"harus antara " + range, "must be between " + range});
    return std::nullopt;
  }
  return n;
}

std::optional<bool> JsonFields::Bool(std::string_view field, bool required) {
  const auto* v = Get(field, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_bool()) {
    v_.Add(std::string(field), {"harus true atau false", "must be true or false"});
    return std::nullopt;
  }
  return v->as_bool();
}

void JsonFields::RejectUnknown() {
  for (const auto& kv : object_) {
    if (std::find(seen_.begin(), seen_.end(), kv.key()) == seen_.end()) {
      v_.Add(std::string(kv.key()), {"kolom tidak dikenal", "unknown field"});
    }
  }
}

}  // namespace kc::http
