// NotificationStore on SQLite: report_events joined to the user's reports (filed or followed,
// through reports_reporter and report_followers_user) and the read mark (migration 0012).
#include <algorithm>

#include "reports/notifications.h"

namespace kc::reports {
namespace {

using store::Connection;
using store::Statement;

// The user's reports; ?1 is the user id. Entries the user wrote themselves and internal ones
// are no news to them.
constexpr std::string_view kMine =
    "WITH mine(report_id) AS (SELECT id FROM reports WHERE reporter_user_id = ?1 "
    "UNION SELECT report_id FROM report_followers WHERE user_id = ?1) ";
constexpr std::string_view kTheirs = "e.public = 1 AND e.actor_user_id IS NOT ?1";

std::optional<std::string> OptText(const Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return st.String(col);
}

Result<int64_t> ReadMark(Connection& conn, int64_t user_id) {
  KC_ASSIGN_OR_RETURN(auto st,
                      conn.Prepare("SELECT read_upto FROM notification_marks WHERE user_id = ?1"));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, user_id).Step());
  return row ? st.Int(0) : int64_t{0};
}

Result<int64_t> CountUnread(Connection& conn, int64_t user_id, int64_t mark) {
  KC_ASSIGN_OR_RETURN(auto st,
                      conn.Prepare(std::string(kMine) +
                                   "SELECT count(*) FROM (SELECT 1 FROM mine JOIN report_events e "
                                   "ON e.report_id = mine.report_id WHERE " +
                                   std::string(kTheirs) + " AND e.id > ?2 LIMIT ?3)"));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, user_id).Bind(2, mark).Bind(3, kUnreadCap).Step());
  return row ? st.Int(0) : int64_t{0};
}

}  // namespace

Result<NotificationPage> NotificationStore::List(int64_t user_id, std::optional<int64_t> before_id,
                                                 int limit) {
  return db_.Read([&](Connection& conn) -> Result<NotificationPage> {
    KC_ASSIGN_OR_RETURN(const int64_t mark, ReadMark(conn, user_id));
    KC_ASSIGN_OR_RETURN(
        auto st,
        conn.Prepare(
            std::string(kMine) +
            "SELECT e.id, r.region_code, g.slug, r.tracking, e.kind, e.from_value, e.to_value, "
            "e.text, "
            "e.created_at FROM mine JOIN report_events e ON e.report_id = mine.report_id "
            "JOIN reports r ON r.id = e.report_id JOIN regions g ON g.code = r.region_code WHERE " +
            std::string(kTheirs) + " AND e.id < ?2 ORDER BY e.id DESC LIMIT ?3"));
    st.Bind(1, user_id).Bind(2, before_id.value_or(INT64_MAX)).Bind(3, limit + 1);
    NotificationPage page;
    for (;;) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      if (static_cast<int>(page.items.size()) == limit) {
        page.more = true;
        break;
      }
      Notification n{.id = st.Int(0),
                     .region_code = st.String(1),
                     .region_slug = st.String(2),
                     .tracking = st.String(3),
                     .kind = st.String(4),
                     .from = OptText(st, 5),
                     .to = OptText(st, 6),
                     .text = OptText(st, 7),
                     .at = st.String(8),
                     .unread = false};
      n.unread = n.id > mark;
      page.items.push_back(std::move(n));
    }
    KC_ASSIGN_OR_RETURN(page.unread, CountUnread(conn, user_id, mark));
    return page;
  });
}

void NotificationStore::MarkRead(int64_t user_id, int64_t up_to,
                                 std::function<void(Result<int64_t>)> done) {
  auto unread = std::make_shared<int64_t>(0);
  db_.Write(
      [user_id, up_to, unread](Connection& conn) -> Status {
        KC_ASSIGN_OR_RETURN(
            auto st,
            conn.Prepare("INSERT INTO notification_marks (user_id, read_upto) "
                         "VALUES (?1, min(?2, (SELECT coalesce(max(id), 0) FROM report_events))) "
                         "ON CONFLICT (user_id) DO UPDATE SET read_upto = max(read_upto, "
                         "excluded.read_upto)"));
        KC_RETURN_IF_ERROR(st.Bind(1, user_id).Bind(2, up_to).Run());
        KC_ASSIGN_OR_RETURN(const int64_t mark, ReadMark(conn, user_id));
        KC_ASSIGN_OR_RETURN(*unread, CountUnread(conn, user_id, mark));
        return Ok();
      },
      [unread, done = std::move(done)](Status st) {
        if (!st.ok()) return done(st.error());
        done(*unread);
      });
}

}  // namespace kc::reports
