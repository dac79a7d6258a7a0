// Export formatting: CSV quoting and formula defence, GeoJSON per RFC 7946, and an XLSX read
// back with `unzip` (sheet XML: header, typed cells, frozen pane).
#include "reports/report_export.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/random.h"

namespace kc::reports {
namespace {

namespace json = boost::json;

Report Sample() {
  return Report{.id = 7,
                .region_code = "71.71",
                .tracking = "MDO-2026-000007",
                .category_code = "jalan-rusak",
                .status = ReportStatus::kSelesai,
                .description = "Jalan \"berlubang\", dalam\r\nsekali",
                .lat = -1.4567891,
                .lon = 124.8123456,
                .address = std::nullopt,
                .kecamatan_code = "71.71.01",
                .kelurahan_code = "71.71.01.1001",
                .area_match = "inside",
                .opd_id = 3,
                .attributes = R"({"depth_cm":20})",
                .is_public = true,
                .reporter_user_id = 12,
                .contact_name = "=HYPERLINK(\"http://x\")",
                .contact_email = "warga@example.id",
                .contact_phone = "+6281234567890",
                .created_at = "2026-11-26T04:30:44.123Z",
                .updated_at = "2026-11-26T05:00:00.000Z"};
}

const OpdNames kOpds = {{3, "Dinas PUPR"}};

std::string Export(ExportFormat f, ReportView view, const std::vector<Report>& reports) {
  auto w = MakeExportWriter(f, view, kOpds, std::filesystem::temp_directory_path().string());
  EXPECT_TRUE(w.ok());
  for (const auto& r : reports) EXPECT_TRUE((*w)->Add(r).ok());
  auto out = (*w)->Finish();
  EXPECT_TRUE(out.ok());
  return out.ok() ? *out : "";
}

TEST(CsvField, QuotesAndDefendsFormulas) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"plain", "plain"},
      {"", ""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"line\nbreak", "\"line\nbreak\""},
      {"=1+2", "'=1+2"},
      {"+62812", "'+62812"},
      {"-5", "'-5"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\tx", "'\tx"},
      {"=a,b", "\"'=a,b\""},
      {"a=b", "a=b"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(CsvField(in), want) << in;
}

TEST(CsvExport, BomHeaderCrlfAndTypedNumbers) {
  const std::string csv = Export(ExportFormat::kCsv, ReportView::kPublic, {Sample()});
  ASSERT_TRUE(csv.starts_with(kUtf8Bom));
  const std::string body = csv.substr(kUtf8Bom.size());
  const std::string header = body.substr(0, body.find("\r\n"));
  EXPECT_EQ(header,
            "tracking,category,status,closed,description,lat,lon,address,kecamatan_code,"
            "kelurahan_code,area_match,opd_id,opd_name,attributes,public,created_at,updated_at");
  // A negative latitude stays a number (no apostrophe); the description is quoted with its CRLF.
  EXPECT_NE(body.find(",\"Jalan \"\"berlubang\"\", dalam\r\nsekali\",-1.4567891,124.8123456,,"),
            std::string::npos)
      << body;
  EXPECT_NE(body.find(",3,Dinas PUPR,\"{\"\"depth_cm\"\":20}\",true,2026-11-26T04:30:44.123Z,"),
            std::string::npos)
      << body;
  EXPECT_TRUE(body.ends_with("\r\n"));
  EXPECT_EQ(body.find("warga@example.id"), std::string::npos);  // public view: no contact
}

TEST(CsvExport, PrivateViewAddsReporterColumnsDefended) {
  const std::string csv = Export(ExportFormat::kCsv, ReportView::kPrivate, {Sample()});
  EXPECT_NE(csv.find(",contact_name,contact_email,contact_phone\r\n"), std::string::npos);
  EXPECT_NE(csv.find(",12,,api,\"'=HYPERLINK(\"\"http://x\"\")\",warga@example.id,'+6281234567890"
                     "\r\n"),
            std::string::npos)
      << csv;
}

TEST(GeoJsonExport, FeatureCollectionPerRfc7946) {
  Report second = Sample();
  second.tracking = "MDO-2026-000008";
  second.opd_id.reset();
  const json::value doc =
      json::parse(Export(ExportFormat::kGeoJson, ReportView::kPublic, {Sample(), second}));
  const auto& fc = doc.as_object();
  EXPECT_EQ(fc.at("type").as_string(), "FeatureCollection");
  EXPECT_FALSE(fc.contains("crs"));  // RFC 7946 section 4: WGS 84 only, no crs member
  const auto& features = fc.at("features").as_array();
  ASSERT_EQ(features.size(), 2u);
  const auto& f = features[0].as_object();
  EXPECT_EQ(f.at("type").as_string(), "Feature");
  EXPECT_EQ(f.at("id").as_string(), "MDO-2026-000007");
  const auto& coords = f.at("geometry").at("coordinates").as_array();
  EXPECT_EQ(f.at("geometry").at("type").as_string(), "Point");
  EXPECT_DOUBLE_EQ(coords[0].as_double(), 124.8123456);  // [lon, lat]
  EXPECT_DOUBLE_EQ(coords[1].as_double(), -1.4567891);
  const auto& p = f.at("properties").as_object();
  EXPECT_EQ(p.at("opd_id").as_int64(), 3);
  EXPECT_TRUE(p.at("closed").as_bool());
  EXPECT_TRUE(p.at("address").is_null());
  EXPECT_EQ(p.at("attributes").at("depth_cm").as_int64(), 20);
  EXPECT_FALSE(p.contains("lat"));
  EXPECT_FALSE(p.contains("contact_email"));
  EXPECT_TRUE(features[1].at("properties").at("opd_name").is_null());
  EXPECT_EQ(json::parse(Export(ExportFormat::kGeoJson, ReportView::kPublic, {})).at("features"),
            json::array());
}

// The bytes of one member of a zip file, through Debian's unzip; nullopt without it.
std::optional<std::string> Unzip(const std::filesystem::path& zip, const std::string& member) {
  const std::string cmd = "unzip -p '" + zip.string() + "' '" + member + "' 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return std::nullopt;
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int rc = pclose(p);
  if (rc != 0) return std::nullopt;
  return out;
}

TEST(XlsxExport, SheetHasHeaderTypedCellsAndFrozenPane) {
  if (std::system("command -v unzip >/dev/null 2>&1") != 0) GTEST_SKIP() << "unzip not installed";
  const std::string bytes = Export(ExportFormat::kXlsx, ReportView::kPrivate, {Sample(), Sample()});
  ASSERT_TRUE(bytes.starts_with("PK\x03\x04"));
  const auto file = std::filesystem::temp_directory_path() / ("kc-xlsx-test-" + RandomHexId());
  std::ofstream(file, std::ios::binary) << bytes;
  const auto sheet = Unzip(file, "xl/worksheets/sheet1.xml");
  const auto book = Unzip(file, "xl/workbook.xml");
  std::filesystem::remove(file);
  ASSERT_TRUE(sheet && book);
  EXPECT_NE(book->find("name=\"Laporan\""), std::string::npos);
  EXPECT_NE(sheet->find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                        "state=\"frozen\"/>"),
            std::string::npos)
      << *sheet;
  EXPECT_NE(sheet->find("<autoFilter ref=\"A1:W3\"/>"), std::string::npos);
  EXPECT_NE(sheet->find("<col min=\"5\" max=\"5\" width=\"60.7109375\""), std::string::npos);
  EXPECT_NE(sheet->find(">tracking<"), std::string::npos);
  EXPECT_NE(sheet->find(">contact_phone<"), std::string::npos);
  // lat is a number cell, closed a boolean cell, created_at a serial date (2026-11-26 04:30:44).
  EXPECT_NE(sheet->find("<c r=\"F2\"><v>-1.4567891</v></c>"), std::string::npos) << *sheet;
  EXPECT_NE(sheet->find("<c r=\"D2\" t=\"b\"><v>1</v></c>"), std::string::npos);
  EXPECT_NE(sheet->find("<c r=\"P2\" s=\"2\"><v>46352.18801"), std::string::npos);
  // Text cells stay text: the formula-like contact name is a string, not a formula.
  EXPECT_EQ(sheet->find("<f>"), std::string::npos);
  EXPECT_NE(sheet->find(">=HYPERLINK(\"http://x\")<"), std::string::npos);
}

TEST(ExportNames, FormatsAndFileName) {
  EXPECT_EQ(ParseExportFormat("csv"), ExportFormat::kCsv);
  EXPECT_EQ(ParseExportFormat("geojson"), ExportFormat::kGeoJson);
  EXPECT_EQ(ParseExportFormat("xlsx"), ExportFormat::kXlsx);
  EXPECT_EQ(ParseExportFormat("xls"), std::nullopt);
  EXPECT_EQ(MediaType(ExportFormat::kGeoJson), "application/geo+json");
  EXPECT_EQ(ExportFileName("manado", "2026-11-26", ExportFormat::kXlsx),
            "laporan-manado-2026-11-26.xlsx");
}

}  // namespace
}  // namespace kc::reports
