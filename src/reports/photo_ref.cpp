#include "reports/photo_ref.h"

namespace kc::reports {

std::string_view PhotoKindName(PhotoKind kind) {
  return kind == PhotoKind::kResolution ? "resolution" : "report";
}

std::optional<PhotoKind> ParsePhotoKind(std::string_view name) {
  if (name == "report") return PhotoKind::kReport;
  if (name == "resolution") return PhotoKind::kResolution;
  return std::nullopt;
}

std::string PhotoUrl(std::string_view sha256) { return "/media/" + std::string(sha256) + ".jpg"; }

std::string ThumbUrl(std::string_view sha256) { return "/media/" + std::string(sha256) + "_t.jpg"; }

}  // namespace kc::reports
