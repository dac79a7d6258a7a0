// The report workflow as pure rules: which status may follow which, who may make each move,
// what a move needs (a reason, a note), and the SLA clocks in the region's working hours.
// No storage, no I/O; thread-safe.
//
//   diterima ──► diverifikasi ──► diproses ──► selesai ──(reopen)──► diproses
//      │              │              │
//      └──────────────┴──────────────┴──► ditolak ──(reconsider)──► diverifikasi
//                                    └──► duplikat (only by merging into another report)
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"
#include "reports/report.h"

namespace kc::reports {

// Who is moving a report, as the workflow needs to know it (the route derives it from
// accounts::Authorize; the workflow never looks at roles).
struct WorkflowActor {
  bool handles = false;     // report.handle for the report's OPD (OPD officer, region admin)
  bool moderates = false;   // report.moderate in the region (region admin)
  bool is_reporter = false; // the signed-in user who filed the report
};

// Limits of workflow texts, in code points.
inline constexpr size_t kReasonMaxChars = 1000;
inline constexpr size_t kNoteMaxChars = 4000;
inline constexpr size_t kCommentMaxChars = 1000;
inline constexpr size_t kRatingTextMaxChars = 1000;
// A reporter may reopen a resolved report for this many days after it was resolved.
inline constexpr int kReopenDays = 14;

// A requested move. `reason` explains ditolak, reopening and reconsidering; `note` is the
// public resolution note selesai requires (a note may accompany any move).
struct Transition {
  ReportStatus from;
  ReportStatus to;
  bool has_reason = false;
  bool has_note = false;
};

// OK when `actor` may move a report from t.from to t.to. Errors (bilingual):
//   kConflict "status_unchanged" (to == from), kConflict "transition_not_allowed" (not an arrow
//   of the diagram above; duplikat is refused here: merging makes it), kForbidden (the actor
//   lacks the role the arrow needs), kInvalidArgument "validation_failed" with "reason" (ditolak,
//   reopen and reconsider need one) or "note" (selesai needs the public resolution note).
// Reopening (selesai -> diproses) by the reporter is allowed only while `within_reopen_window`.
Status CheckTransition(const Transition& t, const WorkflowActor& actor, bool within_reopen_window);

// True when the move is a reopening (selesai -> diproses) or a reconsideration (ditolak ->
// diverifikasi): the timeline shows these as "reopened".
bool IsReopening(ReportStatus from, ReportStatus to);

// Working hours of a region's offices: Monday to Friday, [open, close) local time. Indonesian
// government offices keep about 08:00-16:00; public holidays are not modelled yet.
struct WorkingHours {
  int utc_offset_minutes = 8 * 60;  // WITA
  int open_minute = 8 * 60;
  int close_minute = 16 * 60;
};

// `start` plus `hours` working hours: time outside the working hours does not count. A start
// outside them begins at the next opening. hours <= 0 returns `start`.
TimePoint AddWorkingHours(TimePoint start, int hours, const WorkingHours& wh);

// The two SLA deadlines of a report filed at `created`: first response within
// `response_hours` working hours, resolution within `resolve_days` working days (a working day
// counting as the office's daily hours).
struct SlaDeadlines {
  TimePoint response_due;
  TimePoint resolve_due;
};
SlaDeadlines ComputeSla(TimePoint created, int response_hours, int resolve_days,
                        const WorkingHours& wh);

}  // namespace kc::reports
