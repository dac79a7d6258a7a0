#include "masterplan/program.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "http/json_body.h"
#include "masterplan/bimtek.h"
#include "masterplan/reference.h"

namespace kc::masterplan {
namespace {

template <class E, size_t N>
std::optional<E> FromName(const std::pair<E, std::string_view> (&names)[N], std::string_view name) {
  for (const auto& [e, n] : names) {
    if (n == name) return e;
  }
  return std::nullopt;
}
template <class E, size_t N>
std::string_view NameOf(const std::pair<E, std::string_view> (&names)[N], E e) {
  for (const auto& [x, n] : names) {
    if (x == e) return n;
  }
  return names[0].second;
}

constexpr std::pair<Horizon, std::string_view> kHorizons[] = {
    {Horizon::kPendek, "pendek"}, {Horizon::kMenengah, "menengah"}, {Horizon::kPanjang, "panjang"}};
constexpr std::pair<ProgramStatus, std::string_view> kStatuses[] = {
    {ProgramStatus::kPlanned, "planned"}, {ProgramStatus::kOngoing, "ongoing"},
    {ProgramStatus::kDone, "done"}, {ProgramStatus::kCancelled, "cancelled"}};
constexpr std::pair<QuickWinState, std::string_view> kStates[] = {
    {QuickWinState::kCandidate, "candidate"}, {QuickWinState::kSelected, "selected"},
    {QuickWinState::kFinal, "final"}, {QuickWinState::kRejected, "rejected"}};

std::string Years(int a, int b) { return std::to_string(a) + "-" + std::to_string(b); }

void CheckLength(const std::string& text, const std::string& field, size_t min, size_t max, Validation& v) {
  const size_t n = http::Utf8Length(text);
  if (n < min || n > max) {
    const std::string range = std::to_string(min) + ".." + std::to_string(max);
    v.Add(field, {"panjang harus " + range + " karakter", "length must be " + range + " characters"});
  }
}

// Years spanned by each horizon (PRODUCT.md: pendek 1, menengah 2-5, panjang 5-10).
bool SpanFits(Horizon h, int span) {
  switch (h) {
    case Horizon::kPendek: return span == 1;
    case Horizon::kMenengah: return span >= 2 && span <= 5;
    case Horizon::kPanjang: return span >= 5 && span <= 10;
  }
  return false;
}

// Returns whether the program's own years are usable for checking budget and KPI years.
bool ValidateYears(const Program& p, int plan_start, int plan_end, Validation& v) {
  const std::string period = Years(plan_start, plan_end);
  bool ok = true;
  if (p.start_year < plan_start || p.start_year > plan_end) {
    v.Add("start_year", {"harus di dalam periode masterplan " + period, "must be within the plan period " + period});
    ok = false;
  }
  if (p.end_year < p.start_year || p.end_year > plan_end) {
    v.Add("end_year", {"harus antara start_year dan akhir periode " + period,
                       "must be between start_year and the end of the plan period " + period});
    ok = false;
  }
  if (ok && !SpanFits(p.horizon, p.end_year - p.start_year + 1)) {
    v.Add("horizon", {"jangka pendek 1 tahun, menengah 2-5 tahun, panjang 5-10 tahun",
                      "short term is 1 year, medium 2-5 years, long 5-10 years"});
  }
  return p.start_year <= p.end_year;
}

void ValidateBudget(const Program& p, bool years_ok, Validation& v) {
  std::set<std::pair<int, std::string>> seen;
  for (size_t i = 0; i < p.budget.size(); ++i) {
    const BudgetLine& b = p.budget[i];
    const std::string f = "budget[" + std::to_string(i) + "].";
    if (years_ok && (b.year < p.start_year || b.year > p.end_year)) {
      v.Add(f + "year", {"harus di dalam tahun program " + Years(p.start_year, p.end_year),
                         "must be within the program's years " + Years(p.start_year, p.end_year)});
    }
    if (!IsBudgetSource(b.source)) {
      v.Add(f + "source", {"harus salah satu dari " + std::string(kBudgetSourcesText),
                           "must be one of " + std::string(kBudgetSourcesText)});
    }
    if (b.amount < 0 || b.amount > kMaxBudgetRupiah) {
      v.Add(f + "amount", {"anggaran harus rupiah 0 atau lebih", "the budget must be rupiah, 0 or more"});
    }
    if (!seen.insert({b.year, b.source}).second) {
      v.Add(f + "source", {"tahun dan sumber ini sudah ada", "this year and source appear twice"});
    }
  }
}

void ValidateKpis(const Program& p, bool years_ok, Validation& v) {
  for (size_t i = 0; i < p.kpis.size(); ++i) {
    const Kpi& k = p.kpis[i];
    const std::string f = "kpis[" + std::to_string(i) + "].";
    CheckLength(k.name, f + "name", 3, 300, v);
    CheckLength(k.unit, f + "unit", 1, 40, v);
    for (const auto& [year, target] : k.targets) {
      if (years_ok && (year < p.start_year || year > p.end_year)) {
        v.Add(f + "targets." + std::to_string(year),
              {"tahun di luar tahun program " + Years(p.start_year, p.end_year),
               "year outside the program's years " + Years(p.start_year, p.end_year)});
      }
    }
  }
}

}  // namespace

std::string_view ToString(Horizon h) { return NameOf(kHorizons, h); }
std::optional<Horizon> HorizonFromString(std::string_view name) { return FromName(kHorizons, name); }
std::string_view ToString(ProgramStatus s) { return NameOf(kStatuses, s); }
std::optional<ProgramStatus> ProgramStatusFromString(std::string_view name) { return FromName(kStatuses, name); }
std::string_view ToString(QuickWinState s) { return NameOf(kStates, s); }
std::optional<QuickWinState> QuickWinStateFromString(std::string_view name) { return FromName(kStates, name); }

bool IsBudgetSource(std::string_view source) {
  for (std::string_view s : {"APBD", "APBN", "DAK", "KPBU", "CSR", "swasta"}) {
    if (s == source) return true;
  }
  return false;
}

void ValidateProgram(const Program& p, int plan_start, int plan_end, Validation& v) {
  if (FindDimension(p.dimension) == nullptr) {
    v.Add("dimension", {"harus salah satu dari " + std::string(DimensionKeysText()),
                        "must be one of " + std::string(DimensionKeysText())});
  } else if (!IsElementOf(p.dimension, p.element)) {
    v.Add("element", {"bukan elemen dimensi ini", "not an element of this dimension"});
  }
  CheckLength(p.name, "name", 3, 200, v);
  CheckLength(p.description, "description", 0, 5000, v);
  CheckLength(p.references, "references", 0, 1000, v);
  if (p.owner_opd_id <= 0) {
    v.Add("owner_opd_id", {"OPD penanggung jawab wajib diisi", "the owner OPD is required"});
  }
  std::set<int64_t> supporting;
  for (int64_t id : p.supporting_opd_ids) {
    if (id == p.owner_opd_id || !supporting.insert(id).second) {
      v.Add("supporting_opd_ids", {"OPD pendukung ganda atau sama dengan penanggung jawab",
                                   "a supporting OPD is repeated or is the owner"});
      break;
    }
  }
  const bool years_ok = ValidateYears(p, plan_start, plan_end, v);
  ValidateBudget(p, years_ok, v);
  ValidateKpis(p, years_ok, v);
}

void ValidateQuickWin(const QuickWin& q, Validation& v) {
  if (FindDimension(q.dimension) == nullptr) {
    v.Add("dimension", {"harus salah satu dari " + std::string(DimensionKeysText()),
                        "must be one of " + std::string(DimensionKeysText())});
  }
  CheckLength(q.name, "name", 3, 200, v);
  CheckLength(q.description, "description", 0, 5000, v);
  CheckLength(q.milestones, "milestones", 0, 5000, v);
  if (q.budget < 0 || q.budget > kMaxBudgetRupiah) {
    v.Add("budget", {"anggaran harus rupiah 0 atau lebih", "the budget must be rupiah, 0 or more"});
  }
  if (q.progress < 0 || q.progress > 100) v.Add("progress", {"harus 0 sampai 100", "must be 0 to 100"});
  for (const auto& [field, date] : {std::pair{"start_date", &q.start_date}, std::pair{"end_date", &q.end_date}}) {
    if (*date && !IsIsoDate(**date)) v.Add(field, {"harus tanggal YYYY-MM-DD", "must be a date YYYY-MM-DD"});
  }
  const bool chosen = q.state == QuickWinState::kSelected || q.state == QuickWinState::kFinal ||
                      q.state == QuickWinState::kRejected;
  if (chosen && http::Utf8Length(q.reason) < 3) {
    v.Add("reason", {"alasan pemilihan wajib diisi", "the reason for the decision is required"});
  }
  if (q.state != QuickWinState::kFinal) return;
  if (!q.owner_opd_id) v.Add("owner_opd_id", {"quick win final wajib punya OPD penanggung jawab",
                                             "a final quick win needs an owner OPD"});
  if (!q.start_date) v.Add("start_date", {"wajib untuk quick win final", "required for a final quick win"});
  if (!q.end_date) v.Add("end_date", {"wajib untuk quick win final", "required for a final quick win"});
  if (q.start_date && q.end_date && IsIsoDate(*q.start_date) && IsIsoDate(*q.end_date)) {
    if (*q.end_date < *q.start_date) {
      v.Add("end_date", {"tidak boleh sebelum start_date", "must not be before start_date"});
    } else {
      // Within a year: compare with start + 1 year as text (ISO dates sort as text).
      const std::string limit = std::to_string(std::stoi(q.start_date->substr(0, 4)) + 1) + q.start_date->substr(4);
      if (*q.end_date > limit) {
        v.Add("end_date", {"quick win selesai dalam 12 bulan", "a quick win ends within 12 months"});
      }
    }
  }
}

}  // namespace kc::masterplan
