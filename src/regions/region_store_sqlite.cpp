// Hierarchy and regions on SQLite. Boundaries: boundary_store_sqlite.cpp; OPDs: opd_store_sqlite.cpp.
#include "regions/region_store_sqlite.h"

#include <future>

#include "core/time.h"

namespace kc::regions {
namespace {

using store::Connection;
using store::Statement;

Area AreaFromRow(const Statement& st) {
  return {.code = st.String(0),
          .name = st.String(1),
          .parent_code = st.String(2),
          .level = ParseLevel(st.Text(3)).value_or(AreaLevel::kProvinsi)};
}

Region RegionFromRow(const Statement& st) {
  return {.code = st.String(0),
          .slug = st.String(1),
          .name = st.String(2),
          .type = ParseRegionType(st.Text(3)).value_or(RegionType::kKota),
          .timezone = ParseTimeZone(st.Text(4)).value_or(TimeZone::kWib),
          .created_at = st.String(5)};
}

Result<std::vector<Area>> QueryAreas(Connection& conn, std::string_view sql,
                                     std::string_view param) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(sql));
  st.Bind(1, param);
  std::vector<Area> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back(AreaFromRow(st));
  }
}

Result<AreaCounts> Count(Connection& conn) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT level, count(*) FROM areas GROUP BY level"));
  AreaCounts counts;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return counts;
    switch (ParseLevel(st.Text(0)).value_or(AreaLevel::kProvinsi)) {
      case AreaLevel::kProvinsi: counts.provinsi = st.Int(1); break;
      case AreaLevel::kKabKota: counts.kabkota = st.Int(1); break;
      case AreaLevel::kKecamatan: counts.kecamatan = st.Int(1); break;
      case AreaLevel::kKelurahan: counts.kelurahan = st.Int(1); break;
    }
  }
}

Status UpsertAreas(Connection& conn, const std::vector<Area>& areas, int64_t import_id) {
  constexpr std::string_view kSql =
      "INSERT INTO areas (code, level, parent_code, name, import_id) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (code) DO UPDATE SET level = excluded.level, parent_code = excluded.parent_code, "
      "name = excluded.name, import_id = excluded.import_id";
  for (const Area& a : areas) {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(kSql));
    st.Bind(1, a.code).Bind(2, LevelName(a.level)).Bind(4, a.name).Bind(5, import_id);
    if (a.parent_code.empty()) {
      st.Bind(3, nullptr);
    } else {
      st.Bind(3, a.parent_code);
    }
    KC_RETURN_IF_ERROR(st.Run());
  }
  return Ok();
}

// Refuses to drop a code that a region still uses: the region would lose its name and areas.
Status CheckRegionsKept(Connection& conn, int64_t import_id) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "SELECT r.code FROM regions r JOIN areas a ON a.code = r.code WHERE a.import_id != ?1"));
  st.Bind(1, import_id);
  KC_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Ok();
  const std::string code = st.String(0);
  return Error(ErrorCode::kConflict,
               {"Data wilayah baru tidak memuat kode " + code +
                    ", padahal kode itu dipakai oleh sebuah region; impor dibatalkan.",
                "The new area data lacks code " + code +
                    ", which a region uses; the import was cancelled."},
               "region_code_removed");
}

}  // namespace

Result<AreaCounts> SqliteRegionStore::ReplaceAreas(const std::vector<Area>& areas) {
  AreaCounts counts;
  Status st = db_.WriteSync([&](Connection& conn) -> Status {
    KC_ASSIGN_OR_RETURN(auto next, conn.Prepare("SELECT coalesce(max(import_id), 0) + 1 FROM areas"));
    KC_RETURN_IF_ERROR(next.Step());
    const int64_t import_id = next.Int(0);
    KC_RETURN_IF_ERROR(UpsertAreas(conn, areas, import_id));
    KC_RETURN_IF_ERROR(CheckRegionsKept(conn, import_id));
    KC_ASSIGN_OR_RETURN(auto del, conn.Prepare("DELETE FROM areas WHERE import_id != ?1"));
    KC_RETURN_IF_ERROR(del.Bind(1, import_id).Run());
    KC_RETURN_IF_ERROR(conn.Exec("UPDATE boundary_state SET version = version + 1"));
    KC_ASSIGN_OR_RETURN(counts, Count(conn));
    return Ok();
  });
  if (!st.ok()) return std::move(st).error();
  return counts;
}

