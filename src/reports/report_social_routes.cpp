// HTTP adapters of the citizen side: follow, support (+1), comments and their moderation,
// rating; possible duplicates near a point; the caller's own reports. Also the escalation
// sweeper's thread.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>

#include "accounts/caller.h"
#include "http/json_body.h"
#include "http/pagination.h"
#include "reports/report_workflow_routes.h"
#include "reports/route_util.h"

namespace kc::reports {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;
using namespace internal;

EscalationSweeper::EscalationSweeper(WorkflowService& service, std::chrono::milliseconds interval)
    : service_(service), interval_(interval), thread_([this] { Loop(); }) {}

EscalationSweeper::~EscalationSweeper() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void EscalationSweeper::Loop() {
  std::unique_lock lock(mu_);
  while (!cv_.wait_for(lock, interval_, [this] { return stop_; })) {
    lock.unlock();
    // Batches of 500, at most 4 per interval: a backlog after downtime clears within minutes
    // without holding the writer away from submissions.
    for (int batch = 0; batch < 4; ++batch) {
      auto n = service_.EscalateOverdue(NowUtc(), 500);
      if (!n.ok()) {
        spdlog::warn("reports: escalation sweep failed: {}", n.error().message.en);
        break;
      }
      if (*n > 0) spdlog::info("reports: escalated {} overdue report clocks", *n);
      if (*n < 500) break;
    }
    lock.lock();
  }
}

namespace {

void Toggle(WorkflowContext& ctx, const std::shared_ptr<WorkflowContext>& self, Request& req,
            Reply reply, bool support, bool on) {
  auto region = ctx.module->FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto done = AnswerWith(self, std::move(reply), req.english, region->code, AnswerShape::kAnswerOnly);
  const std::string tracking(req.Param("tracking"));
  if (support) return ctx.workflow.Support(region->code, tracking, on, WhoOf(req), std::move(done));
  ctx.workflow.Follow(region->code, tracking, on, WhoOf(req), std::move(done));
}

void PostComment(WorkflowContext& ctx, const std::shared_ptr<WorkflowContext>& self, Request& req,
                 Reply reply) {
  auto in = BeginRequest(ctx, req, reply);
  if (!in) return;
  const auto& region = in->region;
  const json::object& body = in->body;
  Validation v;
  http::JsonFields f(body, v);
  const bool present = body.contains("text");
  auto text = Trimmed(f.String("text", true, kCommentMaxChars));
  f.RejectUnknown();
  RequireText(v, text, present, "text");
  if (RefuseInvalid(v, req, reply)) return;
  ctx.workflow.Comment(region.code, std::string(req.Param("tracking")), std::move(*text),
                       WhoOf(req),
                       AnswerWith(self, std::move(reply), req.english, region.code,
                                  AnswerShape::kCreated));
}

void PostModeration(WorkflowContext& ctx, const std::shared_ptr<WorkflowContext>& self,
                    Request& req, Reply reply) {
  auto id = ParseId(req.Param("id"));
  if (!id) return reply(Fail(NotFound({"Komentar tidak ditemukan.", "No such comment."}), req));
  auto in = BeginRequest(ctx, req, reply);
  if (!in) return;
  const auto& region = in->region;
  Validation v;
  http::JsonFields f(in->body, v);
  auto action = f.String("action", true, 20);
  f.RejectUnknown();
  if (action && *action != "approve" && *action != "hide") {
    v.Add("action", {"harus approve atau hide", "must be approve or hide"});
  }
  if (RefuseInvalid(v, req, reply)) return;
  ctx.workflow.ModerateComment(region.code, std::string(req.Param("tracking")), *id,
                               *action == "approve", WhoOf(req),
                               AnswerWith(self, std::move(reply), req.english, region.code,
                                          AnswerShape::kAnswerOnly));
}

void PostRating(WorkflowContext& ctx, const std::shared_ptr<WorkflowContext>& self, Request& req,
                Reply reply) {
  auto in = BeginRequest(ctx, req, reply);
  if (!in) return;
  const auto& region = in->region;
  const json::object& body = in->body;
  Validation v;
  http::JsonFields f(body, v);
  auto stars = f.Integer("stars", true, 1, 5);
  auto text = Trimmed(f.String("text", false, kRatingTextMaxChars));
  f.RejectUnknown();
  if (RefuseInvalid(v, req, reply)) return;
  ctx.workflow.Rate(region.code, std::string(req.Param("tracking")), static_cast<int>(*stars),
                    std::move(text), WhoOf(req),
                    AnswerWith(self, std::move(reply), req.english, region.code,
                               AnswerShape::kReport));
}

Response GetComments(WorkflowContext& ctx, Request& req) {
  auto region = ctx.module->FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto found = ctx.workflow.store().Find(region->code, req.Param("tracking"));
  if (!found.ok()) return Fail(found.error(), req);
  const Who who = WhoOf(req);
  if (!*found || !CanSeeReport(who, (*found)->report)) return Fail(ReportNotFound(), req);
  const bool moderator = WorkflowService::RolesOf(who, (*found)->report).moderates;
  auto comments = ctx.workflow.store().Comments((*found)->report.id, who.user_id, moderator);
  if (!comments.ok()) return Fail(comments.error(), req);
  json::array items;
  for (const auto& c : *comments) items.push_back(CommentJson(c));
  return http::JsonResponse(200, json::object{{"items", std::move(items)}});
}

// Great-circle distance in metres (haversine; plenty for a few hundred metres).
double DistanceMetres(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlon = (lon2 - lon1) * kRad;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return 2 * 6371008.8 * std::asin(std::min(1.0, std::sqrt(a)));
}

std::optional<double> QueryNumber(const Request& req, std::string_view name, double min,
                                  double max, std::optional<double> fallback, Validation& v) {
  const auto value = req.Query(name);
  if (!value || value->empty()) {
    if (!fallback) v.Add(std::string(name), {"wajib diisi", "is required"});
    return fallback;
  }
  char* end = nullptr;
  const std::string text(*value);
  const double d = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(d) || d < min || d > max) {
    v.Add(std::string(name), {"harus angka antara " + std::to_string(min) + " dan " +
                                  std::to_string(max),
                              "must be a number between " + std::to_string(min) + " and " +
                                  std::to_string(max)});
    return std::nullopt;
  }
  return d;
}

Response GetNearby(WorkflowContext& ctx, Request& req) {
  auto region = ctx.module->FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  Validation v;
  const auto category = req.Query("category");
  if (!category || category->empty()) v.Add("category", {"wajib diisi", "is required"});
  auto lat = QueryNumber(req, "lat", -90, 90, std::nullopt, v);
  auto lon = QueryNumber(req, "lon", -180, 180, std::nullopt, v);
  auto radius = QueryNumber(req, "radius", 10, 1000, 150.0, v);
  auto days = QueryNumber(req, "days", 1, 90, 30.0, v);
  if (!v.ok()) return Fail(std::move(v).ToError(), req);
  const double dlat = *radius / 111320.0;
  const double dlon = *radius / (111320.0 * std::max(0.01, std::cos(*lat * M_PI / 180.0)));
  const auto since = NowUtc() - std::chrono::days(static_cast<int>(*days));
  auto found = ctx.workflow.store().Nearby(region->code, *category, *lat - dlat, *lon - dlon,
                                           *lat + dlat, *lon + dlon, FormatUtc(since), 200);
  if (!found.ok()) return Fail(found.error(), req);
  auto opds = ctx.module->OpdNamesOf(region->code);
  if (!opds.ok()) return Fail(opds.error(), req);
  std::vector<std::pair<double, const WorkflowReport*>> near;
  for (const auto& r : *found) {
    const double d = DistanceMetres(*lat, *lon, r.report.lat, r.report.lon);
    if (d <= *radius) near.emplace_back(d, &r);
  }
  std::sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  json::array items;
  const auto now = NowUtc();
  for (size_t i = 0; i < near.size() && i < 10; ++i) {
    json::object o = WorkflowReportJson(*near[i].second, *opds, ReportView::kPublic, now);
    o["distance_m"] = std::round(near[i].first);
    items.push_back(std::move(o));
  }
  return http::JsonResponse(200, json::object{{"items", std::move(items)}});
}

Response GetMine(WorkflowContext& ctx, Request& req) {
  const Who who = WhoOf(req);
  auto page = http::ParsePage(req);
  if (!page.ok()) return Fail(page.error(), req);
  auto before = BeforeId(*page);
  if (!before.ok()) return Fail(before.error(), req);
  auto found = ctx.workflow.store().OfReporter(who.user_id, *before, page->limit + 1);
  if (!found.ok()) return Fail(found.error(), req);
  json::array items;
  const auto now = NowUtc();
  std::map<std::string, OpdNames> opds;  // per region
  const size_t n = std::min(found->size(), static_cast<size_t>(page->limit));
  for (size_t i = 0; i < n; ++i) {
    const auto& r = (*found)[i];
    auto [it, fresh] = opds.try_emplace(r.report.region_code);
    if (fresh) {
      auto names = ctx.module->OpdNamesOf(r.report.region_code);
      if (names.ok()) it->second = std::move(*names);
    }
    json::object item = WorkflowReportJson(r, it->second, ReportView::kPrivate, now);
    item["region"] = r.report.region_code;  // the caller's reports may span regions
    items.push_back(std::move(item));
  }
  json::object body{{"items", std::move(items)}};
  body["next_cursor"] = found->size() > n ? json::value(http::EncodeCursor(std::to_string((*found)[n - 1].report.id)))
                                          : json::value(nullptr);
  return http::JsonResponse(200, body);
}

}  // namespace

