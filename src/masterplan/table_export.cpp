// CSV and XLSX downloads (table_export.h).
#include "masterplan/table_export.h"

#include <xlsxwriter.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/random.h"

namespace kc::masterplan {
namespace {

std::string CsvCell(const std::string& cell) {
  std::string text = cell;
  // A cell starting like a formula is neutralised: exports are opened in spreadsheets.
  if (!text.empty() &&
      (text[0] == '=' || text[0] == '+' || text[0] == '@' ||
       (text[0] == '-' && text.find_first_not_of("-0123456789.") != std::string::npos))) {
    text.insert(0, 1, '\'');
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

void Line(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvCell(cells[i]);
  }
  out += "\r\n";
}

std::optional<double> Number(const std::string& s) {
  double d = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return d;
}

}  // namespace

std::string CsvTable::Csv() const {
  std::string out;
  Line(out, header_);
  for (const auto& row : rows_) Line(out, row);
  return out;
}

Result<std::string> CsvTable::Xlsx(const std::string& sheet_name) const {
  const std::string tmp = std::filesystem::temp_directory_path().string();
  const std::string path = tmp + "/kc-masterplan-" + RandomHexId() + ".xlsx";
  lxw_workbook_options options{.constant_memory = LXW_TRUE,
                               .tmpdir = const_cast<char*>(tmp.c_str()),
                               .use_zip64 = LXW_FALSE};
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  if (book == nullptr) return Internal("xlsx: cannot create workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name.c_str());
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  bool ok = sheet != nullptr;
  for (size_t c = 0; ok && c < header_.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    ok = worksheet_write_string(sheet, 0, col, header_[c].c_str(), bold) == LXW_NO_ERROR;
  }
  if (ok) worksheet_freeze_panes(sheet, 1, 0);
  for (size_t r = 0; ok && r < rows_.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; ok && c < rows_[r].size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const std::string& cell = rows_[r][c];
      const auto n = c < numeric_.size() && numeric_[c] ? Number(cell) : std::nullopt;
      ok = (n ? worksheet_write_number(sheet, row, col, *n, nullptr)
              : worksheet_write_string(sheet, row, col, cell.c_str(), nullptr)) == LXW_NO_ERROR;
    }
  }
  if (ok && !header_.empty()) {
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows_.size()),
                         static_cast<lxw_col_t>(header_.size() - 1));
  }
  const lxw_error err = workbook_close(book);
  std::string bytes;
  if (ok && err == LXW_NO_ERROR) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    bytes = s.str();
  }
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (!ok || err != LXW_NO_ERROR || bytes.empty())
    return Internal("xlsx: cannot write the workbook");
  return bytes;
}

http::Response CsvResponse(std::string body, const std::string& filename) {
  http::Response r{
      .status = 200, .content_type = "text/csv; charset=utf-8", .body = std::move(body)};
  r.Header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return r;
}

http::Response XlsxResponse(std::string body, const std::string& filename) {
  http::Response r{
      .status = 200,
      .content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      .body = std::move(body)};
  r.Header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return r;
}

}  // namespace kc::masterplan
