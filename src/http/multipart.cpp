#include "http/multipart.h"

#include <algorithm>
#include <cctype>

#include "http/request.h"

namespace kc::http {
namespace {

constexpr size_t kMaxBoundary = 70;  // RFC 2046 section 5.1.1

Error Malformed(const std::string& id, const std::string& en) {
  return Error(ErrorCode::kInvalidArgument,
               {"Isi multipart/form-data tidak sah: " + id + ".",
                "Malformed multipart/form-data body: " + en + "."},
               "malformed_multipart");
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsTokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsBoundaryChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

// Parameters after the first ';' of a header value: name (lowercased) -> value. A value is a
// token or a quoted-string (backslash escapes one character). nullopt on a syntax error or a
// repeated name.
std::optional<std::vector<std::pair<std::string, std::string>>> Params(std::string_view s) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t i = 0;
  auto skip_ws = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  };
  while (true) {
    skip_ws();
    if (i == s.size()) return out;
    if (s[i++] != ';') return std::nullopt;
    skip_ws();
    const size_t name_start = i;
    while (i < s.size() && IsTokenChar(s[i])) ++i;
    std::string name = Lower(s.substr(name_start, i - name_start));
    skip_ws();
    if (name.empty() || i == s.size() || s[i++] != '=') return std::nullopt;
    skip_ws();
    std::string value;
    if (i < s.size() && s[i] == '"') {
      ++i;
      while (i < s.size() && s[i] != '"') {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        value += s[i++];
      }
      if (i == s.size()) return std::nullopt;  // unterminated quote
      ++i;
    } else {
      const size_t start = i;
      while (i < s.size() && IsTokenChar(s[i])) ++i;
      value = std::string(s.substr(start, i - start));
      if (value.empty()) return std::nullopt;
    }
    for (const auto& [n, v] : out) {
      if (n == name) return std::nullopt;
    }
    out.emplace_back(std::move(name), std::move(value));
  }
}

// One header line "Name: value" into `part`; `seen_disposition` guards against repeats.
Status HeaderLine(std::string_view line, MultipartPart& part, bool& seen_disposition) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 ||
      !std::all_of(line.begin(), line.begin() + colon, IsTokenChar)) {
    return Malformed("baris header bagian tidak sah", "invalid part header line");
  }
  const std::string name = Lower(line.substr(0, colon));
  const std::string_view value = Trim(line.substr(colon + 1));
  if (!IsValidUtf8(value))
    return Malformed("header bagian bukan UTF-8", "part header is not UTF-8");
  if (name == "content-disposition") {
    const size_t semi = std::min(value.find(';'), value.size());
    auto params = Params(value.substr(semi));
    if (seen_disposition || Lower(Trim(value.substr(0, semi))) != "form-data" || !params) {
      return Malformed("Content-Disposition harus form-data dengan parameter yang sah",
                       "Content-Disposition must be form-data with valid parameters");
    }
    seen_disposition = true;
    for (auto& [k, v] : *params) {
      if (k == "name") part.name = std::move(v);
      if (k == "filename") part.filename = std::move(v);
    }
  } else if (name == "content-type") {
    part.content_type = Lower(value);
  } else if (name == "content-transfer-encoding") {
    const std::string enc = Lower(value);
    if (enc != "binary" && enc != "8bit" && enc != "7bit") {
      return Malformed("Content-Transfer-Encoding " + enc + " tidak didukung",
                       "Content-Transfer-Encoding " + enc + " is not supported");
    }
  }
  return Ok();
}

// The header block [begin, end) of one part: CRLF-separated lines, no folding.
Status Headers(std::string_view block, MultipartPart& part) {
  bool seen_disposition = false;
  while (!block.empty()) {
    const size_t eol = block.find("\r\n");
    const std::string_view line = block.substr(0, eol);
    if (line.find_first_of("\r\n") != std::string_view::npos) {
      return Malformed("baris header harus diakhiri CRLF", "header lines must end with CRLF");
    }
    if (line.empty() || line.front() == ' ' || line.front() == '\t') {
      return Malformed("baris header kosong atau terlipat", "empty or folded header line");
    }
    KC_RETURN_IF_ERROR(HeaderLine(line, part, seen_disposition));
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
  }
  if (!seen_disposition || part.name.empty() || !IsValidUtf8(part.name)) {
    return Malformed("setiap bagian memerlukan Content-Disposition: form-data; name=\"...\"",
                     "every part needs Content-Disposition: form-data; name=\"...\"");
  }
  if (part.content_type.empty()) part.content_type = "text/plain";
  return Ok();
}

