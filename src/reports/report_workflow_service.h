// The report workflow service: status moves, officer notes, reassignment, merging duplicates,
// reopening, citizen follow/support/comments/rating and the SLA escalation sweep.
//
// Every operation decides inside its write, on the report as stored at that moment (see
// WorkflowStore::Mutate), records officer actions in the audit log in the same savepoint, and
// publishes its ReportEvents to the sink after the commit is durable. `done` runs on the writer
// thread (or at once for a refused request). Thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "accounts/account.h"
#include "accounts/roles.h"
#include "core/result.h"
#include "reports/report_events.h"
#include "reports/report_workflow.h"
#include "reports/report_workflow_store.h"

namespace kc::reports {

// Who asks, as the routes know it.
struct Who {
  accounts::Principal principal;
  int64_t user_id = 0;  // 0: not signed in
  std::string name;     // shown in the timeline for officers' entries
  accounts::Actor audit;
};

using MutatedDone = std::function<void(Result<Mutated>)>;

class WorkflowService {
 public:
  // `events` may be null (no listeners). Borrowed; must outlive the service.
  WorkflowService(WorkflowStore& store, ReportEventSink* events) : store_(store), events_(events) {}

  WorkflowStore& store() { return store_; }

  // Moves the report to `to`. `note` (public unless note_public is false) accompanies the
  // move; `reason` explains a rejection or reopening. Errors: CheckTransition's, kNotFound.
  void ChangeStatus(std::string region, std::string tracking, ReportStatus to,
                    std::optional<std::string> reason, std::optional<std::string> note,
                    bool note_public, Who who, MutatedDone done);
  // The reporter (within kReopenDays of the resolution) or a moderator reopens a resolved
  // report (-> diproses); a moderator reconsiders a rejected one (-> diverifikasi).
  void Reopen(std::string region, std::string tracking, std::string reason, Who who,
              MutatedDone done);
  // An officer's note; internal notes are seen only by officers. answer: {"note": {...}}.
  void AddNote(std::string region, std::string tracking, std::string text, bool is_public, Who who,
               MutatedDone done);
  // A moderator routes the report to another active OPD of the region. Errors: kInvalidArgument
  // "opd_id" (not an active OPD of the region), kConflict (closed report, same OPD).
  void Assign(std::string region, std::string tracking, int64_t opd_id, std::string reason, Who who,
              MutatedDone done);
  // A moderator marks the report a duplicate of `into` (an open report of the same region):
  // its followers, supporters and reporter carry over to `into`.
  void Merge(std::string region, std::string tracking, std::string into, std::string reason, Who who,
             MutatedDone done);
  // Citizens (signed in). answer: {"following", "followers"} / {"supported", "supporters"}.
  void Follow(std::string region, std::string tracking, bool on, Who who, MutatedDone done);
  void Support(std::string region, std::string tracking, bool on, Who who, MutatedDone done);
  // A comment waits for moderation (status "pending"); moderators' own comments are approved.
  void Comment(std::string region, std::string tracking, std::string text, Who who,
               MutatedDone done);
  void ModerateComment(std::string region, std::string tracking, int64_t comment_id, bool approve,
                       Who who, MutatedDone done);
  // The reporter rates a resolved report (1..5, optional text); a later rating replaces it.
  void Rate(std::string region, std::string tracking, int stars, std::optional<std::string> text,
            Who who, MutatedDone done);

  // Escalates every overdue clock (at most `limit`) to the region admins; returns how many were
  // escalated. Synchronous: for the module's sweeper thread and tests.
  Result<int> EscalateOverdue(TimePoint now, int limit);

  // What `who` may do with `r` (for routes deciding on views and buttons).
  static WorkflowActor RolesOf(const Who& who, const Report& r);

 private:
  void Run(std::string region, std::string tracking, Mutation m, MutatedDone done);

  WorkflowStore& store_;
  ReportEventSink* events_;
};

}  // namespace kc::reports
