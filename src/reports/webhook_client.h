// The outgoing HTTP client of the webhooks: one POST, with a connect timeout and an overall
// timeout. Boost.Beast lives in webhook_client.cpp only; nothing else in the module sees it.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "reports/webhook.h"

namespace kc::reports {

struct HttpPost {
  WebhookUrl url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // sent as application/json
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds timeout{10000};  // the whole exchange, connect included
};

struct HttpPostResult {
  int status = 0;     // the answer's status; 0 when there was none
  std::string error;  // empty when an answer arrived; else why not (English, for operators)
};

// Sends the request and reads the answer's status (its body is read up to 64 KiB and dropped).
// https verifies the server's certificate against the system's trust store and its host name
// (SNI set). Redirects are not followed. Blocks the calling thread for at most `timeout`.
// Never throws.
HttpPostResult SendHttpPost(const HttpPost& request);

// What the dispatcher calls; tests substitute their own.
using HttpPostFn = std::function<HttpPostResult(const HttpPost&)>;

}  // namespace kc::reports
