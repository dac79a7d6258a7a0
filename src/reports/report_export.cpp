#include "reports/report_export.h"

#include <xlsxwriter.h>

#include <boost/json.hpp>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/random.h"

namespace kc::reports {
namespace {

namespace json = boost::json;

// Excel refuses longer strings in a cell (its documented limit).
constexpr size_t kXlsxMaxCellBytes = 32767;

const std::vector<ExportColumn> kPublicColumns = {
    {"tracking", CellType::kText, 18},       {"category", CellType::kText, 22},
    {"status", CellType::kText, 13},         {"closed", CellType::kBool, 8},
    {"description", CellType::kText, 60},    {"lat", CellType::kNumber, 11},
    {"lon", CellType::kNumber, 12},          {"address", CellType::kText, 30},
    {"kecamatan_code", CellType::kText, 15}, {"kelurahan_code", CellType::kText, 16},
    {"area_match", CellType::kText, 11},     {"opd_id", CellType::kInteger, 8},
    {"opd_name", CellType::kText, 20},       {"attributes", CellType::kJson, 30},
    {"public", CellType::kBool, 8},          {"created_at", CellType::kTime, 20},
    {"updated_at", CellType::kTime, 20},
};

std::vector<ExportColumn> PrivateColumns() {
  std::vector<ExportColumn> c = kPublicColumns;
  c.insert(c.end(), {{"reporter_user_id", CellType::kInteger, 10},
                     {"reporter_api_key_id", CellType::kInteger, 10},
                     {"channel", CellType::kText, 10},
                     {"contact_name", CellType::kText, 22},
                     {"contact_email", CellType::kText, 26},
                     {"contact_phone", CellType::kText, 16}});
  return c;
}

ExportCell Text(std::string s) { return {.text = std::move(s)}; }
ExportCell Text(const std::optional<std::string>& s) {
  return s ? ExportCell{.text = *s} : ExportCell{.null = true};
}
ExportCell Number(double d) { return {.number = d}; }
ExportCell Integer(const std::optional<int64_t>& v) {
  return v ? ExportCell{.number = static_cast<double>(*v)} : ExportCell{.null = true};
}
ExportCell Flag(bool b) { return {.flag = b}; }

// Shortest text that reads back as the same double.
std::string FormatNumber(double d) {
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, res.ptr);
}

// The cell as CSV text (also the text of XLSX cells of kJson).
std::string CsvCell(const ExportColumn& col, const ExportCell& cell) {
  if (cell.null) return "";
  switch (col.type) {
    case CellType::kNumber:
    case CellType::kInteger:
      return FormatNumber(cell.number);
    case CellType::kBool:
      return cell.flag ? "true" : "false";
    default:
      return CsvField(cell.text);
  }
}

class CsvWriter final : public ExportWriter {
 public:
  CsvWriter(ReportView view, OpdNames opds) : view_(view), opds_(std::move(opds)) {
    out_ = kUtf8Bom;
    const auto& cols = ExportColumns(view_);
    for (size_t i = 0; i < cols.size(); ++i) {
      if (i > 0) out_ += ',';
      out_ += cols[i].name;
    }
    out_ += "\r\n";
  }
  Status Add(const Report& r) override {
    const auto& cols = ExportColumns(view_);
    const auto cells = ExportRow(r, opds_, view_);
    for (size_t i = 0; i < cols.size(); ++i) {
      if (i > 0) out_ += ',';
      out_ += CsvCell(cols[i], cells[i]);
    }
    out_ += "\r\n";
    return Ok();
  }
  Result<std::string> Finish() override { return std::move(out_); }

 private:
  ReportView view_;
  OpdNames opds_;
  std::string out_;
};

json::value GeoJsonValue(const ExportColumn& col, const ExportCell& cell) {
  if (cell.null) return nullptr;
  switch (col.type) {
    case CellType::kNumber:
      return cell.number;
    case CellType::kInteger:
      return static_cast<int64_t>(cell.number);
    case CellType::kBool:
      return cell.flag;
    case CellType::kJson: {
      boost::system::error_code ec;
      json::value v = json::parse(cell.text, ec);
      return ec ? json::value(json::object()) : v;
    }
    default:
      return json::value(cell.text);
  }
}

// RFC 7946: a FeatureCollection of Point features, coordinates [lon, lat] (WGS 84, no "crs"
// member), the tracking number as the feature id, the other columns as properties.
class GeoJsonWriter final : public ExportWriter {
 public:
  GeoJsonWriter(ReportView view, OpdNames opds) : view_(view), opds_(std::move(opds)) {
    out_ = R"({"type":"FeatureCollection","features":[)";
  }
  Status Add(const Report& r) override {
    const auto& cols = ExportColumns(view_);
    const auto cells = ExportRow(r, opds_, view_);
    json::object props;
    for (size_t i = 0; i < cols.size(); ++i) {
      if (cols[i].name == "lat" || cols[i].name == "lon") continue;  // in the geometry
      props[cols[i].name] = GeoJsonValue(cols[i], cells[i]);
    }
    json::object feature{{"type", "Feature"},
                         {"id", r.tracking},
                         {"geometry", {{"type", "Point"}, {"coordinates", {r.lon, r.lat}}}},
                         {"properties", std::move(props)}};
    if (!first_) out_ += ',';
    first_ = false;
    out_ += json::serialize(feature);
    return Ok();
  }
  Result<std::string> Finish() override {
    out_ += "]}";
    return std::move(out_);
  }

