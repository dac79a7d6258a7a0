// Submission rate limits: damping for floods of citizen reports, per client address for
// anonymous reporters and per account for signed-in ones. API keys (Open311 clients and
// integrations issued by the region admin) are not limited here. Per process, in memory
// (accounts/rate_limit.h). Thread-safe.
#pragma once

#include <chrono>

#include "accounts/caller.h"
#include "accounts/rate_limit.h"
#include "core/result.h"
#include "http/request.h"

namespace kc::reports {

class SubmitLimits {
 public:
  // Anonymous: 60 at once, then one per 5 s per address — generous, because many residents
  // share one address behind the mobile carriers' NAT. Signed in: 30 at once, then one per
  // 10 s per account. Enough for a person, a brake for a script.
  SubmitLimits()
      : anonymous_({.burst = 60, .interval = std::chrono::seconds(5)}),
        account_({.burst = 30, .interval = std::chrono::seconds(10)}) {}

  // OK, or kRateLimited (detail "retry_after", mapped to 429 with Retry-After).
  Status Check(const http::Request& req) {
    const auto& caller = accounts::CallerOf(req);
    if (caller.kind == accounts::CallerKind::kApiKey) return Ok();
    const auto now = NowUtc();
    const auto decision = caller.IsUser()
                              ? account_.Check("user:" + std::to_string(caller.user_id), now)
                              : anonymous_.Check(req.remote_address, now);
    if (decision) return Ok();
    return accounts::RateLimited(decision);
  }

 private:
  accounts::RateLimiter anonymous_;
  accounts::RateLimiter account_;
};

}  // namespace kc::reports
