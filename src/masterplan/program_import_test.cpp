// CSV parsing of the program matrix (program_import.h): every bad cell named by row and column,
// wrong headers, formulas and duplicates refused; the export's own format parses back.
#include "masterplan/program_import.h"

#include <gtest/gtest.h>

namespace kc::masterplan {
namespace {

const std::string kHeader =
    "no,dimensi,elemen,nama,deskripsi,opd_pemilik_id,opd_pemilik,opd_pendukung_id,horizon,tahun_"
    "mulai,"
    "tahun_selesai,lokasi,rujukan,status,anggaran,anggaran_total,kpi\r\n";

std::vector<std::string> Fields(const std::string& csv) {
  Validation v;
  ParseProgramCsv(csv, v);
  std::vector<std::string> out;
  if (v.ok()) return out;
  for (const auto& d : std::move(v).ToError().details) out.push_back(d.field);
  return out;
}

TEST(ProgramCsv, ExportRowParsesBack) {
  Validation v;
  auto rows = ParseProgramCsv(
      kHeader +
          "1,governance,layanan_publik,Portal Layanan Terpadu,\"Satu portal, satu "
          "pintu\",4,Diskominfo,5;6,"
          "menengah,2026,2028,,RPJMD,ongoing,2026:APBD:1200000000; 2027:DAK:500000000,1700000000,"
          "Layanan daring|layanan|12|2027=50/2028=80\r\n"
          ",economy,industri,Program baru,,7,,,pendek,2026,2026,,,,,,\r\n",
      v);
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(rows.size(), 2u);
  const Program& p = rows[0].program;
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(p.no, 1);
  EXPECT_EQ(p.description, "Satu portal, satu pintu");
  EXPECT_EQ(p.supporting_opd_ids, (std::vector<int64_t>{5, 6}));
  ASSERT_EQ(p.budget.size(), 2u);
  EXPECT_EQ(p.budget[1].source, "DAK");
  EXPECT_EQ(p.budget[1].amount, 500'000'000);
  ASSERT_EQ(p.kpis.size(), 1u);
  EXPECT_EQ(p.kpis[0].targets.at(2028), 80);
  EXPECT_EQ(rows[1].program.no, 0);  // a new program
  EXPECT_EQ(rows[1].program.status, ProgramStatus::kPlanned);
}

TEST(ProgramCsv, EveryProblemByRowAndColumn) {
  // 15 of the 17 columns missing and one unknown: each named once, as "header".
  EXPECT_EQ(Fields("no,nama,warna\r\n1,x,merah\r\n"), std::vector<std::string>(16, "header"));
}

TEST(ProgramCsv, BadCellsFormulasAndDuplicates) {
  EXPECT_EQ(
      Fields(kHeader +
             "x,governance,layanan_publik,A,,abc,,1;z,lama,20x6,2026,,,selesai,2026:APBD,,kpi\r\n"),
      (std::vector<std::string>{"rows[2].no", "rows[2].opd_pemilik_id", "rows[2].opd_pendukung_id",
                                "rows[2].horizon", "rows[2].tahun_mulai", "rows[2].status",
                                "rows[2].anggaran", "rows[2].kpi"}));
  EXPECT_EQ(
      Fields(kHeader + ",governance,layanan_publik,=HYPERLINK(1),,1,,,pendek,2026,2026,,,,,,\r\n"),
      std::vector<std::string>{"rows[2].nama"});
  const std::string row = ",governance,layanan_publik,Sama,,1,,,pendek,2026,2026,,,,,,\r\n";
  EXPECT_EQ(Fields(kHeader + row + row), std::vector<std::string>{"rows[3]"});
  EXPECT_EQ(Fields(kHeader + "1,2,3\r\n"), std::vector<std::string>{"rows[2]"});
  EXPECT_EQ(Fields(kHeader + "\"unterminated"), std::vector<std::string>{"header"});
}

}  // namespace
}  // namespace kc::masterplan
