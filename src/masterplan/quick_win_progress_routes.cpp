// HTTP adapters for progress reports of quick wins (quick_win_progress_service.h); the check
// route and the period view are in progress_routes.cpp beside the programs'.
#include <boost/json.hpp>

#include "http/json_body.h"
#include "http/response.h"
#include "masterplan/masterplan_module.h"
#include "masterplan/progress_json.h"
#include "masterplan/quick_win_progress_service.h"

namespace kc::masterplan {
namespace {

namespace json = boost::json;
using accounts::Permission;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;

constexpr size_t kBodyLimit = 32 * 1024;  // a narrative of 4000 characters and the milestones
const Text kNoPlan{"Masterplan tidak ditemukan di region ini.",
                   "No such masterplan in this region."};
const Text kNoQuickWin{"Quick win tidak ditemukan.", "No such quick win."};

Response Fail(const Error& e, const Request& req) { return http::ErrorResponse(e, req.english); }

Result<std::pair<int64_t, int>> PlanAndNo(const Request& req) {
  KC_ASSIGN_OR_RETURN(int64_t id, internal::IdParam(req, "id", kNoPlan));
  KC_ASSIGN_OR_RETURN(int64_t no, internal::IdParam(req, "no", kNoQuickWin));
  if (no > INT32_MAX) return Error(ErrorCode::kNotFound, kNoQuickWin);
  return std::pair{id, static_cast<int>(no)};
}

// Submitting needs program.report_progress: whoever holds masterplan.edit reports for any quick
// win, an OPD officer only for its own OPD's (checked inside the write against the owner).
void SubmitRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto ids = PlanAndNo(req);
  if (!ids.ok()) return reply(Fail(ids.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  std::optional<QuickWinReport> r = ReadQuickWinReport(*body, v);
  if (!r) return reply(Fail(std::move(v).ToError(), req));
  r->quick_win_no = ids->second;
  r->period = std::string(req.Param("period"));
  OpdCheck may_act = internal::OpdCheckOf(req, *region, Permission::kMasterplanEdit,
                                          Permission::kProgramReportProgress);
  internal::Write<QuickWinReport>(
      ctx, req, std::move(reply), 200,
      [plan = ids->first, report = *r, may_act](store::Connection& c, const WriteContext& wc) {
        return SubmitQuickWinProgress(c, wc, plan, report, may_act);
      },
      [](const QuickWinReport& x, bool) -> json::value { return QuickWinReportJson(x); });
}

Response ProgressRoute(RouteContext& ctx, const Request& req) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto ids = PlanAndNo(req);
  if (!ids.ok()) return Fail(ids.error(), req);
  const OpdCheck may_read = internal::OpdCheckOf(req, *region, Permission::kMasterplanRead,
                                                 Permission::kProgramReportProgress);
  auto p = ctx.db.Read([&](store::Connection& c) {
    return GetQuickWinProgress(c, *region, ids->first, ids->second, may_read);
  });
  if (!p.ok()) return Fail(p.error(), req);
  return http::JsonResponse(200, {{"quick_win_no", p->quick_win_no},
                                  {"quick_win_name", p->quick_win_name},
                                  {"owner_opd_id", p->owner_opd_id},
                                  {"periods", ReportsJson(p->periods, &QuickWinReportJson)},
                                  {"history", ReportsJson(p->history, &QuickWinReportJson)}});
}

}  // namespace

void AddQuickWinProgressRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx) {
  const std::string plan = "/api/v1/regions/{region}/masterplans/{id}";
  const std::string tag = "masterplan";
  router.Add(
      {.method = Method::kPut,
       .pattern = plan + "/quick-wins/{no}/progress/{period}",
       .permission = "program.report_progress",
       .region_param = "region",
       .body_limit = kBodyLimit,
       .handler = [ctx](Request& req, Reply reply) { SubmitRoute(*ctx, req, std::move(reply)); },
       .doc = {.summary = "Report a quick win's progress for a quarter (2026-Q1), semester "
                          "(2026-S1), year (2026) or month (2026-03): percent done, budget "
                          "realised, milestones done, narrative",
               .tag = tag,
               .request_content_type = "application/json",
               .responses = {200, 400, 403, 404}}});
  router.Add({.method = Method::kGet,
              .pattern = plan + "/quick-wins/{no}/progress",
              .permission = "program.report_progress",
              .region_param = "region",
              .handler = http::Sync([ctx](Request& req) { return ProgressRoute(*ctx, req); }),
              .doc = {.summary = "A quick win's progress per period and the history of submissions",
                      .tag = tag,
                      .responses = {200, 403, 404}}});
}

}  // namespace kc::masterplan
