// HTTP adapters for user administration: a region's users (/api/v1/regions/{region}/users...,
// permission user.manage) and the national variants (/api/v1/admin/users..., national.manage).
#include <boost/json.hpp>
#include <limits>

#include "accounts/accounts_module.h"
#include "accounts/contact.h"
#include "accounts/password.h"
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

// The route's region as a code ("" for the national routes). The guard already resolved it;
// should that fail now, "?" (no region has that code) hides every user: fail closed.
std::string ScopeRegion(AccountsModule& m, const Request& req, bool national) {
  if (national) return {};
  auto code = m.guard().ResolveRegion(req.Param("region"));
  return code.ok() && *code ? **code : std::string("?");
}

// Reads role and scope fields into a grant. `region` fixes the region (region routes); for the
// national routes it comes from the body's region_code.
std::optional<Grant> ReadGrant(http::JsonFields& f, Validation& v, const std::string& region,
                               bool national, bool required) {
  auto role_name = f.String("role", required, 32);
  std::optional<std::string> region_code = national ? f.String("region_code", false, 16) : std::nullopt;
  auto opd = f.Integer("opd_id", false, 1, std::numeric_limits<int64_t>::max());
  auto kec = f.String("kecamatan_code", false, 16);
  auto kel = f.String("kelurahan_code", false, 20);
  if (!role_name) return std::nullopt;
  auto role = RoleFromString(*role_name);
  if (!role) {
    v.Add("role", {"peran tidak dikenal", "unknown role"});
    return std::nullopt;
  }
  Grant g{*role, national ? region_code.value_or("") : region, {}};
  if (opd) g.scope.opd_id = std::to_string(*opd);
  g.scope.kecamatan_code = kec.value_or("");
  g.scope.kelurahan_code = kel.value_or("");
  return g;
}

Response ListUsers(AccountsModule& m, const Request& req, bool national) {
  auto page = http::ParsePage(req, 50, 100);
  if (!page.ok()) return Fail(page.error(), req);
  int64_t after = 0;
  if (page->after) after = internal::ParseId(*page->after).value_or(0);
  auto users = m.admin().List(ScopeRegion(m, req, national), after, page->limit);
  if (!users.ok()) return Fail(users.error(), req);
  boost::json::array items;
  for (const User& u : *users) items.push_back(UserJson(u));
  boost::json::object body{{"items", std::move(items)}};
  if (static_cast<int>(users->size()) == page->limit) {
    body["next_cursor"] = http::EncodeCursor(std::to_string(users->back().id));
  }
  return http::JsonResponse(200, body);
}

void CreateUser(AccountsModule& m, Request& req, Reply reply, bool national) {
  const std::string region = ScopeRegion(m, req, national);
  auto object = http::ParseJsonObject(req);
  if (!object.ok()) return reply(Fail(object.error(), req));
  Validation v;
  http::JsonFields f(*object, v);
  NewUserInput in;
  in.name = f.String("name", true, kMaxNameChars, 1).value_or("");
  in.email = f.String("email", false, kMaxEmailBytes).value_or("");
  in.phone = f.String("phone", false, 40).value_or("");
  in.password = f.String("password", true, kMaxPasswordBytes).value_or("");
  in.grant = ReadGrant(f, v, region, national, /*required=*/!national);
  f.RejectUnknown();
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  m.admin().CreateUser(AdminActor::Of(CallerOf(req)), std::move(in), region,
                       [reply, english = req.english](Result<User> r) {
                         Request meta;
                         meta.english = english;
                         reply(r.ok() ? http::JsonResponse(201, UserJson(*r)) : Fail(r.error(), meta));
                       });
}

std::optional<int64_t> UserId(const Request& req, const Reply& reply) {
  auto id = internal::ParseId(req.Param("id"));
  if (!id) reply(Fail(Error(ErrorCode::kNotFound, {"Pengguna tidak ditemukan.", "No such user."}, "user_not_found"), req));
  return id;
}

