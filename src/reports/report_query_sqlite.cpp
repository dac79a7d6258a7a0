// Filtered report lists on SQLite (part of SqliteReportStore). The SQL is assembled from the
// filter's set fields only, every value bound as a parameter, so SQLite can use the matching
// (region_code, <field>, id) index; pages go by id (keyset), never OFFSET.
#include <variant>

#include "reports/grid_cell.h"
#include "reports/report_row_sqlite.h"
#include "reports/report_store_sqlite.h"

namespace kc::reports {
namespace {

using Param = std::variant<std::string, int64_t, double>;

struct Query {
  std::string sql;
  std::vector<Param> params;

  void Where(std::string_view clause, Param p) {
    params.push_back(std::move(p));
    sql += " AND ";
    // Each clause has one '?' that becomes the next numbered parameter.
    for (char c : clause) {
      if (c == '?') {
        sql += "?" + std::to_string(params.size());
      } else {
        sql += c;
      }
    }
  }
};

// The columns of the map feed (ReportPoint).
constexpr std::string_view kPointColumns = "id, tracking, lat, lon, status, category_code";

Query BuildQuery(const ReportFilter& f, std::string_view columns) {
  Query q;
  q.sql = "SELECT " + std::string(columns) + " FROM reports WHERE region_code = ?1";
  q.params.emplace_back(f.region_code);
  if (!f.statuses.empty()) {
    q.sql += " AND status IN (";
    for (size_t i = 0; i < f.statuses.size(); ++i) {
      q.params.emplace_back(std::string(StatusName(f.statuses[i])));
      q.sql += (i > 0 ? ",?" : "?") + std::to_string(q.params.size());
    }
    q.sql += ")";
  }
  if (f.category_code) q.Where("category_code = ?", *f.category_code);
  if (!f.category_codes.empty()) {
    q.sql += " AND category_code IN (";
    for (size_t i = 0; i < f.category_codes.size(); ++i) {
      q.params.emplace_back(f.category_codes[i]);
      q.sql += (i > 0 ? ",?" : "?") + std::to_string(q.params.size());
    }
    q.sql += ")";
  }
  if (f.opd_id) q.Where("opd_id = ?", *f.opd_id);
  if (f.kecamatan_code) q.Where("kecamatan_code = ?", *f.kecamatan_code);
  if (f.kelurahan_code) q.Where("kelurahan_code = ?", *f.kelurahan_code);
  if (f.from) q.Where("created_at >= ?", *f.from);
  if (f.to) q.Where("created_at < ?", *f.to);
  if (f.bbox) {
    // The grid cells the box touches, tested on the index's lat/lon (reports_grid, migration
    // 0014), give the ids in the box without reading a row; SQLite then walks them newest first
    // and reads rows only until the page is full. A box over too many cells is tested on the
    // rows alone.
    const auto cells =
        GridCells(f.bbox->min_lat, f.bbox->min_lon, f.bbox->max_lat, f.bbox->max_lon);
    if (!cells.empty()) {
      q.sql += " AND id IN (SELECT id FROM reports WHERE region_code = ?1 AND grid_cell IN (";
      for (size_t i = 0; i < cells.size(); ++i) {
        q.params.emplace_back(cells[i]);
        q.sql += (i > 0 ? ",?" : "?") + std::to_string(q.params.size());
      }
      q.sql += ")";
      q.Where("lat >= ?", f.bbox->min_lat);
      q.Where("lat <= ?", f.bbox->max_lat);
      q.Where("lon >= ?", f.bbox->min_lon);
      q.Where("lon <= ?)", f.bbox->max_lon);
    } else {
      q.Where("lon >= ?", f.bbox->min_lon);
      q.Where("lon <= ?", f.bbox->max_lon);
      q.Where("lat >= ?", f.bbox->min_lat);
      q.Where("lat <= ?", f.bbox->max_lat);
    }
  }
  if (f.text) q.Where("instr(lower(description), lower(?)) > 0", *f.text);
  if (f.public_only) q.sql += " AND is_public = 1";
  if (f.before_id) q.Where("id < ?", *f.before_id);
  q.params.emplace_back(int64_t{f.limit} + 1);
  q.sql += " ORDER BY id DESC LIMIT ?" + std::to_string(q.params.size());
  return q;
}

// Runs `q` and decodes every row with `decode`.
template <class T, class Decode>
Result<std::vector<T>> Collect(store::Database& db, const Query& q, Decode decode) {
  return db.Read([&](store::Connection& conn) -> Result<std::vector<T>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(q.sql));
    for (size_t i = 0; i < q.params.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      std::visit([&](const auto& v) { st.Bind(index, v); }, q.params[i]);
    }
    std::vector<T> out;
    while (true) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      out.push_back(decode(st));
    }
    return out;
  });
}

}  // namespace

Result<std::vector<Report>> SqliteReportStore::ListReports(const ReportFilter& filter) {
  return Collect<Report>(db_, BuildQuery(filter, kReportColumns), ReportFromRow);
}

Result<std::vector<ReportPoint>> SqliteReportStore::ListPoints(const ReportFilter& filter) {
  return Collect<ReportPoint>(db_, BuildQuery(filter, kPointColumns),
                              [](const store::Statement& st) {
                                return ReportPoint{.id = st.Int(0),
                                                   .tracking = st.String(1),
                                                   .lat = st.Double(2),
                                                   .lon = st.Double(3),
                                                   .status = st.String(4),
                                                   .category_code = st.String(5)};
                              });
}

Result<std::map<std::string, int64_t>> SqliteReportStore::CountByStatus(std::string_view region) {
  return db_.Read([&](store::Connection& conn) -> Result<std::map<std::string, int64_t>> {
    // Kept by triggers (migration 0013).
    KC_ASSIGN_OR_RETURN(
        auto st, conn.Prepare("SELECT status, n FROM report_status_counts WHERE region_code = ?1"));
    st.Bind(1, region);
    std::map<std::string, int64_t> out;
    while (true) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      out[st.String(0)] = st.Int(1);
    }
    return out;
  });
}

}  // namespace kc::reports
