// What happened to a report, told to whoever listens (citizen notifications, signed webhooks)
// after the change is durable. The workflow publishes; sinks deliver.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kc::reports {

// Event types, stable names used in webhooks ("type") and notification templates.
inline constexpr const char* kEventCreated = "report.created";
inline constexpr const char* kEventStatusChanged = "report.status_changed";  // data: from, to, reason
inline constexpr const char* kEventAssigned = "report.assigned";        // data: from_opd, to_opd, reason
inline constexpr const char* kEventNoteAdded = "report.note_added";     // public notes only
inline constexpr const char* kEventCommented = "report.commented";      // approved comments only
inline constexpr const char* kEventRated = "report.rated";              // data: stars
inline constexpr const char* kEventMerged = "report.merged";            // data: into
inline constexpr const char* kEventEscalated = "report.escalated";      // data: clock ("response"|"resolve")
inline constexpr const char* kEventReopened = "report.reopened";        // data: reason

struct ReportEvent {
  std::string type;         // one of the kEvent* names
  std::string region_code;  // "71.71"
  std::string tracking;     // "MDO-2026-000123"
  int64_t report_id = 0;
  std::string occurred_at;  // UTC ISO-8601 with milliseconds
  // Public facts only (no reporter contact, no internal notes): webhooks forward it as is.
  boost::json::object data;
  // Whom the citizen notifier tells: the reporter's and followers' user ids (not sent to
  // webhooks).
  std::vector<int64_t> notify_user_ids;
};

// A listener. Publish is called on the store's completion thread right after the commit: it must
// be thread-safe and must not block (queue the delivery).
class ReportEventSink {
 public:
  virtual ~ReportEventSink() = default;
  virtual void Publish(const ReportEvent& event) = 0;
};

// Fans an event out to several sinks, in order.
class ReportEventFanout final : public ReportEventSink {
 public:
  void Add(std::shared_ptr<ReportEventSink> sink) { sinks_.push_back(std::move(sink)); }
  void Publish(const ReportEvent& event) override {
    for (auto& s : sinks_) s->Publish(event);
  }

 private:
  std::vector<std::shared_ptr<ReportEventSink>> sinks_;
};

}  // namespace kc::reports
