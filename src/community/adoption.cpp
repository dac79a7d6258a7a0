#include "community/adoption.h"

#include <chrono>
#include <cstdio>
#include <set>
#include <unordered_map>

namespace kc::community {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// Counts plus the distinct reporters behind them.
struct Bucket {
  AdoptionCounts counts;
  std::set<int64_t> reporters;
  void Report(const ReportEvent& e) {
    ++counts.reports;
    if (e.user_id) reporters.insert(*e.user_id);
  }
  AdoptionCounts Done() const {
    AdoptionCounts c = counts;
    c.active_reporters = static_cast<int64_t>(reporters.size());
    return c;
  }
};

sys_days LocalDay(TimePoint t, int offset_minutes) {
  return std::chrono::floor<days>(t + std::chrono::minutes(offset_minutes));
}

sys_days MondayOf(sys_days d) {
  const std::chrono::weekday wd{d};
  return d - days((wd.c_encoding() + 6) % 7);  // c_encoding: Sunday 0 .. Saturday 6
}

std::string FormatDay(sys_days d) {
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

std::string WeekStart(TimePoint t, int utc_offset_minutes) {
  return FormatDay(MondayOf(LocalDay(t, utc_offset_minutes)));
}

Adoption Aggregate(const std::vector<Agent>& agents, const std::vector<SignupEvent>& signups,
                   const std::vector<ReportEvent>& reports, TimePoint from, TimePoint to,
                   int utc_offset_minutes) {
  std::unordered_map<int64_t, size_t> index;  // agent id -> position in `agents`
  std::vector<Bucket> per_agent(agents.size());
  std::map<std::string, Bucket> per_kecamatan;
  std::map<std::string, int64_t> agents_in;
  for (size_t i = 0; i < agents.size(); ++i) {
    index[agents[i].id] = i;
    per_kecamatan[agents[i].kecamatan_code];
    ++agents_in[agents[i].kecamatan_code];
  }
  std::map<std::string, Bucket> per_week;
  if (from < to) {
    const sys_days last = LocalDay(to - std::chrono::milliseconds(1), utc_offset_minutes);
    for (sys_days d = MondayOf(LocalDay(from, utc_offset_minutes)); d <= last; d += days(7)) {
      per_week[FormatDay(d)];
    }
  }
  Bucket total;
  const auto in_period = [&](TimePoint t) { return t >= from && t < to; };
  for (const auto& e : signups) {
    auto it = index.find(e.agent_id);
    if (it == index.end() || !in_period(e.at)) continue;
    ++per_agent[it->second].counts.signups;
    ++per_kecamatan[agents[it->second].kecamatan_code].counts.signups;
    ++per_week[WeekStart(e.at, utc_offset_minutes)].counts.signups;
    ++total.counts.signups;
  }
  for (const auto& e : reports) {
    auto it = index.find(e.agent_id);
    if (it == index.end() || !in_period(e.at)) continue;
    per_agent[it->second].Report(e);
    per_kecamatan[agents[it->second].kecamatan_code].Report(e);
    per_week[WeekStart(e.at, utc_offset_minutes)].Report(e);
    total.Report(e);
  }
  Adoption out;
  for (size_t i = 0; i < agents.size(); ++i) {
    const Agent& a = agents[i];
    out.agents.push_back(
        {a.id, a.name, a.kecamatan_code, a.status, a.target_signups, per_agent[i].Done()});
  }
  for (const auto& [code, bucket] : per_kecamatan) {
    out.kecamatan.push_back({code, agents_in[code], bucket.Done()});
  }
  for (const auto& [week, bucket] : per_week) out.weeks.push_back({week, bucket.Done()});
  out.total = total.Done();
  return out;
}

}  // namespace kc::community
