// The photos of a report as stored and shown: references to content-addressed JPEG files under
// the data directory (photo_store.h), never the bytes. Pure types; no image library here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kc::reports {

// Who took a photo: the reporter ("report") or the officer who resolved it ("resolution").
enum class PhotoKind { kReport, kResolution };
std::string_view PhotoKindName(PhotoKind kind);
std::optional<PhotoKind> ParsePhotoKind(std::string_view name);

struct ReportPhoto {
  std::string sha256;  // hex SHA-256 of the display JPEG: names both files
  int width = 0;       // of the display JPEG
  int height = 0;
  int64_t bytes = 0;  // size of the display JPEG
  PhotoKind kind = PhotoKind::kReport;
};

// What a report shows besides its text: stored photos (report photos first, each kind in upload
// order) and, for an Open311 submission, the external media_url its client gave.
struct ReportMedia {
  std::vector<ReportPhoto> photos;
  std::optional<std::string> media_url;
};

// "/media/<sha>.jpg" and "/media/<sha>_t.jpg": the public paths of a photo's two files.
std::string PhotoUrl(std::string_view sha256);
std::string ThumbUrl(std::string_view sha256);

}  // namespace kc::reports
