// Masterplans, versions and team (masterplan_service.h). Bimtek stages: bimtek_service.cpp.
#include <algorithm>
#include <boost/json.hpp>

#include "accounts/audit.h"
#include "http/json_body.h"
#include "masterplan/comment_store.h"
#include "masterplan/item.h"
#include "masterplan/masterplan_service.h"
#include "masterplan/masterplan_store.h"
#include "masterplan/summary.h"
#include "masterplan/version_edit.h"

namespace kc::masterplan {
namespace {

Error PlanNotFound() {
  return Error(ErrorCode::kNotFound,
               {"Masterplan tidak ditemukan di region ini.", "No such masterplan in this region."},
               "masterplan_not_found");
}

void ValidateText(const std::optional<std::string>& text, std::string_view field, size_t max,
                    size_t min, Validation& v) {
  if (!text) return;
  const size_t n = http::Utf8Length(*text);
  if (n < min || n > max) {
    v.Add(std::string(field), {"panjang harus " + std::to_string(min) + ".." + std::to_string(max) +
                                   " karakter",
                               "length must be " + std::to_string(min) + ".." + std::to_string(max) +
                                   " characters"});
  }
}

Result<PlanDetail> Detail(store::Connection& conn, std::string_view region, int64_t id) {
  return GetPlan(conn, region, id);
}

}  // namespace

namespace internal {

Result<Masterplan> LoadOrNotFound(store::Connection& conn, std::string_view region, int64_t id) {
  KC_ASSIGN_OR_RETURN(auto plan, db::LoadPlan(conn, region, id));
  if (!plan) return PlanNotFound();
  return std::move(*plan);
}

Status Audit(store::Connection& conn, const WriteContext& ctx, std::string action, int64_t plan_id,
             boost::json::object after) {
  if (auto items = AuditItems(action, after); !items.empty()) {
    after["items"] = boost::json::array(items.begin(), items.end());
  }
  KC_RETURN_IF_ERROR(accounts::RecordAudit(conn, {.actor = ctx.actor, .region_code = ctx.region_code,
                                                  .action = std::move(action),
                                                  .target = "masterplan:" + std::to_string(plan_id),
                                                  .after = std::move(after)}));
  return RefreshRegionSummary(conn, ctx.region_code, ctx.now);
}

Result<Version> EditableVersion(store::Connection& conn, const WriteContext& ctx, const Masterplan& plan) {
  const Version& latest = plan.latest;
  if (latest.status == VersionStatus::kDraft) return latest;
  if (latest.status == VersionStatus::kPublished) {
    KC_ASSIGN_OR_RETURN(int64_t id, db::CopyVersion(conn, plan.id, latest, latest.number + 1, ctx.now));
    Version v = latest;
    v.id = id;
    v.number = latest.number + 1;
    v.status = VersionStatus::kDraft;
    v.published_at.reset();
    v.review_note.clear();
    return v;
  }
  return Error(ErrorCode::kConflict,
               {"Versi terakhir sedang ditinjau atau sudah disetujui; perubahan menunggu keputusan "
                "peninjau (minta perbaikan) atau penerbitan.",
                "The latest version is in review or approved; changes wait for the reviewer "
                "(request changes) or for publication."},
               "version_locked");
}

}  // namespace internal

using internal::Audit;
using internal::EditableVersion;
using internal::LoadOrNotFound;

Result<PlanDetail> GetPlan(store::Connection& conn, std::string_view region_code, int64_t id) {
  PlanDetail d;
  KC_ASSIGN_OR_RETURN(d.plan, LoadOrNotFound(conn, region_code, id));
  KC_ASSIGN_OR_RETURN(d.team, db::LoadTeam(conn, d.plan.latest.id));
  KC_ASSIGN_OR_RETURN(d.stages, internal::LoadStages(conn, id, d.plan.latest.id));
  KC_ASSIGN_OR_RETURN(d.open_requests, db::CountOpenRequests(conn, id));
  return d;
}

Result<std::vector<Masterplan>> ListPlans(store::Connection& conn, std::string_view region_code) {
  return db::ListPlans(conn, region_code);
}

Result<std::vector<Masterplan>> ListPublishedPlans(store::Connection& conn,
                                                   std::string_view region_code) {
  return db::ListPublishedPlans(conn, region_code);
}

Result<Masterplan> GetCurrentPlan(store::Connection& conn, std::string_view region_code, int year) {
  KC_ASSIGN_OR_RETURN(auto plans, db::ListPlans(conn, region_code));
  const Masterplan* current = CurrentPlan(plans, year);
  if (current == nullptr) {
    return Error(ErrorCode::kNotFound, {"Region ini belum memiliki masterplan.",
                                        "This region has no masterplan yet."}, "plan_not_found");
  }
  // ListPlans carries only the latest version; the whole plan says whether one is published.
  return internal::LoadOrNotFound(conn, region_code, current->id);
}

Result<std::vector<TeamMember>> GetTeam(store::Connection& conn, int64_t version_id) {
  return db::LoadTeam(conn, version_id);
}

Result<PlanDetail> CreatePlan(store::Connection& conn, const WriteContext& ctx,
                              const CreatePlanRequest& request) {
  Validation v;
  ValidatePeriod(request.start_year, request.end_year, v);
  ValidateText(request.title, "title", kTitleMaxChars, 3, v);
  if (!v.ok()) return std::move(v).ToError();
  KC_ASSIGN_OR_RETURN(auto existing, db::ListPlans(conn, ctx.region_code));
  for (const Masterplan& m : existing) {
    if (Overlaps(m.start_year, m.end_year, request.start_year, request.end_year)) {
      const std::string period = std::to_string(m.start_year) + "-" + std::to_string(m.end_year);
      return Error(ErrorCode::kConflict,
                   {"Periode bertumpang tindih dengan masterplan " + period + ".",
                    "The period overlaps the masterplan " + period + "."},
                   "period_overlap");
    }
  }
  KC_ASSIGN_OR_RETURN(int64_t id, db::InsertPlan(conn, ctx.region_code, request.start_year,
                                                 request.end_year, request.title, ctx.now));
  KC_RETURN_IF_ERROR(Audit(conn, ctx, "masterplan.create", id,
                           {{"start_year", request.start_year}, {"end_year", request.end_year},
                            {"title", request.title}}));
  return Detail(conn, ctx.region_code, id);
}

Result<PlanDetail> EditVersion(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                               const VersionPatch& patch) {
  Validation v;
  ValidateText(patch.title, "title", kTitleMaxChars, 3, v);
  ValidateText(patch.summary, "summary", kSummaryMaxChars, 0, v);
  if (!patch.title && !patch.summary) v.Add("body", {"tidak ada kolom yang diubah", "no field to change"});
  if (!v.ok()) return std::move(v).ToError();
  KC_ASSIGN_OR_RETURN(Masterplan plan, LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(Version version, EditableVersion(conn, ctx, plan));
  if (patch.title) version.title = *patch.title;
  if (patch.summary) version.summary = *patch.summary;
  KC_RETURN_IF_ERROR(db::UpdateVersion(conn, version, ctx.now));
  KC_RETURN_IF_ERROR(Audit(conn, ctx, "masterplan.edit", plan_id,
                           {{"version", version.number}, {"title", version.title}}));
  return Detail(conn, ctx.region_code, plan_id);
}

Result<PlanDetail> ApplyTransition(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                                   Transition transition, const std::string& note) {
  if (http::Utf8Length(note) > kSummaryMaxChars) {
    Validation v;
    v.Add("note", {"catatan terlalu panjang", "the note is too long"});
    return std::move(v).ToError();
  }
  KC_ASSIGN_OR_RETURN(Masterplan plan, LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(VersionStatus next, Apply(plan.latest.status, transition));
  if (transition == Transition::kPublish) {
    KC_ASSIGN_OR_RETURN(auto stages, db::LoadStages(conn, plan_id));  // only `completed` matters
    Error e(ErrorCode::kConflict,
            {"Masterplan baru dapat diterbitkan setelah Bimtek tahap I-IV selesai.",
             "The masterplan can be published only after Bimtek stages I-IV are completed."},
            "stages_incomplete");
    for (const Stage& s : stages) {
      if (s.completed()) continue;
      const std::string roman(FindStage(s.stage)->roman);
      e.With("bimtek." + roman, {"tahap " + roman + " belum selesai", "stage " + roman + " not completed"});
    }
    if (!e.details.empty()) return e;
  }
  Version version = plan.latest;
  version.status = next;
  if (transition == Transition::kRequestChanges) version.review_note = note;
  if (transition == Transition::kPublish) version.published_at = ctx.now;
  KC_RETURN_IF_ERROR(db::UpdateVersion(conn, version, ctx.now));
  KC_RETURN_IF_ERROR(Audit(conn, ctx, "masterplan." + std::string(ToString(next)), plan_id,
                           {{"version", version.number}, {"status", ToString(next)}, {"note", note}}));
  return Detail(conn, ctx.region_code, plan_id);
}

Result<PlanDetail> AddTeamMember(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                                 TeamMember member) {
  Validation v;
  ValidateText(member.name, "name", kNameMaxChars, 2, v);
  ValidateText(member.role, "role", kNameMaxChars, 2, v);
  if (member.opd_id) {
    KC_ASSIGN_OR_RETURN(bool ok, db::OpdInRegion(conn, ctx.region_code, *member.opd_id));
    if (!ok) v.Add("opd_id", {"bukan OPD region ini", "not an OPD of this region"});
  }
  if (!v.ok()) return std::move(v).ToError();
  KC_ASSIGN_OR_RETURN(Masterplan plan, LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(Version version, EditableVersion(conn, ctx, plan));
  KC_ASSIGN_OR_RETURN(auto team, db::LoadTeam(conn, version.id));
  member.position = team.empty() ? 1 : team.back().position + 1;
  KC_ASSIGN_OR_RETURN(member.id, db::InsertTeamMember(conn, version.id, member));
  KC_RETURN_IF_ERROR(db::UpdateVersion(conn, version, ctx.now));  // touches updated_at
  KC_RETURN_IF_ERROR(Audit(conn, ctx, "masterplan.team.add", plan_id,
                           {{"version", version.number}, {"no", member.position}, {"name", member.name},
                            {"body", ToString(member.body)}}));
  return Detail(conn, ctx.region_code, plan_id);
}

Result<PlanDetail> RemoveTeamMember(store::Connection& conn, const WriteContext& ctx,
                                    int64_t plan_id, int member_no) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(auto current, db::LoadTeam(conn, plan.latest.id));
  const bool exists = std::any_of(current.begin(), current.end(),
                                  [&](const TeamMember& m) { return m.position == member_no; });
  if (!exists) {
    return Error(ErrorCode::kNotFound, {"Anggota tim tidak ditemukan.", "No such team member."},
                 "team_member_not_found");
  }
  KC_ASSIGN_OR_RETURN(Version version, EditableVersion(conn, ctx, plan));
  KC_ASSIGN_OR_RETURN(bool deleted, db::DeleteTeamMember(conn, version.id, member_no));
  if (!deleted) return Internal("team member vanished");
  KC_RETURN_IF_ERROR(db::UpdateVersion(conn, version, ctx.now));
  KC_RETURN_IF_ERROR(Audit(conn, ctx, "masterplan.team.remove", plan_id,
                           {{"version", version.number}, {"no", member_no}}));
  return Detail(conn, ctx.region_code, plan_id);
}

}  // namespace kc::masterplan
