// Import of the program matrix from CSV (the columns of the export, program_export_routes.cpp):
// every row is validated and every problem reported with its row and column ("rows[3].anggaran":
// spreadsheet line 3, header on line 1); formulas, duplicate rows and wrong columns are refused.
// The service (ImportPrograms) applies all rows in one write or none.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "masterplan/program_service.h"

namespace kc::masterplan {

// The export's column names, in order; an import must have exactly these.
const std::vector<std::string>& ProgramColumns();

struct ImportRow {
  int line = 0;     // spreadsheet line (header = 1)
  Program program;  // program.no == 0: a new program
};

// Parses `csv` (RFC 4180, UTF-8, optional BOM). Errors go to `v`: "header" (missing or unknown
// columns), "rows[N]" (wrong cell count, duplicate), "rows[N].<column>" (bad value, formula).
std::vector<ImportRow> ParseProgramCsv(std::string_view csv, Validation& v);

// Creates or replaces every row's program in the latest version, checked as SaveProgram does;
// errors of the service are reported per row ("rows[N].owner_opd_id"). All or nothing: call
// inside one Database::Write. Returns the programs after the import.
Result<ProgramList> ImportPrograms(store::Connection& conn, const WriteContext& ctx,
                                   int64_t plan_id, const std::vector<ImportRow>& rows);

}  // namespace kc::masterplan
