// WorkflowStore on SQLite (migration 0006): loads reports with their workflow columns, runs
// mutations inside one write, and answers the timeline, comment, follower and sweep reads.
#include <memory>

#include "reports/grid_cell.h"
#include "reports/report_row_sqlite.h"
#include "reports/report_service.h"
#include "reports/report_workflow_store.h"

namespace kc::reports {
namespace {

using store::Connection;
using store::Statement;

// Appended to kReportColumns; decoded by ReadWorkflow from column kBaseColumns on.
constexpr std::string_view kWorkflowColumns =
    "response_due, resolve_due, responded_at, resolved_at, escalated_response_at, "
    "escalated_resolve_at, merged_into, supporters, rating, rating_text, "
    "(SELECT m.tracking FROM reports m WHERE m.id = reports.merged_into)";
constexpr int kBaseColumns = 23;  // the columns of kReportColumns

std::optional<std::string> OptText(const Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return st.String(col);
}

std::optional<int64_t> OptInt(const Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return st.Int(col);
}

WorkflowReport ReadRow(const Statement& st) {
  WorkflowReport out{.report = ReportFromRow(st), .wf = {}, .merged_into_tracking = {}};
  int c = kBaseColumns;
  auto& wf = out.wf;
  wf.response_due = OptText(st, c++);
  wf.resolve_due = OptText(st, c++);
  wf.responded_at = OptText(st, c++);
  wf.resolved_at = OptText(st, c++);
  wf.escalated_response_at = OptText(st, c++);
  wf.escalated_resolve_at = OptText(st, c++);
  wf.merged_into = OptInt(st, c++);
  wf.supporters = st.Int(c++);
  if (!st.IsNull(c)) wf.rating = static_cast<int>(st.Int(c));
  ++c;
  wf.rating_text = OptText(st, c++);
  out.merged_into_tracking = OptText(st, c++);
  return out;
}

std::string Select(std::string_view where) {
  return "SELECT " + std::string(kReportColumns) + ", " + std::string(kWorkflowColumns) +
         " FROM reports WHERE " + std::string(where);
}

Result<std::vector<WorkflowReport>> Collect(Statement& st) {
  std::vector<WorkflowReport> out;
  for (;;) {
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(ReadRow(st));
  }
  return out;
}

Result<std::vector<int64_t>> Ids(Statement& st) {
  std::vector<int64_t> out;
  for (;;) {
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(st.Int(0));
  }
  return out;
}

}  // namespace

Result<std::optional<WorkflowReport>> FindReportIn(Connection& conn, std::string_view region,
                                                   std::string_view tracking) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(Select("region_code = ?1 AND tracking = ?2")));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, region).Bind(2, tracking).Step());
  if (!row) return std::optional<WorkflowReport>();
  return std::optional<WorkflowReport>(ReadRow(st));
}

Result<WorkflowReport> LoadReport(Connection& conn, int64_t id) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(Select("id = ?1")));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, id).Step());
  if (!row) return ReportNotFound();
  return ReadRow(st);
}

Result<int64_t> AppendEvent(Connection& conn, int64_t report_id, const TimelineEntry& e) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO report_events (report_id, kind, from_value, to_value, text, public, "
      "actor_user_id, actor_name, created_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"));
  st.Bind(1, report_id).Bind(2, e.kind).Bind(3, e.from).Bind(4, e.to).Bind(5, e.text);
  st.Bind(6, e.is_public ? 1 : 0).Bind(7, e.actor_user_id).Bind(8, e.actor_name).Bind(9, e.at);
  KC_RETURN_IF_ERROR(st.Run());
  return conn.LastInsertId();
}

Result<std::vector<int64_t>> NotifyList(Connection& conn, const Report& r) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "SELECT user_id FROM report_followers WHERE report_id = ?1 "
      "UNION SELECT reporter_user_id FROM reports WHERE id = ?1 AND reporter_user_id IS NOT NULL"));
  st.Bind(1, r.id);
  return Ids(st);
}

