// Readiness scores, SWOT, maturity and dimension directions on SQLite (masterplan_store.h).
#include <string>

#include "masterplan/masterplan_store.h"

namespace kc::masterplan::db {

Result<std::vector<ReadinessScore>> LoadReadiness(Connection& conn, int64_t version_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT dimension, aspect, sub_aspect, score, justification"
                                           " FROM readiness_scores WHERE version_id = ?1"));
  s.Bind(1, version_id);
  std::vector<ReadinessScore> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.String(0), s.String(1), s.String(2), static_cast<int>(s.Int(3)), s.String(4)});
  }
  return out;
}

Status UpsertScore(Connection& conn, int64_t version_id, const ReadinessScore& r) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT OR REPLACE INTO readiness_scores (version_id,"
                                           " dimension, aspect, sub_aspect, score, justification)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  return s.Bind(1, version_id).Bind(2, r.dimension).Bind(3, r.aspect).Bind(4, r.sub_aspect)
      .Bind(5, r.score).Bind(6, r.justification).Run();
}

Result<std::vector<SwotItem>> LoadSwot(Connection& conn, int64_t version_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT no, dimension, kind, text FROM swot_items"
                                           " WHERE version_id = ?1 ORDER BY no"));
  s.Bind(1, version_id);
  std::vector<SwotItem> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({static_cast<int>(s.Int(0)), s.String(1),
                   SwotKindFromString(s.Text(2)).value_or(SwotKind::kStrength), s.String(3)});
  }
  return out;
}

Result<int> InsertSwot(Connection& conn, int64_t version_id, const SwotItem& item) {
  KC_ASSIGN_OR_RETURN(auto next, conn.Prepare("SELECT COALESCE(MAX(no), 0) + 1 FROM swot_items"
                                              " WHERE version_id = ?1"));
  next.Bind(1, version_id);
  KC_ASSIGN_OR_RETURN(bool row, next.Step());
  if (!row) return Internal("swot numbering");
  const int no = static_cast<int>(next.Int(0));
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT INTO swot_items (version_id, no, dimension, kind,"
                                           " text) VALUES (?1, ?2, ?3, ?4, ?5)"));
  KC_RETURN_IF_ERROR(s.Bind(1, version_id).Bind(2, no).Bind(3, item.dimension)
                         .Bind(4, ToString(item.kind)).Bind(5, item.text).Run());
  return no;
}

Result<bool> DeleteSwot(Connection& conn, int64_t version_id, int no) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("DELETE FROM swot_items WHERE version_id = ?1 AND no = ?2"));
  KC_RETURN_IF_ERROR(s.Bind(1, version_id).Bind(2, no).Run());
  return conn.Changes() > 0;
}

Result<std::vector<MaturityLevel>> LoadMaturity(Connection& conn, int64_t version_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT dimension, element, level, evidence FROM"
                                           " maturity_levels WHERE version_id = ?1"));
  s.Bind(1, version_id);
  std::vector<MaturityLevel> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.String(0), s.String(1), static_cast<int>(s.Int(2)), s.String(3)});
  }
  return out;
}

Status UpsertMaturity(Connection& conn, int64_t version_id, const MaturityLevel& m) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT OR REPLACE INTO maturity_levels (version_id,"
                                           " dimension, element, level, evidence)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5)"));
  return s.Bind(1, version_id).Bind(2, m.dimension).Bind(3, m.element).Bind(4, m.level)
      .Bind(5, m.evidence).Run();
}

Result<std::vector<DimensionDirection>> LoadDirections(Connection& conn, int64_t version_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT dimension, vision, mission, focus, goals, targets,"
                                           " problems, strategies FROM dimension_directions"
                                           " WHERE version_id = ?1"));
  s.Bind(1, version_id);
  std::vector<DimensionDirection> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.String(0), s.String(1), s.String(2), s.String(3), s.String(4), s.String(5),
                   s.String(6), s.String(7)});
  }
  return out;
}

Status UpsertDirection(Connection& conn, int64_t version_id, const DimensionDirection& d) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT OR REPLACE INTO dimension_directions (version_id,"
                                           " dimension, vision, mission, focus, goals, targets,"
                                           " problems, strategies)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  return s.Bind(1, version_id).Bind(2, d.dimension).Bind(3, d.vision).Bind(4, d.mission)
      .Bind(5, d.focus).Bind(6, d.goals).Bind(7, d.targets).Bind(8, d.problems)
      .Bind(9, d.strategies).Run();
}

}  // namespace kc::masterplan::db
