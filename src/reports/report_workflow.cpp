#include "reports/report_workflow.h"

#include <chrono>

namespace kc::reports {
namespace {

using S = ReportStatus;

// The role an arrow of the workflow needs.
enum class Needs { kHandler, kModerator, kReporterOrModerator };

struct Arrow {
  S from;
  S to;
  Needs needs;
};

// Every allowed move. Handlers (the OPD the report is routed to, or the region admin) work a
// report forward; only moderators reject; the reporter may reopen a resolution they dispute.
constexpr Arrow kArrows[] = {
    {S::kDiterima, S::kDiverifikasi, Needs::kHandler},
    {S::kDiterima, S::kDiproses, Needs::kHandler},
    {S::kDiverifikasi, S::kDiproses, Needs::kHandler},
    {S::kDiproses, S::kSelesai, Needs::kHandler},
    {S::kDiterima, S::kDitolak, Needs::kModerator},
    {S::kDiverifikasi, S::kDitolak, Needs::kModerator},
    {S::kDiproses, S::kDitolak, Needs::kModerator},
    {S::kSelesai, S::kDiproses, Needs::kReporterOrModerator},
    {S::kDitolak, S::kDiverifikasi, Needs::kModerator},
};

const Arrow* FindArrow(S from, S to) {
  for (const auto& a : kArrows) {
    if (a.from == from && a.to == to) return &a;
  }
  return nullptr;
}

Error Forbidden(Text message) { return Error(ErrorCode::kForbidden, std::move(message)); }

Status CheckActor(const Arrow& arrow, const WorkflowActor& actor, bool within_reopen_window) {
  switch (arrow.needs) {
    case Needs::kHandler:
      if (actor.handles || actor.moderates) return Ok();
      return Forbidden({"Hanya petugas OPD yang menangani laporan ini yang dapat mengubah statusnya.",
                        "Only officers of the OPD handling this report may change its status."});
    case Needs::kModerator:
      if (actor.moderates) return Ok();
      return Forbidden({"Hanya admin daerah yang dapat menolak atau meninjau ulang laporan.",
                        "Only the region admin may reject or reconsider a report."});
    case Needs::kReporterOrModerator:
      if (actor.moderates) return Ok();
      if (!actor.is_reporter) {
        return Forbidden({"Hanya pelapor atau admin daerah yang dapat membuka kembali laporan.",
                          "Only the reporter or the region admin may reopen a report."});
      }
      if (within_reopen_window) return Ok();
      return Error(ErrorCode::kConflict,
                   {"Laporan hanya dapat dibuka kembali dalam 14 hari setelah selesai.",
                    "A report can be reopened only within 14 days of its resolution."},
                   "reopen_window_closed");
  }
  return Internal("unknown workflow arrow");
}

// Where `t` falls in its local week: the UTC instant of local Monday 00:00 and the
// milliseconds since then, at the offset.
struct WeekPosition {
  TimePoint week_start;
  int64_t ms;
};

WeekPosition PositionOf(TimePoint t, int offset_minutes) {
  using namespace std::chrono;
  const auto offset = minutes(offset_minutes);
  const auto local = t + offset;
  const auto day = floor<days>(local);
  const int since_monday = static_cast<int>((weekday(sys_days(day)).c_encoding() + 6) % 7);
  const TimePoint monday = time_point_cast<milliseconds>(sys_days(day) - days(since_monday));
  return {monday - offset, (local - monday).count()};
}

}  // namespace

Status CheckTransition(const Transition& t, const WorkflowActor& actor, bool within_reopen_window) {
  if (t.from == t.to) {
    return Error(ErrorCode::kConflict,
                 {"Laporan sudah berstatus " + std::string(StatusName(t.to)) + ".",
                  "The report already has status " + std::string(StatusName(t.to)) + "."},
                 "status_unchanged");
  }
  const Arrow* arrow = FindArrow(t.from, t.to);
  if (arrow == nullptr) {
    Text message{"Status tidak dapat diubah dari " + std::string(StatusName(t.from)) + " ke " +
                     std::string(StatusName(t.to)) + ".",
                 "The status cannot change from " + std::string(StatusName(t.from)) + " to " +
                     std::string(StatusName(t.to)) + "."};
    if (t.to == S::kDuplikat) {
      message.id += " Gunakan penggabungan (merge) untuk menandai duplikat.";
      message.en += " Merge the report to mark it as a duplicate.";
    }
    return Error(ErrorCode::kConflict, std::move(message), "transition_not_allowed");
  }
  KC_RETURN_IF_ERROR(CheckActor(*arrow, actor, within_reopen_window));
  Validation v;
  const bool needs_reason = t.to == S::kDitolak || IsReopening(t.from, t.to);
  if (needs_reason && !t.has_reason) {
    v.Add("reason", {"wajib diisi untuk perubahan ini", "is required for this change"});
  }
  if (t.to == S::kSelesai && !t.has_note) {
    v.Add("note", {"catatan penyelesaian untuk publik wajib diisi",
                   "a public resolution note is required"});
  }
  if (!v.ok()) return std::move(v).ToError();
  return Ok();
}

bool IsReopening(ReportStatus from, ReportStatus to) {
  return (from == S::kSelesai && to == S::kDiproses) ||
         (from == S::kDitolak && to == S::kDiverifikasi);
}

TimePoint AddWorkingHours(TimePoint start, int hours, const WorkingHours& wh) {
  using namespace std::chrono;
  constexpr int64_t kMinute = 60'000;
  constexpr int64_t kDay = 24 * 60 * kMinute;
  const int64_t open = int64_t{wh.open_minute} * kMinute;
  const int64_t close = int64_t{wh.close_minute} * kMinute;
  if (hours <= 0 || close <= open) return start;
  int64_t left = int64_t{hours} * 60 * kMinute;
  auto [week_start, ms] = PositionOf(start, wh.utc_offset_minutes);
  for (;;) {
    const int64_t day = ms / kDay;
    const int64_t in_day = ms % kDay;
    if (day >= 5) {  // Saturday or Sunday: the next Monday's opening
      week_start += days(7);
      ms = open;
    } else if (in_day < open) {
      ms = day * kDay + open;
    } else if (in_day >= close) {
      ms = (day + 1) * kDay + open;
    } else if (left <= close - in_day) {
      ms += left;
      break;
    } else {
      left -= close - in_day;
      ms = (day + 1) * kDay + open;
    }
  }
  return week_start + milliseconds(ms);
}

SlaDeadlines ComputeSla(TimePoint created, int response_hours, int resolve_days,
                        const WorkingHours& wh) {
  const int day_hours = (wh.close_minute - wh.open_minute) / 60;
  return {AddWorkingHours(created, response_hours, wh),
          AddWorkingHours(created, resolve_days * (day_hours > 0 ? day_hours : 8), wh)};
}

}  // namespace kc::reports
