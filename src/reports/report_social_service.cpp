// Citizen side of the workflow: follow, support (+1), moderated comments and the rating of a
// resolution.
#include <boost/json.hpp>

#include "reports/report_service.h"
#include "reports/report_workflow_json.h"
#include "reports/report_workflow_internal.h"
#include "reports/report_workflow_service.h"

namespace kc::reports {

namespace json = boost::json;
using store::Connection;
using namespace internal;

namespace {

Status RequireSignedIn(const Who& who) {
  if (who.user_id != 0) return Ok();
  return Error(ErrorCode::kUnauthenticated, {"Silakan masuk terlebih dahulu.", "Please sign in first."});
}

Result<int64_t> Count(Connection& conn, const char* sql, int64_t report_id) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(sql));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, report_id).Step());
  return row ? st.Int(0) : 0;
}

// Adds or removes (report, user) in `table`; returns whether a row changed.
Result<bool> Toggle(Connection& conn, const char* table, int64_t report_id, int64_t user_id,
                    bool on) {
  const std::string sql =
      on ? "INSERT OR IGNORE INTO " + std::string(table) +
               " (report_id, user_id, created_at) VALUES (?1, ?2, ?3)"
         : "DELETE FROM " + std::string(table) + " WHERE report_id = ?1 AND user_id = ?2 AND ?3 = ?3";
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(sql));
  KC_RETURN_IF_ERROR(st.Bind(1, report_id).Bind(2, user_id).Bind(3, Now()).Run());
  return conn.Changes() > 0;
}

Result<MutationResult> ApplyFollow(Connection& conn, const WorkflowReport& wr, bool on,
                                   const Who& who) {
  KC_RETURN_IF_ERROR(RequireSignedIn(who));
  if (!CanSee(who, wr.report)) return ReportNotFound();
  KC_RETURN_IF_ERROR(Toggle(conn, "report_followers", wr.report.id, who.user_id, on));
  KC_ASSIGN_OR_RETURN(int64_t n, Count(conn, "SELECT count(*) FROM report_followers WHERE report_id = ?1",
                                       wr.report.id));
  MutationResult out;
  out.answer = {{"following", on}, {"followers", n}};
  return out;
}

Result<MutationResult> ApplySupport(Connection& conn, const WorkflowReport& wr, bool on,
                                    const Who& who) {
  const Report& r = wr.report;
  KC_RETURN_IF_ERROR(RequireSignedIn(who));
  if (!CanSee(who, r)) return ReportNotFound();
  if (on && r.reporter_user_id == who.user_id) {
    return Error(ErrorCode::kConflict, {"Anda tidak dapat mendukung laporan sendiri.",
                                        "You cannot support your own report."},
                 "own_report");
  }
  if (on && r.status == ReportStatus::kDuplikat) {
    return Error(ErrorCode::kConflict,
                 {"Laporan ini duplikat; dukung laporan " + wr.merged_into_tracking.value_or("") +
                      ".",
                  "This report is a duplicate; support " + wr.merged_into_tracking.value_or("") +
                      " instead."},
                 "report_merged");
  }
  KC_ASSIGN_OR_RETURN(bool changed, Toggle(conn, "report_supporters", r.id, who.user_id, on));
  if (changed) {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "UPDATE reports SET supporters = supporters + ?2 WHERE id = ?1"));
    KC_RETURN_IF_ERROR(st.Bind(1, r.id).Bind(2, on ? 1 : -1).Run());
    // A supporter hears about the report's progress too.
    if (on) KC_RETURN_IF_ERROR(Toggle(conn, "report_followers", r.id, who.user_id, true));
  }
  KC_ASSIGN_OR_RETURN(int64_t n, Count(conn, "SELECT supporters FROM reports WHERE id = ?1", r.id));
  MutationResult out;
  out.answer = {{"supported", on}, {"supporters", n}};
  return out;
}

