// Wiring of the report workflow: the long-lived parts its routes share, and the route
// registration (report_workflow_routes.cpp, report_social_routes.cpp).
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "http/request.h"
#include "http/router.h"
#include "reports/report_workflow_json.h"
#include "reports/report_workflow_service.h"
#include "reports/reports_module.h"

namespace kc::reports {

// Runs WorkflowService::EscalateOverdue every `interval` on its own thread until destroyed.
class EscalationSweeper {
 public:
  EscalationSweeper(WorkflowService& service, std::chrono::milliseconds interval);
  ~EscalationSweeper();
  EscalationSweeper(const EscalationSweeper&) = delete;
  EscalationSweeper& operator=(const EscalationSweeper&) = delete;

 private:
  void Loop();

  WorkflowService& service_;
  std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// Shared by the workflow routes; kept alive by them.
struct WorkflowContext {
  WorkflowContext(std::shared_ptr<ReportsModule> m, store::Database& db, ReportEventSink* events)
      : module(std::move(m)), store(db), workflow(store, events) {}

  std::shared_ptr<ReportsModule> module;
  WorkflowStore store;
  WorkflowService workflow;
  std::unique_ptr<EscalationSweeper> sweeper;  // set when the server runs the sweep
};

void AddWorkflowRoutes(http::Router& router, std::shared_ptr<WorkflowContext> ctx);
void AddSocialRoutes(http::Router& router, std::shared_ptr<WorkflowContext> ctx);

namespace internal {

enum class AnswerShape { kReport, kAnswerOnly, kCreated };

Who WhoOf(const http::Request& req);
// Trims ASCII white space; a blank text becomes nullopt.
std::optional<std::string> Trimmed(std::optional<std::string> s);
// The reply to a mutation: the report (private view), or the mutation's answer (200 or 201).
MutatedDone AnswerWith(std::shared_ptr<WorkflowContext> ctx, http::Reply reply, bool english,
                       std::string region, AnswerShape shape);
// The region of the path and the JSON body of a workflow request.
struct WorkflowRequest {
  regions::Region region;
  boost::json::object body;
};
// Resolves the region and parses the body; on error replies (404, 400, 415) and returns
// nullopt.
std::optional<WorkflowRequest> BeginRequest(WorkflowContext& ctx, const http::Request& req,
                                            const http::Reply& reply);
// Replies 400 with `v`'s problems and returns true when there are any.
bool RefuseInvalid(Validation& v, const http::Request& req, const http::Reply& reply);
// Adds "<name> must not be blank" when the field was sent but is only white space.
void RequireText(Validation& v, const std::optional<std::string>& value, bool present,
                 std::string_view name);

// Public, or the caller is its reporter or an officer who may see it.
bool CanSeeReport(const Who& who, const Report& r);
// Officers who see internal notes and personal data: handlers, moderators, region.read_private.
bool SeesInternal(const Who& who, const Report& r);

}  // namespace internal
}  // namespace kc::reports
