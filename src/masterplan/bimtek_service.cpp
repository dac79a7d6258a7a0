// Bimtek stages of a masterplan (masterplan_service.h): schedule, participants, outputs, gate.
#include <algorithm>
#include <boost/json.hpp>

#include "http/json_body.h"
#include "masterplan/masterplan_service.h"
#include "masterplan/masterplan_store.h"
#include "masterplan/version_edit.h"

namespace kc::masterplan {
namespace {

constexpr size_t kPlaceMaxChars = 200;
constexpr size_t kReferenceMaxChars = 500;

// The stages of a plan of the region, and the one asked for; errors when either is absent.
struct Loaded {
  std::vector<Stage> stages;
  int number = 1;          // the stage asked for
  int64_t version_id = 0;  // the latest version (data outputs)

  Stage& stage() { return stages[static_cast<size_t>(number - 1)]; }
};

Result<Loaded> LoadStage(store::Connection& conn, const WriteContext& ctx, int64_t plan_id, int stage,
                         bool must_be_open) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  if (FindStage(stage) == nullptr) {
    return Error(ErrorCode::kNotFound, {"Tahap Bimtek harus I, II, III atau IV.",
                                        "The Bimtek stage must be I, II, III or IV."},
                 "stage_not_found");
  }
  Loaded l;
  l.version_id = plan.latest.id;
  KC_ASSIGN_OR_RETURN(l.stages, internal::LoadStages(conn, plan_id, l.version_id));
  l.number = stage;
  if (must_be_open && l.stage().completed()) {
    return Error(ErrorCode::kConflict, {"Tahap ini sudah selesai dan tidak dapat diubah.",
                                        "This stage is completed and can no longer be changed."},
                 "stage_completed");
  }
  return l;
}

Status AuditStage(store::Connection& conn, const WriteContext& ctx, std::string action,
                  int64_t plan_id, int stage, boost::json::object after) {
  after["stage"] = stage;
  // Also refreshes the summary row: it shows the stage reached (summary.h).
  return internal::Audit(conn, ctx, std::move(action), plan_id, std::move(after));
}

void CheckLength(const std::optional<std::string>& text, const char* field, size_t min, size_t max,
                 Validation& v) {
  if (!text) return;
  const size_t n = http::Utf8Length(*text);
  if (n < min || n > max) {
    const std::string range = std::to_string(min) + ".." + std::to_string(max);
    v.Add(field, {"panjang harus " + range + " karakter", "length must be " + range + " characters"});
  }
}

Result<Stage> Reload(store::Connection& conn, int64_t plan_id, const Loaded& l, int stage) {
  KC_ASSIGN_OR_RETURN(auto stages, internal::LoadStages(conn, plan_id, l.version_id));
  return stages[static_cast<size_t>(stage - 1)];
}

}  // namespace

Result<Stage> UpdateStage(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                          int stage, const StagePatch& patch) {
  Validation v;
  for (const auto& [field, value] : {std::pair{"start_date", &patch.start_date},
                                     std::pair{"end_date", &patch.end_date}}) {
    if (*value && !IsIsoDate(**value)) {
      v.Add(field, {"harus tanggal YYYY-MM-DD", "must be a date YYYY-MM-DD"});
    }
  }
  CheckLength(patch.place, "place", 2, kPlaceMaxChars, v);
  CheckLength(patch.facilitator, "facilitator", 2, kPlaceMaxChars, v);
  if (!patch.start_date && !patch.end_date && !patch.place && !patch.facilitator) {
    v.Add("body", {"tidak ada kolom yang diubah", "no field to change"});
  }
  if (!v.ok()) return std::move(v).ToError();
  KC_ASSIGN_OR_RETURN(Loaded l, LoadStage(conn, ctx, plan_id, stage, /*must_be_open=*/true));
  Stage& s = l.stage();
  if (patch.start_date) s.start_date = patch.start_date;
  if (patch.end_date) s.end_date = patch.end_date;
  if (patch.place) s.place = *patch.place;
  if (patch.facilitator) s.facilitator = *patch.facilitator;
  if (s.start_date && s.end_date && *s.end_date < *s.start_date) {  // ISO dates sort as text
    Validation order;
    order.Add("end_date", {"tidak boleh sebelum start_date", "must not be before start_date"});
    return std::move(order).ToError();
  }
  KC_RETURN_IF_ERROR(db::UpdateStage(conn, plan_id, s));
  KC_RETURN_IF_ERROR(AuditStage(conn, ctx, "bimtek.update", plan_id, stage,
                           {{"place", s.place}, {"facilitator", s.facilitator}}));
  return s;
}

