// Programs and quick wins (program_service.h).
#include "masterplan/program_service.h"

#include <algorithm>
#include <boost/json.hpp>

#include "masterplan/masterplan_store.h"
#include "masterplan/reference.h"
#include "masterplan/version_edit.h"

namespace kc::masterplan {
namespace {

Error ItemNotFound(bool program) {
  return program ? Error(ErrorCode::kNotFound, {"Program tidak ditemukan.", "No such program."}, "program_not_found")
                 : Error(ErrorCode::kNotFound, {"Quick win tidak ditemukan.", "No such quick win."},
                         "quick_win_not_found");
}

Status CheckOpd(store::Connection& conn, const WriteContext& ctx, int64_t id, const char* field, Validation& v) {
  KC_ASSIGN_OR_RETURN(bool ok, db::OpdInRegion(conn, ctx.region_code, id));
  if (!ok) v.Add(field, {"bukan OPD region ini", "not an OPD of this region"});
  return Ok();
}

// The region-dependent checks of a program (after ValidateProgram).
Status CheckProgramRefs(store::Connection& conn, const WriteContext& ctx, const Program& p, Validation& v) {
  if (p.owner_opd_id > 0) KC_RETURN_IF_ERROR(CheckOpd(conn, ctx, p.owner_opd_id, "owner_opd_id", v));
  for (int64_t id : p.supporting_opd_ids) {
    Validation one;
    KC_RETURN_IF_ERROR(CheckOpd(conn, ctx, id, "supporting_opd_ids", one));
    if (!one.ok()) {
      v.Add("supporting_opd_ids", {"berisi OPD yang bukan milik region ini", "contains an OPD of another region"});
      break;
    }
  }
  if (p.location_code) {
    KC_ASSIGN_OR_RETURN(bool ok, db::AreaInRegion(conn, ctx.region_code, *p.location_code));
    if (!ok) v.Add("location_code", {"bukan kecamatan/kelurahan region ini", "not a kecamatan/kelurahan of this region"});
  }
  return Ok();
}

Result<ProgramList> Load(store::Connection& conn, const Version& v) {
  ProgramList l{.version = v.number};
  KC_ASSIGN_OR_RETURN(l.programs, db::LoadPrograms(conn, v.id));
  KC_ASSIGN_OR_RETURN(l.quick_wins, db::LoadQuickWins(conn, v.id));
  return l;
}

template <class T>
bool HasNo(const std::vector<T>& items, int no) {
  return std::any_of(items.begin(), items.end(), [no](const T& x) { return x.no == no; });
}

}  // namespace

Result<ProgramList> GetPrograms(store::Connection& conn, std::string_view region_code, int64_t plan_id,
                                bool published) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, region_code, plan_id));
  if (!published) return Load(conn, plan.latest);
  if (!plan.published) {
    return Error(ErrorCode::kNotFound, {"Masterplan ini belum diterbitkan.",
                                        "This masterplan is not published yet."}, "not_published");
  }
  return Load(conn, *plan.published);
}

namespace {

// The officer rule of SaveProgram: only an existing program of an OPD the caller acts for, and
// only to an owner it acts for.
Status CheckEditor(store::Connection& conn, const Masterplan& plan, const Program& p, const OpdCheck& may_edit,
                   Validation& v) {
  KC_ASSIGN_OR_RETURN(auto current, db::LoadPrograms(conn, plan.latest.id));
  const auto it = std::find_if(current.begin(), current.end(), [&](const Program& c) { return c.no == p.no; });
  if (p.no == 0 || it == current.end()) return ItemNotFound(true);
  if (!may_edit(it->owner_opd_id)) {
    return Error(ErrorCode::kForbidden, {"Program ini milik OPD lain.", "This program belongs to another OPD."});
  }
  if (p.owner_opd_id != it->owner_opd_id && !may_edit(p.owner_opd_id)) {
    v.Add("owner_opd_id", {"tidak boleh dialihkan ke OPD lain", "cannot be handed to another OPD"});
  }
  return Ok();
}

}  // namespace

