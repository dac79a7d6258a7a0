// Moderation side of the workflow: reassignment to another OPD, merging duplicates, and the
// SLA escalation sweep.
#include <boost/json.hpp>

#include "accounts/audit.h"

#include "reports/report_service.h"
#include "reports/report_workflow_internal.h"
#include "reports/report_workflow_service.h"

namespace kc::reports {

namespace json = boost::json;
using store::Connection;
using namespace internal;

namespace {

Status RequireModerator(const Who& who, const Report& r) {
  if (WorkflowService::RolesOf(who, r).moderates) return Ok();
  return Forbidden({"Hanya admin daerah yang dapat mengalihkan atau menggabungkan laporan.",
                    "Only the region admin may reassign or merge reports."});
}

Status RequireOpen(const Report& r) {
  if (!IsClosed(r.status)) return Ok();
  return Error(ErrorCode::kConflict,
               {"Laporan sudah ditutup (" + std::string(StatusName(r.status)) + ").",
                "The report is already closed (" + std::string(StatusName(r.status)) + ")."},
               "report_closed");
}

Result<bool> IsActiveOpdOf(Connection& conn, int64_t opd_id, const std::string& region) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "SELECT 1 FROM opds WHERE id = ?1 AND region_code = ?2 AND active = 1"));
  return st.Bind(1, opd_id).Bind(2, region).Step();
}

json::value OpdValue(std::optional<int64_t> id) {
  return id ? json::value(*id) : json::value(nullptr);
}

Result<MutationResult> ApplyAssign(Connection& conn, WorkflowReport& wr, int64_t opd_id,
                                   const std::string& reason, const Who& who) {
  const Report& r = wr.report;
  KC_RETURN_IF_ERROR(RequireModerator(who, r));
  KC_RETURN_IF_ERROR(RequireOpen(r));
  KC_ASSIGN_OR_RETURN(bool active, IsActiveOpdOf(conn, opd_id, r.region_code));
  if (!active) {
    return InvalidArgument({"OPD tidak dikenal atau tidak aktif di daerah ini.",
                            "Unknown or inactive OPD of this region."})
        .With("opd_id", {"bukan OPD aktif daerah ini", "is not an active OPD of this region"});
  }
  if (r.opd_id == opd_id) {
    return Error(ErrorCode::kConflict, {"Laporan sudah ditangani OPD ini.",
                                        "The report is already assigned to this OPD."},
                 "opd_unchanged");
  }
  const std::string now = Now();
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE reports SET opd_id = ?2, updated_at = ?3 WHERE id = ?1"));
  KC_RETURN_IF_ERROR(st.Bind(1, r.id).Bind(2, opd_id).Bind(3, now).Run());
  TimelineEntry e = Entry(who, "assigned", now);
  if (r.opd_id) e.from = std::to_string(*r.opd_id);
  e.to = std::to_string(opd_id);
  e.text = reason;
  KC_RETURN_IF_ERROR(AppendEvent(conn, r.id, e));
  KC_RETURN_IF_ERROR(Audit(conn, who, r, "report.assign", json::object{{"opd_id", OpdValue(r.opd_id)}},
                           json::object{{"opd_id", opd_id}}));
  MutationResult out;
  KC_ASSIGN_OR_RETURN(auto event, MakeEvent(conn, r, kEventAssigned,
                                            {{"from_opd", OpdValue(r.opd_id)},
                                             {"to_opd", opd_id},
                                             {"reason", reason}},
                                            now));
  out.events.push_back(std::move(event));
  return out;
}

// Carries followers, the reporter (as a follower) and supporters of `from` over to `into`.
Status CarryOver(Connection& conn, int64_t from, int64_t into, const std::string& now) {
  const char* sql[] = {
      "INSERT OR IGNORE INTO report_followers (report_id, user_id, created_at) "
      "SELECT ?2, user_id, ?3 FROM report_followers WHERE report_id = ?1",
      "INSERT OR IGNORE INTO report_followers (report_id, user_id, created_at) "
      "SELECT ?2, reporter_user_id, ?3 FROM reports WHERE id = ?1 AND reporter_user_id IS NOT NULL",
      "INSERT OR IGNORE INTO report_supporters (report_id, user_id, created_at) "
      "SELECT ?2, user_id, ?3 FROM report_supporters WHERE report_id = ?1",
      "UPDATE reports SET supporters = (SELECT count(*) FROM report_supporters "
      "WHERE report_id = ?2), updated_at = ?3 WHERE id = ?2 AND ?1 = ?1",
  };
  for (const char* s : sql) {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(s));
    KC_RETURN_IF_ERROR(st.Bind(1, from).Bind(2, into).Bind(3, now).Run());
  }
  return Ok();
}