 private:
  ReportView view_;
  OpdNames opds_;
  std::string out_;
  bool first_ = true;
};

// The longest prefix of `s` of at most `max` bytes that ends on a UTF-8 character boundary.
std::string_view Utf8Prefix(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

std::optional<lxw_datetime> ExcelTime(std::string_view utc) {
  auto t = ParseTimestamp(utc);
  if (!t) return std::nullopt;
  using namespace std::chrono;
  const auto day = floor<days>(*t);
  const year_month_day ymd(day);
  const hh_mm_ss hms(*t - day);
  return lxw_datetime{static_cast<int>(ymd.year()),
                      static_cast<int>(unsigned(ymd.month())),
                      static_cast<int>(unsigned(ymd.day())),
                      static_cast<int>(hms.hours().count()),
                      static_cast<int>(hms.minutes().count()),
                      static_cast<double>(hms.seconds().count()) +
                          static_cast<double>(hms.subseconds().count()) / 1000.0};
}

// One sheet "Laporan": a bold, frozen header row with an autofilter, typed cells (numbers,
// booleans, UTC date-times) and set column widths. constant_memory mode writes each row to the
// temporary file as it comes, so 100,000 rows do not sit in memory twice.
class XlsxWriter final : public ExportWriter {
 public:
  static Result<std::unique_ptr<ExportWriter>> Open(ReportView view, OpdNames opds,
                                                    const std::string& temp_dir) {
    auto w = std::unique_ptr<XlsxWriter>(new XlsxWriter(view, std::move(opds)));
    w->path_ =
        (std::filesystem::path(temp_dir) / ("kc-export-" + RandomHexId() + ".xlsx")).string();
    // libxlsxwriter takes a non-const char* but does not modify it.
    lxw_workbook_options options{.constant_memory = LXW_TRUE,
                                 .tmpdir = const_cast<char*>(temp_dir.c_str()),
                                 .use_zip64 = LXW_FALSE};
    w->book_ = workbook_new_opt(w->path_.c_str(), &options);
    if (w->book_ == nullptr) return Internal("xlsx: cannot create workbook");
    w->sheet_ = workbook_add_worksheet(w->book_, "Laporan");
    w->bold_ = workbook_add_format(w->book_);
    format_set_bold(w->bold_);
    w->time_ = workbook_add_format(w->book_);
    format_set_num_format(w->time_, "yyyy-mm-dd hh:mm:ss");
    const auto& cols = ExportColumns(view);
    for (size_t i = 0; i < cols.size(); ++i) {
      const auto col = static_cast<lxw_col_t>(i);
      worksheet_set_column(w->sheet_, col, col, cols[i].width, nullptr);
      worksheet_write_string(w->sheet_, 0, col, std::string(cols[i].name).c_str(), w->bold_);
    }
    worksheet_freeze_panes(w->sheet_, 1, 0);
    return std::unique_ptr<ExportWriter>(std::move(w));
  }
  ~XlsxWriter() override {
    if (book_ != nullptr) workbook_close(book_);
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  Status Add(const Report& r) override {
    const auto& cols = ExportColumns(view_);
    const auto cells = ExportRow(r, opds_, view_);
    ++row_;
    for (size_t i = 0; i < cols.size(); ++i) {
      if (Write(static_cast<lxw_col_t>(i), cols[i], cells[i]) != LXW_NO_ERROR) {
        return Internal("xlsx: cannot write a cell");
      }
    }
    return Ok();
  }
  Result<std::string> Finish() override {
    const auto last_col = static_cast<lxw_col_t>(ExportColumns(view_).size() - 1);
    worksheet_autofilter(sheet_, 0, 0, row_, last_col);
    const lxw_error err = workbook_close(std::exchange(book_, nullptr));
    if (err != LXW_NO_ERROR) return Internal(lxw_strerror(err));
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) return Internal("xlsx: cannot read the workbook back");
    return bytes.str();
  }

 private:
  XlsxWriter(ReportView view, OpdNames opds) : view_(view), opds_(std::move(opds)) {}

  lxw_error Write(lxw_col_t col, const ExportColumn& c, const ExportCell& cell) {
    if (cell.null) return LXW_NO_ERROR;  // a blank cell
    switch (c.type) {
      case CellType::kNumber:
      case CellType::kInteger:
        return worksheet_write_number(sheet_, row_, col, cell.number, nullptr);
      case CellType::kBool:
        return worksheet_write_boolean(sheet_, row_, col, cell.flag ? 1 : 0, nullptr);
      case CellType::kTime:
        if (auto t = ExcelTime(cell.text)) {
          return worksheet_write_datetime(sheet_, row_, col, &*t, time_);
        }
        [[fallthrough]];
      default: {
        // Strings are never formulas in XLSX (worksheet_write_string), so no apostrophe here.
        const std::string text(Utf8Prefix(cell.text, kXlsxMaxCellBytes));
        return worksheet_write_string(sheet_, row_, col, text.c_str(), nullptr);
      }
    }
  }

  ReportView view_;
  OpdNames opds_;
  std::string path_;
  lxw_workbook* book_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* time_ = nullptr;
  lxw_row_t row_ = 0;
};

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view extension) {
  if (extension == "csv") return ExportFormat::kCsv;
  if (extension == "geojson") return ExportFormat::kGeoJson;
  if (extension == "xlsx") return ExportFormat::kXlsx;
  return std::nullopt;
}

std::string_view Extension(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "csv";
    case ExportFormat::kGeoJson:
      return "geojson";
    case ExportFormat::kXlsx:
      return "xlsx";
  }
  return "";
}

