// Reports on SQLite (part of SqliteReportStore): submission with tracking number and
// idempotency (and the report's photo rows) in one savepoint, reads and filtered lists.
#include <memory>

#include "core/time.h"
#include "reports/report_row_sqlite.h"
#include "reports/report_store_sqlite.h"

namespace kc::reports {
namespace {

using store::Connection;

std::optional<std::string> OptText(const store::Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return st.String(col);
}

std::optional<int64_t> OptInt(const store::Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return st.Int(col);
}

}  // namespace

Report ReportFromRow(const store::Statement& st) {
  return {.id = st.Int(0),
          .region_code = st.String(1),
          .tracking = st.String(2),
          .category_code = st.String(3),
          .status = ParseStatus(st.Text(4)).value_or(ReportStatus::kDiterima),
          .description = st.String(5),
          .lat = st.Double(6),
          .lon = st.Double(7),
          .address = OptText(st, 8),
          .kecamatan_code = OptText(st, 9),
          .kelurahan_code = OptText(st, 10),
          .area_match = st.String(11),
          .opd_id = OptInt(st, 12),
          .attributes = st.String(13),
          .is_public = st.Int(14) != 0,
          .reporter_user_id = OptInt(st, 15),
          .reporter_api_key = OptInt(st, 16),
          .contact_name = OptText(st, 17),
          .contact_email = OptText(st, 18),
          .contact_phone = OptText(st, 19),
          .channel = st.Text(20) == "open311" ? Channel::kOpen311 : Channel::kApi,
          .created_at = st.String(21),
          .updated_at = st.String(22)};
}

namespace {

Result<std::optional<Report>> SelectById(Connection& conn, int64_t id) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT " + std::string(kReportColumns) +
                                            " FROM reports WHERE id = ?1"));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, id).Step());
  if (!row) return std::optional<Report>();
  std::vector<Report> one{ReportFromRow(st)};
  KC_RETURN_IF_ERROR(LoadMediaOn(conn, one));
  return std::optional<Report>(std::move(one.front()));
}

Result<int64_t> NextSequence(Connection& conn, const std::string& region, int year) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO report_counters (region_code, year, last) VALUES (?1, ?2, 1) "
      "ON CONFLICT (region_code, year) DO UPDATE SET last = last + 1 RETURNING last"));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, region).Bind(2, year).Step());
  if (!row) return Internal("tracking counter returned no row");
  return st.Int(0);
}

Status InsertRow(Connection& conn, Report& r) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO reports (region_code, tracking, category_code, status, description, lat, lon, "
      "address, kecamatan_code, kelurahan_code, area_match, opd_id, attributes, is_public, "
      "reporter_user_id, reporter_api_key, contact_name, contact_email, contact_phone, channel, "
      "created_at, updated_at, response_due, resolve_due) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,"
      "?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?21,?22,?23)"));
  st.Bind(1, r.region_code).Bind(2, r.tracking).Bind(3, r.category_code);
  st.Bind(4, StatusName(r.status)).Bind(5, r.description).Bind(6, r.lat).Bind(7, r.lon);
  st.Bind(8, r.address).Bind(9, r.kecamatan_code).Bind(10, r.kelurahan_code);
  st.Bind(11, r.area_match).Bind(12, r.opd_id).Bind(13, r.attributes);
  st.Bind(14, r.is_public ? 1 : 0).Bind(15, r.reporter_user_id).Bind(16, r.reporter_api_key);
  st.Bind(17, r.contact_name).Bind(18, r.contact_email).Bind(19, r.contact_phone);
  st.Bind(20, ChannelName(r.channel)).Bind(21, r.created_at);
  st.Bind(22, r.response_due).Bind(23, r.resolve_due);
  KC_RETURN_IF_ERROR(st.Run());
  r.id = conn.LastInsertId();
  r.updated_at = r.created_at;
  return Ok();
}

Result<std::optional<IdempotentAnswer>> SelectIdempotent(Connection& conn, std::string_view region,
                                                         std::string_view scope,
                                                         std::string_view key) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "SELECT i.request_hash, i.answer, r.tracking FROM report_idempotency i "
      "JOIN reports r ON r.id = i.report_id "
      "WHERE i.region_code = ?1 AND i.scope = ?2 AND i.key = ?3"));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, region).Bind(2, scope).Bind(3, key).Step());
  if (!row) return std::optional<IdempotentAnswer>();
  return std::optional<IdempotentAnswer>({st.String(0), st.String(1), st.String(2)});
}

