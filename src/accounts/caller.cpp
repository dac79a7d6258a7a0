#include "accounts/caller.h"

namespace kc::accounts {

Actor Caller::ToActor() const {
  switch (kind) {
    case CallerKind::kSession:
      return Actor::User(user_id);
    case CallerKind::kApiKey:
      return {0, "apikey:" + std::to_string(api_key_id)};
    case CallerKind::kAnonymous:
      break;
  }
  return {0, "anonymous"};
}

const Caller& CallerOf(const http::Request& req) {
  static const Caller kAnonymous;
  if (const auto* p = std::any_cast<CallerPtr>(&req.principal); p != nullptr && *p) return **p;
  return kAnonymous;
}

const Principal& PrincipalOf(const http::Request& req) { return CallerOf(req).principal; }

Actor AuditActor(const http::Request& req) { return CallerOf(req).ToActor(); }

void SetCaller(http::Request& req, CallerPtr caller) { req.principal = std::move(caller); }

}  // namespace kc::accounts
