// A signed-in resident's notifications: the public timeline entries of the reports they filed
// or follow, written by someone else, newest first. They are read from report_events as they
// are (no second copy to keep in step); only each user's read mark is stored (migration 0012).
// Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "http/router.h"
#include "store/database.h"

namespace kc::reports {

struct Notification {
  int64_t id = 0;  // the timeline entry's id: also the cursor and the read mark's unit
  std::string region_code;
  std::string region_slug;
  std::string tracking;
  std::string kind;  // as in the timeline: "status", "note", "assigned", "reopened", "merged", ...
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<std::string> text;  // the public note, when the entry has one
  std::string at;                   // UTC, ISO 8601
  bool unread = false;
};

struct NotificationPage {
  std::vector<Notification> items;
  bool more = false;   // older entries exist below the last item
  int64_t unread = 0;  // counted up to kUnreadCap
};

// Unread entries are counted up to this many; the UI shows "99+" beyond.
inline constexpr int64_t kUnreadCap = 100;

class NotificationStore {
 public:
  explicit NotificationStore(store::Database& db) : db_(db) {}

  // Entries with id below `before_id` (all when absent), at most `limit`.
  Result<NotificationPage> List(int64_t user_id, std::optional<int64_t> before_id, int limit);
  // Marks every entry up to `up_to` read. The mark never moves back and never passes the newest
  // entry, so a too-large value cannot hide future notifications. `done` gets the unread count
  // after the durable commit.
  void MarkRead(int64_t user_id, int64_t up_to, std::function<void(Result<int64_t>)> done);

 private:
  store::Database& db_;
};

// GET /api/v1/me/notifications and POST /api/v1/me/notifications/read.
void AddNotificationRoutes(http::Router& router, std::shared_ptr<NotificationStore> store);

}  // namespace kc::reports