void AddSocialRoutes(http::Router& router, std::shared_ptr<WorkflowContext> ctx) {
  const std::string base = "/api/v1/regions/{region}/reports/{tracking}";
  for (const bool support : {false, true}) {
    const std::string path = base + (support ? "/support" : "/follow");
    for (const bool on : {true, false}) {
      router.Add({.method = on ? Method::kPut : Method::kDelete,
                  .pattern = path,
                  .permission = "report.create",
                  .region_param = "region",
                  .handler = [ctx, support, on](Request& req, Reply reply) {
                    Toggle(*ctx, ctx, req, std::move(reply), support, on);
                  },
                  .doc = {.summary = std::string(on ? "Start " : "Stop ") +
                                     (support ? "supporting (+1) the report" : "following the report"),
                          .tag = "reports", .responses = {200, 401, 404, 409}}});
    }
  }
  router.Add({.method = Method::kGet, .pattern = base + "/comments", .permission = "public",
              .handler = http::Sync([ctx](Request& req) { return GetComments(*ctx, req); }),
              .doc = {.summary = "Approved comments (and the caller's pending ones)",
                      .tag = "reports", .responses = {200, 404}}});
  router.Add({.method = Method::kPost, .pattern = base + "/comments", .permission = "report.create",
              .region_param = "region", .body_limit = internal::kSmallBodyLimit,
              .handler = [ctx](Request& req, Reply reply) { PostComment(*ctx, ctx, req, std::move(reply)); },
              .doc = {.summary = "Comment on a report (shown after moderation)", .tag = "reports",
                      .request_content_type = "application/json",
                      .responses = {201, 400, 401, 404}}});
  router.Add({.method = Method::kPost, .pattern = base + "/comments/{id}/moderation",
              .permission = "report.moderate", .region_param = "region",
              .body_limit = internal::kSmallBodyLimit,
              .handler = [ctx](Request& req, Reply reply) { PostModeration(*ctx, ctx, req, std::move(reply)); },
              .doc = {.summary = "Approve or hide a comment", .tag = "reports",
                      .request_content_type = "application/json",
                      .responses = {200, 400, 401, 403, 404}}});
  router.Add({.method = Method::kPost, .pattern = base + "/rating", .permission = "report.create",
              .region_param = "region", .body_limit = internal::kSmallBodyLimit,
              .handler = [ctx](Request& req, Reply reply) { PostRating(*ctx, ctx, req, std::move(reply)); },
              .doc = {.summary = "The reporter rates the resolution (1-5)", .tag = "reports",
                      .request_content_type = "application/json",
                      .responses = {200, 400, 401, 403, 404, 409}}});
  router.Add({.method = Method::kGet, .pattern = "/api/v1/regions/{region}/reports/nearby",
              .permission = "public",
              .handler = http::Sync([ctx](Request& req) { return GetNearby(*ctx, req); }),
              .doc = {.summary = "Open reports of a category near a point (possible duplicates)",
                      .tag = "reports", .responses = {200, 400, 404}}});
  router.Add({.method = Method::kGet, .pattern = "/api/v1/me/reports", .permission = "authenticated",
              .handler = http::Sync([ctx](Request& req) { return GetMine(*ctx, req); }),
              .doc = {.summary = "The signed-in caller's own reports", .tag = "reports",
                      .responses = {200, 401}}});
}

}  // namespace kc::reports
