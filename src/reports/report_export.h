// Files of a filtered report list: CSV (RFC 4180, UTF-8 with BOM for Excel, formula-injection
// defence), GeoJSON (RFC 7946 FeatureCollection) and XLSX (libxlsxwriter). Pure formatting: the
// routes (export_routes.cpp) page through the store and feed the reports in. The public view has
// no personal data; the private view adds the reporter columns.
//
// Thread-safety: the free functions are thread-safe; one ExportWriter is used by one thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "reports/report.h"
#include "reports/report_json.h"

namespace kc::reports {

enum class ExportFormat { kCsv, kGeoJson, kXlsx };

// "csv", "geojson", "xlsx" (the route's file extension); nullopt for anything else.
std::optional<ExportFormat> ParseExportFormat(std::string_view extension);
std::string_view Extension(ExportFormat format);
// "text/csv; charset=utf-8", "application/geo+json",
// "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".
std::string_view MediaType(ExportFormat format);
// "laporan-manado-2026-11-26.csv": the region's slug and the local date of the export.
std::string ExportFileName(std::string_view region_slug, std::string_view local_date,
                           ExportFormat format);

// How a column's values are typed in the formats that have types (XLSX, GeoJSON).
enum class CellType { kText, kNumber, kInteger, kBool, kTime, kJson };

struct ExportColumn {
  std::string_view name;  // header, also the GeoJSON property name
  CellType type;
  double width;  // XLSX column width in characters
};

// The columns of `view`, in file order: tracking, category, status, closed, description, lat,
// lon, address, kecamatan_code, kelurahan_code, area_match, opd_id, opd_name, attributes,
// public, created_at, updated_at; kPrivate adds reporter_user_id, reporter_api_key_id, channel,
// contact_name, contact_email, contact_phone.
const std::vector<ExportColumn>& ExportColumns(ReportView view);

// One value; `null` for an absent optional. Numbers keep full precision.
struct ExportCell {
  bool null = false;
  std::string text;   // kText, kTime (UTC ISO-8601), kJson (serialized)
  double number = 0;  // kNumber, kInteger
  bool flag = false;  // kBool
};

// The cells of `report`, one per ExportColumns(view) entry.
std::vector<ExportCell> ExportRow(const Report& report, const OpdNames& opds, ReportView view);

// One CSV field (RFC 4180): text starting with = + - @ TAB or CR gets a leading apostrophe
// (formula-injection defence: spreadsheets would otherwise evaluate it); a field containing a
// comma, quote, CR or LF is quoted with inner quotes doubled. Apply to text cells only: numbers
// are written as numbers, so a negative latitude stays a number.
std::string CsvField(std::string_view text);

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Receives the reports in order and produces the file.
class ExportWriter {
 public:
  virtual ~ExportWriter() = default;
  // Errors: kInternal when the file cannot be written (XLSX).
  virtual Status Add(const Report& report) = 0;
  // The whole file. Call once, after the last Add. Errors: kInternal (XLSX).
  virtual Result<std::string> Finish() = 0;
};

// A writer for `format`. XLSX writes through a temporary file in `temp_dir` (removed by Finish
// or the destructor); errors: kInternal when it cannot be created.
Result<std::unique_ptr<ExportWriter>> MakeExportWriter(ExportFormat format, ReportView view,
                                                       OpdNames opds, std::string temp_dir);

}  // namespace kc::reports
