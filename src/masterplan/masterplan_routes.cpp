// HTTP adapters for masterplans, versions, status transitions and the team.
#include <boost/json.hpp>
#include <chrono>

#include "accounts/caller.h"
#include "core/time.h"
#include "http/json_body.h"
#include "http/response.h"
#include "masterplan/masterplan_json.h"
#include "masterplan/masterplan_module.h"

namespace kc::masterplan {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::RegionCode;

constexpr size_t kBodyLimit = 64 * 1024;  // a summary of up to 20 000 characters
constexpr std::string_view kPlans = "/api/v1/regions/{region}/masterplans";
const Text kNoPlan{"Masterplan tidak ditemukan di region ini.", "No such masterplan in this region."};

json::value RenderPlan(const PlanDetail& d, bool english) { return PlanJson(d, english); }

Result<int64_t> PlanId(const Request& req) { return internal::IdParam(req, "id", kNoPlan); }

Response Fail(const Error& e, const Request& req) { return http::ErrorResponse(e, req.english); }

Response ListPlansRoute(RouteContext& ctx, const Request& req) {
  auto region = RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto plans = ctx.db.Read([&](store::Connection& c) { return ListPlans(c, *region); });
  if (!plans.ok()) return Fail(plans.error(), req);
  json::array items;
  for (const Masterplan& m : *plans) items.push_back(PlanSummaryJson(m));
  return http::JsonResponse(200, {{"items", std::move(items)}});
}

Response GetPlanRoute(RouteContext& ctx, const Request& req) {
  auto region = RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto id = PlanId(req);
  if (!id.ok()) return Fail(id.error(), req);
  auto d = ctx.db.Read([&](store::Connection& c) { return GetPlan(c, *region, *id); });
  return d.ok() ? http::JsonResponse(200, PlanJson(*d, req.english)) : Fail(d.error(), req);
}

// The year the current plan is chosen for: UTC, like the stored timestamps; a few hours around
// New Year's Eve in WITA/WIT do not decide anything plans are compared on (whole years).
int CurrentYear() {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(NowUtc())};
  return static_cast<int>(ymd.year());
}

// The plan to work on (masterplan.h CurrentPlan). masterplan.read holders get the list item;
// others (OPD officers, program.edit) only what they need to find their programs: id, period,
// the latest status and whether a version is published, not the draft's text or review notes.
Response CurrentPlanRoute(RouteContext& ctx, const Request& req) {
  auto region = RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto plan = ctx.db.Read(
      [&](store::Connection& c) { return GetCurrentPlan(c, *region, CurrentYear()); });
  if (!plan.ok()) return Fail(plan.error(), req);
  const accounts::Principal& caller = accounts::PrincipalOf(req);
  if (accounts::Authorize(caller, accounts::Permission::kMasterplanRead, *region).allowed) {
    return http::JsonResponse(200, PlanSummaryJson(*plan));
  }
  return http::JsonResponse(200, {{"id", plan->id}, {"region", plan->region_code},
                                  {"start_year", plan->start_year}, {"end_year", plan->end_year},
                                  {"status", ToString(plan->latest.status)},
                                  {"published", plan->published.has_value()}});
}

// The region's published masterplans for anyone: each plan's newest published version, by
// start year, even while a newer draft is being edited.
Response ListPublishedRoute(RouteContext& ctx, const Request& req) {
  auto region = RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto plans = ctx.db.Read([&](store::Connection& c) { return ListPublishedPlans(c, *region); });
  if (!plans.ok()) return Fail(plans.error(), req);
  json::array items;
  for (const Masterplan& m : *plans) {
    items.push_back({{"id", m.id}, {"region", m.region_code}, {"start_year", m.start_year},
                     {"end_year", m.end_year}, {"version", VersionJson(*m.published)}});
  }
  return http::JsonResponse(200, {{"items", std::move(items)}});
}

// The newest published version with its own team; 404 while nothing is published.
Response GetPublished(RouteContext& ctx, const Request& req) {
  auto region = RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto id = PlanId(req);
  if (!id.ok()) return Fail(id.error(), req);
  auto out = ctx.db.Read([&](store::Connection& c) -> Result<json::object> {
    KC_ASSIGN_OR_RETURN(PlanDetail d, GetPlan(c, *region, *id));
    if (!d.plan.published) {
      return Error(ErrorCode::kNotFound, {"Masterplan ini belum diterbitkan.",
                                          "This masterplan is not published yet."}, "not_published");
    }
    KC_ASSIGN_OR_RETURN(auto team, GetTeam(c, d.plan.published->id));
    return json::object{{"id", d.plan.id}, {"region", d.plan.region_code},
                        {"start_year", d.plan.start_year}, {"end_year", d.plan.end_year},
                        {"version", VersionJson(*d.plan.published)}, {"team", TeamJson(team)}};
  });
  return out.ok() ? http::JsonResponse(200, *out) : Fail(out.error(), req);
}

void CreatePlanRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto object = http::ParseJsonObject(req);
  if (!object.ok()) return reply(Fail(object.error(), req));
  Validation v;
  http::JsonFields f(*object, v);
  auto title = f.String("title", true, kTitleMaxChars, 3);
  auto start = f.Integer("start_year", true, kMinYear, kMaxYear);
  auto end = f.Integer("end_year", true, kMinYear, kMaxYear);
  f.RejectUnknown();
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  CreatePlanRequest r{static_cast<int>(*start), static_cast<int>(*end), *title};
  internal::Write<PlanDetail>(
      ctx, req, std::move(reply), 201,
      [r](store::Connection& c, const WriteContext& wc) { return CreatePlan(c, wc, r); }, RenderPlan);
}

void EditPlanRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto id = PlanId(req);
  if (!id.ok()) return reply(Fail(id.error(), req));
  auto object = http::ParseJsonObject(req);
  if (!object.ok()) return reply(Fail(object.error(), req));
  Validation v;
  http::JsonFields f(*object, v);
  VersionPatch patch{f.String("title", false, kTitleMaxChars, 3),
                     f.String("summary", false, kSummaryMaxChars)};
  f.RejectUnknown();
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  internal::Write<PlanDetail>(
      ctx, req, std::move(reply), 200,
      [id = *id, patch](store::Connection& c, const WriteContext& wc) {
        return EditVersion(c, wc, id, patch);
      },
      RenderPlan);
}

void TransitionRoute(RouteContext& ctx, Request& req, Reply reply, Transition t) {
  auto id = PlanId(req);
  if (!id.ok()) return reply(Fail(id.error(), req));
  std::string note;
  if (!req.body.empty()) {  // optional {"note": "..."}
    auto object = http::ParseJsonObject(req);
    if (!object.ok()) return reply(Fail(object.error(), req));
    Validation v;
    http::JsonFields f(*object, v);
    note = f.String("note", false, kSummaryMaxChars).value_or("");
    f.RejectUnknown();
    if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  }
  internal::Write<PlanDetail>(
      ctx, req, std::move(reply), 200,
      [id = *id, t, note](store::Connection& c, const WriteContext& wc) {
        return ApplyTransition(c, wc, id, t, note);
      },
      RenderPlan);
}

void AddMemberRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto id = PlanId(req);
  if (!id.ok()) return reply(Fail(id.error(), req));
  auto object = http::ParseJsonObject(req);
  if (!object.ok()) return reply(Fail(object.error(), req));
  Validation v;
  http::JsonFields f(*object, v);
  TeamMember m;
  if (auto body = f.String("body", true, 20)) {
    if (auto b = TeamBodyFromString(*body)) m.body = *b;
    else v.Add("body", {"harus dewan, tim_pelaksana atau forum", "must be dewan, tim_pelaksana or forum"});
  }
  m.name = f.String("name", true, kNameMaxChars, 2).value_or("");
  m.role = f.String("role", true, kNameMaxChars, 2).value_or("");
  m.opd_id = f.Integer("opd_id", false, 1, INT64_MAX);
  f.RejectUnknown();
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  internal::Write<PlanDetail>(
      ctx, req, std::move(reply), 201,
      [id = *id, m](store::Connection& c, const WriteContext& wc) { return AddTeamMember(c, wc, id, m); },
      RenderPlan);
}

void RemoveMemberRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto id = PlanId(req);
  if (!id.ok()) return reply(Fail(id.error(), req));
  auto no = internal::IdParam(req, "no", {"Anggota tim tidak ditemukan.", "No such team member."});
  if (!no.ok() || *no > INT32_MAX) {
    return reply(Fail(Error(ErrorCode::kNotFound, {"Anggota tim tidak ditemukan.", "No such team member."}), req));
  }
  internal::Write<PlanDetail>(
      ctx, req, std::move(reply), 200,
      [id = *id, no = static_cast<int>(*no)](store::Connection& c, const WriteContext& wc) {
        return RemoveTeamMember(c, wc, id, no);
      },
      RenderPlan);
}

http::Handler Async(std::shared_ptr<RouteContext> ctx, void (*fn)(RouteContext&, Request&, Reply)) {
  return [ctx, fn](Request& req, Reply reply) { fn(*ctx, req, std::move(reply)); };
}
http::Handler Read(std::shared_ptr<RouteContext> ctx, Response (*fn)(RouteContext&, const Request&)) {
  return http::Sync([ctx, fn](Request& req) { return fn(*ctx, req); });
}
http::Handler Move(std::shared_ptr<RouteContext> ctx, Transition t) {
  return [ctx, t](Request& req, Reply reply) { TransitionRoute(*ctx, req, std::move(reply), t); };
}

}  // namespace

void AddMasterplanRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx) {
  const std::string plans(kPlans), plan = plans + "/{id}";
  const std::string tag = "masterplan";
  router.Add({.method = Method::kGet, .pattern = "/api/v1/masterplan/reference", .permission = "public",
              .handler = http::Sync([](Request& req) {
                return http::JsonResponse(200, ReferenceJson(req.english));
              }),
              .doc = {.summary = "Dimensions, elements, readiness aspects and Bimtek stages", .tag = tag}});
  router.Add({.method = Method::kGet, .pattern = plans, .permission = "masterplan.read",
              .region_param = "region", .handler = Read(ctx, ListPlansRoute),
              .doc = {.summary = "The region's masterplans (latest version of each)", .tag = tag,
                      .responses = {200, 404}}});
  // `current` and `published` are literal segments, which the router prefers over {id}.
  router.Add({.method = Method::kGet, .pattern = plans + "/current", .permission = "program.edit",
              .region_param = "region", .handler = Read(ctx, CurrentPlanRoute),
              .doc = {.summary = "The plan to work on: the one running this year, else the newest "
                                 "(without masterplan.read: id, period, status and published only)",
                      .tag = tag, .responses = {200, 404}}});
  router.Add({.method = Method::kGet, .pattern = plans + "/published", .permission = "public",
              .handler = Read(ctx, ListPublishedRoute),
              .doc = {.summary = "The region's published masterplans, newest published version "
                                 "of each (public)",
                      .tag = tag, .responses = {200, 404}}});
  router.Add({.method = Method::kPost, .pattern = plans, .permission = "masterplan.edit",
              .region_param = "region", .body_limit = kBodyLimit, .handler = Async(ctx, CreatePlanRoute),
              .doc = {.summary = "Start a masterplan for a period (draft version 1, Bimtek I-IV)",
                      .tag = tag, .request_content_type = "application/json",
                      .responses = {201, 400, 404, 409}}});
  router.Add({.method = Method::kGet, .pattern = plan, .permission = "masterplan.read",
              .region_param = "region", .handler = Read(ctx, GetPlanRoute),
              .doc = {.summary = "A masterplan: latest version, versions, team, Bimtek stages",
                      .tag = tag, .responses = {200, 404}}});
  router.Add({.method = Method::kGet, .pattern = plan + "/published", .permission = "public",
              .handler = Read(ctx, GetPublished),
              .doc = {.summary = "The published version of a masterplan (public)", .tag = tag,
                      .responses = {200, 404}}});
  router.Add({.method = Method::kPatch, .pattern = plan, .permission = "masterplan.edit",
              .region_param = "region", .body_limit = kBodyLimit, .handler = Async(ctx, EditPlanRoute),
              .doc = {.summary = "Edit title/summary (a published version gets a new draft)",
                      .tag = tag, .request_content_type = "application/json",
                      .responses = {200, 400, 404, 409}}});
  struct Step {
    const char* path;
    const char* permission;
    Transition t;
    const char* summary;
  };
  for (const Step& s : {Step{"/submit", "masterplan.edit", Transition::kSubmit, "Submit the draft for review"},
                        Step{"/approve", "masterplan.review", Transition::kApprove, "Approve the version in review"},
                        Step{"/request-changes", "masterplan.review", Transition::kRequestChanges,
                             "Send the version in review back to draft with a note"},
                        Step{"/publish", "masterplan.publish", Transition::kPublish,
                             "Publish the approved version (Bimtek I-IV completed)"}}) {
    router.Add({.method = Method::kPost, .pattern = plan + s.path, .permission = s.permission,
                .region_param = "region", .body_limit = kBodyLimit, .handler = Move(ctx, s.t),
                .doc = {.summary = s.summary, .tag = tag, .request_content_type = "application/json",
                        .responses = {200, 400, 404, 409}}});
  }
  router.Add({.method = Method::kPost, .pattern = plan + "/team", .permission = "masterplan.edit",
              .region_param = "region", .body_limit = 16 * 1024, .handler = Async(ctx, AddMemberRoute),
              .doc = {.summary = "Add a member to Dewan / Tim Pelaksana / Forum Smart City", .tag = tag,
                      .request_content_type = "application/json", .responses = {201, 400, 404, 409}}});
  router.Add({.method = Method::kDelete, .pattern = plan + "/team/{no}", .permission = "masterplan.edit",
              .region_param = "region", .handler = Async(ctx, RemoveMemberRoute),
              .doc = {.summary = "Remove a team member", .tag = tag, .responses = {200, 404, 409}}});
}

}  // namespace kc::masterplan
