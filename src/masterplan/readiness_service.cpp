// Readiness, SWOT, maturity and directions (readiness_service.h).
#include "masterplan/readiness_service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "http/json_body.h"
#include "masterplan/masterplan_store.h"
#include "masterplan/program_service.h"
#include "masterplan/reference.h"
#include "masterplan/version_edit.h"

namespace kc::masterplan {
namespace {

constexpr size_t kSwotMaxChars = 1000;
constexpr size_t kDirectionMaxChars = 5000;

Result<Analysis> Load(store::Connection& conn, const Version& v) {
  Analysis a{.version = v.number};
  KC_ASSIGN_OR_RETURN(a.scores, db::LoadReadiness(conn, v.id));
  a.summary = Summarise(a.scores);
  KC_ASSIGN_OR_RETURN(a.swot, db::LoadSwot(conn, v.id));
  KC_ASSIGN_OR_RETURN(a.maturity, db::LoadMaturity(conn, v.id));
  KC_ASSIGN_OR_RETURN(a.directions, db::LoadDirections(conn, v.id));
  return a;
}

void CheckDimension(const std::string& dimension, Validation& v) {
  if (FindDimension(dimension) == nullptr) {
    v.Add("dimension", {"harus salah satu dari " + std::string(DimensionKeysText()),
                        "must be one of " + std::string(DimensionKeysText())});
  }
}

void CheckText(const std::string& text, const char* field, size_t min, size_t max, Validation& v) {
  const size_t n = http::Utf8Length(text);
  if (n < min || n > max) {
    const std::string range = std::to_string(min) + ".." + std::to_string(max);
    v.Add(field, {"panjang harus " + range + " karakter", "length must be " + range + " characters"});
  }
}

// Runs `change` on the editable version of the plan, audits `action`, returns the analysis.
template <class F>
Result<Analysis> Edit(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                      std::string action, boost::json::object audit, F change) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(Version version, internal::EditableVersion(conn, ctx, plan));
  KC_RETURN_IF_ERROR(change(version.id));
  KC_RETURN_IF_ERROR(db::UpdateVersion(conn, version, ctx.now));  // touches updated_at
  audit["version"] = version.number;
  KC_RETURN_IF_ERROR(internal::Audit(conn, ctx, std::move(action), plan_id, std::move(audit)));
  return Load(conn, version);
}

}  // namespace

namespace internal {

Result<std::vector<Stage>> LoadStages(store::Connection& conn, int64_t plan_id, int64_t version_id) {
  KC_ASSIGN_OR_RETURN(auto stages, db::LoadStages(conn, plan_id));
  Analysis a;
  KC_ASSIGN_OR_RETURN(a.scores, db::LoadReadiness(conn, version_id));
  a.summary = Summarise(a.scores);
  KC_ASSIGN_OR_RETURN(a.swot, db::LoadSwot(conn, version_id));
  DataOutputs data = CompleteDataOutputs(a);
  KC_ASSIGN_OR_RETURN(auto quick_wins, db::LoadQuickWins(conn, version_id));
  data.merge(QuickWinOutputs(quick_wins));
  for (Stage& s : stages) s.data_outputs = data;
  return stages;
}

}  // namespace internal

DataOutputs CompleteDataOutputs(const Analysis& a) {
  DataOutputs out;
  if (a.summary.scored == a.summary.expected && a.summary.expected > 0) out.insert("readiness_scores");
  bool swot = true;
  for (const Dimension& d : Dimensions()) {
    for (SwotKind k : {SwotKind::kStrength, SwotKind::kWeakness, SwotKind::kOpportunity, SwotKind::kThreat}) {
      swot = swot && std::any_of(a.swot.begin(), a.swot.end(), [&](const SwotItem& i) {
               return i.dimension == d.key && i.kind == k;
             });
    }
  }
  if (swot) out.insert("swot");
  return out;
}

Result<Analysis> GetAnalysis(store::Connection& conn, std::string_view region_code, int64_t plan_id,
                             bool published) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, region_code, plan_id));
  if (!published) return Load(conn, plan.latest);
  if (!plan.published) {
    return Error(ErrorCode::kNotFound, {"Masterplan ini belum diterbitkan.",
                                        "This masterplan is not published yet."}, "not_published");
  }
  return Load(conn, *plan.published);
}