Error KeyReused() {
  return Error(ErrorCode::kConflict,
               {"Idempotency-Key ini sudah dipakai untuk laporan lain.",
                "This Idempotency-Key was already used for a different report."},
               "idempotency_key_reused");
}

// The write of one submission; fills `out`.
Status WriteReport(Connection& conn, NewReport& in, SubmitOutcome& out) {
  if (in.idempotency_key) {
    KC_ASSIGN_OR_RETURN(auto first, SelectIdempotent(conn, in.report.region_code,
                                                     in.idempotency_scope, *in.idempotency_key));
    if (first) {
      if (first->request_hash != in.request_hash) return KeyReused();
      KC_ASSIGN_OR_RETURN(auto report, conn.Prepare("SELECT id FROM reports WHERE tracking = ?1"));
      KC_ASSIGN_OR_RETURN(bool row, report.Bind(1, first->tracking).Step());
      if (!row) return Internal("idempotent report vanished");
      KC_ASSIGN_OR_RETURN(auto stored, SelectById(conn, report.Int(0)));
      out = {std::move(*stored), std::move(first->answer), true};
      return Ok();
    }
  }
  Report& r = in.report;
  KC_ASSIGN_OR_RETURN(int64_t seq, NextSequence(conn, r.region_code, in.tracking_year));
  r.tracking = FormatTracking(in.tracking_prefix, in.tracking_year, seq);
  KC_RETURN_IF_ERROR(InsertRow(conn, r));
  KC_RETURN_IF_ERROR(InsertMediaOn(conn, r));
  if (in.after_insert) KC_RETURN_IF_ERROR(in.after_insert(conn, r));
  out.report = r;
  out.replayed = false;
  if (!in.idempotency_key) return Ok();
  out.answer = in.render_answer ? in.render_answer(r) : std::string();
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO report_idempotency (region_code, scope, key, request_hash, report_id, answer, "
      "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  st.Bind(1, r.region_code).Bind(2, in.idempotency_scope).Bind(3, *in.idempotency_key);
  st.Bind(4, in.request_hash).Bind(5, r.id).Bind(6, out.answer).Bind(7, r.created_at);
  return st.Run();
}

}  // namespace

Result<std::optional<std::string>> SqliteReportStore::TrackingPrefix(std::string_view region) {
  return db_.Read([&](Connection& conn) -> Result<std::optional<std::string>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT tracking_prefix FROM report_settings WHERE region_code = ?1"));
    KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, region).Step());
    if (!row) return std::optional<std::string>();
    return std::optional<std::string>(st.String(0));
  });
}

Status SqliteReportStore::SetTrackingPrefixSync(std::string_view region, std::string_view prefix) {
  return db_.WriteSync([&](Connection& conn) -> Status {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "INSERT INTO report_settings (region_code, tracking_prefix) VALUES (?1, ?2) "
        "ON CONFLICT (region_code) DO UPDATE SET tracking_prefix = ?2"));
    return st.Bind(1, region).Bind(2, prefix).Run();
  });
}

void SqliteReportStore::InsertReport(NewReport report, SubmitDone done) {
  struct State {
    NewReport in;
    SubmitOutcome out;
  };
  auto state = std::make_shared<State>(State{std::move(report), {}});
  db_.Write([state](Connection& conn) { return WriteReport(conn, state->in, state->out); },
            [state, done = std::move(done)](kc::Status st) {
              if (!st.ok()) return done(std::move(st).error());
              done(std::move(state->out));
            });
}

Result<std::optional<IdempotentAnswer>> SqliteReportStore::FindIdempotent(std::string_view region,
                                                                          std::string_view scope,
                                                                          std::string_view key) {
  return db_.Read([&](Connection& conn) { return SelectIdempotent(conn, region, scope, key); });
}

Result<std::optional<Report>> SqliteReportStore::FindReport(std::string_view region,
                                                            std::string_view tracking) {
  return db_.Read([&](Connection& conn) -> Result<std::optional<Report>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT " + std::string(kReportColumns) +
                                              " FROM reports WHERE region_code = ?1 AND tracking = ?2"));
    KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, region).Bind(2, tracking).Step());
    if (!row) return std::optional<Report>();
    std::vector<Report> one{ReportFromRow(st)};
    KC_RETURN_IF_ERROR(LoadMediaOn(conn, one));
    return std::optional<Report>(std::move(one.front()));
  });
}

}  // namespace kc::reports
