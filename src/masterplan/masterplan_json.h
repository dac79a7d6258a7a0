// JSON views of the masterplan module for the API (field names are the API contract).
#pragma once

#include <boost/json/object.hpp>

#include "masterplan/masterplan_service.h"
#include "masterplan/readiness_service.h"

namespace kc::masterplan {

// {"dimensions":[{key,name,elements:[{key,name,name_en}]}], "readiness_aspects":[...],
//  "bimtek_stages":[{stage,roman,topic,outputs:[{key,name}]}]}; names in the caller's language.
boost::json::object ReferenceJson(bool english);
// {"id","region","start_year","end_year","version":{...},"published_version"?,"versions":[...],
//  "team":[...],"current_stage":1..5,"bimtek":[...],"open_requests":<unresolved change requests>}
boost::json::object PlanJson(const PlanDetail& detail, bool english);
// A list item: id, region, period, the latest version's number, status and title.
boost::json::object PlanSummaryJson(const Masterplan& plan);
boost::json::object VersionJson(const Version& v);
boost::json::array TeamJson(const std::vector<TeamMember>& team);
// One stage with schedule, participants, attendance, its checklist and "missing" (output keys).
boost::json::object StageJson(const Stage& stage, bool english);

// {"version","readiness":{"scores":[...],"dimensions":[{dimension,aspects:{struktur:3.67,..},
//  average,complete}],"aspects":{..},"average","scored","expected"},"swot":[...],"maturity":[...],
//  "directions":[...]}; averages rounded half up to two decimals, null while nothing is scored.
boost::json::object AnalysisJson(const Analysis& analysis);

}  // namespace kc::masterplan