Result<MutationResult> ApplyMerge(Connection& conn, WorkflowReport& wr, const std::string& into,
                                  const std::string& reason, const Who& who) {
  const Report& r = wr.report;
  KC_RETURN_IF_ERROR(RequireModerator(who, r));
  KC_RETURN_IF_ERROR(RequireOpen(r));
  KC_ASSIGN_OR_RETURN(auto target, FindReportIn(conn, r.region_code, into));
  if (!target || target->report.id == r.id || IsClosed(target->report.status)) {
    return InvalidArgument({"Laporan tujuan penggabungan tidak sah.", "Invalid merge target."})
        .With("into", {"harus laporan terbuka lain di daerah ini",
                       "must be another open report of this region"});
  }
  const std::string now = Now();
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE reports SET status = 'duplikat', merged_into = ?2, updated_at = ?3, "
      "responded_at = COALESCE(responded_at, ?3) WHERE id = ?1"));
  KC_RETURN_IF_ERROR(st.Bind(1, r.id).Bind(2, target->report.id).Bind(3, now).Run());
  KC_RETURN_IF_ERROR(CarryOver(conn, r.id, target->report.id, now));
  TimelineEntry e = Entry(who, "merged", now);
  e.from = std::string(StatusName(r.status));
  e.to = target->report.tracking;
  e.text = reason;
  KC_RETURN_IF_ERROR(AppendEvent(conn, r.id, e));
  TimelineEntry t = Entry(who, "merged", now);
  t.from = r.tracking;
  t.text = reason;
  KC_RETURN_IF_ERROR(AppendEvent(conn, target->report.id, t));
  KC_RETURN_IF_ERROR(Audit(conn, who, r, "report.merge",
                           json::object{{"status", StatusName(r.status)}},
                           json::object{{"status", "duplikat"}, {"into", target->report.tracking}}));
  MutationResult out;
  KC_ASSIGN_OR_RETURN(auto event, MakeEvent(conn, r, kEventMerged,
                                            {{"into", target->report.tracking}, {"reason", reason}},
                                            now));
  out.events.push_back(std::move(event));
  return out;
}

}  // namespace

void WorkflowService::Assign(std::string region, std::string tracking, int64_t opd_id,
                             std::string reason, Who who, MutatedDone done) {
  Run(std::move(region), std::move(tracking),
      [opd_id, reason = std::move(reason), who = std::move(who)](Connection& conn,
                                                                 WorkflowReport& wr) {
        return ApplyAssign(conn, wr, opd_id, reason, who);
      },
      std::move(done));
}

void WorkflowService::Merge(std::string region, std::string tracking, std::string into,
                            std::string reason, Who who, MutatedDone done) {
  Run(std::move(region), std::move(tracking),
      [into = std::move(into), reason = std::move(reason), who = std::move(who)](
          Connection& conn, WorkflowReport& wr) { return ApplyMerge(conn, wr, into, reason, who); },
      std::move(done));
}

namespace {

// Escalates one clock of one report if it is still overdue at `now`; appends the event.
Status EscalateOne(Connection& conn, int64_t id, const std::string& clock, const std::string& now,
                   std::vector<ReportEvent>& events) {
  const bool response = clock == "response";
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      response ? "UPDATE reports SET escalated_response_at = ?2 WHERE id = ?1 "
                 "AND responded_at IS NULL AND escalated_response_at IS NULL AND response_due < ?2"
               : "UPDATE reports SET escalated_resolve_at = ?2 WHERE id = ?1 "
                 "AND resolved_at IS NULL AND escalated_resolve_at IS NULL AND resolve_due < ?2 "
                 "AND status IN ('diterima', 'diverifikasi', 'diproses')"));
  KC_RETURN_IF_ERROR(st.Bind(1, id).Bind(2, now).Run());
  if (conn.Changes() == 0) return Ok();  // handled meanwhile
  KC_ASSIGN_OR_RETURN(auto wr, LoadReport(conn, id));
  TimelineEntry e{.kind = "escalated", .to = clock, .is_public = false, .at = now};
  e.text = response ? "Batas waktu tanggapan pertama terlewati; diteruskan ke admin daerah."
                    : "Batas waktu penyelesaian terlewati; diteruskan ke admin daerah.";
  KC_RETURN_IF_ERROR(AppendEvent(conn, id, e));
  KC_RETURN_IF_ERROR(accounts::RecordAudit(
      conn, {.actor = accounts::Actor{0, "system:sla"}, .region_code = wr.report.region_code,
             .action = "report.escalate", .target = "report:" + wr.report.tracking,
             .before = nullptr, .after = json::object{{"clock", clock}}}));
  KC_ASSIGN_OR_RETURN(auto admins, RegionAdmins(conn, wr.report.region_code));
  events.push_back({.type = kEventEscalated, .region_code = wr.report.region_code,
                    .tracking = wr.report.tracking, .report_id = id, .occurred_at = now,
                    .data = {{"clock", clock}}, .notify_user_ids = std::move(admins)});
  return Ok();
}

}  // namespace

Result<int> WorkflowService::EscalateOverdue(TimePoint now, int limit) {
  const std::string at = FormatUtc(now);
  KC_ASSIGN_OR_RETURN(auto due, store_.Overdue(at, limit));
  if (due.empty()) return 0;
  std::vector<ReportEvent> events;
  auto escalate = [&](Connection& conn) -> Status {
    events.clear();  // a retried batch starts over
    for (const auto& [id, clock] : due) {
      KC_RETURN_IF_ERROR(EscalateOne(conn, id, clock, at, events));
    }
    return Ok();
  };
  KC_RETURN_IF_ERROR(store_.db().WriteSync(escalate));
  if (events_ != nullptr) {
    for (const auto& e : events) events_->Publish(e);
  }
  return static_cast<int>(events.size());
}

}  // namespace kc::reports
