// Content-addressed photo files under <data dir>/media: the display JPEG at
// media/ab/<sha256>.jpg and its thumbnail at media/ab/<sha256>_t.jpg, where sha256 (hex) is
// the hash of the display JPEG and "ab" its first two characters. Identical photos share one
// pair of files.
//
// Durability: Put writes each file to a temporary name, fsyncs it, renames it into place and
// fsyncs the directory, so a photo referenced by an acknowledged report survives a crash.
// Files are written before the report's database commit; a photo whose commit fails is removed
// by Release unless another report references it or another upload of it is in flight (pins).
//
// Thread-safety: every method may be called from any thread.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "reports/photo.h"
#include "reports/photo_ref.h"

namespace kc::reports {

// A media file name as served under /media/: "<64 hex>.jpg" or "<64 hex>_t.jpg", lowercase.
struct MediaName {
  std::string sha256;
  bool thumb = false;
};
// nullopt for anything else (so no path can be built from a hostile name).
std::optional<MediaName> ParseMediaName(std::string_view name);

// Lowercase hex SHA-256 (libsodium) of `bytes`.
std::string Sha256Hex(std::string_view bytes);

class PhotoStore {
 public:
  // `media_dir` is <data dir>/media; created on first Put.
  explicit PhotoStore(std::filesystem::path media_dir) : dir_(std::move(media_dir)) {}

  // Stores both files of `photo` durably (or finds them already stored) and pins the hash
  // until Release. Returns the reference for the report_photos row (kind kReport).
  // Errors: kUnavailable "storage_unavailable" when the disk refuses (full, read-only).
  Result<ReportPhoto> Put(const ProcessedPhoto& photo);

  // Unpins `sha256`. With `check_unused`, removes its files when no pin remains and
  // `referenced(sha256)` is false (a database read: does any row name it?). Use it after a
  // failed commit; after a successful one pass check_unused = false.
  void Release(const std::string& sha256, bool check_unused,
               const std::function<bool(const std::string&)>& referenced);

  // The path of a media file; nullopt for an invalid name. The file may not exist.
  std::optional<std::filesystem::path> PathOf(std::string_view name) const;
  std::filesystem::path PathOf(const std::string& sha256, bool thumb) const;

  const std::filesystem::path& dir() const { return dir_; }

 private:
  Status WriteDurably(const std::filesystem::path& path, std::string_view bytes);

  const std::filesystem::path dir_;
  std::mutex mu_;
  std::map<std::string, int, std::less<>> pins_;  // guarded by mu_: uploads in flight per hash
};

}  // namespace kc::reports
