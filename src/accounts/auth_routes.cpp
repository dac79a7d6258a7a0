// HTTP adapters for sign-up, sign-in and the caller's own account (/api/v1/auth/...).
#include <boost/json.hpp>

#include "accounts/accounts_module.h"
#include "accounts/contact.h"
#include "accounts/password.h"
#include "accounts/route_util.h"
#include "http/json_body.h"

namespace kc::accounts {
namespace {

using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;
using internal::ReplyStatus;
using Module = std::shared_ptr<AccountsModule>;

constexpr std::size_t kMaxLoginChars = 254;
constexpr std::size_t kMaxCodeChars = 12;

// Parses the body, reads fields with `read`, rejects unknown ones.
template <class F>
Status ReadBody(const Request& req, F&& read) {
  KC_ASSIGN_OR_RETURN(auto object, http::ParseJsonObject(req));
  Validation v;
  http::JsonFields fields(object, v);
  read(fields, v);
  fields.RejectUnknown();
  if (!v.ok()) return std::move(v).ToError();
  return Ok();
}

bool ViaTls(const Request& req) {
  return req.Header("x-forwarded-proto") == "https";
}

std::string SessionCookie(const Request& req, std::string_view token, long max_age) {
  std::string c = std::string(kSessionCookie) + "=" + std::string(token) +
                  "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (ViaTls(req)) c += "; Secure";
  return c;
}

boost::json::object MeJson(const Caller& c) {
  boost::json::array grants;
  for (const Grant& g : c.principal.grants) grants.push_back(GrantJson({0, g}));
  for (auto& g : grants) g.as_object().erase("id");
  auto opt = [](const std::string& s) { return s.empty() ? boost::json::value(nullptr) : boost::json::value(s); };
  return {{"user", {{"id", c.user_id}, {"name", c.name}, {"email", opt(c.email)},
                    {"phone", opt(c.phone)}, {"language", ToString(c.language)}}},
          {"grants", std::move(grants)},
          {"session_id", c.session_id},
          {"csrf_token", c.csrf_token}};
}

void Register(AccountsModule& m, Request& req, Reply reply) {
  RegisterInput in;
  in.ip = req.remote_address;
  std::optional<std::string> lang;
  auto st = ReadBody(req, [&](http::JsonFields& f, Validation& v) {
    in.name = f.String("name", true, kMaxNameChars, 1).value_or("");
    in.email = f.String("email", false, kMaxEmailBytes).value_or("");
    in.phone = f.String("phone", false, 40).value_or("");
    in.password = f.String("password", true, kMaxPasswordBytes).value_or("");
    lang = f.String("language", false, 2);
    if (lang && !LanguageFromString(*lang)) v.Add("language", {"harus id atau en", "must be id or en"});
  });
  if (!st.ok()) return reply(Fail(st.error(), req));
  if (lang) in.language = *LanguageFromString(*lang);
  m.auth().Register(std::move(in), [reply, english = req.english](Result<int64_t> r) {
    Request dummy;
    dummy.english = english;
    if (!r.ok()) return reply(Fail(r.error(), dummy));
    reply(http::JsonResponse(201, {{"user_id", *r}, {"verification", "sent"}}));
  });
}

void Verify(AccountsModule& m, Request& req, Reply reply) {
  std::string login, code;
  auto st = ReadBody(req, [&](http::JsonFields& f, Validation&) {
    login = f.String("login", true, kMaxLoginChars, 1).value_or("");
    code = f.String("code", true, kMaxCodeChars, 4).value_or("");
  });
  if (!st.ok()) return reply(Fail(st.error(), req));
  m.auth().Verify(login, code, req.remote_address,
                  ReplyStatus(std::move(reply), req.english, 200, {{"verified", true}}));
}

void Login(AccountsModule& m, Request& req, Reply reply) {
  LoginInput in{.ip = req.remote_address, .user_agent = std::string(req.Header("user-agent"))};
  auto st = ReadBody(req, [&](http::JsonFields& f, Validation&) {
    in.login = f.String("login", true, kMaxLoginChars, 1).value_or("");
    in.password = f.String("password", true, kMaxPasswordBytes).value_or("");
  });
  if (!st.ok()) return reply(Fail(st.error(), req));
  const long max_age = static_cast<long>(
      std::chrono::duration_cast<std::chrono::seconds>(m.sessions().policy().absolute).count());
  Request meta;
  meta.english = req.english;
  meta.headers = {{"x-forwarded-proto", std::string(req.Header("x-forwarded-proto"))}};
  m.auth().Login(std::move(in), [reply, meta, max_age](Result<LoginOutput> r) {
    if (!r.ok()) return reply(Fail(r.error(), meta));
    boost::json::object body = MeJson(*r->caller);
    body["token"] = r->session.token;
    body["expires_at"] = FormatUtc(r->session.row.expires_at);
    Response res = http::JsonResponse(200, body);
    res.Header("Set-Cookie", SessionCookie(meta, r->session.token, max_age));
    res.Header("Cache-Control", "no-store");
    reply(std::move(res));
  });
}

void Logout(AccountsModule& m, Request& req, Reply reply) {
  Request meta;
  meta.english = req.english;
  meta.headers = {{"x-forwarded-proto", std::string(req.Header("x-forwarded-proto"))}};
  m.auth().Logout(CallerOf(req), [reply, meta](Status st) {
    if (!st.ok()) return reply(Fail(st.error(), meta));
    Response res = http::JsonResponse(200, {{"signed_out", true}});
    res.Header("Set-Cookie", SessionCookie(meta, "", 0));
    reply(std::move(res));
  });
}

void ChangePassword(AccountsModule& m, Request& req, Reply reply) {
  std::string current, next;
  auto st = ReadBody(req, [&](http::JsonFields& f, Validation&) {
    current = f.String("current_password", true, kMaxPasswordBytes).value_or("");
    next = f.String("new_password", true, kMaxPasswordBytes).value_or("");
  });
  if (!st.ok()) return reply(Fail(st.error(), req));
  m.auth().ChangePassword(CallerOf(req), current, next,
                          ReplyStatus(std::move(reply), req.english, 200, {{"changed", true}}));
}

void ResetRequest(AccountsModule& m, Request& req, Reply reply) {
  std::string login;
  auto st = ReadBody(req, [&](http::JsonFields& f, Validation&) {
    login = f.String("login", true, kMaxLoginChars, 1).value_or("");
  });
  if (!st.ok()) return reply(Fail(st.error(), req));
  m.auth().RequestReset(login, req.remote_address,
                        ReplyStatus(std::move(reply), req.english, 202, {{"sent_if_exists", true}}));
}

void ResetConfirm(AccountsModule& m, Request& req, Reply reply) {
  std::string login, code, password;
  auto st = ReadBody(req, [&](http::JsonFields& f, Validation&) {
    login = f.String("login", true, kMaxLoginChars, 1).value_or("");
    code = f.String("code", true, kMaxCodeChars, 4).value_or("");
    password = f.String("new_password", true, kMaxPasswordBytes).value_or("");
  });
  if (!st.ok()) return reply(Fail(st.error(), req));
  m.auth().ConfirmReset(login, code, password, req.remote_address,
                        ReplyStatus(std::move(reply), req.english, 200, {{"reset", true}}));
}

Response ListSessions(AccountsModule& m, const Request& req) {
  const Caller& c = CallerOf(req);
  auto sessions = m.auth().ListSessions(c);
  if (!sessions.ok()) return Fail(sessions.error(), req);
  boost::json::array items;
  for (const Session& s : *sessions) {
    items.push_back({{"id", s.id}, {"created_at", FormatUtc(s.created_at)},
                     {"last_seen_at", FormatUtc(s.last_seen_at)}, {"expires_at", FormatUtc(s.expires_at)},
                     {"user_agent", s.user_agent}, {"ip", s.ip}, {"current", s.id == c.session_id}});
  }
  return http::JsonResponse(200, {{"items", std::move(items)}});
}

void RevokeSession(AccountsModule& m, Request& req, Reply reply) {
  auto id = internal::ParseId(req.Param("id"));
  if (!id) return reply(Fail(NotFound({"Sesi tidak ditemukan.", "No such session."}), req));
  m.auth().RevokeSession(CallerOf(req), *id,
                         ReplyStatus(std::move(reply), req.english, 200, {{"revoked", true}}));
}

http::Route Post(std::string pattern, std::string permission, http::Handler handler, std::string summary) {
  return {.method = Method::kPost, .pattern = "/api/v1/auth/" + pattern, .permission = std::move(permission),
          .body_limit = internal::kAuthBodyLimit, .handler = std::move(handler),
          .doc = {.summary = std::move(summary), .tag = "auth", .request_content_type = "application/json",
                  .responses = {200, 201, 202, 400, 401, 403, 409, 429}}};
}

}  // namespace

void AddAuthRoutes(http::Router& router, Module module) {
  auto bind = [module](void (*fn)(AccountsModule&, Request&, Reply)) {
    return [module, fn](Request& req, Reply reply) { fn(*module, req, std::move(reply)); };
  };
  router.Add(Post("register", "public", bind(Register), "Citizen registration; sends a verification code"));
  router.Add(Post("verify", "public", bind(Verify), "Verify email/phone with the code"));
  router.Add(Post("login", "public", bind(Login), "Sign in: session cookie and bearer token"));
  router.Add(Post("logout", "authenticated", bind(Logout), "Sign out (revokes this session)"));
  router.Add(Post("password", "authenticated", bind(ChangePassword),
                  "Change password; signs out other sessions"));
  router.Add(Post("reset/request", "public", bind(ResetRequest), "Request a password reset code"));
  router.Add(Post("reset/confirm", "public", bind(ResetConfirm), "Set a new password with a reset code"));
  router.Add({.method = Method::kGet, .pattern = "/api/v1/auth/me", .permission = "authenticated",
              .handler = http::Sync([](Request& req) { return http::JsonResponse(200, MeJson(CallerOf(req))); }),
              .doc = {.summary = "The signed-in user, grants and CSRF token", .tag = "auth"}});
  router.Add({.method = Method::kGet, .pattern = "/api/v1/auth/sessions", .permission = "authenticated",
              .handler = http::Sync([module](Request& req) { return ListSessions(*module, req); }),
              .doc = {.summary = "The caller's live sessions", .tag = "auth"}});
  router.Add({.method = Method::kDelete, .pattern = "/api/v1/auth/sessions/{id}",
              .permission = "authenticated", .handler = bind(RevokeSession),
              .doc = {.summary = "Revoke one of the caller's sessions", .tag = "auth",
                      .responses = {200, 404}}});
}

}  // namespace kc::accounts
