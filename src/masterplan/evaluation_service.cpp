// Evaluation rounds and scores (evaluation_service.h), with their SQL: the tables are small
// and used only here.
#include "masterplan/evaluation_service.h"

#include <boost/json.hpp>

#include "accounts/audit.h"
#include "masterplan/reference.h"
#include "masterplan/summary.h"

namespace kc::masterplan {
namespace {

Error RoundNotFound() {
  return Error(ErrorCode::kNotFound, {"Putaran evaluasi tidak ditemukan.", "No such evaluation round."},
               "round_not_found");
}

EvaluationRound ReadRound(const store::Statement& s) {
  EvaluationRound r{.id = s.Int(0), .year = static_cast<int>(s.Int(1)), .round = static_cast<int>(s.Int(2))};
  for (int i = 0; i < kComponentCount; ++i) r.weights.percent[static_cast<size_t>(i)] = static_cast<int>(s.Int(3 + i));
  return r;
}

constexpr std::string_view kRoundColumns = "id, year, round, w_baseline, w_output, w_outcome, w_impact, w_quick_win";

Result<std::optional<EvaluationRound>> FindRound(store::Connection& conn, int64_t id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT " + std::string(kRoundColumns) + " FROM evaluation_rounds WHERE id = ?1"));
  s.Bind(1, id);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<EvaluationRound>();
  return std::optional<EvaluationRound>(ReadRound(s));
}

Status Audit(store::Connection& conn, const WriteContext& ctx, std::string action, int64_t round_id,
             boost::json::object after) {
  return accounts::RecordAudit(conn, {.actor = ctx.actor, .region_code = ctx.region_code, .action = std::move(action),
                                      .target = "evaluation_round:" + std::to_string(round_id),
                                      .after = std::move(after)});
}

Status SaveScore(store::Connection& conn, const WriteContext& ctx, int64_t round_id, const EvaluationScore& e) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT OR REPLACE INTO evaluations (round_id, region_code, dimension,"
                                           " baseline, output, outcome, impact, quick_win, idx, evaluated_by,"
                                           " evaluated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
  s.Bind(1, round_id).Bind(2, ctx.region_code).Bind(3, e.dimension);
  for (int i = 0; i < kComponentCount; ++i) s.Bind(4 + i, e.components.hundredths[static_cast<size_t>(i)]);
  return s.Bind(9, e.index).Bind(10, ctx.actor.label).Bind(11, ctx.now).Run();
}

}  // namespace

Result<std::vector<EvaluationRound>> ListRounds(store::Connection& conn) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT " + std::string(kRoundColumns) +
                                           " FROM evaluation_rounds ORDER BY year, round"));
  std::vector<EvaluationRound> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadRound(s));
  }
  return out;
}

Result<EvaluationRound> CreateRound(store::Connection& conn, const WriteContext& ctx, EvaluationRound r) {
  Validation v;
  if (r.year < kMinYear || r.year > kMaxYear) v.Add("year", {"harus tahun 2000..2100", "must be a year 2000..2100"});
  if (r.round != 1 && r.round != 2) v.Add("round", {"harus 1 (Tahap I) atau 2 (Tahap II)", "must be 1 or 2"});
  ValidateWeights(r.weights, v);
  if (!v.ok()) return std::move(v).ToError();
  KC_ASSIGN_OR_RETURN(auto rounds, ListRounds(conn));
  for (const EvaluationRound& x : rounds) {
    if (x.year == r.year && x.round == r.round) {
      return Error(ErrorCode::kConflict, {"Putaran evaluasi ini sudah ada.", "This evaluation round exists."},
                   "round_exists");
    }
  }
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT INTO evaluation_rounds (year, round, w_baseline, w_output,"
                                           " w_outcome, w_impact, w_quick_win, created_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  s.Bind(1, r.year).Bind(2, r.round);
  for (int i = 0; i < kComponentCount; ++i) s.Bind(3 + i, r.weights.percent[static_cast<size_t>(i)]);
  KC_RETURN_IF_ERROR(s.Bind(8, ctx.now).Run());
  r.id = conn.LastInsertId();
  KC_RETURN_IF_ERROR(Audit(conn, ctx, "evaluation.round.create", r.id, {{"year", r.year}, {"round", r.round}}));
  return r;
}

Result<EvaluationRound> SetRoundWeights(store::Connection& conn, const WriteContext& ctx, int64_t round_id,
                                        const Weights& w) {
  Validation v;
  ValidateWeights(w, v);
  if (!v.ok()) return std::move(v).ToError();
  KC_ASSIGN_OR_RETURN(auto round, FindRound(conn, round_id));
  if (!round) return RoundNotFound();
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("UPDATE evaluation_rounds SET w_baseline = ?2, w_output = ?3,"
                                           " w_outcome = ?4, w_impact = ?5, w_quick_win = ?6 WHERE id = ?1"));
  s.Bind(1, round_id);
  for (int i = 0; i < kComponentCount; ++i) s.Bind(2 + i, w.percent[static_cast<size_t>(i)]);
  KC_RETURN_IF_ERROR(s.Run());
  // The index is a pure function of scores and weights: recompute it in SQL, half up as
  // WeightedIndex does (integer division of non-negative sums).
  KC_ASSIGN_OR_RETURN(auto re, conn.Prepare("UPDATE evaluations SET idx = (baseline * ?2 + output * ?3 +"
                                            " outcome * ?4 + impact * ?5 + quick_win * ?6 + 50) / 100"
                                            " WHERE round_id = ?1"));
  re.Bind(1, round_id);
  for (int i = 0; i < kComponentCount; ++i) re.Bind(2 + i, w.percent[static_cast<size_t>(i)]);
  KC_RETURN_IF_ERROR(re.Run());
  round->weights = w;
  KC_RETURN_IF_ERROR(Audit(conn, ctx, "evaluation.round.weights", round_id, {{"weights", boost::json::array(
                                                                                 w.percent.begin(), w.percent.end())}}));
  KC_RETURN_IF_ERROR(RefreshAllSummaries(conn, ctx.now));  // every region's index may have changed
  return *round;
}

