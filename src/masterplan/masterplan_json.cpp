#include "masterplan/masterplan_json.h"

#include <boost/json.hpp>

#include "masterplan/reference.h"

namespace kc::masterplan {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }
json::value Opt(const std::optional<int64_t>& i) { return i ? json::value(*i) : json::value(nullptr); }

json::object NamedJson(const Named& n, bool english) {
  return {{"key", n.key}, {"name", english ? n.name_en : n.name_id}, {"name_id", n.name_id}};
}

}  // namespace

json::object ReferenceJson(bool english) {
  json::array dims, aspects, stages;
  for (const Dimension& d : Dimensions()) {
    json::array elements;
    for (const Named& e : d.elements) elements.push_back(NamedJson(e, english));
    dims.push_back({{"key", d.key}, {"name", d.name}, {"elements", std::move(elements)}});
  }
  for (const ReadinessAspect& a : ReadinessAspects()) {
    json::object o = NamedJson(a.aspect, english);
    json::array subs;
    for (const Named& s : a.sub_aspects) subs.push_back(NamedJson(s, english));
    o["sub_aspects"] = std::move(subs);
    aspects.push_back(std::move(o));
  }
  for (const StageDefinition& s : Stages()) {
    json::array outputs;
    for (const StageOutput& o : s.outputs) {
      outputs.push_back({{"key", o.key}, {"name", english ? o.name_en : o.name_id}});
    }
    stages.push_back({{"stage", s.stage}, {"roman", s.roman},
                      {"topic", english ? s.topic_en : s.topic_id}, {"outputs", std::move(outputs)}});
  }
  return {{"dimensions", std::move(dims)}, {"readiness_aspects", std::move(aspects)},
          {"bimtek_stages", std::move(stages)}};
}

json::object VersionJson(const Version& v) {
  return {{"number", v.number}, {"status", ToString(v.status)}, {"title", v.title},
          {"summary", v.summary}, {"review_note", v.review_note}, {"created_at", v.created_at},
          {"updated_at", v.updated_at}, {"published_at", Opt(v.published_at)}};
}

json::array TeamJson(const std::vector<TeamMember>& team) {
  json::array out;
  for (const TeamMember& m : team) {
    out.push_back({{"no", m.position}, {"body", ToString(m.body)}, {"name", m.name},
                   {"role", m.role}, {"opd_id", Opt(m.opd_id)}});
  }
  return out;
}

json::object StageJson(const Stage& s, bool english) {
  json::array participants, checklist, missing;
  for (const Participant& p : s.participants) {
    participants.push_back({{"id", p.id}, {"name", p.name}, {"user_id", Opt(p.user_id)},
                            {"opd_id", Opt(p.opd_id)}, {"area_code", Opt(p.area_code)},
                            {"role", p.role}, {"attended", p.attended}});
  }
  for (const ChecklistItem& item : Checklist(s)) {
    json::object o{{"output", item.output.key},
                   {"name", english ? item.output.name_en : item.output.name_id},
                   {"present", item.present}};
    for (const RecordedOutput& r : s.outputs) {
      if (r.output != item.output.key) continue;
      o["title"] = r.title;
      o["reference"] = r.reference;
      o["recorded_by"] = r.recorded_by;
      o["recorded_at"] = r.recorded_at;
    }
    if (!item.present) missing.push_back(json::value(item.output.key));
    checklist.push_back(std::move(o));
  }
  const StageDefinition* def = FindStage(s.stage);
  return {{"stage", s.stage}, {"roman", def ? def->roman : "?"},
          {"topic", def ? (english ? def->topic_en : def->topic_id) : ""},
          {"start_date", Opt(s.start_date)}, {"end_date", Opt(s.end_date)}, {"place", s.place},
          {"facilitator", s.facilitator}, {"completed", s.completed()},
          {"completed_at", Opt(s.completed_at)}, {"completed_by", Opt(s.completed_by)},
          {"participants", std::move(participants)}, {"attended", s.attended()},
          {"outputs", std::move(checklist)}, {"missing", std::move(missing)}};
}

json::object PlanSummaryJson(const Masterplan& m) {
  return {{"id", m.id}, {"region", m.region_code}, {"start_year", m.start_year},
          {"end_year", m.end_year}, {"version", VersionJson(m.latest)}};
}

json::object PlanJson(const PlanDetail& d, bool english) {
  json::object o = PlanSummaryJson(d.plan);
  o["published_version"] = d.plan.published ? json::value(VersionJson(*d.plan.published)) : nullptr;
  json::array versions;
  for (const Version& v : d.plan.versions) {
    versions.push_back({{"number", v.number}, {"status", ToString(v.status)},
                        {"published_at", Opt(v.published_at)}});
  }
  o["versions"] = std::move(versions);
  o["team"] = TeamJson(d.team);
  o["current_stage"] = CurrentStage(d.stages);
  json::array stages;
  for (const Stage& s : d.stages) stages.push_back(StageJson(s, english));
  o["bimtek"] = std::move(stages);
  o["open_requests"] = d.open_requests;
  return o;
}

namespace {

json::value MeanJson(const Mean& m) { return m.count == 0 ? json::value(nullptr) : json::value(m.Rounded()); }

}  // namespace

json::object AnalysisJson(const Analysis& a) {
  json::array scores, dims, swot, maturity, directions;
  for (const ReadinessScore& s : a.scores) {
    scores.push_back({{"dimension", s.dimension}, {"aspect", s.aspect}, {"sub_aspect", s.sub_aspect},
                      {"score", s.score}, {"justification", s.justification}});
  }
  for (const DimensionReadiness& d : a.summary.dimensions) {
    json::object aspects;
    for (const auto& [key, mean] : d.aspects) aspects[key] = MeanJson(mean);
    dims.push_back({{"dimension", d.dimension}, {"aspects", std::move(aspects)},
                    {"average", MeanJson(d.overall)}, {"complete", d.complete}});
  }
  json::object aspects;
  for (const auto& [key, mean] : a.summary.aspects) aspects[key] = MeanJson(mean);
  for (const SwotItem& i : a.swot) {
    swot.push_back({{"no", i.no}, {"dimension", i.dimension}, {"kind", ToString(i.kind)}, {"text", i.text}});
  }
  for (const MaturityLevel& m : a.maturity) {
    maturity.push_back({{"dimension", m.dimension}, {"element", m.element}, {"level", m.level},
                        {"evidence", m.evidence}});
  }
  for (const DimensionDirection& d : a.directions) {
    directions.push_back({{"dimension", d.dimension}, {"vision", d.vision}, {"mission", d.mission},
                          {"focus", d.focus}, {"goals", d.goals}, {"targets", d.targets},
                          {"problems", d.problems}, {"strategies", d.strategies}});
  }
  json::object readiness{{"scores", std::move(scores)}, {"dimensions", std::move(dims)},
                         {"aspects", std::move(aspects)}, {"average", MeanJson(a.summary.overall)},
                         {"scored", a.summary.scored}, {"expected", a.summary.expected}};
  return {{"version", a.version}, {"readiness", std::move(readiness)}, {"swot", std::move(swot)},
          {"maturity", std::move(maturity)}, {"directions", std::move(directions)}};
}

}  // namespace kc::masterplan