Result<Analysis> SetScores(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                           const std::vector<ReadinessScore>& scores) {
  Validation v;
  if (scores.empty()) v.Add("scores", {"minimal satu nilai", "at least one score"});
  for (size_t i = 0; i < scores.size(); ++i) {
    ValidateScore(scores[i], "scores[" + std::to_string(i) + "].", v);
  }
  if (!v.ok()) return std::move(v).ToError();
  std::set<std::string> dimensions;  // the items of the audit entry (item.h)
  for (const ReadinessScore& s : scores) dimensions.insert(s.dimension);
  boost::json::object audit{{"count", scores.size()},
                            {"dimensions", boost::json::array(dimensions.begin(), dimensions.end())}};
  return Edit(conn, ctx, plan_id, "readiness.score", std::move(audit),
              [&](int64_t version_id) -> Status {
                for (const ReadinessScore& s : scores) KC_RETURN_IF_ERROR(db::UpsertScore(conn, version_id, s));
                return Ok();
              });
}

Result<Analysis> AddSwot(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                         const SwotItem& item) {
  Validation v;
  CheckDimension(item.dimension, v);
  CheckText(item.text, "text", 3, kSwotMaxChars, v);
  if (!v.ok()) return std::move(v).ToError();
  return Edit(conn, ctx, plan_id, "readiness.swot.add",
              {{"dimension", item.dimension}, {"kind", ToString(item.kind)}, {"text", item.text}},
              [&](int64_t version_id) -> Status {
                KC_ASSIGN_OR_RETURN(int no, db::InsertSwot(conn, version_id, item));
                return no > 0 ? Ok() : Internal("swot numbering");
              });
}

Result<Analysis> RemoveSwot(store::Connection& conn, const WriteContext& ctx, int64_t plan_id, int no) {
  // The item's dimension for the audit entry (item.h); numbers are kept across versions.
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(auto current, db::LoadSwot(conn, plan.latest.id));
  const auto it = std::find_if(current.begin(), current.end(),
                               [no](const SwotItem& i) { return i.no == no; });
  boost::json::object audit{{"no", no}};
  if (it != current.end()) audit["dimension"] = it->dimension;
  auto remove = [&](int64_t version_id) -> Status {
    KC_ASSIGN_OR_RETURN(bool found, db::DeleteSwot(conn, version_id, no));
    if (!found) {
      return Error(ErrorCode::kNotFound, {"Butir SWOT tidak ditemukan.", "No such SWOT item."}, "swot_not_found");
    }
    return Ok();
  };
  return Edit(conn, ctx, plan_id, "readiness.swot.remove", std::move(audit), remove);
}

Result<Analysis> SetMaturity(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                             const MaturityLevel& m) {
  Validation v;
  CheckDimension(m.dimension, v);
  if (FindDimension(m.dimension) != nullptr && !IsElementOf(m.dimension, m.element)) {
    v.Add("element", {"bukan elemen dimensi ini", "not an element of this dimension"});
  }
  if (m.level < kMinScore || m.level > kMaxScore) {
    v.Add("level", {"tingkat kematangan harus 1 sampai 5", "the maturity level must be 1 to 5"});
  }
  CheckText(m.evidence, "evidence", 3, kJustificationMaxChars, v);
  if (!v.ok()) return std::move(v).ToError();
  return Edit(conn, ctx, plan_id, "maturity.set",
              {{"dimension", m.dimension}, {"element", m.element}, {"level", m.level}},
              [&](int64_t version_id) { return db::UpsertMaturity(conn, version_id, m); });
}

Result<Analysis> SetDirection(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                              const DimensionDirection& d) {
  Validation v;
  CheckDimension(d.dimension, v);
  const std::pair<const char*, const std::string*> fields[] = {
      {"vision", &d.vision}, {"mission", &d.mission}, {"focus", &d.focus}, {"goals", &d.goals},
      {"targets", &d.targets}, {"problems", &d.problems}, {"strategies", &d.strategies}};
  for (const auto& [name, text] : fields) CheckText(*text, name, 0, kDirectionMaxChars, v);
  if (!v.ok()) return std::move(v).ToError();
  return Edit(conn, ctx, plan_id, "direction.set", {{"dimension", d.dimension}},
              [&](int64_t version_id) { return db::UpsertDirection(conn, version_id, d); });
}

}  // namespace kc::masterplan
