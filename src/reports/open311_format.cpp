#include "reports/open311_format.h"

#include <boost/json.hpp>

namespace kc::reports::open311 {
namespace {

namespace json = boost::json;

std::string_view Singular(std::string_view plural) {
  if (plural == "services") return "service";
  if (plural == "attributes") return "attribute";
  if (plural == "values") return "value";
  if (plural == "service_requests") return "request";
  if (plural == "errors") return "error";
  return "item";
}

// Appends `text` escaped for element content; drops control characters XML 1.0 forbids.
void Escape(std::string_view text, std::string& out) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
}

void Element(std::string_view name, const json::value& v, std::string& out) {
  if (v.is_array()) {
    out += "<" + std::string(name) + ">";
    for (const auto& item : v.as_array()) Element(Singular(name), item, out);
    out += "</" + std::string(name) + ">";
    return;
  }
  out += "<" + std::string(name) + ">";
  if (v.is_object()) {
    for (const auto& [key, child] : v.as_object()) Element(key, child, out);
  } else if (v.is_string()) {
    Escape(v.as_string(), out);
  } else if (v.is_bool()) {
    out += v.as_bool() ? "true" : "false";
  } else if (!v.is_null()) {
    out += json::serialize(v);
  }
  out += "</" + std::string(name) + ">";
}

}  // namespace

std::string ToXml(std::string_view root, const json::value& value) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
  Element(root, value, out);
  return out;
}

http::Response Document(Format format, int status, std::string_view xml_root,
                        const json::value& value) {
  if (format == Format::kJson) return http::JsonResponse(status, value);
  return {.status = status, .content_type = "text/xml; charset=utf-8", .body = ToXml(xml_root, value)};
}

http::Response ErrorDocument(Format format, const Error& error, bool english) {
  const int status = http::HttpStatus(error.code);
  std::string description = error.message.For(english);
  for (const auto& d : error.details) {
    description += (&d == &error.details.front() ? " " : "; ") + d.field + ": " +
                   d.message.For(english);
  }
  json::array errors;
  errors.push_back({{"code", status}, {"description", description}});
  return Document(format, status, "errors", errors);
}

}  // namespace kc::reports::open311
