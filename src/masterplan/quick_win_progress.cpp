// Validation of quick-win progress reports (quick_win_progress.h).
#include "masterplan/quick_win_progress.h"

#include <algorithm>
#include <set>

namespace kc::masterplan {

std::vector<std::string> MilestoneLines(const QuickWin& q) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= q.milestones.size()) {
    size_t end = q.milestones.find('\n', pos);
    if (end == std::string::npos) end = q.milestones.size();
    std::string line = q.milestones.substr(pos, end - pos);
    const size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string::npos) {
      line = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
      out.push_back(std::move(line));
    }
    pos = end + 1;
  }
  return out;
}

void ValidateQuickWinProgress(const QuickWinReport& r, const Period& p, const QuickWin& q,
                              int plan_start, int plan_end, std::string_view today, Validation& v) {
  if ((q.state != QuickWinState::kSelected && q.state != QuickWinState::kFinal) ||
      !q.owner_opd_id) {
    v.Add("quick_win", {"hanya quick win terpilih atau final dengan OPD pemilik yang dilaporkan",
                        "only a selected or final quick win with an owner OPD reports progress"});
  }
  const bool dated = q.start_date && q.end_date;
  if (dated && p.year >= plan_start && p.year <= plan_end &&
      (p.end < *q.start_date || p.start > *q.end_date)) {
    v.Add("period", {"di luar jadwal quick win", "outside the quick win's dates"});
  } else {
    ValidatePeriodFor(p, plan_start, plan_end, plan_start, plan_end, today, v);
  }
  if (r.realisation < 0 || r.realisation > 100) {
    v.Add("realisation", {"harus 0 sampai 100 (persen)", "must be 0 to 100 (percent)"});
  }
  if (r.budget_realised < 0 || r.budget_realised > kMaxBudgetRupiah) {
    v.Add("budget_realised",
          {"harus rupiah bulat, tidak negatif", "must be whole rupiah, not negative"});
  }
  const std::vector<std::string> lines = MilestoneLines(q);
  std::set<std::string> seen;
  for (size_t i = 0; i < r.milestones_done.size(); ++i) {
    const std::string& m = r.milestones_done[i];
    const std::string field = "milestones_done[" + std::to_string(i) + "]";
    if (std::find(lines.begin(), lines.end(), m) == lines.end()) {
      v.Add(field, {"bukan tonggak quick win ini", "not a milestone of this quick win"});
    } else if (!seen.insert(m).second) {
      v.Add(field, {"tonggak disebut dua kali", "milestone given twice"});
    }
  }
  if (r.narrative.size() < kNarrativeMinChars) {
    v.Add("narrative", {"uraian kemajuan wajib diisi (min. 10 karakter)",
                        "a narrative is required (at least 10 characters)"});
  }
  if (!r.evidence_url.empty() && !r.evidence_url.starts_with("https://") &&
      !r.evidence_url.starts_with("http://")) {
    v.Add("evidence_url", {"harus tautan http(s)", "must be an http(s) link"});
  }
}

}  // namespace kc::masterplan
