// Item keys: what in a masterplan a comment or an audit entry is about. The text form is the API
// and storage contract:
//   "plan"                  the plan as a whole (title, summary, status, team)
//   "stage:<1-4>"           a Bimtek stage (schedule, participants, outputs)
//   "readiness:<dimension>" the readiness analysis of a dimension (scores, SWOT), reference.h keys
//   "program:<no>"          a program by its plan-wide number (stable across versions)
//   "quick_win:<no>"        a quick win by its plan-wide number
// Pure and thread-safe; whether a program or quick win exists is the service's question.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace kc::masterplan {

enum class ItemKind { kPlan, kStage, kReadiness, kProgram, kQuickWin };

struct ItemKey {
  ItemKind kind = ItemKind::kPlan;
  int no = 0;             // kStage: 1..4; kProgram, kQuickWin: >= 1
  std::string dimension;  // kReadiness only

  friend bool operator==(const ItemKey&, const ItemKey&) = default;
};

inline constexpr size_t kItemMaxChars = 40;

// The key of `text` in its canonical form only ("program:3", not "program:03" or "Program:3");
// nullopt otherwise, also for an unknown dimension, stage 0 or 5, or a number beyond int.
std::optional<ItemKey> ParseItem(std::string_view text);
std::string ToString(const ItemKey& item);
// The field message for a malformed item (lists the accepted forms).
Text ItemFormatMessage();

// The items a masterplan audit entry is about, from its action and `after` summary, so an
// item's history can be found in the audit log (internal::Audit stores them as "items"):
// masterplan.* -> plan; bimtek.* -> stage:<stage>; readiness.* -> readiness:<dimension> for
// "dimension" or each of "dimensions"; program.* and quick_win.* -> their "no"; comment.* ->
// "item". Empty for anything else (maturity, directions and evaluations are not items).
std::vector<std::string> AuditItems(std::string_view action, const boost::json::object& after);

}  // namespace kc::masterplan
