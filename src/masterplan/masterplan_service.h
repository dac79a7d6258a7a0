// The masterplan use cases (steps 1-2 of issue 8): masterplans, versions, team and Bimtek
// stages. Write functions run inside one store::Database::Write each (RunWrite below), so a
// change, its checks and its audit entry commit together or not at all; they validate
// everything first and touch nothing on error.
//
// Errors (bilingual, Error::slug in quotes): kNotFound "masterplan_not_found"/"stage_not_found"/
// "participant_not_found"/"team_member_not_found"; kInvalidArgument "validation_failed" with field
// details; kConflict "period_overlap", "version_locked" (the latest version is in review or
// approved), "invalid_transition", "stages_incomplete" (publish before stage IV), "stage_gate"
// (missing outputs etc., bimtek.h), "stage_completed" (a completed stage is closed).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/account.h"
#include "masterplan/bimtek.h"
#include "masterplan/masterplan.h"
#include "store/database.h"

namespace kc::masterplan {

// Who changes what, where and when; `now` is the UTC timestamp written to the rows.
struct WriteContext {
  accounts::Actor actor;
  std::string region_code;
  std::string now;
};

// The latest version's team and the Bimtek stages beside the plan.
struct PlanDetail {
  Masterplan plan;
  std::vector<TeamMember> team;
  std::vector<Stage> stages;
  int open_requests = 0;  // unresolved request_changes comments (comment_service.h)
};

struct CreatePlanRequest {
  int start_year = 0;
  int end_year = 0;
  std::string title;
};

struct VersionPatch {
  std::optional<std::string> title;
  std::optional<std::string> summary;
};

// Fields of a stage to change; unset ones stay. Dates "YYYY-MM-DD".
struct StagePatch {
  std::optional<std::string> start_date, end_date, place, facilitator;
};

// --- reads (any connection) ---
// The region's masterplans with their latest version, by start year.
Result<std::vector<Masterplan>> ListPlans(store::Connection& conn, std::string_view region_code);
// The region's masterplans with a published version, by start year; `published` is the newest
// published version even when a newer draft exists (masterplan_store.h ListPublishedPlans).
Result<std::vector<Masterplan>> ListPublishedPlans(store::Connection& conn,
                                                   std::string_view region_code);
// The plan to work on in `year` (masterplan.h CurrentPlan) with every version, so `published` is
// set when one is. Errors: kNotFound "plan_not_found" when the region has no masterplan.
Result<Masterplan> GetCurrentPlan(store::Connection& conn, std::string_view region_code, int year);
// Errors: kNotFound "masterplan_not_found" (also for another region's plan).
Result<PlanDetail> GetPlan(store::Connection& conn, std::string_view region_code, int64_t id);
// A version's content (for an older or the published version).
Result<std::vector<TeamMember>> GetTeam(store::Connection& conn, int64_t version_id);

// --- writes (inside Database::Write) ---
Result<PlanDetail> CreatePlan(store::Connection& conn, const WriteContext& ctx,
                              const CreatePlanRequest& request);
// Edits the latest version: a draft in place; a published one through a new draft copied from
// it; in review or approved: kConflict "version_locked".
Result<PlanDetail> EditVersion(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                               const VersionPatch& patch);
// Moves the latest version (masterplan.h). `note` is the reviewer's text for kRequestChanges.
// Publishing requires all four Bimtek stages completed.
Result<PlanDetail> ApplyTransition(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                                   Transition transition, const std::string& note);
// Adds a member to the latest version's team (as EditVersion: a draft, or a new one).
// The OPD, when given, must be the region's ("opd_id" field error).
Result<PlanDetail> AddTeamMember(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                                 TeamMember member);
Result<PlanDetail> RemoveTeamMember(store::Connection& conn, const WriteContext& ctx,
                                    int64_t plan_id, int member_no);

Result<Stage> UpdateStage(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                          int stage, const StagePatch& patch);
// The OPD and area (kecamatan/kelurahan), when given, must be the region's.
Result<Stage> AddParticipant(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                             int stage, Participant participant);
Result<Stage> SetAttendance(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                            int stage, int64_t participant_id, bool attended);
// `output.output` must be one of the stage's required outputs ("output" field error).
Result<Stage> RecordOutput(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                           int stage, RecordedOutput output);
Result<Stage> RemoveOutput(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                           int stage, const std::string& output);
// The gate (bimtek.h CheckGate); on success the stage is completed by ctx.actor.
Result<Stage> CompleteStage(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                            int stage);

// Runs `fn` as one write of `db` and calls `done` with its value after the durable commit (or
// with the error; a failing fn rolls back alone). `done` runs on the store's completion thread.
template <class T>
void RunWrite(store::Database& db, std::function<Result<T>(store::Connection&)> fn,
              std::function<void(Result<T>)> done) {
  auto out = std::make_shared<std::optional<T>>();
  db.Write(
      [fn = std::move(fn), out](store::Connection& conn) -> Status {
        Result<T> r = fn(conn);
        if (!r.ok()) return std::move(r).error();
        *out = std::move(r).value();
        return Ok();
      },
      [out, done = std::move(done)](Status st) {
        if (!st.ok()) return done(std::move(st).error());
        done(std::move(**out));
      });
}

// RunWrite, waiting for the result (CLI, demo and tests; not request handlers).
template <class T>
Result<T> RunWriteSync(store::Database& db, std::function<Result<T>(store::Connection&)> fn) {
  std::optional<T> out;
  Status st = db.WriteSync([&](store::Connection& conn) -> Status {
    Result<T> r = fn(conn);
    if (!r.ok()) return std::move(r).error();
    out = std::move(r).value();
    return Ok();
  });
  if (!st.ok()) return std::move(st).error();
  return std::move(*out);
}

}  // namespace kc::masterplan