Result<AreaCounts> SqliteRegionStore::CountAreas() {
  return db_.Read([](Connection& conn) { return Count(conn); });
}

Result<std::optional<Area>> SqliteRegionStore::FindArea(std::string_view code) {
  return db_.Read([&](Connection& conn) -> Result<std::optional<Area>> {
    KC_ASSIGN_OR_RETURN(auto areas, QueryAreas(conn,
        "SELECT code, name, coalesce(parent_code, ''), level FROM areas WHERE code = ?1", code));
    if (areas.empty()) return std::optional<Area>();
    return std::optional<Area>(std::move(areas.front()));
  });
}

Result<std::vector<Area>> SqliteRegionStore::AreasAtLevel(AreaLevel level) {
  return db_.Read([&](Connection& conn) {
    return QueryAreas(conn,
        "SELECT code, name, coalesce(parent_code, ''), level FROM areas WHERE level = ?1 "
        "ORDER BY code", LevelName(level));
  });
}

Result<std::vector<Area>> SqliteRegionStore::AreasUnder(std::string_view kabkota_code) {
  // Codes below "71.71" sort between "71.71." and "71.71/" ('/' follows '.').
  const std::string lo = std::string(kabkota_code) + ".";
  const std::string hi = std::string(kabkota_code) + "/";
  return db_.Read([&](Connection& conn) -> Result<std::vector<Area>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT code, name, coalesce(parent_code, ''), level FROM areas "
        "WHERE code >= ?1 AND code < ?2 ORDER BY code"));
    st.Bind(1, lo).Bind(2, hi);
    std::vector<Area> out;
    while (true) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return out;
      out.push_back(AreaFromRow(st));
    }
  });
}

Result<std::vector<bool>> SqliteRegionStore::AreasExist(std::span<const std::string> codes,
                                                        AreaLevel level) {
  return db_.Read([&](Connection& conn) -> Result<std::vector<bool>> {
    std::vector<bool> out;
    out.reserve(codes.size());
    for (const std::string& code : codes) {
      KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
          "SELECT 1 FROM areas WHERE code = ?1 AND level = ?2"));
      st.Bind(1, code).Bind(2, LevelName(level));
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      out.push_back(row);
    }
    return out;
  });
}

Status SqliteRegionStore::InsertRegion(const Region& region) {
  const std::string now = FormatUtc(NowUtc());
  return db_.WriteSync([&](Connection& conn) -> Status {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "INSERT INTO regions (code, slug, name, type, timezone, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    st.Bind(1, region.code).Bind(2, region.slug).Bind(3, region.name)
        .Bind(4, RegionTypeName(region.type)).Bind(5, TimeZoneName(region.timezone))
        .Bind(6, region.created_at.empty() ? now : region.created_at);
    KC_RETURN_IF_ERROR(st.Run());
    // A new region gets its own lookup index: running servers notice the version change.
    return conn.Exec("UPDATE boundary_state SET version = version + 1");
  });
}

Result<std::vector<Region>> SqliteRegionStore::ListRegions() {
  return db_.Read([](Connection& conn) -> Result<std::vector<Region>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT code, slug, name, type, timezone, created_at FROM regions ORDER BY code"));
    std::vector<Region> out;
    while (true) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return out;
      out.push_back(RegionFromRow(st));
    }
  });
}

Result<std::optional<Region>> SqliteRegionStore::FindRegion(std::string_view code_or_slug) {
  return db_.Read([&](Connection& conn) -> Result<std::optional<Region>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT code, slug, name, type, timezone, created_at FROM regions "
        "WHERE code = ?1 OR slug = ?1"));
    st.Bind(1, code_or_slug);
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return std::optional<Region>();
    return std::optional<Region>(RegionFromRow(st));
  });
}

Result<Opd> InsertOpdSync(RegionStore& store, Opd opd) {
  std::promise<Result<Opd>> promise;
  auto future = promise.get_future();
  store.InsertOpd(std::move(opd), [&promise](Result<Opd> r) { promise.set_value(std::move(r)); });
  return future.get();
}

}  // namespace kc::regions