Result<Stage> AddParticipant(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                             int stage, Participant p) {
  Validation v;
  CheckLength(p.name, "name", 2, kNameMaxChars, v);
  CheckLength(p.role, "role", 0, kNameMaxChars, v);
  if (p.opd_id) {
    KC_ASSIGN_OR_RETURN(bool ok, db::OpdInRegion(conn, ctx.region_code, *p.opd_id));
    if (!ok) v.Add("opd_id", {"bukan OPD region ini", "not an OPD of this region"});
  }
  if (p.area_code) {
    KC_ASSIGN_OR_RETURN(bool ok, db::AreaInRegion(conn, ctx.region_code, *p.area_code));
    if (!ok) {
      v.Add("area_code", {"bukan kecamatan/kelurahan region ini", "not a kecamatan/kelurahan of this region"});
    }
  }
  if (!v.ok()) return std::move(v).ToError();
  KC_ASSIGN_OR_RETURN(Loaded l, LoadStage(conn, ctx, plan_id, stage, true));
  KC_ASSIGN_OR_RETURN(p.id, db::InsertParticipant(conn, plan_id, stage, p));
  KC_RETURN_IF_ERROR(AuditStage(conn, ctx, "bimtek.participant.add", plan_id, stage,
                           {{"participant", p.id}, {"name", p.name}}));
  return Reload(conn, plan_id, l, stage);
}

Result<Stage> SetAttendance(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                            int stage, int64_t participant_id, bool attended) {
  KC_ASSIGN_OR_RETURN(Loaded l, LoadStage(conn, ctx, plan_id, stage, true));
  KC_ASSIGN_OR_RETURN(bool found, db::SetAttendance(conn, plan_id, stage, participant_id, attended));
  if (!found) {
    return Error(ErrorCode::kNotFound, {"Peserta tidak ditemukan pada tahap ini.",
                                        "No such participant in this stage."},
                 "participant_not_found");
  }
  KC_RETURN_IF_ERROR(AuditStage(conn, ctx, "bimtek.attendance", plan_id, stage,
                           {{"participant", participant_id}, {"attended", attended}}));
  return Reload(conn, plan_id, l, stage);
}

Result<Stage> RecordOutput(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                           int stage, RecordedOutput o) {
  Validation v;
  const StageOutput* def = FindOutput(stage, o.output);
  if (FindStage(stage) != nullptr && def == nullptr) {
    v.Add("output", {"bukan keluaran wajib tahap ini", "not a required output of this stage"});
  } else if (def != nullptr && def->data) {
    v.Add("output", {"keluaran ini dihitung dari data rencana (isi datanya), bukan dicatat",
                     "this output comes from the plan's data (fill it in); it is not recorded"});
  }
  CheckLength(o.title, "title", 2, kTitleMaxChars, v);
  CheckLength(o.reference, "reference", 1, kReferenceMaxChars, v);
  if (!v.ok()) return std::move(v).ToError();
  KC_ASSIGN_OR_RETURN(Loaded l, LoadStage(conn, ctx, plan_id, stage, true));
  o.recorded_by = ctx.actor.label;
  o.recorded_at = ctx.now;
  KC_RETURN_IF_ERROR(db::UpsertOutput(conn, plan_id, stage, o));
  KC_RETURN_IF_ERROR(AuditStage(conn, ctx, "bimtek.output.record", plan_id, stage,
                           {{"output", o.output}, {"title", o.title}, {"reference", o.reference}}));
  return Reload(conn, plan_id, l, stage);
}

Result<Stage> RemoveOutput(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                           int stage, const std::string& output) {
  KC_ASSIGN_OR_RETURN(Loaded l, LoadStage(conn, ctx, plan_id, stage, true));
  KC_ASSIGN_OR_RETURN(bool found, db::DeleteOutput(conn, plan_id, stage, output));
  if (!found) {
    return Error(ErrorCode::kNotFound, {"Keluaran ini belum dicatat.", "This output is not recorded."},
                 "output_not_found");
  }
  KC_RETURN_IF_ERROR(AuditStage(conn, ctx, "bimtek.output.remove", plan_id, stage, {{"output", output}}));
  return Reload(conn, plan_id, l, stage);
}

Result<Stage> CompleteStage(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                            int stage) {
  KC_ASSIGN_OR_RETURN(Loaded l, LoadStage(conn, ctx, plan_id, stage, false));
  const Stage* previous = stage > 1 ? &l.stages[static_cast<size_t>(stage - 2)] : nullptr;
  KC_RETURN_IF_ERROR(CheckGate(l.stage(), previous));
  KC_RETURN_IF_ERROR(db::CompleteStage(conn, plan_id, stage, ctx.actor.label, ctx.now));
  KC_RETURN_IF_ERROR(AuditStage(conn, ctx, "bimtek.complete", plan_id, stage, {}));
  return Reload(conn, plan_id, l, stage);
}

}  // namespace kc::masterplan