Result<MutationResult> ApplyComment(Connection& conn, const WorkflowReport& wr,
                                    const std::string& text, const Who& who) {
  const Report& r = wr.report;
  KC_RETURN_IF_ERROR(RequireSignedIn(who));
  if (!CanSee(who, r)) return ReportNotFound();
  const auto roles = WorkflowService::RolesOf(who, r);
  const std::string status = roles.moderates || roles.handles ? "approved" : "pending";
  const std::string now = Now();
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO report_comments (report_id, user_id, author_name, text, status, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  st.Bind(1, r.id).Bind(2, who.user_id).Bind(3, who.name).Bind(4, text).Bind(5, status);
  KC_RETURN_IF_ERROR(st.Bind(6, now).Run());
  const int64_t id = conn.LastInsertId();
  MutationResult out;
  out.answer["comment"] = CommentJson({.id = id, .report_id = r.id, .user_id = who.user_id,
                                       .author_name = who.name, .text = text, .status = status,
                                       .created_at = now});
  if (status == "approved") {
    KC_ASSIGN_OR_RETURN(auto event, MakeEvent(conn, r, kEventCommented, {{"comment_id", id}}, now));
    out.events.push_back(std::move(event));
  }
  return out;
}

Result<MutationResult> ApplyModerate(Connection& conn, const WorkflowReport& wr, int64_t comment_id,
                                     bool approve, const Who& who) {
  const Report& r = wr.report;
  if (!WorkflowService::RolesOf(who, r).moderates) {
    return Forbidden({"Hanya admin daerah yang dapat memoderasi komentar.",
                      "Only the region admin may moderate comments."});
  }
  const std::string now = Now();
  const std::string status = approve ? "approved" : "hidden";
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE report_comments SET status = ?3, moderated_by = ?4, moderated_at = ?5 "
      "WHERE id = ?1 AND report_id = ?2 RETURNING text, author_name, created_at"));
  st.Bind(1, comment_id).Bind(2, r.id).Bind(3, status).Bind(4, who.user_id).Bind(5, now);
  KC_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return NotFound({"Komentar tidak ditemukan.", "No such comment."});
  MutationResult out;
  out.answer["comment"] = CommentJson({.id = comment_id, .report_id = r.id, .user_id = 0,
                                       .author_name = st.String(1), .text = st.String(0),
                                       .status = status, .created_at = st.String(2)});
  KC_RETURN_IF_ERROR(st.Run());  // finish the statement before the next one
  KC_RETURN_IF_ERROR(Audit(conn, who, r, "report.comment_moderate", nullptr,
                           json::object{{"comment_id", comment_id}, {"status", status}}));
  if (approve) {
    KC_ASSIGN_OR_RETURN(auto event,
                        MakeEvent(conn, r, kEventCommented, {{"comment_id", comment_id}}, now));
    out.events.push_back(std::move(event));
  }
  return out;
}

Result<MutationResult> ApplyRate(Connection& conn, const WorkflowReport& wr, int stars,
                                 const std::optional<std::string>& text, const Who& who) {
  const Report& r = wr.report;
  KC_RETURN_IF_ERROR(RequireSignedIn(who));
  if (r.reporter_user_id != who.user_id) {
    if (!CanSee(who, r)) return ReportNotFound();
    return Forbidden({"Hanya pelapor yang dapat menilai penyelesaian.",
                      "Only the reporter may rate the resolution."});
  }
  if (r.status != ReportStatus::kSelesai) {
    return Error(ErrorCode::kConflict, {"Laporan belum selesai.", "The report is not resolved yet."},
                 "not_resolved");
  }
  const std::string now = Now();
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE reports SET rating = ?2, rating_text = ?3, updated_at = ?4 WHERE id = ?1"));
  KC_RETURN_IF_ERROR(st.Bind(1, r.id).Bind(2, stars).Bind(3, text).Bind(4, now).Run());
  TimelineEntry e = Entry(who, "rated", now);
  e.to = std::to_string(stars);
  e.text = text;
  KC_RETURN_IF_ERROR(AppendEvent(conn, r.id, e));
  MutationResult out;
  KC_ASSIGN_OR_RETURN(auto event, MakeEvent(conn, r, kEventRated, {{"stars", stars}}, now));
  out.events.push_back(std::move(event));
  return out;
}

}  // namespace

void WorkflowService::Follow(std::string region, std::string tracking, bool on, Who who,
                             MutatedDone done) {
  Run(std::move(region), std::move(tracking),
      [on, who = std::move(who)](Connection& conn, WorkflowReport& wr) {
        return ApplyFollow(conn, wr, on, who);
      },
      std::move(done));
}

void WorkflowService::Support(std::string region, std::string tracking, bool on, Who who,
                              MutatedDone done) {
  Run(std::move(region), std::move(tracking),
      [on, who = std::move(who)](Connection& conn, WorkflowReport& wr) {
        return ApplySupport(conn, wr, on, who);
      },
      std::move(done));
}

void WorkflowService::Comment(std::string region, std::string tracking, std::string text, Who who,
                              MutatedDone done) {
  Run(std::move(region), std::move(tracking),
      [text = std::move(text), who = std::move(who)](Connection& conn, WorkflowReport& wr) {
        return ApplyComment(conn, wr, text, who);
      },
      std::move(done));
}

void WorkflowService::ModerateComment(std::string region, std::string tracking, int64_t comment_id,
                                      bool approve, Who who, MutatedDone done) {
  Run(std::move(region), std::move(tracking),
      [comment_id, approve, who = std::move(who)](Connection& conn, WorkflowReport& wr) {
        return ApplyModerate(conn, wr, comment_id, approve, who);
      },
      std::move(done));
}

void WorkflowService::Rate(std::string region, std::string tracking, int stars,
                           std::optional<std::string> text, Who who, MutatedDone done) {
  Run(std::move(region), std::move(tracking),
      [stars, text = std::move(text), who = std::move(who)](Connection& conn, WorkflowReport& wr) {
        return ApplyRate(conn, wr, stars, text, who);
      },
      std::move(done));
}

}  // namespace kc::reports
