// HTTP adapters for a region's API keys (apikey.manage) and audit log (audit.read).
#include <boost/json.hpp>

#include "accounts/accounts_module.h"
#include "accounts/audit.h"
#include "accounts/route_util.h"
#include "http/json_body.h"
#include "http/pagination.h"

namespace kc::accounts {
namespace {

using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;
using Module = std::shared_ptr<AccountsModule>;

std::string Region(AccountsModule& m, const Request& req) {
  auto code = m.guard().ResolveRegion(req.Param("region"));
  return code.ok() && *code ? **code : std::string("?");
}

Response ListKeys(AccountsModule& m, const Request& req) {
  auto keys = m.admin().ListApiKeys(Region(m, req));
  if (!keys.ok()) return Fail(keys.error(), req);
  boost::json::array items;
  for (const ApiKey& k : *keys) items.push_back(ApiKeyJson(k));
  return http::JsonResponse(200, {{"items", std::move(items)}});
}

void CreateKey(AccountsModule& m, Request& req, Reply reply) {
  auto object = http::ParseJsonObject(req);
  if (!object.ok()) return reply(Fail(object.error(), req));
  Validation v;
  http::JsonFields f(*object, v);
  auto name = f.String("name", true, kMaxApiKeyNameChars, 1);
  f.RejectUnknown();
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  m.admin().CreateApiKey(AdminActor::Of(CallerOf(req)), Region(m, req), *name,
                         [reply, english = req.english](Result<std::pair<ApiKey, std::string>> r) {
                           Request meta;
                           meta.english = english;
                           if (!r.ok()) return reply(Fail(r.error(), meta));
                           boost::json::object body = ApiKeyJson(r->first);
                           body["key"] = r->second;  // shown once
                           Response res = http::JsonResponse(201, body);
                           res.Header("Cache-Control", "no-store");
                           reply(std::move(res));
                         });
}

void RevokeKey(AccountsModule& m, Request& req, Reply reply) {
  auto id = internal::ParseId(req.Param("id"));
  if (!id) return reply(Fail(NotFound({"Kunci API tidak ditemukan.", "No such API key."}), req));
  m.admin().RevokeApiKey(AdminActor::Of(CallerOf(req)), Region(m, req), *id,
                         internal::ReplyStatus(std::move(reply), req.english, 200, {{"revoked", true}}));
}

// ?action=&actor=&from=&to=&limit=&cursor=
Result<AuditQuery> ParseAuditQuery(AccountsModule& m, const Request& req) {
  AuditQuery q;
  q.region_code = Region(m, req);
  KC_ASSIGN_OR_RETURN(auto page, http::ParsePage(req, 50, 200));
  q.limit = page.limit;
  if (page.after) q.before_id = internal::ParseId(*page.after);
  Validation v;
  if (auto a = req.Query("action")) {
    if (a->empty() || a->size() > 64) v.Add("action", {"tidak valid", "invalid"});
    q.action = *a;
  }
  if (auto a = req.Query("actor")) {
    q.actor_id = internal::ParseId(*a);
    if (!q.actor_id) v.Add("actor", {"harus id pengguna", "must be a user id"});
  }
  for (auto [name, field] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}}) {
    if (auto t = req.Query(name)) {
      *field = ParseTimestamp(*t);
      if (!*field) v.Add(name, {"harus waktu ISO-8601", "must be an ISO-8601 time"});
    }
  }
  if (!v.ok()) return std::move(v).ToError();
  return q;
}

Response ListAudit(AccountsModule& m, const Request& req) {
  auto q = ParseAuditQuery(m, req);
  if (!q.ok()) return Fail(q.error(), req);
  auto records = m.db().Read([&](store::Connection& c) { return QueryAudit(c, *q); });
  if (!records.ok()) return Fail(records.error(), req);
  boost::json::array items;
  for (const AuditRecord& r : *records) items.push_back(AuditJson(r));
  boost::json::object body{{"items", std::move(items)}};
  if (static_cast<int>(records->size()) == q->limit) {
    body["next_cursor"] = http::EncodeCursor(std::to_string(records->back().id));
  }
  return http::JsonResponse(200, body);
}

}  // namespace

void AddKeyAndAuditRoutes(http::Router& router, Module module) {
  const std::string keys = "/api/v1/regions/{region}/apikeys";
  router.Add({.method = Method::kGet, .pattern = keys, .permission = "apikey.manage", .region_param = "region",
              .handler = http::Sync([module](Request& req) { return ListKeys(*module, req); }),
              .doc = {.summary = "The region's API keys (never the secrets)", .tag = "apikeys"}});
  router.Add({.method = Method::kPost, .pattern = keys, .permission = "apikey.manage", .region_param = "region",
              .body_limit = internal::kAuthBodyLimit,
              .handler = [module](Request& req, Reply reply) { CreateKey(*module, req, std::move(reply)); },
              .doc = {.summary = "Create an API key (the secret is shown once)", .tag = "apikeys",
                      .request_content_type = "application/json", .responses = {201, 400}}});
  router.Add({.method = Method::kDelete, .pattern = keys + "/{id}", .permission = "apikey.manage",
              .region_param = "region",
              .handler = [module](Request& req, Reply reply) { RevokeKey(*module, req, std::move(reply)); },
              .doc = {.summary = "Revoke an API key", .tag = "apikeys", .responses = {200, 404}}});
  router.Add({.method = Method::kGet, .pattern = "/api/v1/regions/{region}/audit", .permission = "audit.read",
              .region_param = "region",
              .handler = http::Sync([module](Request& req) { return ListAudit(*module, req); }),
              .doc = {.summary = "The region's audit log, newest first", .tag = "audit",
                      .params = {{.name = "action", .description = "exact action or prefix ending in '.'"},
                                 {.name = "actor", .description = "user id"},
                                 {.name = "from"}, {.name = "to"}, {.name = "limit"}, {.name = "cursor"}}}});
}

}  // namespace kc::accounts
