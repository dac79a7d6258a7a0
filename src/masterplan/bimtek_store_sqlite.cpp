// Bimtek stages, participants and recorded outputs on SQLite (masterplan_store.h).
#include <string>

#include "masterplan/masterplan_store.h"

namespace kc::masterplan::db {
namespace {

std::optional<std::string> OptText(const store::Statement& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return s.String(col);
}

Status LoadParticipants(Connection& conn, int64_t plan_id, std::vector<Stage>& stages) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT stage, id, name, user_id, opd_id, area_code, role,"
                                           " attended FROM bimtek_participants"
                                           " WHERE masterplan_id = ?1 ORDER BY stage, id"));
  s.Bind(1, plan_id);
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    const int stage = static_cast<int>(s.Int(0));
    if (stage < 1 || stage > kStageCount) continue;
    Participant p{.id = s.Int(1), .name = s.String(2)};
    if (!s.IsNull(3)) p.user_id = s.Int(3);
    if (!s.IsNull(4)) p.opd_id = s.Int(4);
    p.area_code = OptText(s, 5);
    p.role = s.String(6);
    p.attended = s.Int(7) != 0;
    stages[static_cast<size_t>(stage - 1)].participants.push_back(std::move(p));
  }
  return Ok();
}

Status LoadOutputs(Connection& conn, int64_t plan_id, std::vector<Stage>& stages) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT stage, output, title, reference, recorded_by,"
                                           " recorded_at FROM bimtek_outputs"
                                           " WHERE masterplan_id = ?1 ORDER BY stage, output"));
  s.Bind(1, plan_id);
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    const int stage = static_cast<int>(s.Int(0));
    if (stage < 1 || stage > kStageCount) continue;
    stages[static_cast<size_t>(stage - 1)].outputs.push_back(
        {s.String(1), s.String(2), s.String(3), s.String(4), s.String(5)});
  }
  return Ok();
}

}  // namespace

Result<std::vector<Stage>> LoadStages(Connection& conn, int64_t plan_id) {
  std::vector<Stage> stages(kStageCount);
  for (int i = 0; i < kStageCount; ++i) stages[static_cast<size_t>(i)].stage = i + 1;
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT stage, start_date, end_date, place, facilitator,"
                                           " completed_at, completed_by FROM bimtek_stages"
                                           " WHERE masterplan_id = ?1"));
  s.Bind(1, plan_id);
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    const int stage = static_cast<int>(s.Int(0));
    if (stage < 1 || stage > kStageCount) continue;
    Stage& st = stages[static_cast<size_t>(stage - 1)];
    st.start_date = OptText(s, 1);
    st.end_date = OptText(s, 2);
    st.place = s.String(3);
    st.facilitator = s.String(4);
    st.completed_at = OptText(s, 5);
    st.completed_by = OptText(s, 6);
  }
  KC_RETURN_IF_ERROR(LoadParticipants(conn, plan_id, stages));
  KC_RETURN_IF_ERROR(LoadOutputs(conn, plan_id, stages));
  return stages;
}

Status UpdateStage(Connection& conn, int64_t plan_id, const Stage& st) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("UPDATE bimtek_stages SET start_date = ?3, end_date = ?4,"
                                           " place = ?5, facilitator = ?6"
                                           " WHERE masterplan_id = ?1 AND stage = ?2"));
  return s.Bind(1, plan_id).Bind(2, st.stage).Bind(3, st.start_date).Bind(4, st.end_date)
      .Bind(5, st.place).Bind(6, st.facilitator).Run();
}

Status CompleteStage(Connection& conn, int64_t plan_id, int stage, std::string_view by,
                     std::string_view now) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("UPDATE bimtek_stages SET completed_at = ?3,"
                                           " completed_by = ?4 WHERE masterplan_id = ?1 AND stage = ?2"));
  return s.Bind(1, plan_id).Bind(2, stage).Bind(3, now).Bind(4, by).Run();
}

Result<int64_t> InsertParticipant(Connection& conn, int64_t plan_id, int stage, const Participant& p) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT INTO bimtek_participants (masterplan_id, stage,"
                                           " name, user_id, opd_id, area_code, role, attended)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  KC_RETURN_IF_ERROR(s.Bind(1, plan_id).Bind(2, stage).Bind(3, p.name).Bind(4, p.user_id)
                         .Bind(5, p.opd_id).Bind(6, p.area_code).Bind(7, p.role)
                         .Bind(8, p.attended ? 1 : 0).Run());
  return conn.LastInsertId();
}

Result<bool> SetAttendance(Connection& conn, int64_t plan_id, int stage, int64_t participant_id,
                           bool attended) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("UPDATE bimtek_participants SET attended = ?4"
                                           " WHERE masterplan_id = ?1 AND stage = ?2 AND id = ?3"));
  KC_RETURN_IF_ERROR(s.Bind(1, plan_id).Bind(2, stage).Bind(3, participant_id)
                         .Bind(4, attended ? 1 : 0).Run());
  return conn.Changes() > 0;
}

Status UpsertOutput(Connection& conn, int64_t plan_id, int stage, const RecordedOutput& o) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT OR REPLACE INTO bimtek_outputs (masterplan_id,"
                                           " stage, output, title, reference, recorded_by, recorded_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  return s.Bind(1, plan_id).Bind(2, stage).Bind(3, o.output).Bind(4, o.title).Bind(5, o.reference)
      .Bind(6, o.recorded_by).Bind(7, o.recorded_at).Run();
}

Result<bool> DeleteOutput(Connection& conn, int64_t plan_id, int stage, std::string_view output) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("DELETE FROM bimtek_outputs WHERE masterplan_id = ?1"
                                           " AND stage = ?2 AND output = ?3"));
  KC_RETURN_IF_ERROR(s.Bind(1, plan_id).Bind(2, stage).Bind(3, output).Run());
  return conn.Changes() > 0;
}

}  // namespace kc::masterplan::db
