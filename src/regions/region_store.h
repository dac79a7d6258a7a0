// Storage contract of the regions module: the shared administrative hierarchy, regions, boundary
// geometries and OPDs. The SQLite implementation is region_store_sqlite.h; a PostgreSQL one can
// follow behind the same interface and contract tests.
//
// Thread-safety: every method may be called from any thread. Reads run on pooled connections;
// writes go through the database's single writer (group commit) and are durable when they return
// (sync methods) or when `done` runs (async methods; `done` runs on the
// store's completion thread).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "geo/boundary.h"
#include "regions/area.h"
#include "regions/opd.h"
#include "regions/region.h"

namespace kc::regions {

// Number of areas per level.
struct AreaCounts {
  int64_t provinsi = 0;
  int64_t kabkota = 0;
  int64_t kecamatan = 0;
  int64_t kelurahan = 0;
  int64_t total() const { return provinsi + kabkota + kecamatan + kelurahan; }
};

// One stored boundary: a geometry as WKB (WGS84) with its bounding box.
struct BoundaryRecord {
  std::string code;
  std::string name;  // when loaded: the hierarchy's name (the file's name is kept as a fallback)
  AreaLevel level = AreaLevel::kKecamatan;
  std::string wkb;
  geo::BBox bbox;
  bool repaired = false;
};

struct BoundaryWriteCounts {
  int64_t inserted = 0;
  int64_t replaced = 0;
};

using OpdDone = std::function<void(Result<Opd>)>;

class RegionStore {
 public:
  virtual ~RegionStore() = default;

  // --- hierarchy ---
  // Replaces the whole hierarchy in one transaction: inserts or updates every area and deletes
  // stored areas absent from `areas` (their boundaries go with them). Parents must precede
  // children in `areas`. Errors: kConflict if a region still uses a deleted code; storage errors.
  virtual Result<AreaCounts> ReplaceAreas(const std::vector<Area>& areas) = 0;
  virtual Result<AreaCounts> CountAreas() = 0;
  virtual Result<std::optional<Area>> FindArea(std::string_view code) = 0;
  // All areas of one level, ordered by code.
  virtual Result<std::vector<Area>> AreasAtLevel(AreaLevel level) = 0;
  // Every kecamatan and kelurahan/desa below a kab/kota, ordered by code (parents first).
  virtual Result<std::vector<Area>> AreasUnder(std::string_view kabkota_code) = 0;
  // For each code, whether an area with that code exists at `level`.
  virtual Result<std::vector<bool>> AreasExist(std::span<const std::string> codes,
                                               AreaLevel level) = 0;

  // --- regions ---
  // Also bumps the boundary version. Errors: kConflict when the code or the slug is taken.
  virtual Status InsertRegion(const Region& region) = 0;
  // Ordered by code.
  virtual Result<std::vector<Region>> ListRegions() = 0;
  // By code ("71.71") or slug ("manado"); nullopt when neither matches.
  virtual Result<std::optional<Region>> FindRegion(std::string_view code_or_slug) = 0;

  // --- boundaries ---
  // Inserts or replaces the boundaries by code, in one transaction, and bumps the boundary
  // version. All or nothing. Errors: kConflict if a code is not in the hierarchy.
  virtual Result<BoundaryWriteCounts> UpsertBoundaries(std::vector<BoundaryRecord> records) = 0;
  // Boundaries of `level` (all levels when nullopt) whose code starts with `code_prefix` (all when
  // empty; use "71.71." to select a region's), ordered by code.
  virtual Result<std::vector<BoundaryRecord>> LoadBoundaries(std::optional<AreaLevel> level,
                                                             std::string_view code_prefix) = 0;
  // Number of stored boundaries of `level` below `code_prefix`.
  virtual Result<int64_t> CountBoundaries(AreaLevel level, std::string_view code_prefix) = 0;
  // A counter that changes with every boundary write, hierarchy import and new region (so a
  // server notices imports by another process and rebuilds its lookup indexes).
  virtual Result<int64_t> BoundaryVersion() = 0;

  // --- OPDs ---
  // A region's OPDs ordered by type, then name.
  virtual Result<std::vector<Opd>> ListOpds(std::string_view region_code) = 0;
  // Inserts `opd` (id and timestamps are assigned). done: the stored OPD; kConflict (slug
  // "duplicate_opd") when the region already has that short name; kNotFound for an unknown region.
  virtual void InsertOpd(Opd opd, OpdDone done) = 0;
  // Applies `patch` to OPD `id` of `region_code`. done: the updated OPD; kNotFound when the region
  // has no such OPD; kConflict as above.
  virtual void UpdateOpd(std::string region_code, int64_t id, OpdPatch patch, OpdDone done) = 0;
};

// Inserts synchronously (CLI, demo and tests; not for request handlers).
Result<Opd> InsertOpdSync(RegionStore& store, Opd opd);

}  // namespace kc::regions
