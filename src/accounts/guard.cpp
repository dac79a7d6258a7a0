#include "accounts/guard.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "http/response.h"

namespace kc::accounts {
namespace {

using http::Request;
using http::Response;

bool IsUnsafe(http::Method m) {
  return m == http::Method::kPost || m == http::Method::kPut || m == http::Method::kPatch ||
         m == http::Method::kDelete;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The presented credential and how it came.
struct Credential {
  enum class Source { kNone, kBearer, kCookie, kApiKey } source = Source::kNone;
  std::string value;
};

std::optional<std::string> FormApiKey(const Request& req) {
  if (req.Header("content-type").find("application/x-www-form-urlencoded") == std::string_view::npos) {
    return std::nullopt;
  }
  auto form = http::ParseForm(req.body);
  if (!form) return std::nullopt;
  for (auto& [k, v] : *form) {
    if (k == "api_key") return v;
  }
  return std::nullopt;
}

Credential FindCredential(const Request& req) {
  if (std::string_view auth = req.Header("authorization"); !auth.empty()) {
    const auto space = auth.find(' ');
    if (space != std::string_view::npos && IEquals(auth.substr(0, space), "bearer")) {
      return {Credential::Source::kBearer, std::string(Trim(auth.substr(space + 1)))};
    }
    return {Credential::Source::kBearer, std::string()};  // another scheme: invalid
  }
  if (std::string_view c = CookieValue(req.Header("cookie"), kSessionCookie); !c.empty()) {
    return {Credential::Source::kCookie, std::string(c)};
  }
  if (std::string_view k = req.Header("x-api-key"); !k.empty()) {
    return {Credential::Source::kApiKey, std::string(Trim(k))};
  }
  if (auto q = req.Query("api_key")) return {Credential::Source::kApiKey, *q};
  if (auto f = FormApiKey(req)) return {Credential::Source::kApiKey, *f};
  return {};
}

Response Refuse(const Request& req, const Error& e, std::string_view why) {
  spdlog::warn("guard: refused {} {} [{}] from {}: {} ({})", http::MethodName(req.method), req.path,
               req.request_id, req.remote_address, e.Slug(), why);
  Response r = http::ErrorResponse(e, req.english);
  if (e.code == ErrorCode::kUnauthenticated) r.Header("WWW-Authenticate", "Bearer");
  return r;
}

Error SignIn() {
  return Error(ErrorCode::kUnauthenticated,
               {"Silakan masuk terlebih dahulu.", "Please sign in first."}, "sign_in_required");
}

Error Hidden() {
  return NotFound({"Tidak ditemukan.", "Not found."});
}

Error Forbidden() {
  return Error(ErrorCode::kForbidden, {"Anda tidak memiliki akses untuk tindakan ini.",
                                       "You do not have permission for this action."});
}

bool BelongsTo(const Principal& p, std::string_view region) {
  return std::any_of(p.grants.begin(), p.grants.end(), [&](const Grant& g) {
    return g.role == Role::kNationalAdmin || (!region.empty() && g.region_code == region);
  });
}

}  // namespace

bool IsKnownPermission(std::string_view name) {
  return name == kPermissionPublic || name == kPermissionAuthenticated ||
         PermissionFromString(name).has_value();
}

std::string_view CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    std::string_view part = Trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    const auto eq = part.find('=');
    if (eq != std::string_view::npos && Trim(part.substr(0, eq)) == name) {
      std::string_view v = Trim(part.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return v;
    }
  }
  return {};
}

Result<std::optional<std::string>> Guard::ResolveRegion(std::string_view code_or_slug) {
  {
    std::lock_guard lock(regions_mu_);
    if (auto it = regions_.find(std::string(code_or_slug)); it != regions_.end()) {
      return std::optional<std::string>(it->second);
    }
  }
  KC_ASSIGN_OR_RETURN(auto code, resolver_(code_or_slug));
  if (code) {
    std::lock_guard lock(regions_mu_);
    if (regions_.size() > 10'000) regions_.clear();  // bounded: only existing regions are cached
    regions_[std::string(code_or_slug)] = *code;
  }
  return code;
}

std::optional<Response> Guard::Check(Request& req, const http::Route& route) {
  const bool is_public = route.permission == kPermissionPublic;
  const Credential cred = FindCredential(req);
  CallerPtr caller;
  if (cred.source != Credential::Source::kNone) {
    const bool api_key = cred.source == Credential::Source::kApiKey ||
                         cred.value.starts_with(kApiKeyPrefix);
    auto r = api_key ? sessions_.AuthenticateApiKey(cred.value)
                     : sessions_.AuthenticateSession(cred.value);
    if (r.ok()) {
      caller = std::move(r).value();
    } else if (!is_public) {
      return Refuse(req, r.error(), "bad credentials");
    }
  }
  if (caller && cred.source == Credential::Source::kCookie && IsUnsafe(req.method) &&
      !sessions_.VerifyCsrf(*caller, req.Header("x-csrf-token"))) {
    if (!is_public) {
      return Refuse(req,
                    Error(ErrorCode::kForbidden,
                          {"Token CSRF tidak ada atau tidak valid.", "Missing or invalid CSRF token."},
                          "csrf_failed"),
                    "csrf");
    }
    caller.reset();  // a public route proceeds, but never as the cookie's user
  }
  static const CallerPtr kAnonymous = std::make_shared<Caller>();
  if (!caller) caller = kAnonymous;
  if (auto refused = Authorise(req, route, *caller)) return refused;
  SetCaller(req, std::move(caller));
  return std::nullopt;
}

std::optional<Response> Guard::Authorise(Request& req, const http::Route& route, const Caller& caller) {
  const std::string& perm_name = route.permission;
  if (perm_name == kPermissionPublic) return std::nullopt;
  if (caller.IsAnonymous()) return Refuse(req, SignIn(), "anonymous");
  if (perm_name == kPermissionAuthenticated) {
    if (caller.IsUser()) return std::nullopt;
    return Refuse(req, Forbidden(), "API keys cannot use user routes");
  }
  const auto perm = PermissionFromString(perm_name);
  if (!perm) {
    spdlog::error("guard: route {} declares unknown permission '{}'", route.pattern, perm_name);
    return http::ErrorResponse(Internal("unknown permission"), req.english);
  }
  std::string region;
  if (!route.region_param.empty()) {
    auto code = ResolveRegion(req.Param(route.region_param));
    if (!code.ok()) return Refuse(req, code.error(), "region lookup failed");
    if (!*code) return Refuse(req, Hidden(), "unknown region");
    region = **code;
  }
  if (caller.kind == CallerKind::kApiKey) {
    if (!region.empty() && region != caller.api_key_region) return Refuse(req, Hidden(), "API key of another region");
    if (*perm == Permission::kReportCreate) return std::nullopt;
    return Refuse(req, Forbidden(), "API keys hold report.create only");
  }
  const Decision d = Authorize(caller.principal, *perm, region);
  if (d.allowed) return std::nullopt;
  if (d.needs_sign_in) return Refuse(req, SignIn(), d.reason);
  if (!region.empty() && !BelongsTo(caller.principal, region)) return Refuse(req, Hidden(), d.reason);
  return Refuse(req, Forbidden(), d.reason);
}

}  // namespace kc::accounts
