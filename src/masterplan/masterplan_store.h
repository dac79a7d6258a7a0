// Storage of masterplans, versions, team and Bimtek stages: plain functions on a connection, so
// the service composes several of them in one store::Database::Write (one savepoint: all or
// nothing) or one Read. SQLite implementation in masterplan_store_sqlite.cpp and
// bimtek_store_sqlite.cpp; a PostgreSQL one would provide the same functions.
//
// Reads work on any connection; functions that change data must run inside a Write function.
// "Not found" is an empty optional or false, never an error; errors are storage errors
// (kUnavailable, kConflict for constraint violations, kInternal).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "masterplan/bimtek.h"
#include "masterplan/masterplan.h"
#include "masterplan/program.h"
#include "masterplan/readiness.h"
#include "store/sqlite.h"

namespace kc::masterplan::db {

using store::Connection;

// --- masterplans and versions ---
// The region's masterplans (latest version filled in, versions empty), by start year.
Result<std::vector<Masterplan>> ListPlans(Connection& conn, std::string_view region_code);
// The region's masterplans that have a published version, by start year: `published` is the
// highest-numbered published version (an edit after publication adds a newer draft, which is
// `latest`); versions empty.
Result<std::vector<Masterplan>> ListPublishedPlans(Connection& conn, std::string_view region_code);
// One masterplan of the region with every version, the latest and the newest published.
Result<std::optional<Masterplan>> LoadPlan(Connection& conn, std::string_view region_code, int64_t id);
// Creates the masterplan, its first draft version and the four empty Bimtek stages. Returns the id.
Result<int64_t> InsertPlan(Connection& conn, std::string_view region_code, int start_year,
                           int end_year, std::string_view title, std::string_view now);
// Writes title, summary, status, review_note and published_at of version `v.id`.
Status UpdateVersion(Connection& conn, const Version& v, std::string_view now);
// Creates draft version `number` copying `from`'s fields and content (team). Returns the new id.
Result<int64_t> CopyVersion(Connection& conn, int64_t plan_id, const Version& from, int number,
                            std::string_view now);

// --- team ---
Result<std::vector<TeamMember>> LoadTeam(Connection& conn, int64_t version_id);
Result<int64_t> InsertTeamMember(Connection& conn, int64_t version_id, const TeamMember& m);
// Deletes member `position` (the member's order number) of the version; false when absent.
Result<bool> DeleteTeamMember(Connection& conn, int64_t version_id, int position);

// --- references to the regions module ---
Result<bool> OpdInRegion(Connection& conn, std::string_view region_code, int64_t opd_id);
// True for a kecamatan or kelurahan/desa code below the region.
Result<bool> AreaInRegion(Connection& conn, std::string_view region_code, std::string_view code);

// --- Bimtek (bimtek_store_sqlite.cpp) ---
// The four stages of a masterplan with participants and recorded outputs, stage I first.
Result<std::vector<Stage>> LoadStages(Connection& conn, int64_t plan_id);
// Writes dates, place and facilitator of `s.stage`.
Status UpdateStage(Connection& conn, int64_t plan_id, const Stage& s);
Status CompleteStage(Connection& conn, int64_t plan_id, int stage, std::string_view by,
                     std::string_view now);
Result<int64_t> InsertParticipant(Connection& conn, int64_t plan_id, int stage, const Participant& p);
// false when the stage has no such participant.
Result<bool> SetAttendance(Connection& conn, int64_t plan_id, int stage, int64_t participant_id,
                           bool attended);
// Inserts or replaces the recorded output `o.output`.
Status UpsertOutput(Connection& conn, int64_t plan_id, int stage, const RecordedOutput& o);
Result<bool> DeleteOutput(Connection& conn, int64_t plan_id, int stage, std::string_view output);

// --- readiness, SWOT, maturity, directions of a version (readiness_store_sqlite.cpp) ---
Result<std::vector<ReadinessScore>> LoadReadiness(Connection& conn, int64_t version_id);
Status UpsertScore(Connection& conn, int64_t version_id, const ReadinessScore& s);
// Ordered by dimension order of insertion (no).
Result<std::vector<SwotItem>> LoadSwot(Connection& conn, int64_t version_id);
// Assigns item.no (max + 1 within the version) and inserts; returns the number.
Result<int> InsertSwot(Connection& conn, int64_t version_id, const SwotItem& item);
Result<bool> DeleteSwot(Connection& conn, int64_t version_id, int no);
Result<std::vector<MaturityLevel>> LoadMaturity(Connection& conn, int64_t version_id);
Status UpsertMaturity(Connection& conn, int64_t version_id, const MaturityLevel& m);
Result<std::vector<DimensionDirection>> LoadDirections(Connection& conn, int64_t version_id);
Status UpsertDirection(Connection& conn, int64_t version_id, const DimensionDirection& d);

// --- programs and quick wins of a version (program_store_sqlite.cpp) ---
Result<std::vector<Program>> LoadPrograms(Connection& conn, int64_t version_id);
// Inserts or replaces program `p.no`; p.no == 0 assigns the next number. Returns the number.
Result<int> SaveProgram(Connection& conn, int64_t version_id, const Program& p);
Result<bool> DeleteProgram(Connection& conn, int64_t version_id, int no);
Result<std::vector<QuickWin>> LoadQuickWins(Connection& conn, int64_t version_id);
Result<int> SaveQuickWin(Connection& conn, int64_t version_id, const QuickWin& q);
Result<bool> DeleteQuickWin(Connection& conn, int64_t version_id, int no);

}  // namespace kc::masterplan::db