Error TooLarge(const std::string& id, const std::string& en) {
  return Error(ErrorCode::kPayloadTooLarge, {id, en}, "payload_too_large");
}

}  // namespace

bool IsMultipartFormData(std::string_view content_type) {
  const std::string_view media = Trim(content_type.substr(0, content_type.find(';')));
  return Lower(media) == "multipart/form-data";
}

Result<std::string> MultipartBoundary(std::string_view content_type) {
  if (!IsMultipartFormData(content_type)) {
    return Error(ErrorCode::kUnsupportedMedia, {"Content-Type harus multipart/form-data.",
                                                "Content-Type must be multipart/form-data."});
  }
  auto params = Params(content_type.substr(content_type.find(';') == std::string_view::npos
                                               ? content_type.size()
                                               : content_type.find(';')));
  std::string boundary;
  if (params) {
    for (auto& [k, v] : *params) {
      if (k == "boundary") boundary = std::move(v);
    }
  }
  if (boundary.empty() || boundary.size() > kMaxBoundary || boundary.back() == ' ' ||
      !std::all_of(boundary.begin(), boundary.end(), IsBoundaryChar)) {
    return Malformed("parameter boundary tidak ada atau tidak sah",
                     "the boundary parameter is missing or invalid");
  }
  return boundary;
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                                  const MultipartLimits& limits) {
  const std::string first = "--" + std::string(boundary);
  const std::string delimiter = "\r\n" + first;
  if (!body.starts_with(first)) {
    return Malformed("isi harus diawali boundary", "the body must start with the boundary");
  }
  std::vector<MultipartPart> parts;
  size_t pos = first.size();
  while (true) {
    if (body.substr(pos, 2) == "--") return parts;  // close delimiter; the epilogue is ignored
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;  // padding
    if (body.substr(pos, 2) != "\r\n") {
      return Malformed(pos >= body.size() ? "isi terpotong (boundary penutup tidak ada)"
                                          : "baris boundary harus diakhiri CRLF",
                       pos >= body.size() ? "truncated body (no closing boundary)"
                                          : "a boundary line must end with CRLF");
    }
    pos += 2;
    if (parts.size() == limits.max_parts) {
      return TooLarge("Terlalu banyak bagian (maks. " + std::to_string(limits.max_parts) + ").",
                      "Too many parts (max " + std::to_string(limits.max_parts) + ").");
    }
    MultipartPart part;
    size_t headers_end = body.find("\r\n\r\n", pos >= 2 ? pos - 2 : 0);
    if (headers_end == std::string_view::npos || headers_end + 2 < pos ||
        headers_end - (pos - 2) > limits.max_header_bytes) {
      return Malformed("header bagian terpotong atau terlalu panjang",
                       "part headers are truncated or too long");
    }
    const std::string_view block =
        headers_end < pos ? std::string_view() : body.substr(pos, headers_end - pos);
    KC_RETURN_IF_ERROR(Headers(block, part));
    const size_t start = headers_end + 4;
    const size_t end = body.find(delimiter, start);
    if (end == std::string_view::npos) {
      return Malformed("isi terpotong (boundary penutup tidak ada)",
                       "truncated body (no closing boundary)");
    }
    if (end - start > limits.max_part_bytes) {
      return TooLarge("Bagian \"" + part.name + "\" terlalu besar.",
                      "Part \"" + part.name + "\" is too large.");
    }
    part.body = body.substr(start, end - start);
    parts.push_back(std::move(part));
    pos = end + delimiter.size();
  }
}

}  // namespace kc::http
