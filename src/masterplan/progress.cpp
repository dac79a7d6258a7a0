// Periods and validation of progress reports (progress.h).
#include "masterplan/progress.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

namespace kc::masterplan {
namespace {

std::optional<int> Digits(std::string_view s) {
  int out = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return out;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

std::string Date(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

std::optional<Period> ParsePeriod(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  const auto year = Digits(text.substr(0, 4));
  if (!year || *year < 2000 || *year > 2100) return std::nullopt;
  Period p{.name = std::string(text), .year = *year};
  int first = 1, last = 12;
  if (text.size() == 4) {
    p.kind = PeriodKind::kYear;
  } else if (text.size() != 7 || text[4] != '-') {
    return std::nullopt;
  } else if (text[5] == 'Q' || text[5] == 'S') {
    const bool quarter = text[5] == 'Q';
    const int months = quarter ? 3 : 6;
    const auto n = Digits(text.substr(6, 1));
    if (!n || *n < 1 || *n > 12 / months) return std::nullopt;
    p.kind = quarter ? PeriodKind::kQuarter : PeriodKind::kSemester;
    first = (*n - 1) * months + 1;
    last = first + months - 1;
  } else {
    const auto m = Digits(text.substr(5, 2));
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    first = last = *m;
  }
  p.start = Date(*year, first, 1);
  p.end = Date(*year, last, DaysIn(*year, last));
  return p;
}

Text PeriodFormatMessage() {
  return {"harus 2026-Q1 (triwulan), 2026-S1 (semester), 2026 (tahun) atau 2026-03 (bulan)",
          "must be 2026-Q1 (quarter), 2026-S1 (semester), 2026 (year) or 2026-03 (month)"};
}

Text ReportsPer(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kMonth:
      return {"per bulan", "monthly"};
    case PeriodKind::kQuarter:
      return {"per triwulan", "quarterly"};
    case PeriodKind::kSemester:
      return {"per semester", "per semester"};
    case PeriodKind::kYear:
      return {"per tahun", "yearly"};
  }
  return {"per bulan", "monthly"};
}

std::optional<PeriodKind> OtherPeriodKind(const Period& p,
                                          const std::vector<std::string>& existing) {
  for (const std::string& e : existing) {
    const auto other = ParsePeriod(e);
    if (other && other->kind != p.kind) return other->kind;
  }
  return std::nullopt;
}

void CheckPeriodKind(const Period& p, const std::vector<std::string>& existing, Validation& v) {
  if (const auto other = OtherPeriodKind(p, existing)) {
    const Text per = ReportsPer(*other);
    v.Add("period", {"dilaporkan " + per.id, "reported " + per.en});
  }
}

std::string_view ToString(CheckState s) {
  switch (s) {
    case CheckState::kSubmitted:
      return "diajukan";
    case CheckState::kChecked:
      return "diperiksa";
    case CheckState::kReturned:
      return "dikembalikan";
  }
  return "diajukan";
}

std::optional<CheckState> CheckStateFromString(std::string_view name) {
  for (CheckState s : {CheckState::kSubmitted, CheckState::kChecked, CheckState::kReturned}) {
    if (ToString(s) == name) return s;
  }
  return std::nullopt;
}

void ValidateCheck(const CheckRequest& c, Validation& v) {
  if (c.revision < 1) v.Add("revision", {"harus 1 atau lebih", "must be 1 or more"});
  if (c.state == CheckState::kSubmitted) {
    v.Add("state", {"harus diperiksa atau dikembalikan", "must be diperiksa or dikembalikan"});
  }
  const bool blank = c.note.find_first_not_of(" \t\r\n") == std::string::npos;
  if (c.state == CheckState::kReturned && blank) {
    v.Add("note", {"catatan wajib diisi saat laporan dikembalikan",
                   "a note is required when returning a report"});
  }
  if (c.note.size() > kCheckNoteMaxChars) {
    v.Add("note", {"paling banyak 2000 karakter", "at most 2000 characters"});
  }
}

void ValidatePeriodFor(const Period& p, int plan_start, int plan_end, int first_year, int last_year,
                       std::string_view today, Validation& v) {
  if (p.year < plan_start || p.year > plan_end) {
    v.Add("period", {"di luar periode masterplan", "outside the masterplan period"});
  } else if (p.year < first_year || p.year > last_year) {
    v.Add("period", {"di luar tahun pelaksanaan", "outside the years of implementation"});
  } else if (p.start > today) {
    v.Add("period", {"periode belum dimulai", "the period has not started yet"});
  }
}

void ValidateProgress(const ProgressReport& r, const Period& p, const Program& program,
                      int plan_start, int plan_end, std::string_view today, Validation& v) {
  if (p.year >= plan_start && p.year <= plan_end &&
      (p.year < program.start_year || p.year > program.end_year)) {
    v.Add("period", {"di luar tahun pelaksanaan program", "outside the program's years"});
  } else {
    ValidatePeriodFor(p, plan_start, plan_end, p.year, p.year, today, v);
  }
  if (r.realisation < 0 || r.realisation > 100) {
    v.Add("realisation", {"harus 0 sampai 100 (persen)", "must be 0 to 100 (percent)"});
  }
  if (r.budget_realised < 0 || r.budget_realised > kMaxBudgetRupiah) {
    v.Add("budget_realised",
          {"harus rupiah bulat, tidak negatif", "must be whole rupiah, not negative"});
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < r.kpi_actuals.size(); ++i) {
    const std::string& name = r.kpi_actuals[i].name;
    const bool known = std::any_of(program.kpis.begin(), program.kpis.end(),
                                   [&](const Kpi& k) { return k.name == name; });
    const std::string field = "kpi_actuals[" + std::to_string(i) + "].name";
    if (!known) {
      v.Add(field, {"bukan KPI program ini", "not a KPI of this program"});
    } else if (!seen.insert(name).second) {
      v.Add(field, {"KPI disebut dua kali", "KPI given twice"});
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