Result<Program> SaveProgram(store::Connection& conn, const WriteContext& ctx, int64_t plan_id, Program p,
                            const OpdCheck& may_edit) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  Validation v;
  if (may_edit) KC_RETURN_IF_ERROR(CheckEditor(conn, plan, p, may_edit, v));
  ValidateProgram(p, plan.start_year, plan.end_year, v);
  KC_RETURN_IF_ERROR(CheckProgramRefs(conn, ctx, p, v));
  if (!v.ok()) return std::move(v).ToError();
  KC_ASSIGN_OR_RETURN(Version version, internal::EditableVersion(conn, ctx, plan));
  if (p.no != 0) {
    KC_ASSIGN_OR_RETURN(auto existing, db::LoadPrograms(conn, version.id));
    if (!HasNo(existing, p.no)) return ItemNotFound(true);
  }
  KC_ASSIGN_OR_RETURN(p.no, db::SaveProgram(conn, version.id, p));
  KC_RETURN_IF_ERROR(db::UpdateVersion(conn, version, ctx.now));
  KC_RETURN_IF_ERROR(internal::Audit(conn, ctx, "program.save", plan_id,
                                     {{"version", version.number}, {"no", p.no}, {"name", p.name},
                                      {"owner_opd_id", p.owner_opd_id}}));
  return p;
}

Result<ProgramList> RemoveProgram(store::Connection& conn, const WriteContext& ctx, int64_t plan_id, int no) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(auto current, db::LoadPrograms(conn, plan.latest.id));
  if (!HasNo(current, no)) return ItemNotFound(true);
  KC_ASSIGN_OR_RETURN(Version version, internal::EditableVersion(conn, ctx, plan));
  KC_ASSIGN_OR_RETURN(bool deleted, db::DeleteProgram(conn, version.id, no));
  if (!deleted) return Internal("program vanished");
  KC_RETURN_IF_ERROR(db::UpdateVersion(conn, version, ctx.now));
  KC_RETURN_IF_ERROR(internal::Audit(conn, ctx, "program.remove", plan_id, {{"version", version.number}, {"no", no}}));
  return Load(conn, version);
}

Result<QuickWin> SaveQuickWin(store::Connection& conn, const WriteContext& ctx, int64_t plan_id, QuickWin q) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  Validation v;
  ValidateQuickWin(q, v);
  if (q.owner_opd_id) KC_RETURN_IF_ERROR(CheckOpd(conn, ctx, *q.owner_opd_id, "owner_opd_id", v));
  if (!v.ok()) return std::move(v).ToError();
  KC_ASSIGN_OR_RETURN(Version version, internal::EditableVersion(conn, ctx, plan));
  if (q.no != 0) {
    KC_ASSIGN_OR_RETURN(auto existing, db::LoadQuickWins(conn, version.id));
    if (!HasNo(existing, q.no)) return ItemNotFound(false);
  }
  KC_ASSIGN_OR_RETURN(q.no, db::SaveQuickWin(conn, version.id, q));
  KC_RETURN_IF_ERROR(db::UpdateVersion(conn, version, ctx.now));
  KC_RETURN_IF_ERROR(internal::Audit(conn, ctx, "quick_win.save", plan_id,
                                     {{"version", version.number}, {"no", q.no}, {"name", q.name},
                                      {"state", ToString(q.state)}}));
  return q;
}

Result<ProgramList> RemoveQuickWin(store::Connection& conn, const WriteContext& ctx, int64_t plan_id, int no) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(auto current, db::LoadQuickWins(conn, plan.latest.id));
  if (!HasNo(current, no)) return ItemNotFound(false);
  KC_ASSIGN_OR_RETURN(Version version, internal::EditableVersion(conn, ctx, plan));
  KC_ASSIGN_OR_RETURN(bool deleted, db::DeleteQuickWin(conn, version.id, no));
  if (!deleted) return Internal("quick win vanished");
  KC_RETURN_IF_ERROR(db::UpdateVersion(conn, version, ctx.now));
  KC_RETURN_IF_ERROR(internal::Audit(conn, ctx, "quick_win.remove", plan_id, {{"version", version.number}, {"no", no}}));
  return Load(conn, version);
}

DataOutputs QuickWinOutputs(const std::vector<QuickWin>& qws) {
  auto every = [&](auto pred) {
    return std::all_of(Dimensions().begin(), Dimensions().end(), [&](const Dimension& d) {
      return std::any_of(qws.begin(), qws.end(), [&](const QuickWin& q) { return q.dimension == d.key && pred(q); });
    });
  };
  DataOutputs out;
  if (every([](const QuickWin&) { return true; })) out.insert("quick_win_ideas");
  if (every([](const QuickWin& q) { return q.state == QuickWinState::kSelected || q.state == QuickWinState::kFinal; })) {
    out.insert("quick_win_selection");
  }
  if (every([](const QuickWin& q) { return q.state == QuickWinState::kFinal; })) out.insert("final_quick_wins");
  return out;
}

}  // namespace kc::masterplan
