// Open311 GeoReport v2 wire formats: the same document as JSON or XML, and the spec's error
// format ([{"code":400,"description":"..."}] / <errors><error>...</error></errors>). Pure.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "core/error.h"
#include "http/response.h"

namespace kc::reports::open311 {

enum class Format { kJson, kXml };

// The XML document for `value` under a root element `root`. Objects become elements per key (in
// order); arrays repeat the element of their singular name (services -> service, attributes ->
// attribute, values -> value, service_requests -> request, errors -> error); null becomes an
// empty element; text is escaped (& < > " ') and characters XML 1.0 forbids are dropped.
// Starts with <?xml version="1.0" encoding="utf-8"?>.
std::string ToXml(std::string_view root, const boost::json::value& value);

// A 200/201 response: JSON as is, XML with `xml_root` ("services", "service_definition",
// "service_requests").
http::Response Document(Format format, int status, std::string_view xml_root,
                        const boost::json::value& value);

// The spec's error response for `error` (its HTTP status; field details appended to the
// description), in the caller's language.
http::Response ErrorDocument(Format format, const Error& error, bool english);

}  // namespace kc::reports::open311
