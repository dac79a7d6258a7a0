// Programs (program / rencana aksi, Bimtek stages II-III) and quick wins (stages II-IV) of a
// masterplan version: types and pure validation. A program belongs to a dimension and one of
// its elements, has an owner OPD (required) and supporting OPDs, a horizon and years inside the
// plan period, budget per year and source, and KPIs with a baseline and yearly targets.
// Programs and quick wins are numbered per plan ("no"), stable across versions.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kc::masterplan {

enum class Horizon { kPendek, kMenengah, kPanjang };  // 1 year, 2-5 years, 5-10 years
std::string_view ToString(Horizon h);
std::optional<Horizon> HorizonFromString(std::string_view name);

enum class ProgramStatus { kPlanned, kOngoing, kDone, kCancelled };
std::string_view ToString(ProgramStatus s);
std::optional<ProgramStatus> ProgramStatusFromString(std::string_view name);

// Budget sources: APBD, APBN, DAK, KPBU (PPP), CSR, swasta.
bool IsBudgetSource(std::string_view source);
inline constexpr std::string_view kBudgetSourcesText = "APBD, APBN, DAK, KPBU, CSR, swasta";
inline constexpr int64_t kMaxBudgetRupiah = 1'000'000'000'000'000;  // 10^15: far above any APBD

struct BudgetLine {
  int year = 0;
  std::string source;
  int64_t amount = 0;  // rupiah
};

struct Kpi {
  std::string name;
  std::string unit;  // "%", "aplikasi", "orang", ...
  double baseline = 0;
  std::map<int, double> targets;  // year -> target
};

struct Program {
  int no = 0;
  std::string dimension, element;
  std::string name, description;
  int64_t owner_opd_id = 0;
  std::vector<int64_t> supporting_opd_ids;
  Horizon horizon = Horizon::kMenengah;
  int start_year = 0, end_year = 0;
  std::optional<std::string> location_code;  // kecamatan/kelurahan; none = the whole region
  std::string references;                    // RPJMD/Renstra codes, free text
  ProgramStatus status = ProgramStatus::kPlanned;
  std::vector<BudgetLine> budget;
  std::vector<Kpi> kpis;
};

enum class QuickWinState { kCandidate, kSelected, kFinal, kRejected };
std::string_view ToString(QuickWinState s);
std::optional<QuickWinState> QuickWinStateFromString(std::string_view name);

struct QuickWin {
  int no = 0;
  std::string dimension;
  std::string name, description;
  QuickWinState state = QuickWinState::kCandidate;
  std::string reason;  // why selected or rejected
  std::optional<int64_t> owner_opd_id;
  std::optional<std::string> start_date, end_date;  // YYYY-MM-DD
  int64_t budget = 0;                               // rupiah
  std::string milestones;                           // free text, one per line
  int progress = 0;                                 // percent done, 0..100
};

// Field errors of `p` for a plan running start_year..end_year (OPD ownership is checked by the
// service against the region). Field names: "dimension", "element", "name", "owner_opd_id",
// "supporting_opd_ids", "horizon"... "budget[i].year", "kpis[i].targets.2027".
void ValidateProgram(const Program& p, int plan_start, int plan_end, Validation& v);

// Field errors of a quick win: a selected or final one needs a reason; a final one needs an
// owner OPD and dates (end not before start, within one year: "real action within 6-12 months").
void ValidateQuickWin(const QuickWin& q, Validation& v);

}  // namespace kc::masterplan
