// The masterplan of a region for a period, its versions and team: types and the pure rules
// (status transitions, period and team validation). Storage is masterplan_store.h, the use
// cases masterplan_service.h.
//
// Lifecycle of a version: draft -> in_review -> approved -> published, and in_review -> draft
// when the reviewer requests changes. Only the latest version is edited, and only as a draft; a
// published version is frozen, so an edit after publication opens a new draft copied from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kc::masterplan {

enum class VersionStatus { kDraft, kInReview, kApproved, kPublished };

// "draft", "in_review", "approved", "published".
std::string_view ToString(VersionStatus status);
std::optional<VersionStatus> VersionStatusFromString(std::string_view name);

// What a reviewer or editor asks to do with the latest version.
enum class Transition { kSubmit, kApprove, kRequestChanges, kPublish };

// The status `transition` leads to from `from`. Errors: kConflict "invalid_transition" with a
// bilingual message naming both states (e.g. approving a draft).
Result<VersionStatus> Apply(VersionStatus from, Transition transition);

// Team bodies the plan sets up: Dewan Smart City (council led by the head of region), Tim
// Pelaksana (working team), Forum Smart City (stakeholder forum).
enum class TeamBody { kDewan, kTimPelaksana, kForum };
std::string_view ToString(TeamBody body);
std::optional<TeamBody> TeamBodyFromString(std::string_view name);

struct TeamMember {
  int64_t id = 0;
  TeamBody body = TeamBody::kTimPelaksana;
  std::string name;
  std::string role;  // "Ketua", "Sekretaris", "Anggota", ...
  std::optional<int64_t> opd_id;
  int position = 0;  // order within the version
};

struct Version {
  int64_t id = 0;
  int number = 1;
  VersionStatus status = VersionStatus::kDraft;
  std::string title;
  std::string summary;
  std::string review_note;  // the reviewer's last request for changes
  std::string created_at, updated_at;
  std::optional<std::string> published_at;
};

struct Masterplan {
  int64_t id = 0;
  std::string region_code;
  int start_year = 0;
  int end_year = 0;
  std::string created_at;
  Version latest;                              // the version edits go to (if a draft)
  std::optional<Version> published;            // the newest published version, if any
  std::vector<Version> versions;               // all, oldest first (summaries)
};

// Limits, in Unicode code points or years.
inline constexpr size_t kTitleMaxChars = 200;
inline constexpr size_t kSummaryMaxChars = 20000;
inline constexpr size_t kNameMaxChars = 200;
inline constexpr int kMinYear = 2000;
inline constexpr int kMaxYear = 2100;
inline constexpr int kMaxPeriodYears = 20;  // masterplans run 5-10 years; 20 leaves room

// Validates a period; field errors on "start_year"/"end_year" into `v`.
void ValidatePeriod(int start_year, int end_year, Validation& v);
// The plan to work on in `year`: the one whose period holds `year`, else the one starting
// last; nullptr when `plans` is empty. The same rule as the web's currentPlan
// (web/src/masterplan/mpApi.ts), so the page and GET .../masterplans/current agree.
const Masterplan* CurrentPlan(const std::vector<Masterplan>& plans, int year);
// True when [a_start, a_end] and [b_start, b_end] share a year.
inline bool Overlaps(int a_start, int a_end, int b_start, int b_end) {
  return a_start <= b_end && b_start <= a_end;
}

}  // namespace kc::masterplan
