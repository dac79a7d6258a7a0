// Prometheus metrics (prometheus-cpp core; text exposition served at /metrics).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "http/server.h"

namespace prometheus {
class Registry;
}

namespace kc::http {

// Counts requests per route, method and status and records latency histograms per route.
// Also exposes storage timings through RecordCommit/RecordRead. Thread-safe.
class Metrics : public RequestObserver {
 public:
  Metrics();
  ~Metrics() override;

  void OnRequest(const Route* route, const Request& req, int status,
                 std::chrono::nanoseconds elapsed) override;
  void RecordCommit(std::chrono::nanoseconds elapsed, size_t batch);
  void RecordSync(std::chrono::nanoseconds elapsed);
  void RecordRead(std::chrono::nanoseconds elapsed);

  // The Prometheus text format of every metric.
  std::string Serialize() const;
  prometheus::Registry& registry();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace kc::http
