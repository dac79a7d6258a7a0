#include "http/compression.h"

#include <zlib.h>

#include <algorithm>

namespace kc::http {
namespace {

// Above this, level 1: about 3x faster than the default for ~10% more bytes.
constexpr size_t kFastLevelAbove = 256 * 1024;

bool IsText(std::string_view content_type) {
  return content_type.starts_with("application/json") ||
         content_type.starts_with("application/geo+json") ||
         content_type.starts_with("application/problem+json") || content_type.starts_with("text/");
}

bool HasHeader(const Response& r, std::string_view name) {
  return std::any_of(r.headers.begin(), r.headers.end(), [&](const auto& h) {
    return h.first.size() == name.size() &&
           std::equal(h.first.begin(), h.first.end(), name.begin(),
                      [](char a, char b) { return std::tolower(a) == std::tolower(b); });
  });
}

// gzip (RFC 1952) of `in`; false when zlib fails (the caller then sends the body as it is).
bool Gzip(std::string_view in, int level, std::string& out) {
  z_stream zs{};
  // windowBits 15 + 16: a gzip wrapper instead of zlib's.
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
  out.resize(deflateBound(&zs, static_cast<uLong>(in.size())) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END;
}

}  // namespace

bool AcceptsEncoding(std::string_view header, std::string_view coding) {
  const size_t at = header.find(coding);
  if (at == std::string_view::npos) return false;
  const std::string_view rest = header.substr(at + coding.size());
  return !(rest.starts_with(";q=0") && !rest.starts_with(";q=0."));
}

bool MaybeGzip(Response& r, std::string_view accept_encoding) {
  if (r.body.size() < kCompressMinBytes || !IsText(r.content_type) ||
      HasHeader(r, "Content-Encoding")) {
    return false;
  }
  if (!HasHeader(r, "Vary")) r.Header("Vary", "Accept-Encoding");
  if (!AcceptsEncoding(accept_encoding, "gzip")) return false;
  if (r.body.size() > UINT32_MAX) return false;  // zlib's counters; no response is this big
  std::string packed;
  const int level = r.body.size() > kFastLevelAbove ? 1 : Z_DEFAULT_COMPRESSION;
  if (!Gzip(r.body, level, packed) || packed.size() >= r.body.size()) return false;
  r.body = std::move(packed);
  r.Header("Content-Encoding", "gzip");
  return true;
}

}  // namespace kc::http
