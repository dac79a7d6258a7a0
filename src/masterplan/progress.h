// Progress reports of masterplan programs (pelaporan kemajuan): per program and period, the
// owner OPD reports the percent done (cumulative), the rupiah realised in the period, KPI
// actuals, a narrative and an evidence link. Types and pure validation; the use cases are in
// progress_service.h. The region admin (or the consultant: masterplan.review) then checks the
// current revision of a report ("diperiksa") or returns it with a note ("dikembalikan"); a
// resubmission makes a new revision, again "diajukan".
//
// A period is a quarter "2026-Q1" (triwulan), a semester "2026-S1" (January to June; S2 July to
// December), a year "2026" or a month "2026-03"; one program keeps one kind, or its periods
// would overlap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "masterplan/program.h"

namespace kc::masterplan {

enum class PeriodKind { kMonth, kQuarter, kSemester, kYear };

// A reporting period with its first and last day ("YYYY-MM-DD").
struct Period {
  std::string name;  // "2026-Q1", "2026-S1", "2026" or "2026-03"
  int year = 0;
  PeriodKind kind = PeriodKind::kMonth;
  std::string start, end;
};

// Parses "YYYY-Qn" (n 1..4), "YYYY-Sn" (n 1..2), "YYYY" or "YYYY-MM" (01..12) with YYYY in
// 2000..2100; nullopt otherwise. Upper case only ("2026-s1" is refused): the name is the key of
// a report, so one period has one spelling.
std::optional<Period> ParsePeriod(std::string_view text);
// The "period" field message for a text ParsePeriod refuses.
Text PeriodFormatMessage();
// How often an item of that kind reports: {"per triwulan", "quarterly"} etc.
Text ReportsPer(PeriodKind kind);
// The kind of the `existing` periods when it differs from `p`'s (malformed ones ignored); one
// item reports in one kind of period, or the periods would overlap.
std::optional<PeriodKind> OtherPeriodKind(const Period& p,
                                          const std::vector<std::string>& existing);
// The "period" field error ("dilaporkan per bulan") when OtherPeriodKind finds one.
void CheckPeriodKind(const Period& p, const std::vector<std::string>& existing, Validation& v);

struct KpiActual {
  std::string name;  // one of the program's KPI names
  double value = 0;
};

// Where a report stands: submitted (not checked yet), checked, or returned to the owner OPD.
enum class CheckState { kSubmitted, kChecked, kReturned };
std::string_view ToString(CheckState s);  // "diajukan", "diperiksa", "dikembalikan"
std::optional<CheckState> CheckStateFromString(std::string_view name);

// The check of a report's current revision: who checked it, when, and the note (required when
// returned).
struct ReportCheck {
  CheckState state = CheckState::kSubmitted;
  std::string by, at;  // empty while submitted
  std::string note;
};

inline constexpr size_t kCheckNoteMaxChars = 2000;

// A check request for the revision the checker saw.
struct CheckRequest {
  int revision = 0;
  CheckState state = CheckState::kChecked;
  std::string note;
};

// Field errors of a check request: "state" (only diperiksa or dikembalikan), "note" (required,
// not blank, when returning), "revision" (>= 1).
void ValidateCheck(const CheckRequest& c, Validation& v);

struct ProgressReport {
  int program_no = 0;
  std::string period;
  int revision = 0;             // 1 for the first submission of the period, then 2, 3...
  int64_t owner_opd_id = 0;     // the program's owner when submitted
  int realisation = 0;          // percent done, 0..100, cumulative
  int64_t budget_realised = 0;  // rupiah spent within the period
  std::vector<KpiActual> kpi_actuals;
  std::string narrative;
  std::string evidence_url;  // http(s) link to the evidence (photos, documents); may be empty
  std::string submitted_by, submitted_at;
  ReportCheck check;
};

inline constexpr size_t kNarrativeMinChars = 10;
inline constexpr size_t kNarrativeMaxChars = 4000;
inline constexpr size_t kEvidenceUrlMaxChars = 500;

// Field errors of `r` for period `p` of program `program` in a plan running
// plan_start..plan_end, reported on `today` ("YYYY-MM-DD"): "period" (outside the plan or the
// program's years, or not started yet), "realisation", "budget_realised", "kpi_actuals[i].name"
// (not a KPI of the program, or twice), "narrative", "evidence_url".
void ValidateProgress(const ProgressReport& r, const Period& p, const Program& program,
                      int plan_start, int plan_end, std::string_view today, Validation& v);

// The "period" error of a period outside the plan years, outside first_year..last_year (the
// item's own years), or not started on `today`; shared by program and quick-win reports.
void ValidatePeriodFor(const Period& p, int plan_start, int plan_end, int first_year, int last_year,
                       std::string_view today, Validation& v);

}  // namespace kc::masterplan
