// RegionStore on the embedded SQLite database (store::Database). Schema: migrations/0002_regions.sql.
#pragma once

#include "regions/region_store.h"
#include "store/database.h"

namespace kc::regions {

// Borrows `db`, which must outlive the store. Thread-safe as RegionStore says.
class SqliteRegionStore final : public RegionStore {
 public:
  explicit SqliteRegionStore(store::Database& db) : db_(db) {}

  Result<AreaCounts> ReplaceAreas(const std::vector<Area>& areas) override;
  Result<AreaCounts> CountAreas() override;
  Result<std::optional<Area>> FindArea(std::string_view code) override;
  Result<std::vector<Area>> AreasAtLevel(AreaLevel level) override;
  Result<std::vector<Area>> AreasUnder(std::string_view kabkota_code) override;
  Result<std::vector<bool>> AreasExist(std::span<const std::string> codes,
                                       AreaLevel level) override;

  Status InsertRegion(const Region& region) override;
  Result<std::vector<Region>> ListRegions() override;
  Result<std::optional<Region>> FindRegion(std::string_view code_or_slug) override;

  Result<BoundaryWriteCounts> UpsertBoundaries(std::vector<BoundaryRecord> records) override;
  Result<std::vector<BoundaryRecord>> LoadBoundaries(std::optional<AreaLevel> level,
                                                     std::string_view code_prefix) override;
  Result<int64_t> CountBoundaries(AreaLevel level, std::string_view code_prefix) override;
  Result<int64_t> BoundaryVersion() override;

  Result<std::vector<Opd>> ListOpds(std::string_view region_code) override;
  void InsertOpd(Opd opd, OpdDone done) override;
  void UpdateOpd(std::string region_code, int64_t id, OpdPatch patch, OpdDone done) override;

 private:
  store::Database& db_;
};

}  // namespace kc::regions
