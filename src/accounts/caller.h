// Who is calling: what the guard (guard.h) puts into http::Request::principal, and the helpers
// handlers and other modules use to read it. Handlers never parse cookies or tokens themselves.
//
//   const accounts::Caller& caller = accounts::CallerOf(req);
//   if (caller.IsUser()) ... caller.user_id ...
//   accounts::RecordAudit(conn, {.actor = accounts::AuditActor(req), ...});
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "accounts/account.h"
#include "accounts/roles.h"
#include "http/request.h"

namespace kc::accounts {

enum class CallerKind { kAnonymous, kSession, kApiKey };

// Immutable once built; shared between the session cache and requests (shared_ptr<const>).
struct Caller {
  CallerKind kind = CallerKind::kAnonymous;
  Principal principal;  // user id (decimal) and grants; empty for anonymous and API keys

  // kSession: the user and the session.
  int64_t user_id = 0;
  int64_t session_id = 0;
  std::string session_hash;  // HashToken(token): the stable server-side id of the session
  std::string csrf_token;    // CsrfToken(key, session_hash)
  std::string name, email, phone;
  Language language = Language::kId;

  // kApiKey: the key and the one region it belongs to.
  int64_t api_key_id = 0;
  std::string api_key_region;

  bool IsUser() const { return kind == CallerKind::kSession; }
  bool IsAnonymous() const { return kind == CallerKind::kAnonymous; }
  // The actor recorded in the audit log for this caller.
  Actor ToActor() const;
};

using CallerPtr = std::shared_ptr<const Caller>;

// The caller the guard attached to `req`; a shared anonymous caller when none (public routes
// without credentials, or a request that never passed the guard). Never null.
const Caller& CallerOf(const http::Request& req);
// Shorthand for CallerOf(req).principal.
const Principal& PrincipalOf(const http::Request& req);
// Shorthand for CallerOf(req).ToActor().
Actor AuditActor(const http::Request& req);

// Attaches `caller` to `req` (the guard; tests).
void SetCaller(http::Request& req, CallerPtr caller);

}  // namespace kc::accounts
