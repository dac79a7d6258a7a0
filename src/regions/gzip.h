// gzip (RFC 1952) for HTTP responses, via zlib.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kc::regions {

// The gzip encoding of `data` at the default compression level; nullopt if zlib fails.
std::optional<std::string> Gzip(std::string_view data);

// True when an Accept-Encoding header value allows gzip: a "gzip", "x-gzip" or "*" coding
// whose q-value is not 0.
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace kc::regions
