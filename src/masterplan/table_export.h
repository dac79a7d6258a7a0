// Tables as downloads: CSV (RFC 4180) and XLSX (libxlsxwriter), for the program matrix and the
// national summary. Cells that a spreadsheet would run as a formula (=, +, -, @ first) are
// written as text with a leading apostrophe in CSV, and always as text strings in XLSX.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "http/response.h"

namespace kc::masterplan {

class CsvTable {
 public:
  // `numeric` marks columns written as numbers in XLSX when the cell parses as one.
  explicit CsvTable(std::vector<std::string> header, std::vector<bool> numeric = {})
      : header_(std::move(header)), numeric_(std::move(numeric)) {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<std::vector<std::string>>& rows() const { return rows_; }

  std::string Csv() const;
  // The workbook bytes with one sheet `sheet`: bold frozen header, autofilter. Errors: kInternal.
  Result<std::string> Xlsx(const std::string& sheet) const;

 private:
  std::vector<std::string> header_;
  std::vector<bool> numeric_;
  std::vector<std::vector<std::string>> rows_;
};

// 200 with the body as an attachment named `filename`.
http::Response CsvResponse(std::string body, const std::string& filename);
http::Response XlsxResponse(std::string body, const std::string& filename);

}  // namespace kc::masterplan
