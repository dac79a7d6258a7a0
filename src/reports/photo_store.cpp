#include "reports/photo_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

namespace kc::reports {
namespace {

namespace fs = std::filesystem;

Error DiskError(const fs::path& path, const std::string& what) {
  spdlog::error("photo store: {} {}: {}", what, path.string(), std::strerror(errno));
  return Error(ErrorCode::kUnavailable,
               {"Foto tidak dapat disimpan (penyimpanan bermasalah); coba lagi nanti.",
                "The photo cannot be stored (storage problem); try again later."},
               "storage_unavailable");
}

// fsync of a directory makes the names created or removed in it durable.
bool SyncDir(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Creates `dir` (and its parents); fsyncs the parent of each directory it created.
bool EnsureDir(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return true;
  if (!EnsureDir(dir.parent_path())) return false;
  if (!fs::create_directory(dir, ec) && !fs::is_directory(dir)) return false;
  return SyncDir(dir.parent_path());
}

bool IsHex(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

std::optional<MediaName> ParseMediaName(std::string_view name) {
  if (!name.ends_with(".jpg")) return std::nullopt;
  name.remove_suffix(4);
  MediaName out;
  if (name.ends_with("_t")) {
    out.thumb = true;
    name.remove_suffix(2);
  }
  if (name.size() != 64 || !IsHex(name)) return std::nullopt;
  out.sha256 = std::string(name);
  return out;
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

fs::path PhotoStore::PathOf(const std::string& sha256, bool thumb) const {
  return dir_ / sha256.substr(0, 2) / (sha256 + (thumb ? "_t.jpg" : ".jpg"));
}

std::optional<fs::path> PhotoStore::PathOf(std::string_view name) const {
  auto parsed = ParseMediaName(name);
  if (!parsed) return std::nullopt;
  return PathOf(parsed->sha256, parsed->thumb);
}

Status PhotoStore::WriteDurably(const fs::path& path, std::string_view bytes) {
  const fs::path dir = path.parent_path();
  if (!EnsureDir(dir)) return DiskError(dir, "create directory");
  std::error_code ec;
  if (fs::exists(path, ec)) {
    // Same content, already renamed into place by an earlier upload; its directory entry may
    // still be unsynced if that upload is in flight, so sync it for this report too.
    if (!SyncDir(dir)) return DiskError(dir, "fsync directory");
    return Ok();
  }
  static std::atomic<uint64_t> counter{0};
  const fs::path temp =
      dir / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()) + "-" +
             std::to_string(counter.fetch_add(1)));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return DiskError(temp, "create");
  const bool written = WriteAll(fd, bytes) && ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed || ::rename(temp.c_str(), path.c_str()) != 0) {
    Error e = DiskError(temp, "write");
    ::unlink(temp.c_str());
    return e;
  }
  if (!SyncDir(dir)) return DiskError(dir, "fsync directory");
  return Ok();
}

Result<ReportPhoto> PhotoStore::Put(const ProcessedPhoto& photo) {
  ReportPhoto ref{.sha256 = Sha256Hex(photo.display.jpeg),
                  .width = photo.display.width,
                  .height = photo.display.height,
                  .bytes = static_cast<int64_t>(photo.display.jpeg.size())};
  {
    std::lock_guard lock(mu_);
    ++pins_[ref.sha256];
  }
  Status st = WriteDurably(PathOf(ref.sha256, false), photo.display.jpeg);
  if (st.ok()) st = WriteDurably(PathOf(ref.sha256, true), photo.thumb.jpeg);
  if (!st.ok()) {
    // A half-written pair is left for the sweep: without a row it is never served.
    Release(ref.sha256, false, {});
    return std::move(st).error();
  }
  return ref;
}

void PhotoStore::Release(const std::string& sha256, bool check_unused,
                         const std::function<bool(const std::string&)>& referenced) {
  // The lock spans the check and the removal, so a Put of the same photo either pins it first
  // (and the files stay) or runs after the removal (and writes them again).
  std::lock_guard lock(mu_);
  auto it = pins_.find(sha256);
  if (it != pins_.end() && --it->second == 0) pins_.erase(it);
  if (!check_unused || pins_.contains(sha256) || !referenced || referenced(sha256)) return;
  std::error_code ec;
  fs::remove(PathOf(sha256, false), ec);
  fs::remove(PathOf(sha256, true), ec);
  SyncDir(PathOf(sha256, false).parent_path());
  spdlog::info("photo store: removed unreferenced photo {}", sha256);
}

}  // namespace kc::reports