Result<EvaluationResult> SetEvaluation(store::Connection& conn, const WriteContext& ctx, int64_t round_id,
                                       const Components& total, const std::map<std::string, Components>& dims) {
  Validation v;
  ValidateComponents(total, "total.", v);
  for (const auto& [key, c] : dims) {
    if (FindDimension(key) == nullptr) {
      v.Add("dimensions." + key, {"bukan dimensi smart city", "not a smart city dimension"});
    } else {
      ValidateComponents(c, "dimensions." + key + ".", v);
    }
  }
  if (!v.ok()) return std::move(v).ToError();
  KC_ASSIGN_OR_RETURN(auto round, FindRound(conn, round_id));
  if (!round) return RoundNotFound();
  KC_ASSIGN_OR_RETURN(auto del, conn.Prepare("DELETE FROM evaluations WHERE round_id = ?1 AND region_code = ?2"));
  KC_RETURN_IF_ERROR(del.Bind(1, round_id).Bind(2, ctx.region_code).Run());
  KC_RETURN_IF_ERROR(SaveScore(conn, ctx, round_id, {"", total, WeightedIndex(total, round->weights)}));
  for (const auto& [key, c] : dims) {
    KC_RETURN_IF_ERROR(SaveScore(conn, ctx, round_id, {key, c, WeightedIndex(c, round->weights)}));
  }
  KC_RETURN_IF_ERROR(Audit(conn, ctx, "evaluation.set", round_id,
                           {{"region", ctx.region_code}, {"index", WeightedIndex(total, round->weights)}}));
  KC_RETURN_IF_ERROR(RefreshRegionSummary(conn, ctx.region_code, ctx.now));
  KC_ASSIGN_OR_RETURN(auto history, EvaluationHistory(conn, ctx.region_code));
  for (EvaluationResult& r : history) {
    if (r.round.id == round_id) return std::move(r);
  }
  return Internal("evaluation vanished");
}

Result<std::vector<EvaluationResult>> EvaluationHistory(store::Connection& conn, std::string_view region_code) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare(
      "SELECT r.id, r.year, r.round, r.w_baseline, r.w_output, r.w_outcome, r.w_impact, r.w_quick_win,"
      " e.dimension, e.baseline, e.output, e.outcome, e.impact, e.quick_win, e.idx, e.evaluated_by,"
      " e.evaluated_at FROM evaluations e JOIN evaluation_rounds r ON r.id = e.round_id"
      " WHERE e.region_code = ?1 ORDER BY r.year, r.round, e.dimension"));
  s.Bind(1, region_code);
  std::vector<EvaluationResult> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    if (out.empty() || out.back().round.id != s.Int(0)) {
      out.push_back({.round = ReadRound(s), .evaluated_by = s.String(15), .evaluated_at = s.String(16)});
    }
    EvaluationScore e{.dimension = s.String(8), .index = static_cast<int>(s.Int(14))};
    for (int i = 0; i < kComponentCount; ++i) e.components.hundredths[static_cast<size_t>(i)] = static_cast<int>(s.Int(9 + i));
    if (e.dimension.empty()) out.back().total = e;
    else out.back().dimensions.push_back(std::move(e));
  }
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i].total && out[i - 1].total) out[i].improvement = out[i].total->index - out[i - 1].total->index;
  }
  return out;
}

}  // namespace kc::masterplan
