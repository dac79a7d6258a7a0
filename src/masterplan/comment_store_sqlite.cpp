// Masterplan comments on SQLite (comment_store.h; schema in migrations/0011).
#include <algorithm>
#include <boost/json.hpp>

#include "masterplan/comment_store.h"

namespace kc::masterplan::db {
namespace {

namespace json = boost::json;

constexpr std::string_view kColumns =
    "id, masterplan_id, version_number, item, body, request_changes, author_id, author_label, "
    "author_name, author_role, created_at, resolved_at, resolved_by_id, resolved_by_name, "
    "resolved_by_role";

Comment Read(const store::Statement& s) {
  Comment c{.id = s.Int(0),
            .masterplan_id = s.Int(1),
            .version = static_cast<int>(s.Int(2)),
            .item = s.String(3),
            .body = s.String(4),
            .request_changes = s.Int(5) != 0,
            .author = {s.IsNull(6) ? 0 : s.Int(6), s.String(7), s.String(8), s.String(9)},
            .created_at = s.String(10)};
  if (!s.IsNull(11)) {
    c.resolved_at = s.String(11);
    // The resolver's label is not kept: the audit entry of the resolution names the actor.
    c.resolved_by = CommentAuthor{s.IsNull(12) ? 0 : s.Int(12), "", s.String(13), s.String(14)};
  }
  return c;
}

Result<std::vector<Comment>> ReadAll(store::Statement& s) {
  std::vector<Comment> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(Read(s));
  }
}

std::optional<int64_t> UserId(const CommentAuthor& a) {
  return a.user_id > 0 ? std::optional(a.user_id) : std::nullopt;
}

}  // namespace

Result<int64_t> InsertComment(Connection& conn, const Comment& c) {
  KC_ASSIGN_OR_RETURN(
      auto s,
      conn.Prepare("INSERT INTO masterplan_comments (masterplan_id, version_number, item, body,"
                   " request_changes, author_id, author_label, author_name, author_role,"
                   " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  s.Bind(1, c.masterplan_id).Bind(2, c.version).Bind(3, c.item).Bind(4, c.body);
  s.Bind(5, c.request_changes ? 1 : 0).Bind(6, UserId(c.author)).Bind(7, c.author.label);
  s.Bind(8, c.author.name).Bind(9, c.author.role).Bind(10, c.created_at);
  KC_RETURN_IF_ERROR(s.Run());
  return conn.LastInsertId();
}

Result<std::optional<Comment>> LoadComment(Connection& conn, int64_t plan_id, int64_t id) {
  KC_ASSIGN_OR_RETURN(
      auto s, conn.Prepare("SELECT " + std::string(kColumns) +
                           " FROM masterplan_comments WHERE masterplan_id = ?1 AND id = ?2"));
  s.Bind(1, plan_id).Bind(2, id);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Comment>();
  return std::optional(Read(s));
}

Result<std::vector<Comment>> LoadComments(Connection& conn, int64_t plan_id) {
  KC_ASSIGN_OR_RETURN(
      auto s, conn.Prepare("SELECT " + std::string(kColumns) +
                           " FROM masterplan_comments WHERE masterplan_id = ?1 ORDER BY id"));
  s.Bind(1, plan_id);
  return ReadAll(s);
}

Result<int> CountOpenRequests(Connection& conn, int64_t plan_id) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("SELECT COUNT(*) FROM masterplan_comments WHERE masterplan_id"
                                   " = ?1 AND request_changes = 1 AND resolved_at IS NULL"));
  s.Bind(1, plan_id);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Internal("count open requests");
  return static_cast<int>(s.Int(0));
}

Result<bool> ResolveComment(Connection& conn, int64_t id, const CommentAuthor& by,
                            std::string_view now) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("UPDATE masterplan_comments SET resolved_at = ?2,"
                                   " resolved_by_id = ?3, resolved_by_name = ?4, resolved_by_role"
                                   " = ?5 WHERE id = ?1 AND resolved_at IS NULL"));
  s.Bind(1, id).Bind(2, now).Bind(3, UserId(by)).Bind(4, by.name).Bind(5, by.role);
  KC_RETURN_IF_ERROR(s.Run());
  return conn.Changes() == 1;
}

Result<std::vector<ItemEvent>> LoadItemHistory(Connection& conn, std::string_view region_code,
                                               int64_t plan_id, std::string_view item, int limit) {
  KC_ASSIGN_OR_RETURN(
      auto s,
      conn.Prepare("SELECT a.id, a.at, a.actor_id, a.actor_label, u.name, a.action, a.after_json"
                   " FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id"
                   " WHERE a.region_code = ?1 AND a.target = ?2 AND EXISTS (SELECT 1 FROM"
                   " json_each(a.after_json, '$.items') j WHERE j.value = ?3)"
                   " ORDER BY a.id DESC LIMIT ?4"));
  s.Bind(1, region_code)
      .Bind(2, "masterplan:" + std::to_string(plan_id))
      .Bind(3, item)
      .Bind(4, limit);
  std::vector<ItemEvent> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ItemEvent e{.id = s.Int(0),
                .at = s.String(1),
                .actor_id = s.IsNull(2) ? 0 : s.Int(2),
                .actor_label = s.String(3),
                .action = s.String(5)};
    if (!s.IsNull(4)) e.actor_name = s.String(4);
    boost::system::error_code ec;
    json::value after = json::parse(s.Text(6), ec);  // json_each above accepted it
    if (ec || !after.is_object()) return Internal("audit after_json");
    after.as_object().erase("items");
    e.changes = std::move(after);
    out.push_back(std::move(e));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace kc::masterplan::db
