// Use cases of programs and quick wins on the latest version of a masterplan. Same conventions
// as masterplan_service.h: one Database::Write each, all fields validated first (program.h),
// nothing stored on error, edits go to the draft ("version_locked" while in review/approved).
#pragma once

#include <functional>
#include <vector>

#include "masterplan/masterplan_service.h"
#include "masterplan/program.h"

namespace kc::masterplan {

// Whether the caller may act for OPD `opd_id` (routes build it from accounts::Authorize with
// the OPD as target scope); an empty function allows every OPD.
using OpdCheck = std::function<bool(int64_t opd_id)>;

struct ProgramList {
  int version = 0;
  std::vector<Program> programs;
  std::vector<QuickWin> quick_wins;
};

// The latest version's programs and quick wins (`published`: the newest published version;
// kNotFound "not_published" when none).
Result<ProgramList> GetPrograms(store::Connection& conn, std::string_view region_code, int64_t plan_id,
                                bool published = false);

// Creates (program.no == 0) or replaces program `no` (kNotFound "program_not_found" when absent).
// Checks beyond ValidateProgram: owner and supporting OPDs are the region's ("owner_opd_id",
// "supporting_opd_ids"), the location is a kecamatan/kelurahan of the region ("location_code").
// Returns the saved program.
// `may_edit` (OPD officers, program.edit): the program must exist and its current owner pass the
// check (kForbidden otherwise), and it cannot be handed to an OPD that fails it ("owner_opd_id").
Result<Program> SaveProgram(store::Connection& conn, const WriteContext& ctx, int64_t plan_id, Program program,
                            const OpdCheck& may_edit = {});
Result<ProgramList> RemoveProgram(store::Connection& conn, const WriteContext& ctx, int64_t plan_id, int no);

// Creates or replaces a quick win as SaveProgram; the owner OPD must be the region's.
Result<QuickWin> SaveQuickWin(store::Connection& conn, const WriteContext& ctx, int64_t plan_id, QuickWin quick_win);
Result<ProgramList> RemoveQuickWin(store::Connection& conn, const WriteContext& ctx, int64_t plan_id, int no);

// The quick-win data outputs (bimtek.h) of a version: "quick_win_ideas" when every dimension
// has a quick win (any state), "quick_win_selection" when every dimension has one selected or
// final, "final_quick_wins" when every dimension has a final one.
DataOutputs QuickWinOutputs(const std::vector<QuickWin>& quick_wins);

}  // namespace kc::masterplan
