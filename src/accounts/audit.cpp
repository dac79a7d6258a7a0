#include "accounts/audit.h"

#include <boost/json.hpp>

namespace kc::accounts {
namespace {

std::optional<std::string> JsonOrNull(const boost::json::value& v) {
  if (v.is_null()) return std::nullopt;
  return boost::json::serialize(v);
}

boost::json::value ParseOrNull(const store::Statement& st, int col) {
  if (st.IsNull(col)) return nullptr;
  boost::system::error_code ec;
  auto v = boost::json::parse(st.Text(col), ec);
  return ec ? boost::json::value(st.String(col)) : v;
}

}  // namespace

Status RecordAudit(store::Connection& conn, const AuditEntry& e) {
  if (e.action.empty() || e.target.empty()) {
    return InvalidArgument({"Entri audit tidak lengkap.", "Incomplete audit entry."});
  }
  const TimePoint at = e.at == TimePoint{} ? NowUtc() : e.at;
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO audit_log (at, actor_id, actor_label, region_code, action, target, "
      "before_json, after_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  st.Bind(1, FormatUtc(at));
  if (e.actor.user_id > 0) {
    st.Bind(2, e.actor.user_id);
  } else {
    st.Bind(2, nullptr);
  }
  st.Bind(3, e.actor.label.empty() ? std::string("system") : e.actor.label);
  st.Bind(4, e.region_code).Bind(5, e.action).Bind(6, e.target);
  st.Bind(7, JsonOrNull(e.before)).Bind(8, JsonOrNull(e.after));
  return st.Run();
}

Result<std::vector<AuditRecord>> QueryAudit(store::Connection& conn, const AuditQuery& q) {
  // One statement with optional filters (NULL parameters disable a filter) keeps the cache small.
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "SELECT id, at, actor_id, actor_label, region_code, action, target, before_json, after_json "
      "FROM audit_log WHERE region_code = ?1 "
      "AND (?2 IS NULL OR action = ?2 OR (substr(?2, -1) = '.' AND substr(action, 1, length(?2)) = ?2)) "
      "AND (?3 IS NULL OR actor_id = ?3) AND (?4 IS NULL OR at >= ?4) AND (?5 IS NULL OR at < ?5) "
      "AND (?6 IS NULL OR id < ?6) ORDER BY id DESC LIMIT ?7"));
  st.Bind(1, q.region_code).Bind(2, q.action).Bind(3, q.actor_id);
  st.Bind(4, q.from ? std::optional<std::string>(FormatUtc(*q.from)) : std::nullopt);
  st.Bind(5, q.to ? std::optional<std::string>(FormatUtc(*q.to)) : std::nullopt);
  st.Bind(6, q.before_id).Bind(7, q.limit);
  std::vector<AuditRecord> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    AuditRecord r;
    r.id = st.Int(0);
    r.entry.at = ParseTimestamp(st.Text(1)).value_or(TimePoint{});
    r.entry.actor = {st.IsNull(2) ? 0 : st.Int(2), st.String(3)};
    r.entry.region_code = st.String(4);
    r.entry.action = st.String(5);
    r.entry.target = st.String(6);
    r.entry.before = ParseOrNull(st, 7);
    r.entry.after = ParseOrNull(st, 8);
    out.push_back(std::move(r));
  }
  return out;
}

boost::json::object AuditJson(const AuditRecord& r) {
  const AuditEntry& e = r.entry;
  boost::json::object o{{"id", r.id},
                        {"at", FormatUtc(e.at)},
                        {"actor", e.actor.label},
                        {"region", e.region_code},
                        {"action", e.action},
                        {"target", e.target},
                        {"before", e.before},
                        {"after", e.after}};
  if (e.actor.user_id > 0) {
    o["actor_id"] = e.actor.user_id;
  } else {
    o["actor_id"] = nullptr;
  }
  return o;
}

}  // namespace kc::accounts