std::string_view MediaType(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "text/csv; charset=utf-8";
    case ExportFormat::kGeoJson:
      return "application/geo+json";
    case ExportFormat::kXlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "";
}

std::string ExportFileName(std::string_view region_slug, std::string_view local_date,
                           ExportFormat format) {
  return "laporan-" + std::string(region_slug) + "-" + std::string(local_date) + "." +
         std::string(Extension(format));
}

const std::vector<ExportColumn>& ExportColumns(ReportView view) {
  static const std::vector<ExportColumn> kPrivate = PrivateColumns();
  return view == ReportView::kPrivate ? kPrivate : kPublicColumns;
}

std::vector<ExportCell> ExportRow(const Report& r, const OpdNames& opds, ReportView view) {
  std::optional<std::string> opd_name;
  if (r.opd_id) {
    const auto it = opds.find(*r.opd_id);
    opd_name = it == opds.end() ? "" : it->second;
  }
  std::vector<ExportCell> row = {Text(r.tracking),
                                 Text(r.category_code),
                                 Text(std::string(StatusName(r.status))),
                                 Flag(IsClosed(r.status)),
                                 Text(r.description),
                                 Number(r.lat),
                                 Number(r.lon),
                                 Text(r.address),
                                 Text(r.kecamatan_code),
                                 Text(r.kelurahan_code),
                                 Text(r.area_match),
                                 Integer(r.opd_id),
                                 Text(opd_name),
                                 Text(r.attributes),
                                 Flag(r.is_public),
                                 Text(r.created_at),
                                 Text(r.updated_at)};
  if (view == ReportView::kPrivate) {
    row.insert(row.end(), {Integer(r.reporter_user_id), Integer(r.reporter_api_key),
                           Text(std::string(ChannelName(r.channel))), Text(r.contact_name),
                           Text(r.contact_email), Text(r.contact_phone)});
  }
  return row;
}

std::string CsvField(std::string_view text) {
  std::string value;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    value = "'";
  }
  value += text;
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

Result<std::unique_ptr<ExportWriter>> MakeExportWriter(ExportFormat format, ReportView view,
                                                       OpdNames opds, std::string temp_dir) {
  switch (format) {
    case ExportFormat::kCsv:
      return std::unique_ptr<ExportWriter>(std::make_unique<CsvWriter>(view, std::move(opds)));
    case ExportFormat::kGeoJson:
      return std::unique_ptr<ExportWriter>(std::make_unique<GeoJsonWriter>(view, std::move(opds)));
    case ExportFormat::kXlsx:
      return XlsxWriter::Open(view, std::move(opds), temp_dir);
  }
  return Internal("unknown export format");
}

}  // namespace kc::reports
