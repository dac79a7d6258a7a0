// Internal to the SQLite report store: the column list and row decoder shared by its files.
#pragma once

#include <string_view>

#include "reports/report.h"
#include "store/sqlite.h"

namespace kc::reports {

inline constexpr std::string_view kReportColumns =
    "id, region_code, tracking, category_code, status, description, lat, lon, address, "
    "kecamatan_code, kelurahan_code, area_match, opd_id, attributes, is_public, reporter_user_id, "
    "reporter_api_key, contact_name, contact_email, contact_phone, channel, created_at, updated_at";

// A Report from a row selected with kReportColumns.
Report ReportFromRow(const store::Statement& st);

}  // namespace kc::reports
