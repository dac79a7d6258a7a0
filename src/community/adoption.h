// Adoption analytics ("evaluasi penyebaran aplikasi"): what the agents' referrals brought, per
// agent, per kecamatan and per week. The store loads raw events (community_store.h); Aggregate
// is pure, so the figures are tested against hand-computed expectations.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "community/community.h"
#include "core/time.h"

namespace kc::community {

// A citizen attributed to an agent (referral claim).
struct SignupEvent {
  int64_t agent_id = 0;
  int64_t user_id = 0;
  TimePoint at{};
};

// A report counted for an agent: explicitly attributed (?ref= or relayed by the agent), or
// submitted by a citizen the agent referred, after the referral.
struct ReportEvent {
  int64_t report_id = 0;
  int64_t agent_id = 0;
  std::optional<int64_t> user_id;  // the reporter's account, if any
  TimePoint at{};
};

struct AdoptionCounts {
  int64_t signups = 0;           // referral claims in the period
  int64_t reports = 0;           // attributed reports in the period
  int64_t active_reporters = 0;  // distinct reporter accounts among those reports
};

struct AgentAdoption {
  int64_t agent_id = 0;
  std::string name, kecamatan_code;
  AgentStatus status = AgentStatus::kActive;
  int64_t target_signups = 0;
  AdoptionCounts counts;
};

struct KecamatanAdoption {
  std::string code;
  int64_t agents = 0;  // agents on the roster in this kecamatan
  AdoptionCounts counts;
};

struct WeekAdoption {
  std::string week_start;  // Monday, YYYY-MM-DD, in the region's local time
  AdoptionCounts counts;
};

struct Adoption {
  std::vector<AgentAdoption> agents;         // roster order; ranked by signups in the JSON
  std::vector<KecamatanAdoption> kecamatan;  // by code
  std::vector<WeekAdoption> weeks;           // every week touching [from, to), oldest first
  AdoptionCounts total;
};

// Counts the events with from <= at < to. Events of agents not in `agents` are ignored. Weeks
// start on Monday 00:00 local time (UTC + utc_offset_minutes). Active reporters are distinct
// users per bucket (an agent, a kecamatan, a week, the total), so buckets do not add up.
Adoption Aggregate(const std::vector<Agent>& agents, const std::vector<SignupEvent>& signups,
                   const std::vector<ReportEvent>& reports, TimePoint from, TimePoint to,
                   int utc_offset_minutes);

// The Monday (YYYY-MM-DD) of the local week containing `t`.
std::string WeekStart(TimePoint t, int utc_offset_minutes);

}  // namespace kc::community
