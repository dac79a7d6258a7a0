// Builds the OpenAPI 3.1 document from the router's route table, so the published API
// description cannot drift from the routes that exist.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "http/router.h"

namespace kc::http {

struct ApiInfo {
  std::string title = "kotacerdas API";
  std::string version;
  std::string description;
};

// Documents every route whose pattern starts with one of the documented prefixes (/api/v1,
// /open311/v2, /healthz, /readyz, /metrics). Path parameters come from the pattern; errors use
// the shared Error schema.
boost::json::object BuildOpenApi(const Router& router, const ApiInfo& info);

// The parameter names in a pattern, e.g. {"code"} for "/api/v1/regions/{code}".
std::vector<std::string> PathParams(std::string_view pattern);

}  // namespace kc::http
