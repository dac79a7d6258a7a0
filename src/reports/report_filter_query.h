// The query parameters of report lists and exports (status, category, opd, kecamatan, kelurahan,
// from, to, bbox, q, and for pages limit and cursor) parsed into a ReportFilter. Shared by the
// list route (report_read_routes.cpp) and the exports (export_routes.cpp) so both accept exactly
// the same filters. Pure; thread-safe.
#pragma once

#include <string>

#include "core/result.h"
#include "http/request.h"
#include "reports/report.h"

namespace kc::reports {

struct FilterPaging {
  bool paged = true;       // read limit and cursor; false: leave limit and before_id unset
  int default_limit = 20;  // when paged
  int max_limit = 100;     // when paged
};

// Every problem at once: kInvalidArgument "validation_failed" with a detail per bad parameter
// (bilingual). The filter's region_code is `region_code`; public_only is left true (the caller
// decides what the caller may see).
Result<ReportFilter> ParseReportFilter(const http::Request& req, const std::string& region_code,
                                       FilterPaging paging = {});

}  // namespace kc::reports
