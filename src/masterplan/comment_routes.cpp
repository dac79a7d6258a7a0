// HTTP adapters for review comments on masterplan items and for an item's history
// (comment_service.h). JSON of a comment:
//   {"id","item","version","body","author":{"name","role"},"created_at","request_changes",
//    "resolved","resolved_at","resolved_by":{"name","role"}|null}
// Timestamps are UTC ISO-8601 with Z. The comment routes declare program.edit, the widest of
// the permissions that may comment (consultants, region admins, OPD officers); the service
// narrows it per item with the CommentRights built here.
#include <boost/json.hpp>

#include "accounts/caller.h"
#include "http/json_body.h"
#include "http/response.h"
#include "masterplan/comment_service.h"
#include "masterplan/item.h"
#include "masterplan/masterplan_module.h"

namespace kc::masterplan {
namespace {

namespace json = boost::json;
using accounts::Permission;
using accounts::Role;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;

// A body of kCommentMaxChars code points of up to 4 bytes, JSON-escaped, with the other fields.
constexpr size_t kBodyLimit = 32 * 1024;
const Text kNoPlan{"Masterplan tidak ditemukan di region ini.",
                   "No such masterplan in this region."};
const Text kNoComment{"Komentar tidak ditemukan.", "No such comment."};

Response Fail(const Error& e, const Request& req) { return http::ErrorResponse(e, req.english); }

json::value AuthorJson(const std::optional<CommentAuthor>& a) {
  if (!a) return nullptr;
  return json::object{{"name", a->name}, {"role", a->role}};
}

json::object CommentJson(const Comment& c) {
  return {{"id", c.id},
          {"item", c.item},
          {"version", c.version},
          {"body", c.body},
          {"author", AuthorJson(c.author)},
          {"created_at", c.created_at},
          {"request_changes", c.request_changes},
          {"resolved", c.resolved()},
          {"resolved_at", c.resolved_at ? json::value(*c.resolved_at) : json::value(nullptr)},
          {"resolved_by", AuthorJson(c.resolved_by)}};
}

// The role the caller acts in within `region`, the strongest first (national admins anywhere).
std::string RoleIn(const accounts::Principal& p, std::string_view region) {
  for (Role role :
       {Role::kNationalAdmin, Role::kConsultant, Role::kRegionAdmin, Role::kOpdOfficer}) {
    for (const accounts::Grant& g : p.grants) {
      if (g.role == role && (role == Role::kNationalAdmin || g.region_code == region)) {
        return std::string(accounts::ToString(role));
      }
    }
  }
  return std::string(accounts::ToString(Role::kCitizen));
}

CommentAuthor AuthorOf(const Request& req, std::string_view region) {
  const accounts::Caller& caller = accounts::CallerOf(req);
  CommentAuthor a{caller.user_id, accounts::AuditActor(req).label, caller.name,
                  RoleIn(caller.principal, region)};
  if (a.name.empty()) a.name = a.label;
  return a;
}

// Copies the principal: the OPD check may run later on the writer thread.
CommentRights RightsOf(const Request& req, const std::string& region) {
  const accounts::Principal& p = accounts::PrincipalOf(req);
  auto may = [&](Permission perm) { return accounts::Authorize(p, perm, region).allowed; };
  return {.read = may(Permission::kMasterplanRead),
          .edit = may(Permission::kMasterplanEdit),
          .review = may(Permission::kMasterplanReview),
          .opd = [p, region](int64_t opd_id) {
            return accounts::Authorize(p, Permission::kProgramEdit, region,
                                       {.opd_id = std::to_string(opd_id)})
                .allowed;
          }};
}

void AddRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto id = internal::IdParam(req, "id", kNoPlan);
  if (!id.ok()) return reply(Fail(id.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  http::JsonFields f(*body, v);
  NewComment c{.item = f.String("item", true, kItemMaxChars).value_or(""),
               // Length is checked after trimming (ValidateComment); the body limit bounds it here.
               .body = f.String("body", true, kBodyLimit).value_or(""),
               .request_changes = f.Bool("request_changes", false).value_or(false)};
  f.RejectUnknown();
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  internal::Write<Comment>(
      ctx, req, std::move(reply), 201,
      [plan = *id, c, author = AuthorOf(req, *region), rights = RightsOf(req, *region)](
          store::Connection& conn, const WriteContext& wc) {
        return AddComment(conn, wc, plan, c, author, rights);
      },
      [](const Comment& x, bool) -> json::value { return CommentJson(x); });
}

void ResolveRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto id = internal::IdParam(req, "id", kNoPlan);
  if (!id.ok()) return reply(Fail(id.error(), req));
  auto cid = internal::IdParam(req, "cid", kNoComment);
  if (!cid.ok()) return reply(Fail(cid.error(), req));
  internal::Write<Comment>(
      ctx, req, std::move(reply), 200,
      [plan = *id, cid = *cid, by = AuthorOf(req, *region), rights = RightsOf(req, *region)](
          store::Connection& conn, const WriteContext& wc) {
        return ResolveComment(conn, wc, plan, cid, by, rights);
      },
      [](const Comment& x, bool) -> json::value { return CommentJson(x); });
}

// ?open=1|0|true|false; absent: false.
std::optional<bool> OpenParam(const Request& req, Validation& v) {
  const auto open = req.Query("open");
  if (!open || *open == "0" || *open == "false") return false;
  if (*open == "1" || *open == "true") return true;
  v.Add("open", {"harus 1 atau 0", "must be 1 or 0"});
  return std::nullopt;
}

Response ListRoute(RouteContext& ctx, const Request& req) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto id = internal::IdParam(req, "id", kNoPlan);
  if (!id.ok()) return Fail(id.error(), req);
  Validation v;
  const CommentFilter filter{.item = req.Query("item"),
                             .open_only = OpenParam(req, v).value_or(false)};
  if (!v.ok()) return Fail(std::move(v).ToError(), req);
  const CommentRights rights = RightsOf(req, *region);
  auto list = ctx.db.Read(
      [&](store::Connection& c) { return ListComments(c, *region, *id, filter, rights); });
  if (!list.ok()) return Fail(list.error(), req);
  json::array comments;
  for (const Comment& c : list->comments) comments.push_back(CommentJson(c));
  return http::JsonResponse(
      200, {{"comments", std::move(comments)}, {"open_requests", list->open_requests}});
}

json::object EventJson(const ItemEvent& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"action", e.action},
          {"actor",
           {{"id", e.actor_id > 0 ? json::value(e.actor_id) : json::value(nullptr)},
            {"label", e.actor_label},
            {"name", e.actor_name ? json::value(*e.actor_name) : json::value(nullptr)}}},
          {"changes", e.changes}};
}

