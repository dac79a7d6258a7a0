// Storage of the community module on one store::Connection (SQLite today: *_store_sqlite.cpp).
// Reads run on any connection (Database::Read); functions that change data must run inside a
// Database::Write function, so they commit or roll back with their savepoint. All SQL is
// parameterised. Errors: storage errors from store/sqlite.h (kUnavailable, kConflict for
// constraint violations, kInternal).
//
// For other modules: AttributeReport below is how a report submitted with ?ref=CODE (or relayed
// by an agent) is counted for the agent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "community/adoption.h"
#include "community/community.h"
#include "store/sqlite.h"

namespace kc::community::db {

using store::Connection;

// ---- Agents and trainings (agent_store_sqlite.cpp) ----

// Inserts `a` (id and times are set by the caller's service, id ignored); returns the new id.
// kConflict when the referral code is taken in the region or the user is already an agent.
Result<int64_t> InsertAgent(Connection& conn, const Agent& a);
// Replaces the mutable fields (kecamatan, kelurahan, name, phone, email, user_id, status,
// joined_on, target_signups, updated_at) of agent a.id in a.region_code. False: no such agent.
Result<bool> UpdateAgent(Connection& conn, const Agent& a);
Result<std::optional<Agent>> FindAgent(Connection& conn, std::string_view region, int64_t id);
Result<std::optional<Agent>> FindAgentByCode(Connection& conn, std::string_view region,
                                             std::string_view code);
Result<std::optional<Agent>> FindAgentByUser(Connection& conn, std::string_view region,
                                             int64_t user_id);
// By kecamatan then id; only one kecamatan when `kecamatan` is set.
Result<std::vector<Agent>> ListAgents(Connection& conn, std::string_view region,
                                      std::optional<std::string_view> kecamatan = std::nullopt);

Result<int64_t> InsertTraining(Connection& conn, const Training& t, std::string_view now);
// Upserts attendance rows of the training. The agents must belong to the training's region
// (checked by the service).
Status SetAttendance(Connection& conn, int64_t training_id, const std::vector<Attendance>& rows);
Result<std::optional<Training>> FindTraining(Connection& conn, std::string_view region, int64_t id);
Result<std::vector<Training>> ListTrainings(Connection& conn, std::string_view region);
// The trainings an agent was listed for, with attendance, newest first.
Result<std::vector<std::pair<Training, bool>>> AgentTrainings(Connection& conn, int64_t agent_id);

// ---- Referrals and attribution (agent_store_sqlite.cpp) ----

// The agent a user of the region is attributed to, if any.
Result<std::optional<int64_t>> ReferralOf(Connection& conn, std::string_view region,
                                          int64_t user_id);
// Attributes the user to the agent. kConflict "already_attributed" when the user already is
// (first touch wins).
Status InsertReferral(Connection& conn, std::string_view region, int64_t user_id, int64_t agent_id,
                      std::string_view now);

// Counts report `report_id` of `region` for the active agent holding `code` (any spelling
// NormalizeReferralCode accepts). An unknown, malformed or inactive code attributes nothing and
// is not an error (the report still goes in); returns the agent id when attributed. A report
// is attributed at most once (a second call keeps the first). Call inside the report's write.
Result<std::optional<int64_t>> AttributeReport(Connection& conn, std::string_view region,
                                               int64_t report_id, std::string_view code);

// Raw events for adoption analytics with from <= at < to (UTC ISO-8601 bounds).
Result<std::vector<SignupEvent>> LoadSignups(Connection& conn, std::string_view region,
                                             std::string_view from, std::string_view to);
// Explicit attributions first; then reports by referred users made after their referral that
// are not explicitly attributed. Reads the reports table of the reports module (region_code,
// reporter_user_id, created_at).
Result<std::vector<ReportEvent>> LoadReportEvents(Connection& conn, std::string_view region,
                                                  std::string_view from, std::string_view to);

// ---- KIM and announcements (kim_store_sqlite.cpp) ----

Result<int64_t> InsertKimGroup(Connection& conn, const KimGroup& g);
Result<std::optional<KimGroup>> FindKimGroup(Connection& conn, std::string_view region, int64_t id);
// By kelurahan then name, with member counts.
Result<std::vector<KimGroup>> ListKimGroups(Connection& conn, std::string_view region);
Result<int64_t> InsertKimMember(Connection& conn, const KimMember& m);
Result<std::vector<KimMember>> ListKimMembers(Connection& conn, int64_t group_id);
Result<int64_t> InsertKimActivity(Connection& conn, const KimActivity& a,
                                  std::optional<int64_t> by);
Result<std::vector<KimActivity>> ListKimActivities(Connection& conn, int64_t group_id);
Result<int64_t> InsertKimInfo(Connection& conn, const KimInfo& i, std::optional<int64_t> by);
Result<std::vector<KimInfo>> ListKimInfo(Connection& conn, int64_t group_id);

Result<int64_t> InsertAnnouncement(Connection& conn, const Announcement& a,
                                   std::optional<int64_t> by);
Result<std::optional<Announcement>> FindAnnouncement(Connection& conn, std::string_view region,
                                                     int64_t id);
// Sets pinned and expires_at (and updated_at) of a.id.
Status UpdateAnnouncement(Connection& conn, const Announcement& a);
// Published (publish_at <= now) and not expired (expires_at NULL or > now) announcements of the
// region, pinned first, then newest first; all of them (for the admin) when `include_inactive`.
Result<std::vector<Announcement>> ListAnnouncements(Connection& conn, std::string_view region,
                                                    std::string_view now, bool include_inactive);

// ---- Channels and messages (channel_store_sqlite.cpp) ----

// Creates the channel unless its slug exists in the region; returns the channel either way.
Result<Channel> EnsureChannel(Connection& conn, const Channel& c);
Result<std::optional<Channel>> FindChannel(Connection& conn, std::string_view region, int64_t id);
Result<std::vector<Channel>> ListChannels(Connection& conn, std::string_view region);
// Appends a message (id assigned); returns it complete.
Result<Message> InsertMessage(Connection& conn, Message m);
// Messages of a channel: with `after`, the oldest ones with a larger id (catch-up), ascending;
// otherwise the newest ones with an id below `before` (or the newest), descending.
Result<std::vector<Message>> ListMessages(Connection& conn, int64_t channel_id,
                                          std::optional<int64_t> after,
                                          std::optional<int64_t> before, int limit);

}  // namespace kc::community::db
