// The national summary (summary.h) as a table for the CSV and XLSX downloads of
// GET /api/v1/national/masterplan?format=csv|xlsx: Indonesian column names, one region per row,
// averages and the index as decimals with two places, rupiah as whole numbers.
#pragma once

#include <vector>

#include "masterplan/summary.h"
#include "masterplan/table_export.h"

namespace kc::masterplan {

CsvTable NationalSummaryTable(const std::vector<RegionSummary>& rows);

}  // namespace kc::masterplan
