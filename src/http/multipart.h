// A strict multipart/form-data parser (RFC 7578 on RFC 2046) for uploads: photos with a JSON
// part. Strict means: the body starts with the first delimiter (no preamble), every line break
// is CRLF, each part has a Content-Disposition of form-data with a name, only binary/8bit/7bit
// transfer encodings, and the close delimiter is present (a cut-off upload is refused rather
// than half-read). Parts are views into the body: no copy of a 10 MB photo is made.
// Pure and thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kc::http {

struct MultipartPart {
  std::string name;                     // Content-Disposition name (UTF-8, non-empty)
  std::optional<std::string> filename;  // Content-Disposition filename, if given
  std::string content_type;             // as declared, lowercased; "text/plain" when absent
  std::string_view body;                // into the parsed body: valid while it lives
};

struct MultipartLimits {
  size_t max_parts = 16;
  size_t max_part_bytes = 10 * 1024 * 1024;
  size_t max_header_bytes = 4096;  // the header block of one part
};

// The boundary parameter of a multipart/form-data Content-Type (quoted or not). Errors:
// kUnsupportedMedia when the media type is not multipart/form-data; kInvalidArgument
// "malformed_multipart" for a missing or invalid boundary (1..70 characters of RFC 2046's set).
Result<std::string> MultipartBoundary(std::string_view content_type);

// True when `content_type` names multipart/form-data (any parameters).
bool IsMultipartFormData(std::string_view content_type);

// The parts of `body`, in order. Errors, all kInvalidArgument "malformed_multipart" with a
// bilingual message naming the problem (missing delimiter, bare LF, header syntax, missing
// name, unsupported encoding, truncated body) except size limits: kPayloadTooLarge when a part
// exceeds max_part_bytes or there are more than max_parts parts.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                                  const MultipartLimits& limits = {});

}  // namespace kc::http
