// gzip for dynamic responses (lists, exports, the map feed): phones on slow links get JSON at a
// fifth of its size. Static files come pre-compressed (static_files.h) and are left alone.
#pragma once

#include <string_view>

#include "http/response.h"

namespace kc::http {

// True when an Accept-Encoding header value admits `coding` ("gzip", "br"). Good enough for
// browsers and HTTP clients: "gzip, deflate, br"; an explicit ";q=0" is an opt-out.
bool AcceptsEncoding(std::string_view header, std::string_view coding);

// Responses smaller than this are sent as they are: the saving would not pay for the header.
inline constexpr size_t kCompressMinBytes = 1024;

// Compresses r.body with gzip in place when it is text (JSON, GeoJSON, CSV, text/*), at least
// kCompressMinBytes, carries no Content-Encoding yet, and `accept_encoding` admits gzip; adds
// "Vary: Accept-Encoding" to every such response, compressed or not, so caches keep the two
// apart. Returns whether the body was compressed. Large bodies use a faster level.
bool MaybeGzip(Response& r, std::string_view accept_encoding);

}  // namespace kc::http
