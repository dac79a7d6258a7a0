// Internal to the Open311 route files: the shared helpers of open311_routes.cpp and
// open311_requests.cpp.
#pragma once

#include <boost/json/object.hpp>
#include <map>
#include <optional>
#include <string>

#include "http/router.h"
#include "reports/open311_format.h"
#include "reports/reports_module.h"

namespace kc::reports::open311 {

// The category of each code, for service names and SLAs.
using CategoryMap = std::map<std::string, Category, std::less<>>;

// The region a request is about: jurisdiction_id (region code or slug); when absent, the API
// key's region, else the only region if there is exactly one. Errors: kInvalidArgument
// (jurisdiction_id required), kNotFound (unknown jurisdiction).
Result<regions::Region> Jurisdiction(ReportsModule& m, const http::Request& req,
                                     const std::optional<std::string>& jurisdiction_id);

Result<CategoryMap> Categories(ReportsModule& m, const regions::Region& region);

// One Open311 service request (public data only) with datetimes at the region's offset.
boost::json::object RequestJson(const Report& r, const CategoryMap& categories,
                                const OpdNames& opds, const regions::Region& region,
                                bool english);

// "http(s)://host[:port]" of the request (Host header, X-Forwarded-Proto), "" when unusable.
std::string Origin(const http::Request& req);
// The spec's media_url: the report's first photo (absolute, with `origin`), else the URL the
// client gave, else null. `r` must have its media loaded (ReportStore::LoadMedia).
boost::json::value MediaUrl(const Report& r, const std::string& origin);

// The routes of open311_requests.cpp (POST and GET requests.{json,xml}).
void AddRequestRoutes(http::Router& router, const std::shared_ptr<ReportsModule>& module);

}  // namespace kc::reports::open311
