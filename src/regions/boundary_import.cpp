#include "regions/boundary_import.h"

#include "geo/wkb.h"

namespace kc::regions {
namespace {

Error FeatureError(const geo::BoundaryFeature& f, std::string slug, const std::string& id,
                   const std::string& en) {
  const std::string where = "Fitur " + std::to_string(f.index) + " (kode " + f.code + "): ";
  const std::string where_en = "Feature " + std::to_string(f.index) + " (code " + f.code + "): ";
  Error e(ErrorCode::kInvalidArgument, {where + id, where_en + en}, std::move(slug));
  e.With("features[" + std::to_string(f.index) + "].properties.code", {id, en});
  return e;
}

// Every code must be at `level` and present in the hierarchy at that level.
Status CheckCodes(RegionStore& store, const std::vector<geo::BoundaryFeature>& features,
                  AreaLevel level) {
  const std::string level_name(LevelName(level));
  std::vector<std::string> codes;
  codes.reserve(features.size());
  for (const auto& f : features) {
    if (LevelOfCode(f.code) != level) {
      return FeatureError(f, "wrong_level", "bukan kode tingkat " + level_name,
                          "not a " + level_name + " code");
    }
    codes.push_back(f.code);
  }
  KC_ASSIGN_OR_RETURN(auto exists, store.AreasExist(codes, level));
  for (size_t i = 0; i < features.size(); ++i) {
    if (!exists[i]) {
      return FeatureError(features[i], "unknown_area",
                          "kode tidak ada dalam data wilayah tingkat " + level_name,
                          "code not in the area hierarchy at level " + level_name);
    }
  }
  return Ok();
}

}  // namespace

bool IsBoundaryLevel(AreaLevel level) {
  return level == AreaLevel::kKabKota || level == AreaLevel::kKecamatan ||
         level == AreaLevel::kKelurahan;
}

Result<BoundaryImportResult> ImportBoundaries(RegionStore& store,
                                              const std::vector<geo::BoundaryFeature>& features,
                                              AreaLevel level, const ImportProgress& progress) {
  KC_ASSIGN_OR_RETURN(auto counts, store.CountAreas());
  if (counts.total() == 0) {
    return Error(ErrorCode::kInvalidArgument,
                 {"Data wilayah belum diimpor; jalankan `kotacerdas areas import` dahulu.",
                  "The area hierarchy is not imported; run `kotacerdas areas import` first."},
                 "areas_not_imported");
  }
  KC_RETURN_IF_ERROR(CheckCodes(store, features, level));
  BoundaryImportResult result{.features = features.size()};
  std::vector<BoundaryRecord> records;
  records.reserve(features.size());
  for (const auto& f : features) {
    auto wkb = geo::EncodeWkb(*f.geometry);
    if (!wkb.ok()) {
      return FeatureError(f, "invalid_geometry", "geometri tidak dapat disimpan",
                          "the geometry cannot be stored");
    }
    records.push_back({.code = f.code, .name = f.name, .level = level,
                       .wkb = std::move(wkb).value(), .bbox = f.bbox, .repaired = f.repaired});
    if (f.repaired) result.repairs.push_back(f.code + " " + f.name + ": " + f.repair_note);
    if (progress) progress(records.size(), features.size());
  }
  KC_ASSIGN_OR_RETURN(auto written, store.UpsertBoundaries(std::move(records)));
  result.inserted = written.inserted;
  result.replaced = written.replaced;
  return result;
}

Result<BoundaryImportResult> ImportBoundaryFile(RegionStore& store, const std::string& path,
                                                AreaLevel level, const ImportProgress& progress,
                                                const geo::GeoJsonReadOptions& options) {
  if (!IsBoundaryLevel(level)) {
    return InvalidArgument({"Tingkat batas wilayah harus kabkota, kecamatan atau kelurahan.",
                            "The boundary level must be kabkota, kecamatan or kelurahan."});
  }
  KC_ASSIGN_OR_RETURN(auto features, geo::ReadBoundariesFile(path, options));
  return ImportBoundaries(store, features, level, progress);
}

}  // namespace kc::regions
