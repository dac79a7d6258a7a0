// HTTP adapters of the workflow under /api/v1/regions/{region}/reports/{tracking}: status moves,
// reopening, officer notes, reassignment, merging and the timeline. Each answer is sent after
// the change is durable. Citizen actions are in report_social_routes.cpp.
#include <boost/json.hpp>

#include "accounts/caller.h"
#include "http/json_body.h"
#include "reports/report_workflow_routes.h"
#include "reports/route_util.h"

namespace kc::reports {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;

namespace internal {

Who WhoOf(const Request& req) {
  const auto& caller = accounts::CallerOf(req);
  return {.principal = caller.principal,
          .user_id = caller.IsUser() ? caller.user_id : 0,
          .name = caller.name,
          .audit = accounts::AuditActor(req)};
}

std::optional<std::string> Trimmed(std::optional<std::string> s) {
  if (!s) return s;
  const auto b = s->find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return std::nullopt;
  const auto e = s->find_last_not_of(" \t\r\n");
  return s->substr(b, e - b + 1);
}

MutatedDone AnswerWith(std::shared_ptr<WorkflowContext> ctx, Reply reply, bool english,
                       std::string region, AnswerShape shape) {
  return [ctx = std::move(ctx), reply = std::move(reply), english, region = std::move(region),
          shape](Result<Mutated> r) {
    if (!r.ok()) return reply(http::ErrorResponse(r.error(), english));
    if (shape == AnswerShape::kAnswerOnly) return reply(http::JsonResponse(200, r->result.answer));
    if (shape == AnswerShape::kCreated) return reply(http::JsonResponse(201, r->result.answer));
    auto opds = ctx->module->OpdNamesOf(region);
    json::object body = WorkflowReportJson(r->report, opds.ok() ? *opds : OpdNames{},
                                           ReportView::kPrivate, NowUtc());
    reply(http::JsonResponse(200, body));
  };
}

std::optional<WorkflowRequest> BeginRequest(WorkflowContext& ctx, const Request& req,
                                            const Reply& reply) {
  auto region = ctx.module->FindRegion(req.Param("region"));
  if (!region.ok()) {
    reply(Fail(region.error(), req));
    return std::nullopt;
  }
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) {
    reply(Fail(body.error(), req));
    return std::nullopt;
  }
  return WorkflowRequest{std::move(*region), std::move(*body)};
}

bool RefuseInvalid(Validation& v, const Request& req, const Reply& reply) {
  if (v.ok()) return false;
  reply(Fail(std::move(v).ToError(), req));
  return true;
}

void RequireText(Validation& v, const std::optional<std::string>& value, bool present,
                 std::string_view name) {
  if (present && !value) v.Add(std::string(name), {"tidak boleh kosong", "must not be blank"});
}

}  // namespace internal

