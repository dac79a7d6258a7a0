// The one place where requests are authenticated and authorised (installed with
// http::Router::set_guard by accounts RegisterRoutes; the server calls it before every handler).
//
// For each request:
//  1. Authentication, first match wins: "Authorization: Bearer <token>" (a session token, or an
//     API key), the kc_session cookie, an API key in the X-Api-Key header or the api_key
//     query/form parameter (Open311 clients). Bad credentials on a non-public route: 401.
//     On a public route they are ignored (the request proceeds anonymously).
//  2. CSRF: a cookie-authenticated POST/PUT/PATCH/DELETE must carry X-CSRF-Token matching the
//     session (403 "csrf_failed" on non-public routes; anonymous on public ones). Bearer and
//     API-key requests are exempt (a browser never adds those by itself).
//  3. Authorisation by the route's declared permission:
//       "public"         everyone;
//       "authenticated"  any signed-in user (kPermissionAuthenticated; not API keys);
//       a roles.h name   accounts::Authorize with the region named by route.region_param
//                        (a code or a slug, resolved here). Anonymous: 401. A user without any
//                        grant in that region (national admins have all): 404, so the region's
//                        non-public data does not reveal itself. Otherwise 403.
//     API keys hold only report.create, in their own region (404 for another region).
//     An unknown permission name is a programming error: 500, logged (fails closed).
//  4. The caller is attached to the request (caller.h: CallerOf(req)).
// Every refusal is logged with spdlog (warn) with the request id and the reason.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "accounts/sessions.h"
#include "http/router.h"

namespace kc::accounts {

inline constexpr std::string_view kPermissionPublic = "public";
inline constexpr std::string_view kPermissionAuthenticated = "authenticated";
inline constexpr std::string_view kSessionCookie = "kc_session";

// True for "public", "authenticated" and every roles.h permission name.
bool IsKnownPermission(std::string_view name);

class Guard {
 public:
  // Region code or slug -> code; nullopt when no such region. Must be thread-safe.
  using RegionResolver = std::function<Result<std::optional<std::string>>(std::string_view)>;

  Guard(Sessions& sessions, RegionResolver resolver)
      : sessions_(sessions), resolver_(std::move(resolver)) {}

  // The http::Guard contract: nullopt lets the request through (caller attached), a response
  // refuses it. Thread-safe.
  std::optional<http::Response> Check(http::Request& req, const http::Route& route);

  // The region code for a path value (code or slug), cached. nullopt: unknown.
  Result<std::optional<std::string>> ResolveRegion(std::string_view code_or_slug);

 private:
  std::optional<http::Response> Authorise(http::Request& req, const http::Route& route,
                                          const Caller& caller);

  Sessions& sessions_;
  RegionResolver resolver_;
  std::mutex regions_mu_;
  std::unordered_map<std::string, std::string> regions_;  // guarded by regions_mu_
};

// The value of cookie `name` in a Cookie header, or empty.
std::string_view CookieValue(std::string_view cookie_header, std::string_view name);

}  // namespace kc::accounts
