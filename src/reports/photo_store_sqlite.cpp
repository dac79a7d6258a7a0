// Photo rows on SQLite (part of SqliteReportStore, migrations/0007_report_photos.sql): inserted
// in the report's own savepoint, loaded for a page of reports with one query (the ids go in as
// one JSON array, so the prepared statement is the same for every page size).
#include <boost/json.hpp>
#include <map>
#include <memory>

#include "core/time.h"
#include "reports/report_row_sqlite.h"
#include "reports/report_service.h"
#include "reports/report_store_sqlite.h"

namespace kc::reports {
namespace {

using store::Connection;

std::string IdArray(const std::vector<Report>& reports) {
  boost::json::array ids;
  for (const auto& r : reports) ids.emplace_back(r.id);
  return boost::json::serialize(ids);
}

// Inserts `photos` for report `r` from position `first` on.
Status InsertPhotos(Connection& conn, const std::string& region, int64_t report_id,
                    const std::vector<ReportPhoto>& photos, PhotoKind kind, int64_t first,
                    const std::string& now) {
  KC_ASSIGN_OR_RETURN(
      auto st,
      conn.Prepare(
          "INSERT INTO report_photos (region_code, report_id, kind, sha256, width, height, bytes, "
          "position, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  int64_t position = first;
  for (const auto& p : photos) {
    if (p.kind != kind) continue;
    st.Bind(1, region).Bind(2, report_id).Bind(3, PhotoKindName(kind)).Bind(4, p.sha256);
    st.Bind(5, p.width).Bind(6, p.height).Bind(7, p.bytes).Bind(8, position++).Bind(9, now);
    KC_RETURN_IF_ERROR(st.Run());
  }
  return Ok();
}

Result<std::vector<ReportPhoto>> PhotosOf(Connection& conn, int64_t report_id) {
  std::vector<Report> one(1);
  one[0].id = report_id;
  KC_RETURN_IF_ERROR(LoadMediaOn(conn, one));
  return std::move(one[0].media.photos);
}

}  // namespace

Status InsertMediaOn(Connection& conn, const Report& r) {
  for (PhotoKind kind : {PhotoKind::kReport, PhotoKind::kResolution}) {
    KC_RETURN_IF_ERROR(
        InsertPhotos(conn, r.region_code, r.id, r.media.photos, kind, 0, r.created_at));
  }
  if (!r.media.media_url) return Ok();
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("UPDATE reports SET media_url = ?2 WHERE id = ?1"));
  return st.Bind(1, r.id).Bind(2, *r.media.media_url).Run();
}

Status LoadMediaOn(Connection& conn, std::vector<Report>& reports) {
  if (reports.empty()) return Ok();
  std::map<int64_t, Report*> by_id;
  for (auto& r : reports) {
    r.media = {};
    by_id[r.id] = &r;
  }
  const std::string ids = IdArray(reports);
  KC_ASSIGN_OR_RETURN(
      auto photos,
      conn.Prepare("SELECT report_id, kind, sha256, width, height, bytes FROM report_photos "
                   "WHERE report_id IN (SELECT value FROM json_each(?1)) ORDER BY report_id, kind, "
                   "position"));
  photos.Bind(1, ids);
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, photos.Step());
    if (!row) break;
    by_id[photos.Int(0)]->media.photos.push_back(
        {.sha256 = photos.String(2),
         .width = static_cast<int>(photos.Int(3)),
         .height = static_cast<int>(photos.Int(4)),
         .bytes = photos.Int(5),
         .kind = ParsePhotoKind(photos.Text(1)).value_or(PhotoKind::kReport)});
  }
  KC_ASSIGN_OR_RETURN(
      auto urls,
      conn.Prepare(
          "SELECT id, media_url FROM reports WHERE id IN (SELECT value FROM json_each(?1)) "
          "AND media_url IS NOT NULL"));
  urls.Bind(1, ids);
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, urls.Step());
    if (!row) break;
    by_id[urls.Int(0)]->media.media_url = urls.String(1);
  }
  return Ok();
}

Status SqliteReportStore::LoadMedia(std::vector<Report>& reports) {
  return db_.Read([&](Connection& conn) { return LoadMediaOn(conn, reports); });
}

void SqliteReportStore::AddPhotos(std::string region, int64_t report_id,
                                  std::vector<ReportPhoto> photos,
                                  std::function<void(Result<std::vector<ReportPhoto>>)> done) {
  struct State {
    std::string region;
    int64_t report_id;
    std::vector<ReportPhoto> photos;
    std::vector<ReportPhoto> all;
  };
  auto s = std::make_shared<State>(State{std::move(region), report_id, std::move(photos), {}});
  auto write = [s](Connection& conn) -> Status {
    KC_ASSIGN_OR_RETURN(auto owner,
                        conn.Prepare("SELECT 1 FROM reports WHERE id = ?1 AND region_code = ?2"));
    KC_ASSIGN_OR_RETURN(bool found, owner.Bind(1, s->report_id).Bind(2, s->region).Step());
    if (!found) return ReportNotFound();
    const std::string now = FormatUtc(NowUtc());
    for (PhotoKind kind : {PhotoKind::kReport, PhotoKind::kResolution}) {
      KC_ASSIGN_OR_RETURN(
          auto next,
          conn.Prepare(
              "SELECT COALESCE(MAX(position) + 1, 0) FROM report_photos WHERE report_id = ?1 "
              "AND kind = ?2"));
      KC_ASSIGN_OR_RETURN(bool row, next.Bind(1, s->report_id).Bind(2, PhotoKindName(kind)).Step());
      const int64_t first = row ? next.Int(0) : 0;
      KC_RETURN_IF_ERROR(InsertPhotos(conn, s->region, s->report_id, s->photos, kind, first, now));
    }
    KC_ASSIGN_OR_RETURN(s->all, PhotosOf(conn, s->report_id));
    return Ok();
  };
  db_.Write(std::move(write), [s, done = std::move(done)](Status st) {
    if (!st.ok()) return done(std::move(st).error());
    done(std::move(s->all));
  });
}

Result<bool> SqliteReportStore::PhotoReferenced(std::string_view sha256) {
  return db_.Read([&](Connection& conn) -> Result<bool> {
    KC_ASSIGN_OR_RETURN(auto st,
                        conn.Prepare("SELECT 1 FROM report_photos WHERE sha256 = ?1 LIMIT 1"));
    return st.Bind(1, sha256).Step();
  });
}

std::filesystem::path SqliteReportStore::MediaDirectory() const {
  const std::filesystem::path dir = std::filesystem::path(db_.path()).parent_path();
  return (dir.empty() ? std::filesystem::path(".") : dir) / "media";
}

}  // namespace kc::reports
