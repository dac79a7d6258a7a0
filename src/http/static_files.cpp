#include "http/static_files.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "http/compression.h"

namespace kc::http {

namespace fs = std::filesystem;

std::string_view ContentTypeFor(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".wasm", "application/wasm"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (name.size() > ext.size() && name.ends_with(ext)) return type;
  }
  return "application/octet-stream";
}

namespace {

struct FileInfo {
  fs::path path;
  off_t size = 0;
  int64_t mtime_ns = 0;
};

std::optional<FileInfo> Stat(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileInfo{p, st.st_size,
                  static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

bool ReadFile(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = std::move(ss).str();
  return true;
}

Response NotFoundResponse(bool english) {
  return ErrorResponse(Error(ErrorCode::kNotFound, {"Berkas tidak ditemukan.", "File not found."}),
                       english);
}

}  // namespace

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {}

bool StaticFiles::available() const { return Stat(root_ / "index.html").has_value(); }

Response StaticFiles::Serve(const Request& req) const {
  // Only plain segments: no "..", no empty or hidden names, no backslashes.
  std::string_view path = req.path;
  fs::path rel;
  bool is_asset = path.starts_with("/assets/");
  size_t i = 1;
  while (i <= path.size()) {
    const size_t slash = path.find('/', i);
    const size_t end = slash == std::string_view::npos ? path.size() : slash;
    const std::string_view seg = path.substr(i, end - i);
    if (!seg.empty()) {
      if (seg[0] == '.' || seg.find('\\') != std::string_view::npos ||
          seg.find('%') != std::string_view::npos) {
        return NotFoundResponse(req.english);
      }
      rel /= std::string(seg);
    }
    i = end + 1;
  }
  std::optional<FileInfo> file = rel.empty() ? std::nullopt : Stat(root_ / rel);
  std::string name = rel.filename().string();
  if (!file) {
    // A missing asset is a real 404; any other path is a client-side route of the app.
    // A name with a file type we serve ("app.js", "logo.png") is a missing file; other names
    // ("/r/71.71") are client-side routes that may contain dots.
    if (is_asset || ContentTypeFor(name) != "application/octet-stream") {
      return NotFoundResponse(req.english);
    }
    file = Stat(root_ / "index.html");
    name = "index.html";
    is_asset = false;
    if (!file) return NotFoundResponse(req.english);
  }
  Response r;
  r.content_type = std::string(ContentTypeFor(name));
  r.Header("Cache-Control", is_asset ? "public, max-age=31536000, immutable" : "no-cache");
  const std::string_view accept = req.Header("accept-encoding");
  FileInfo chosen = *file;
  std::string encoding;
  for (const char* coding : {"br", "gzip"}) {
    if (!AcceptsEncoding(accept, coding)) continue;
    const std::string ext = std::string(coding) == "br" ? ".br" : ".gz";
    if (auto variant = Stat(fs::path(file->path.string() + ext))) {
      chosen = *variant;
      encoding = coding;
      break;
    }
  }
  std::ostringstream etag;
  etag << "\"" << std::hex << file->size << "-" << file->mtime_ns << (encoding.empty() ? "" : "-")
       << encoding << "\"";
  r.Header("ETag", etag.str());
  r.Header("Vary", "Accept-Encoding");
  if (req.Header("if-none-match") == etag.str()) {
    r.status = 304;
    return r;
  }
  if (!ReadFile(chosen.path, r.body)) return NotFoundResponse(req.english);
  if (!encoding.empty()) r.Header("Content-Encoding", encoding);
  return r;
}

}  // namespace kc::http