namespace {

using namespace internal;

void PostStatus(WorkflowContext& ctx, const std::shared_ptr<WorkflowContext>& self, Request& req,
                Reply reply) {
  auto in = BeginRequest(ctx, req, reply);
  if (!in) return;
  const auto& region = in->region;
  const json::object& body = in->body;
  Validation v;
  http::JsonFields f(body, v);
  auto status = f.String("status", true, 20);
  auto reason = Trimmed(f.String("reason", false, kReasonMaxChars));
  auto note = Trimmed(f.String("note", false, kNoteMaxChars));
  const bool note_public = f.Bool("note_public", false).value_or(true);
  f.RejectUnknown();
  std::optional<ReportStatus> to;
  if (status) {
    to = ParseStatus(*status);
    if (!to) {
      v.Add("status", {"harus diverifikasi, diproses, selesai atau ditolak",
                       "must be diverifikasi, diproses, selesai or ditolak"});
    }
  }
  if (RefuseInvalid(v, req, reply)) return;
  ctx.workflow.ChangeStatus(region.code, std::string(req.Param("tracking")), *to, std::move(reason),
                            std::move(note), note_public, WhoOf(req),
                            AnswerWith(self, std::move(reply), req.english, region.code,
                                       AnswerShape::kReport));
}

void PostReopen(WorkflowContext& ctx, const std::shared_ptr<WorkflowContext>& self, Request& req,
                Reply reply) {
  auto in = BeginRequest(ctx, req, reply);
  if (!in) return;
  const auto& region = in->region;
  const json::object& body = in->body;
  Validation v;
  http::JsonFields f(body, v);
  const bool present = body.contains("reason");
  auto reason = Trimmed(f.String("reason", true, kReasonMaxChars));
  f.RejectUnknown();
  RequireText(v, reason, present, "reason");
  if (RefuseInvalid(v, req, reply)) return;
  ctx.workflow.Reopen(region.code, std::string(req.Param("tracking")), std::move(*reason),
                      WhoOf(req),
                      AnswerWith(self, std::move(reply), req.english, region.code,
                                 AnswerShape::kReport));
}

void PostNote(WorkflowContext& ctx, const std::shared_ptr<WorkflowContext>& self, Request& req,
              Reply reply) {
  auto in = BeginRequest(ctx, req, reply);
  if (!in) return;
  const auto& region = in->region;
  const json::object& body = in->body;
  Validation v;
  http::JsonFields f(body, v);
  const bool present = body.contains("text");
  auto text = Trimmed(f.String("text", true, kNoteMaxChars));
  auto is_public = f.Bool("public", true);
  f.RejectUnknown();
  RequireText(v, text, present, "text");
  if (RefuseInvalid(v, req, reply)) return;
  ctx.workflow.AddNote(region.code, std::string(req.Param("tracking")), std::move(*text),
                       *is_public, WhoOf(req),
                       AnswerWith(self, std::move(reply), req.english, region.code,
                                  AnswerShape::kCreated));
}

void PostAssign(WorkflowContext& ctx, const std::shared_ptr<WorkflowContext>& self, Request& req,
                Reply reply) {
  auto in = BeginRequest(ctx, req, reply);
  if (!in) return;
  const auto& region = in->region;
  const json::object& body = in->body;
  Validation v;
  http::JsonFields f(body, v);
  auto opd = f.Integer("opd_id", true, 1, INT64_MAX);
  const bool present = body.contains("reason");
  auto reason = Trimmed(f.String("reason", true, kReasonMaxChars));
  f.RejectUnknown();
  RequireText(v, reason, present, "reason");
  if (RefuseInvalid(v, req, reply)) return;
  ctx.workflow.Assign(region.code, std::string(req.Param("tracking")), *opd, std::move(*reason),
                      WhoOf(req),
                      AnswerWith(self, std::move(reply), req.english, region.code,
                                 AnswerShape::kReport));
}

void PostMerge(WorkflowContext& ctx, const std::shared_ptr<WorkflowContext>& self, Request& req,
               Reply reply) {
  auto in = BeginRequest(ctx, req, reply);
  if (!in) return;
  const auto& region = in->region;
  const json::object& body = in->body;
  Validation v;
  http::JsonFields f(body, v);
  auto into = f.String("into", true, 40);
  auto reason = Trimmed(f.String("reason", false, kReasonMaxChars));
  f.RejectUnknown();
  if (RefuseInvalid(v, req, reply)) return;
  ctx.workflow.Merge(region.code, std::string(req.Param("tracking")), std::move(*into),
                     reason.value_or(""), WhoOf(req),
                     AnswerWith(self, std::move(reply), req.english, region.code,
                                AnswerShape::kReport));
}

Response GetTimeline(WorkflowContext& ctx, Request& req) {
  auto region = ctx.module->FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto found = ctx.workflow.store().Find(region->code, req.Param("tracking"));
  if (!found.ok()) return Fail(found.error(), req);
  const Who who = WhoOf(req);
  if (!*found || !CanSeeReport(who, (*found)->report)) return Fail(ReportNotFound(), req);
  const Report& r = (*found)->report;
  const bool officer = SeesInternal(who, r);
  auto entries = ctx.workflow.store().Timeline(r.id, officer);
  if (!entries.ok()) return Fail(entries.error(), req);
  auto opds = ctx.module->OpdNamesOf(region->code);
  if (!opds.ok()) return Fail(opds.error(), req);
  json::array items;
  items.push_back(json::object{{"id", 0}, {"kind", "created"}, {"at", r.created_at},
                               {"from", nullptr}, {"to", "diterima"}, {"text", nullptr},
                               {"public", true}, {"actor", nullptr}});
  for (const auto& e : *entries) items.push_back(TimelineJson(e, *opds, officer));
  return http::JsonResponse(200, json::object{{"tracking", r.tracking}, {"items", std::move(items)}});
}

}  // namespace

bool internal::CanSeeReport(const Who& who, const Report& r) {
  if (r.is_public) return true;
  return SeesInternal(who, r) || (who.user_id != 0 && r.reporter_user_id == who.user_id);
}

bool internal::SeesInternal(const Who& who, const Report& r) {
  const auto roles = WorkflowService::RolesOf(who, r);
  return roles.handles || roles.moderates ||
         accounts::Authorize(who.principal, accounts::Permission::kRegionReadPrivate, r.region_code)
             .allowed;
}

void AddWorkflowRoutes(http::Router& router, std::shared_ptr<WorkflowContext> ctx) {
  const std::string base = "/api/v1/regions/{region}/reports/{tracking}";
  struct Post {
    std::string path, permission, summary;
    void (*fn)(WorkflowContext&, const std::shared_ptr<WorkflowContext>&, Request&, Reply);
    std::vector<int> responses;
  };
  const Post posts[] = {
      {"/status", "report.handle", "Move a report through the workflow", PostStatus,
       {200, 400, 401, 403, 404, 409}},
      {"/reopen", "report.create", "Reopen a resolved (or reconsider a rejected) report",
       PostReopen, {200, 400, 401, 403, 404, 409}},
      {"/notes", "report.handle", "Add an officer note (public or internal)", PostNote,
       {201, 400, 401, 403, 404}},
      {"/assign", "report.moderate", "Route the report to another OPD", PostAssign,
       {200, 400, 401, 403, 404, 409}},
      {"/merge", "report.moderate", "Mark the report a duplicate of another", PostMerge,
       {200, 400, 401, 403, 404, 409}},
  };
  for (const auto& p : posts) {
    auto fn = p.fn;
    router.Add({.method = Method::kPost,
                .pattern = base + p.path,
                .permission = p.permission,
                .region_param = "region",
                .body_limit = internal::kSmallBodyLimit,
                .handler = [ctx, fn](Request& req, Reply reply) { fn(*ctx, ctx, req, std::move(reply)); },
                .doc = {.summary = p.summary, .tag = "reports",
                        .request_content_type = "application/json", .responses = p.responses}});
  }
  router.Add({.method = Method::kGet,
              .pattern = base + "/timeline",
              .permission = "public",
              .handler = http::Sync([ctx](Request& req) { return GetTimeline(*ctx, req); }),
              .doc = {.summary = "The report's history (internal notes only for officers)",
                      .tag = "reports", .responses = {200, 404}}});
}

}  // namespace kc::reports
