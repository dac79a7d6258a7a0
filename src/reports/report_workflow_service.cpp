// Officer side of the workflow: status moves, reopening, notes and the
// shared mutation steps. Reassignment, merging and escalation are in
// report_moderation_service.cpp, citizen actions in report_social_service.cpp.
#include <boost/json.hpp>
#include <chrono>

#include "accounts/audit.h"
#include "reports/report_service.h"
#include "reports/report_workflow_internal.h"
#include "reports/report_workflow_service.h"

namespace kc::reports {

namespace json = boost::json;
using store::Connection;

namespace internal {

std::string Now() { return FormatUtc(NowUtc()); }

TimelineEntry Entry(const Who& who, std::string kind, std::string at) {
  TimelineEntry e;
  e.kind = std::move(kind);
  e.at = std::move(at);
  if (who.user_id != 0) {
    e.actor_user_id = who.user_id;
    e.actor_name = who.name;
  }
  return e;
}

Result<ReportEvent> MakeEvent(Connection& conn, const Report& r, const char* type,
                              json::object data, const std::string& at) {
  KC_ASSIGN_OR_RETURN(auto notify, NotifyList(conn, r));
  return ReportEvent{.type = type, .region_code = r.region_code, .tracking = r.tracking,
                     .report_id = r.id, .occurred_at = at, .data = std::move(data),
                     .notify_user_ids = std::move(notify)};
}

Status Audit(Connection& conn, const Who& who, const Report& r, std::string action,
             json::value before, json::value after) {
  return accounts::RecordAudit(conn, {.actor = who.audit, .region_code = r.region_code,
                                      .action = std::move(action),
                                      .target = "report:" + r.tracking,
                                      .before = std::move(before), .after = std::move(after)});
}

bool CanSee(const Who& who, const Report& r) {
  if (r.is_public) return true;
  const auto roles = WorkflowService::RolesOf(who, r);
  return roles.is_reporter || roles.handles || roles.moderates ||
         accounts::Authorize(who.principal, accounts::Permission::kRegionReadPrivate,
                             r.region_code)
             .allowed;
}

Status UpdateTouched(Connection& conn, int64_t report_id, const std::string& now) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("UPDATE reports SET updated_at = ?2 WHERE id = ?1"));
  return st.Bind(1, report_id).Bind(2, now).Run();
}

Error Forbidden(Text message) { return Error(ErrorCode::kForbidden, std::move(message)); }

}  // namespace internal

using namespace internal;

WorkflowActor WorkflowService::RolesOf(const Who& who, const Report& r) {
  using accounts::Permission;
  WorkflowActor a;
  a.moderates = accounts::Authorize(who.principal, Permission::kReportModerate, r.region_code).allowed;
  a.handles = r.opd_id && accounts::Authorize(who.principal, Permission::kReportHandle,
                                              r.region_code, {.opd_id = std::to_string(*r.opd_id)})
                              .allowed;
  a.is_reporter = who.user_id != 0 && r.reporter_user_id == who.user_id;
  return a;
}

void WorkflowService::Run(std::string region, std::string tracking, Mutation m, MutatedDone done) {
  store_.Mutate(std::move(region), std::move(tracking), std::move(m),
                [this, done = std::move(done)](Result<Mutated> r) {
                  if (r.ok() && events_ != nullptr) {
                    for (const auto& e : r->result.events) events_->Publish(e);
                  }
                  done(std::move(r));
                });
}

namespace {

Status UpdateStatus(Connection& conn, int64_t id, ReportStatus to, const std::string& now) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE reports SET status = ?2, updated_at = ?3, "
      "responded_at = COALESCE(responded_at, CASE WHEN ?2 <> 'diterima' THEN ?3 END), "
      "resolved_at = CASE WHEN ?2 = 'selesai' THEN ?3 "
      "WHEN ?2 IN ('diterima', 'diverifikasi', 'diproses') THEN NULL ELSE resolved_at END "
      "WHERE id = ?1"));
  return st.Bind(1, id).Bind(2, StatusName(to)).Bind(3, now).Run();
}

bool WithinReopenWindow(const WorkflowColumns& wf) {
  if (!wf.resolved_at) return false;
  const auto resolved = ParseTimestamp(*wf.resolved_at);
  return resolved && NowUtc() < *resolved + std::chrono::days(kReopenDays);
}

struct Move {
  ReportStatus to;
  std::optional<std::string> reason;
  std::optional<std::string> note;
  bool note_public = true;
};

