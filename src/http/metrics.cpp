#include "http/metrics.h"

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <map>
#include <mutex>

namespace kc::http {

namespace {
const prometheus::Histogram::BucketBoundaries kLatencyBuckets = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
}

struct Metrics::State {
  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
  prometheus::Family<prometheus::Counter>& requests =
      prometheus::BuildCounter()
          .Name("kotacerdas_http_requests_total")
          .Help("HTTP requests by route pattern, method and status")
          .Register(*registry);
  prometheus::Family<prometheus::Histogram>& latency =
      prometheus::BuildHistogram()
          .Name("kotacerdas_http_request_duration_seconds")
          .Help("HTTP request latency by route pattern, from first header byte to last byte written")
          .Register(*registry);
  prometheus::Family<prometheus::Histogram>& commit_family =
      prometheus::BuildHistogram()
          .Name("kotacerdas_store_commit_duration_seconds")
          .Help("Duration of one group commit on the writer (transaction, WAL written)")
          .Register(*registry);
  prometheus::Family<prometheus::Histogram>& sync_family =
      prometheus::BuildHistogram()
          .Name("kotacerdas_store_wal_sync_duration_seconds")
          .Help("Duration of one WAL fsync, which makes every commit before it durable")
          .Register(*registry);
  prometheus::Family<prometheus::Histogram>& read_family =
      prometheus::BuildHistogram()
          .Name("kotacerdas_store_read_duration_seconds")
          .Help("Duration of one database read on a pooled connection")
          .Register(*registry);
  prometheus::Family<prometheus::Counter>& batch_family =
      prometheus::BuildCounter()
          .Name("kotacerdas_store_writes_total")
          .Help("Writes committed through the group-commit writer")
          .Register(*registry);
  prometheus::Histogram& commit = commit_family.Add({}, kLatencyBuckets);
  prometheus::Histogram& read = read_family.Add({}, kLatencyBuckets);
  prometheus::Histogram& sync = sync_family.Add({}, kLatencyBuckets);
  prometheus::Counter& writes = batch_family.Add({});

  // Family::Add hashes labels under a mutex; cache the children per (route, method, status).
  std::mutex mu;
  std::map<std::tuple<const Route*, Method, int>, prometheus::Counter*> counters;
  std::map<const Route*, prometheus::Histogram*> histograms;
};

Metrics::Metrics() : state_(std::make_unique<State>()) {}
Metrics::~Metrics() = default;

prometheus::Registry& Metrics::registry() { return *state_->registry; }

void Metrics::OnRequest(const Route* route, const Request& req, int status,
                        std::chrono::nanoseconds elapsed) {
  const double seconds = std::chrono::duration<double>(elapsed).count();
  prometheus::Counter* counter = nullptr;
  prometheus::Histogram* histogram = nullptr;
  {
    std::lock_guard lock(state_->mu);
    // Both arms must be string_views: a std::string arm would make a temporary that dangles.
    const std::string_view pattern =
        route != nullptr ? std::string_view(route->pattern) : std::string_view("unmatched");
    auto& c = state_->counters[{route, req.method, status}];
    if (c == nullptr) {
      c = &state_->requests.Add({{"route", std::string(pattern)},
                                 {"method", std::string(MethodName(req.method))},
                                 {"status", std::to_string(status)}});
    }
    counter = c;
    auto& h = state_->histograms[route];
    if (h == nullptr) h = &state_->latency.Add({{"route", std::string(pattern)}}, kLatencyBuckets);
    histogram = h;
  }
  counter->Increment();
  histogram->Observe(seconds);
}

void Metrics::RecordCommit(std::chrono::nanoseconds elapsed, size_t batch) {
  state_->commit.Observe(std::chrono::duration<double>(elapsed).count());
  state_->writes.Increment(static_cast<double>(batch));
}

void Metrics::RecordSync(std::chrono::nanoseconds elapsed) {
  state_->sync.Observe(std::chrono::duration<double>(elapsed).count());
}

void Metrics::RecordRead(std::chrono::nanoseconds elapsed) {
  state_->read.Observe(std::chrono::duration<double>(elapsed).count());
}

std::string Metrics::Serialize() const {
  return prometheus::TextSerializer().Serialize(state_->registry->Collect());
}

}  // namespace kc::http
