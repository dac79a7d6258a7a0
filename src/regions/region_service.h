// The regions service: imports the hierarchy, creates regions (tenants) by the rules of
// region.h, and answers profile and area-tree reads. Routes and CLI commands are thin adapters
// over it. Thread-safe: holds no state besides the store reference.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "regions/region_store.h"

namespace kc::regions {

struct AddRegionRequest {
  std::string code;                     // kab/kota code, e.g. "71.71" (undotted "7171" accepted)
  std::optional<std::string> slug;      // default: derived from the name (DefaultSlug)
  std::optional<std::string> timezone;  // "WIB"/"WITA"/"WIT"; default: from the province
};

// A region with what the profile page shows.
struct RegionProfile {
  Region region;
  Area province;
  int64_t kecamatan = 0;  // in the hierarchy
  int64_t kelurahan = 0;  // kelurahan and desa, in the hierarchy
  bool kecamatan_boundaries = false;
  bool kelurahan_boundaries = false;
};

// One kecamatan and its kelurahan/desa, both ordered by code.
struct KecamatanNode {
  Area kecamatan;
  std::vector<Area> kelurahan;
};

class RegionService {
 public:
  explicit RegionService(RegionStore& store) : store_(store) {}

  // Reads the idn-area-data CSVs of `dir` (area_source.h) and replaces the stored hierarchy.
  // Returns the counts per level. Errors: as ReadAreaSource and RegionStore::ReplaceAreas.
  Result<AreaCounts> ImportAreas(const std::filesystem::path& dir);

  // Creates a region. Errors, all bilingual: kInvalidArgument
  // "areas_not_imported" when the hierarchy is empty; kNotFound "unknown_area" for a code not in
  // the hierarchy; kInvalidArgument "not_kabkota" for a code of another level (or malformed);
  // kConflict "region_exists"; kInvalidArgument "invalid_timezone" / "invalid_slug";
  // kConflict "slug_taken" (also when no default slug is free: pass --slug).
  Result<Region> AddRegion(const AddRegionRequest& request);

  Result<std::vector<Region>> ListRegions() { return store_.ListRegions(); }
  // By code or slug. Errors: kNotFound "region_not_found".
  Result<Region> FindRegion(std::string_view code_or_slug);
  Result<RegionProfile> Profile(std::string_view code_or_slug);
  // The kecamatan -> kelurahan/desa tree of a region, from the hierarchy.
  Result<std::vector<KecamatanNode>> AreaTree(const Region& region);

 private:
  Result<std::string> ChooseSlug(const Area& kabkota, const std::optional<std::string>& wanted);
  RegionStore& store_;
};

// The kNotFound error for an unknown region code or slug.
Error RegionNotFound(std::string_view code_or_slug);

}  // namespace kc::regions
