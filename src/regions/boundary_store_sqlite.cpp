// Boundary geometries on SQLite (part of SqliteRegionStore).
#include "core/time.h"
#include "regions/region_store_sqlite.h"

namespace kc::regions {
namespace {

using store::Connection;

Error UnknownCode(const std::string& code) {
  return Error(ErrorCode::kConflict,
               {"Kode " + code + " tidak ada dalam data wilayah.",
                "Code " + code + " is not in the area hierarchy."},
               "unknown_area");
}

// Inserts or replaces one boundary; `replaced` tells which happened.
Status UpsertOne(Connection& conn, const BoundaryRecord& r, const std::string& now,
                 bool& replaced) {
  KC_ASSIGN_OR_RETURN(auto known, conn.Prepare("SELECT 1 FROM areas WHERE code = ?1"));
  KC_ASSIGN_OR_RETURN(bool exists, known.Bind(1, r.code).Step());
  if (!exists) return UnknownCode(r.code);
  KC_ASSIGN_OR_RETURN(auto old, conn.Prepare("SELECT 1 FROM boundaries WHERE code = ?1"));
  KC_ASSIGN_OR_RETURN(replaced, old.Bind(1, r.code).Step());
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT OR REPLACE INTO boundaries (code, level, name, wkb, min_lon, min_lat, max_lon, "
      "max_lat, repaired, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  st.Bind(1, r.code).Bind(2, LevelName(r.level)).Bind(3, r.name).BindBlob(4, r.wkb);
  st.Bind(5, r.bbox.min_lon).Bind(6, r.bbox.min_lat).Bind(7, r.bbox.max_lon);
  st.Bind(8, r.bbox.max_lat).Bind(9, r.repaired ? 1 : 0).Bind(10, now);
  return st.Run();
}

}  // namespace

Result<BoundaryWriteCounts> SqliteRegionStore::UpsertBoundaries(
    std::vector<BoundaryRecord> records) {
  BoundaryWriteCounts counts;
  const std::string now = FormatUtc(NowUtc());
  Status st = db_.WriteSync([&](Connection& conn) -> Status {
    counts = {};
    for (const BoundaryRecord& r : records) {
      bool replaced = false;
      KC_RETURN_IF_ERROR(UpsertOne(conn, r, now, replaced));
      ++(replaced ? counts.replaced : counts.inserted);
    }
    return conn.Exec("UPDATE boundary_state SET version = version + 1");
  });
  if (!st.ok()) return std::move(st).error();
  return counts;
}

Result<std::vector<BoundaryRecord>> SqliteRegionStore::LoadBoundaries(
    std::optional<AreaLevel> level, std::string_view code_prefix) {
  const std::string lo(code_prefix);
  const std::string hi = code_prefix.empty() ? std::string("\x7f") : lo + "\x7f";
  return db_.Read([&](Connection& conn) -> Result<std::vector<BoundaryRecord>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT b.code, coalesce(a.name, b.name), b.level, b.wkb, b.min_lon, b.min_lat, "
        "b.max_lon, b.max_lat, b.repaired FROM boundaries b LEFT JOIN areas a ON a.code = b.code "
        "WHERE (?1 IS NULL OR b.level = ?1) AND b.code >= ?2 AND b.code < ?3 ORDER BY b.code"));
    if (level) {
      st.Bind(1, LevelName(*level));
    } else {
      st.Bind(1, nullptr);
    }
    st.Bind(2, lo).Bind(3, hi);
    std::vector<BoundaryRecord> out;
    while (true) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return out;
      out.push_back({.code = st.String(0),
                     .name = st.String(1),
                     .level = ParseLevel(st.Text(2)).value_or(AreaLevel::kKecamatan),
                     .wkb = std::string(st.Blob(3)),
                     .bbox = {st.Double(4), st.Double(5), st.Double(6), st.Double(7)},
                     .repaired = st.Int(8) != 0});
    }
  });
}

Result<int64_t> SqliteRegionStore::CountBoundaries(AreaLevel level, std::string_view code_prefix) {
  const std::string lo(code_prefix);
  const std::string hi = lo + "\x7f";
  return db_.Read([&](Connection& conn) -> Result<int64_t> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT count(*) FROM boundaries WHERE level = ?1 AND code >= ?2 AND code < ?3"));
    st.Bind(1, LevelName(level)).Bind(2, lo).Bind(3, hi);
    KC_RETURN_IF_ERROR(st.Step());
    return st.Int(0);
  });
}

Result<int64_t> SqliteRegionStore::BoundaryVersion() {
  return db_.Read([](Connection& conn) -> Result<int64_t> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT version FROM boundary_state WHERE id = 1"));
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    return row ? st.Int(0) : int64_t{0};
  });
}

}  // namespace kc::regions