Result<std::vector<int64_t>> RegionAdmins(Connection& conn, std::string_view region) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "SELECT DISTINCT g.user_id FROM grants g JOIN users u ON u.id = g.user_id "
      "WHERE g.role = 'region_admin' AND g.region_code = ?1 AND u.status = 'active'"));
  st.Bind(1, region);
  return Ids(st);
}

Result<std::optional<WorkflowReport>> WorkflowStore::Find(std::string_view region,
                                                          std::string_view tracking) {
  return db_.Read([&](Connection& conn) { return FindReportIn(conn, region, tracking); });
}

Result<WorkflowReport> WorkflowStore::FindById(int64_t id) {
  return db_.Read([&](Connection& conn) { return LoadReport(conn, id); });
}

void WorkflowStore::Mutate(std::string region, std::string tracking, Mutation mutation,
                           std::function<void(Result<Mutated>)> done) {
  auto out = std::make_shared<Mutated>();
  db_.Write(
      [region = std::move(region), tracking = std::move(tracking), mutation = std::move(mutation),
       out](Connection& conn) -> Status {
        KC_ASSIGN_OR_RETURN(auto found, FindReportIn(conn, region, tracking));
        if (!found) return ReportNotFound();
        KC_ASSIGN_OR_RETURN(out->result, mutation(conn, *found));
        KC_ASSIGN_OR_RETURN(out->report, LoadReport(conn, found->report.id));
        return Ok();
      },
      [out, done = std::move(done)](Status st) {
        if (!st.ok()) return done(st.error());
        done(std::move(*out));
      });
}

Result<std::vector<TimelineEntry>> WorkflowStore::Timeline(int64_t report_id,
                                                           bool include_internal) {
  return db_.Read([&](Connection& conn) -> Result<std::vector<TimelineEntry>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT id, kind, from_value, to_value, text, public, actor_user_id, actor_name, "
        "created_at FROM report_events WHERE report_id = ?1 AND (public = 1 OR ?2) ORDER BY id"));
    st.Bind(1, report_id).Bind(2, include_internal ? 1 : 0);
    std::vector<TimelineEntry> out;
    for (;;) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      out.push_back({.id = st.Int(0), .kind = st.String(1), .from = OptText(st, 2),
                     .to = OptText(st, 3), .text = OptText(st, 4), .is_public = st.Int(5) != 0,
                     .actor_user_id = OptInt(st, 6), .actor_name = OptText(st, 7),
                     .at = st.String(8)});
    }
    return out;
  });
}

Result<std::vector<Comment>> WorkflowStore::Comments(int64_t report_id, int64_t own_user,
                                                     bool include_all) {
  return db_.Read([&](Connection& conn) -> Result<std::vector<Comment>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT id, report_id, user_id, author_name, text, status, created_at FROM report_comments "
        "WHERE report_id = ?1 AND (?3 OR status = 'approved' OR (status = 'pending' AND "
        "user_id = ?2)) ORDER BY id"));
    st.Bind(1, report_id).Bind(2, own_user).Bind(3, include_all ? 1 : 0);
    std::vector<Comment> out;
    for (;;) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      out.push_back({st.Int(0), st.Int(1), st.Int(2), st.String(3), st.String(4), st.String(5),
                     st.String(6)});
    }
    return out;
  });
}

namespace {

Result<bool> Exists(store::Database& db, std::string sql, int64_t a, int64_t b) {
  return db.Read([&](Connection& conn) -> Result<bool> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(sql));
    return st.Bind(1, a).Bind(2, b).Step();
  });
}

}  // namespace

Result<bool> WorkflowStore::IsFollowing(int64_t report_id, int64_t user_id) {
  return Exists(db_, "SELECT 1 FROM report_followers WHERE report_id = ?1 AND user_id = ?2",
                report_id, user_id);
}

Result<bool> WorkflowStore::IsSupporting(int64_t report_id, int64_t user_id) {
  return Exists(db_, "SELECT 1 FROM report_supporters WHERE report_id = ?1 AND user_id = ?2",
                report_id, user_id);
}