Response HistoryRoute(RouteContext& ctx, const Request& req) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto id = internal::IdParam(req, "id", kNoPlan);
  if (!id.ok()) return Fail(id.error(), req);
  const auto item = req.Query("item");
  if (!item) {
    Validation v;
    v.Add("item", {"wajib diisi", "is required"});
    return Fail(std::move(v).ToError(), req);
  }
  auto h =
      ctx.db.Read([&](store::Connection& c) { return GetItemHistory(c, *region, *id, *item); });
  if (!h.ok()) return Fail(h.error(), req);
  json::array entries;
  for (const ItemEvent& e : h->events) entries.push_back(EventJson(e));
  return http::JsonResponse(
      200, {{"item", h->item}, {"entries", std::move(entries)}, {"truncated", h->truncated}});
}

}  // namespace

void AddCommentRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx) {
  const std::string plan = "/api/v1/regions/{region}/masterplans/{id}";
  const std::string tag = "masterplan";
  const http::ParamDoc item{
      .name = "item",
      .description = "plan, stage:<1-4>, readiness:<dimension>, program:<no> or quick_win:<no>"};
  router.Add(
      {.method = Method::kPost,
       .pattern = plan + "/comments",
       .permission = "program.edit",
       .region_param = "region",
       .body_limit = kBodyLimit,
       .handler = [ctx](Request& req, Reply reply) { AddRoute(*ctx, req, std::move(reply)); },
       .doc = {.summary =
                   "Comment on an item {item, body, request_changes}; OPD officers: own programs; "
                   "request_changes: masterplan.review; allowed on published versions",
               .tag = tag,
               .request_content_type = "application/json",
               .responses = {201, 400, 403, 404}}});
  router.Add(
      {.method = Method::kGet,
       .pattern = plan + "/comments",
       .permission = "program.edit",
       .region_param = "region",
       .handler = http::Sync([ctx](Request& req) { return ListRoute(*ctx, req); }),
       .doc = {.summary = "Comments oldest first and open_requests (OPD officers: their programs')",
               .tag = tag,
               .params = {item, {.name = "open", .description = "1: unresolved comments only"}},
               .responses = {200, 400, 403, 404}}});
  router.Add(
      {.method = Method::kPost,
       .pattern = plan + "/comments/{cid}/resolve",
       .permission = "program.edit",
       .region_param = "region",
       .handler = [ctx](Request& req, Reply reply) { ResolveRoute(*ctx, req, std::move(reply)); },
       .doc = {
           .summary = "Resolve a comment (masterplan.edit or its author; again: 200, unchanged)",
           .tag = tag,
           .responses = {200, 403, 404}}});
  http::ParamDoc required_item = item;
  required_item.required = true;
  router.Add({.method = Method::kGet,
              .pattern = plan + "/history",
              .permission = "masterplan.read",
              .region_param = "region",
              .handler = http::Sync([ctx](Request& req) { return HistoryRoute(*ctx, req); }),
              .doc = {.summary = "An item's audit entries oldest first: edits, progress, comments",
                      .tag = tag,
                      .params = {required_item},
                      .responses = {200, 400, 404}}});
}

}  // namespace kc::masterplan