void AddGrant(AccountsModule& m, Request& req, Reply reply, bool national) {
  auto id = UserId(req, reply);
  if (!id) return;
  const std::string region = ScopeRegion(m, req, national);
  auto object = http::ParseJsonObject(req);
  if (!object.ok()) return reply(Fail(object.error(), req));
  Validation v;
  http::JsonFields f(*object, v);
  auto grant = ReadGrant(f, v, region, national, true);
  f.RejectUnknown();
  if (!v.ok() || !grant) return reply(Fail(std::move(v).ToError(), req));
  m.admin().AddGrant(AdminActor::Of(CallerOf(req)), *id, *grant, region,
                     [reply, english = req.english](Result<StoredGrant> r) {
                       Request meta;
                       meta.english = english;
                       reply(r.ok() ? http::JsonResponse(201, GrantJson(*r)) : Fail(r.error(), meta));
                     });
}

void RemoveGrant(AccountsModule& m, Request& req, Reply reply, bool national) {
  auto id = UserId(req, reply);
  if (!id) return;
  auto grant_id = internal::ParseId(req.Param("grant"));
  if (!grant_id) return reply(Fail(NotFound({"Peran tidak ditemukan.", "No such grant."}), req));
  m.admin().RemoveGrant(AdminActor::Of(CallerOf(req)), *id, *grant_id, ScopeRegion(m, req, national),
                        internal::ReplyStatus(std::move(reply), req.english, 200, {{"removed", true}}));
}

void Disable(AccountsModule& m, Request& req, Reply reply, bool national) {
  auto id = UserId(req, reply);
  if (!id) return;
  m.admin().Disable(AdminActor::Of(CallerOf(req)), *id, ScopeRegion(m, req, national),
                    internal::ReplyStatus(std::move(reply), req.english, 200, {{"disabled", true}}));
}

void AddGroup(http::Router& router, const Module& module, bool national) {
  const std::string base = national ? "/api/v1/admin/users" : "/api/v1/regions/{region}/users";
  const std::string perm = national ? "national.manage" : "user.manage";
  const std::string region_param = national ? "" : "region";
  const std::string tag = "users";
  using AsyncFn = void (*)(AccountsModule&, Request&, Reply, bool);
  auto bind = [module, national](AsyncFn fn) {
    return [module, national, fn](Request& req, Reply reply) { fn(*module, req, std::move(reply), national); };
  };
  const std::vector<int> writes = {200, 201, 400, 403, 404, 409};
  router.Add({.method = Method::kGet, .pattern = base, .permission = perm, .region_param = region_param,
              .handler = http::Sync([module, national](Request& req) { return ListUsers(*module, req, national); }),
              .doc = {.summary = national ? "All users" : "Users with a role in the region", .tag = tag,
                      .params = {{.name = "limit"}, {.name = "cursor"}}}});
  router.Add({.method = Method::kPost, .pattern = base, .permission = perm, .region_param = region_param,
              .body_limit = internal::kAuthBodyLimit, .handler = bind(CreateUser),
              .doc = {.summary = "Create a staff account with a role", .tag = tag,
                      .request_content_type = "application/json", .responses = writes}});
  router.Add({.method = Method::kPost, .pattern = base + "/{id}/grants", .permission = perm,
              .region_param = region_param, .body_limit = internal::kAuthBodyLimit, .handler = bind(AddGrant),
              .doc = {.summary = "Give a user a role", .tag = tag, .request_content_type = "application/json",
                      .responses = writes}});
  router.Add({.method = Method::kDelete, .pattern = base + "/{id}/grants/{grant}", .permission = perm,
              .region_param = region_param, .handler = bind(RemoveGrant),
              .doc = {.summary = "Take a role from a user", .tag = tag, .responses = writes}});
  router.Add({.method = Method::kPost, .pattern = base + "/{id}/disable", .permission = perm,
              .region_param = region_param, .body_limit = internal::kAuthBodyLimit, .handler = bind(Disable),
              .doc = {.summary = "Disable a user and end their sessions", .tag = tag, .responses = writes}});
}

}  // namespace

void AddUserRoutes(http::Router& router, Module module) {
  AddGroup(router, module, /*national=*/false);
  AddGroup(router, module, /*national=*/true);
}

}  // namespace kc::accounts
