// Internal to the SQLite report store: the column list and row decoder shared by its files.
#pragma once

#include <string_view>
#include <vector>

#include "reports/report.h"
#include "store/sqlite.h"

namespace kc::reports {

inline constexpr std::string_view kReportColumns =
    "id, region_code, tracking, category_code, status, description, lat, lon, address, "
    "kecamatan_code, kelurahan_code, area_match, opd_id, attributes, is_public, reporter_user_id, "
    "reporter_api_key, contact_name, contact_email, contact_phone, channel, created_at, updated_at";

// A Report from a row selected with kReportColumns (without media: see LoadMediaOn).
Report ReportFromRow(const store::Statement& st);

// Photo rows (photo_store_sqlite.cpp). Inserts r.media (photos at positions 0.., media_url)
// for the just-inserted report `r`.
Status InsertMediaOn(store::Connection& conn, const Report& r);
// Fills media of every report in `reports` (two queries, whatever their number).
Status LoadMediaOn(store::Connection& conn, std::vector<Report>& reports);

}  // namespace kc::reports