Result<int64_t> WorkflowStore::FollowerCount(int64_t report_id) {
  return db_.Read([&](Connection& conn) -> Result<int64_t> {
    KC_ASSIGN_OR_RETURN(auto st,
                        conn.Prepare("SELECT count(*) FROM report_followers WHERE report_id = ?1"));
    KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, report_id).Step());
    return row ? st.Int(0) : 0;
  });
}

Result<std::vector<WorkflowReport>> WorkflowStore::Nearby(std::string_view region,
                                                          std::string_view category, double min_lat,
                                                          double min_lon, double max_lat,
                                                          double max_lon, std::string_view since,
                                                          int limit) {
  // A duplicate check covers a few hundred metres: one to four grid cells (reports_grid).
  const auto cells = GridCells(min_lat, min_lon, max_lat, max_lon);
  std::string in;  // ?9, ?10, ...: the statement text depends only on the number of cells
  for (size_t i = 0; i < cells.size(); ++i) in += (i > 0 ? ",?" : "?") + std::to_string(9 + i);
  return db_.Read([&](Connection& conn) -> Result<std::vector<WorkflowReport>> {
    KC_ASSIGN_OR_RETURN(
        auto st, conn.Prepare(Select(
                     (cells.empty() ? std::string()
                       : "id IN (SELECT id FROM reports WHERE region_code = ?1 AND grid_cell IN (" +
                             in + ") AND lat >= ?4 AND lat <= ?5 AND lon >= ?6 AND lon <= ?7) AND ") +
                     "lat >= ?4 AND lat <= ?5 AND lon >= ?6 AND lon <= ?7 AND region_code = ?1 "
                     "AND category_code = ?2 AND created_at >= ?3 "
                     "AND status IN ('diterima', 'diverifikasi', 'diproses') AND is_public = 1 "
                     "ORDER BY id DESC LIMIT ?8")));
    st.Bind(1, region).Bind(2, category).Bind(3, since).Bind(4, min_lat).Bind(5, max_lat);
    st.Bind(6, min_lon).Bind(7, max_lon).Bind(8, limit);
    for (size_t i = 0; i < cells.size(); ++i) st.Bind(static_cast<int>(9 + i), cells[i]);
    return Collect(st);
  });
}

Result<std::vector<WorkflowReport>> WorkflowStore::OfReporter(int64_t user_id,
                                                              std::optional<int64_t> before_id,
                                                              int limit) {
  return db_.Read([&](Connection& conn) -> Result<std::vector<WorkflowReport>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(Select(
        "reporter_user_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3")));
    st.Bind(1, user_id).Bind(2, before_id.value_or(INT64_MAX)).Bind(3, limit);
    return Collect(st);
  });
}

Result<std::vector<std::pair<int64_t, std::string>>> WorkflowStore::Overdue(std::string_view now,
                                                                            int limit) {
  return db_.Read([&](Connection& conn) -> Result<std::vector<std::pair<int64_t, std::string>>> {
    // Each half matches its partial index (migration 0006) literally.
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT id, 'response' FROM reports WHERE responded_at IS NULL "
        "AND escalated_response_at IS NULL AND response_due < ?1 "
        "UNION ALL SELECT id, 'resolve' FROM reports WHERE resolved_at IS NULL "
        "AND escalated_resolve_at IS NULL AND status IN ('diterima', 'diverifikasi', 'diproses') "
        "AND resolve_due < ?1 LIMIT ?2"));
    st.Bind(1, now).Bind(2, limit);
    std::vector<std::pair<int64_t, std::string>> out;
    for (;;) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      out.emplace_back(st.Int(0), st.String(1));
    }
    return out;
  });
}

Result<std::optional<std::pair<std::string, std::string>>> WorkflowStore::Locate(
    int64_t report_id) {
  return db_.Read(
      [&](Connection& conn) -> Result<std::optional<std::pair<std::string, std::string>>> {
        KC_ASSIGN_OR_RETURN(auto st,
                            conn.Prepare("SELECT region_code, tracking FROM reports WHERE id = ?1"));
        KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, report_id).Step());
        if (!row) return std::optional<std::pair<std::string, std::string>>();
        return std::optional<std::pair<std::string, std::string>>({st.String(0), st.String(1)});
      });
}

}  // namespace kc::reports