Result<MutationResult> ApplyMove(Connection& conn, WorkflowReport& wr, const Move& mv,
                                 const Who& who) {
  const Report& r = wr.report;
  const auto roles = WorkflowService::RolesOf(who, r);
  if (!CanSee(who, r)) return ReportNotFound();
  KC_RETURN_IF_ERROR(CheckTransition({r.status, mv.to, mv.reason.has_value(), mv.note.has_value()},
                                     roles, WithinReopenWindow(wr.wf)));
  const std::string now = Now();
  const std::string from(StatusName(r.status));
  const std::string to(StatusName(mv.to));
  const bool reopening = IsReopening(r.status, mv.to);
  KC_RETURN_IF_ERROR(UpdateStatus(conn, r.id, mv.to, now));
  TimelineEntry e = Entry(who, reopening ? "reopened" : "status", now);
  e.from = from;
  e.to = to;
  e.text = mv.reason;
  KC_RETURN_IF_ERROR(AppendEvent(conn, r.id, e));
  if (mv.note) {
    TimelineEntry n = Entry(who, "note", now);
    n.text = mv.note;
    n.is_public = mv.note_public;
    KC_RETURN_IF_ERROR(AppendEvent(conn, r.id, n));
  }
  if (roles.handles || roles.moderates) {
    KC_RETURN_IF_ERROR(Audit(conn, who, r, "report.status", json::object{{"status", from}},
                             json::object{{"status", to}}));
  }
  json::object data{{"from", from}, {"to", to}};
  data["reason"] = mv.reason ? json::value(*mv.reason) : json::value(nullptr);
  if (mv.note && mv.note_public) data["note"] = *mv.note;
  MutationResult out;
  KC_ASSIGN_OR_RETURN(auto event, MakeEvent(conn, r, reopening ? kEventReopened : kEventStatusChanged,
                                            std::move(data), now));
  out.events.push_back(std::move(event));
  return out;
}

}  // namespace

void WorkflowService::ChangeStatus(std::string region, std::string tracking, ReportStatus to,
                                   std::optional<std::string> reason,
                                   std::optional<std::string> note, bool note_public, Who who,
                                   MutatedDone done) {
  Move mv{to, std::move(reason), std::move(note), note_public};
  Run(std::move(region), std::move(tracking),
      [mv = std::move(mv), who = std::move(who)](Connection& conn, WorkflowReport& wr) {
        return ApplyMove(conn, wr, mv, who);
      },
      std::move(done));
}

void WorkflowService::Reopen(std::string region, std::string tracking, std::string reason, Who who,
                             MutatedDone done) {
  Run(std::move(region), std::move(tracking),
      [reason = std::move(reason), who = std::move(who)](
          Connection& conn, WorkflowReport& wr) -> Result<MutationResult> {
        const ReportStatus from = wr.report.status;
        if (from != ReportStatus::kSelesai && from != ReportStatus::kDitolak) {
          return Error(ErrorCode::kConflict,
                       {"Hanya laporan yang selesai atau ditolak yang dapat dibuka kembali.",
                        "Only resolved or rejected reports can be reopened."},
                       "transition_not_allowed");
        }
        const auto to = from == ReportStatus::kSelesai ? ReportStatus::kDiproses
                                                       : ReportStatus::kDiverifikasi;
        return ApplyMove(conn, wr, Move{to, reason, std::nullopt, true}, who);
      },
      std::move(done));
}

void WorkflowService::AddNote(std::string region, std::string tracking, std::string text,
                              bool is_public, Who who, MutatedDone done) {
  Run(std::move(region), std::move(tracking),
      [text = std::move(text), is_public, who = std::move(who)](
          Connection& conn, WorkflowReport& wr) -> Result<MutationResult> {
        const Report& r = wr.report;
        const auto roles = RolesOf(who, r);
        if (!roles.handles && !roles.moderates) {
          return Forbidden({"Hanya petugas yang menangani laporan ini yang dapat menambah catatan.",
                            "Only officers handling this report may add notes."});
        }
        const std::string now = Now();
        TimelineEntry e = Entry(who, "note", now);
        e.text = text;
        e.is_public = is_public;
        KC_ASSIGN_OR_RETURN(int64_t id, AppendEvent(conn, r.id, e));
        KC_RETURN_IF_ERROR(Audit(conn, who, r, "report.note", nullptr,
                                 json::object{{"note_id", id}, {"public", is_public}}));
        KC_RETURN_IF_ERROR(UpdateTouched(conn, r.id, now));
        MutationResult out;
        out.answer["note"] = json::object{{"id", id}, {"text", text}, {"public", is_public},
                                          {"author", who.name}, {"created_at", now}};
        if (is_public) {
          KC_ASSIGN_OR_RETURN(auto event,
                              MakeEvent(conn, r, kEventNoteAdded, {{"text", text}}, now));
          out.events.push_back(std::move(event));
        }
        return out;
      },
      std::move(done));
}

}  // namespace kc::reports
