#include "masterplan/masterplan.h"

#include <algorithm>
#include <string>

namespace kc::masterplan {
namespace {

struct StatusName {
  VersionStatus status;
  std::string_view name;
  std::string_view id;  // how the Indonesian UI says it
};
constexpr StatusName kStatusNames[] = {
    {VersionStatus::kDraft, "draft", "draf"},
    {VersionStatus::kInReview, "in_review", "dalam tinjauan"},
    {VersionStatus::kApproved, "approved", "disetujui"},
    {VersionStatus::kPublished, "published", "diterbitkan"},
};

std::string_view IndonesianName(VersionStatus s) {
  for (const auto& n : kStatusNames) {
    if (n.status == s) return n.id;
  }
  return "?";
}

}  // namespace

std::string_view ToString(VersionStatus status) {
  for (const auto& n : kStatusNames) {
    if (n.status == status) return n.name;
  }
  return "draft";
}

std::optional<VersionStatus> VersionStatusFromString(std::string_view name) {
  for (const auto& n : kStatusNames) {
    if (n.name == name) return n.status;
  }
  return std::nullopt;
}

Result<VersionStatus> Apply(VersionStatus from, Transition transition) {
  struct Rule {
    Transition t;
    VersionStatus from, to;
  };
  static constexpr Rule kRules[] = {
      {Transition::kSubmit, VersionStatus::kDraft, VersionStatus::kInReview},
      {Transition::kApprove, VersionStatus::kInReview, VersionStatus::kApproved},
      {Transition::kRequestChanges, VersionStatus::kInReview, VersionStatus::kDraft},
      {Transition::kPublish, VersionStatus::kApproved, VersionStatus::kPublished},
  };
  for (const Rule& r : kRules) {
    if (r.t != transition) continue;
    if (r.from == from) return r.to;
    const std::string need_id(IndonesianName(r.from)), need_en(ToString(r.from));
    Error e(ErrorCode::kConflict,
            {"Versi masterplan berstatus " + std::string(IndonesianName(from)) +
                 "; langkah ini hanya untuk versi berstatus " + need_id + ".",
             "The masterplan version is " + std::string(ToString(from)) +
                 "; this step applies only to a version that is " + need_en + "."},
            "invalid_transition");
    return e;
  }
  return Internal("unknown masterplan transition");
}

std::string_view ToString(TeamBody body) {
  switch (body) {
    case TeamBody::kDewan: return "dewan";
    case TeamBody::kTimPelaksana: return "tim_pelaksana";
    case TeamBody::kForum: return "forum";
  }
  return "tim_pelaksana";
}

std::optional<TeamBody> TeamBodyFromString(std::string_view name) {
  for (TeamBody b : {TeamBody::kDewan, TeamBody::kTimPelaksana, TeamBody::kForum}) {
    if (ToString(b) == name) return b;
  }
  return std::nullopt;
}

void ValidatePeriod(int start_year, int end_year, Validation& v) {
  const std::string range = std::to_string(kMinYear) + ".." + std::to_string(kMaxYear);
  if (start_year < kMinYear || start_year > kMaxYear) {
    v.Add("start_year", {"harus tahun " + range, "must be a year in " + range});
  }
  if (end_year < start_year) {
    v.Add("end_year", {"tidak boleh sebelum start_year", "must not be before start_year"});
  } else if (end_year - start_year + 1 > kMaxPeriodYears) {
    const std::string n = std::to_string(kMaxPeriodYears);
    v.Add("end_year", {"periode paling lama " + n + " tahun", "the period is at most " + n + " years"});
  }
}

const Masterplan* CurrentPlan(const std::vector<Masterplan>& plans, int year) {
  const auto running = [year](const Masterplan& m) {
    return m.start_year <= year && year <= m.end_year;
  };
  const bool any_running = std::any_of(plans.begin(), plans.end(), running);
  const Masterplan* best = nullptr;
  for (const Masterplan& m : plans) {
    if (any_running && !running(m)) continue;
    if (best == nullptr || m.start_year > best->start_year) best = &m;
  }
  return best;
}

}  // namespace kc::masterplan
