// JSON views of categories, routing rules and reports for the /api/v1 routes.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>
#include <string>

#include "reports/category.h"
#include "reports/report.h"
#include "reports/routing.h"

namespace kc::reports {

// OPD id -> short name, to show where a report went.
using OpdNames = std::map<int64_t, std::string>;

// {"code","name","name_id","name_en","group","description","keywords","default_opd_id",
//  "sla":{"response_hours","resolve_days"},"attributes":[...]} (name in the caller's language).
boost::json::object CategoryJson(const Category& category, bool english);

boost::json::object RuleJson(const RoutingRule& rule, const OpdNames& opds);

enum class ReportView {
  kPublic,   // no reporter, no contact, no channel details
  kPrivate,  // officers of the region, and the reporter: adds reporter and contact
};

// {"tracking","category","status","closed","description","lat","lon","address","kecamatan_code",
//  "kelurahan_code","area_match","opd":{"id","name"}|null,"attributes":{..},"public",
//  "photos":[{"url":"/media/<sha>.jpg","thumb_url":"/media/<sha>_t.jpg","width","height",
//  "kind":"report"|"resolution"}],"created_at","updated_at"} and, in kPrivate,
//  "reporter":{"user_id","api_key_id","channel","contact":{"name","email","phone"}}.
boost::json::object ReportJson(const Report& report, const OpdNames& opds, ReportView view);

// [{"url","thumb_url","width","height","kind"}] of `photos`, in order.
boost::json::array PhotosJson(const std::vector<ReportPhoto>& photos);

}  // namespace kc::reports
