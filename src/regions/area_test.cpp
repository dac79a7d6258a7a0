// The hierarchy: code rules, CSV reading and the idempotent import.
#include <gtest/gtest.h>

#include "regions/area.h"
#include "regions/area_source.h"
#include "regions/test_fixtures.h"

namespace kc::regions {
namespace {

using testing::RegionsTest;
using testing::WriteFile;

TEST(AreaCodes, LevelsAndNormalisation) {
  struct Case {
    std::string code;
    std::optional<AreaLevel> level;
  };
  const Case cases[] = {{"71", AreaLevel::kProvinsi},       {"71.71", AreaLevel::kKabKota},
                        {"71.71.01", AreaLevel::kKecamatan}, {"71.71.01.1001", AreaLevel::kKelurahan},
                        {"7", std::nullopt},                 {"71.7", std::nullopt},
                        {"71.71.01.100", std::nullopt},      {"71..71", std::nullopt},
                        {"71.71.", std::nullopt},            {"ab.cd", std::nullopt},
                        {"", std::nullopt},                  {"71.71.01.1001.1", std::nullopt}};
  for (const auto& c : cases) EXPECT_EQ(LevelOfCode(c.code), c.level) << c.code;
  EXPECT_EQ(NormalizeCode("7171"), "71.71");
  EXPECT_EQ(NormalizeCode("7171011001"), "71.71.01.1001");
  EXPECT_EQ(NormalizeCode("71.71.01"), "71.71.01");
  EXPECT_EQ(NormalizeCode("71710"), std::nullopt);
  EXPECT_EQ(NormalizeCode("x"), std::nullopt);
  EXPECT_EQ(ParentCode("71.71.01.1001"), "71.71.01");
  EXPECT_EQ(ParentCode("71"), "");
  EXPECT_EQ(AncestorCode("71.71.01.1001", AreaLevel::kKabKota), "71.71");
  EXPECT_EQ(AncestorCode("71.71", AreaLevel::kKecamatan), "");
  EXPECT_EQ(VillageKind("71.02.01.2001"), "desa");
  EXPECT_EQ(VillageKind("71.71.01.1001"), "kelurahan");
  EXPECT_EQ(ParseLevel("kabkota"), AreaLevel::kKabKota);
  EXPECT_EQ(ParseLevel("kota"), std::nullopt);
}

TEST(AreaCsv, SplitsQuotedFields) {
  EXPECT_EQ(SplitCsvLine("a,b,c"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(SplitCsvLine(R"(1,2,"Lubuk Pakam I,II")"),
            (std::vector<std::string>{"1", "2", "Lubuk Pakam I,II"}));
  EXPECT_EQ(SplitCsvLine(R"(1,2,"Soka""an")"), (std::vector<std::string>{"1", "2", "Soka\"an"}));
  EXPECT_EQ(SplitCsvLine("a,,"), (std::vector<std::string>{"a", "", ""}));
  EXPECT_EQ(SplitCsvLine(R"(1,"open)"), std::nullopt);
  EXPECT_EQ(SplitCsvLine(R"(1,"x"y)"), std::nullopt);
}

TEST_F(RegionsTest, ImportStoresEveryLevelWithParents) {
  auto counts = store_->CountAreas();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->provinsi, 3);
  EXPECT_EQ(counts->kabkota, 6);
  EXPECT_EQ(counts->kecamatan, 3);
  EXPECT_EQ(counts->kelurahan, 4);
  auto meras = store_->FindArea("71.71.01.1002");
  ASSERT_TRUE(meras.ok() && meras->has_value());
  EXPECT_EQ((*meras)->name, "Meras, Atas");
  EXPECT_EQ((*meras)->parent_code, "71.71.01");
  EXPECT_EQ((*meras)->level, AreaLevel::kKelurahan);
  auto under = store_->AreasUnder("71.71");
  ASSERT_TRUE(under.ok());
  ASSERT_EQ(under->size(), 5U);
  EXPECT_EQ(under->front().code, "71.71.01");
}

TEST_F(RegionsTest, ReimportIsIdempotentAndDropsStaleCodes) {
  RegionService service(*store_);
  ASSERT_TRUE(service.ImportAreas(dir_).ok());
  auto again = store_->CountAreas();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->total(), 16);
  WriteFile(dir_ / "villages.csv",
            "code,district_code,name\n71.71.01.1001,71.71.01,Molas Baru\n");
  auto counts = service.ImportAreas(dir_);
  ASSERT_TRUE(counts.ok()) << counts.error().message.en;
  EXPECT_EQ(counts->kelurahan, 1);
  EXPECT_EQ((*store_->FindArea("71.71.01.1001"))->name, "Molas Baru");
  EXPECT_FALSE(store_->FindArea("71.71.02.1001")->has_value());
}

TEST_F(RegionsTest, ReimportRefusesToDropARegionsCode) {
  RegionService service(*store_);
  ASSERT_TRUE(service.AddRegion({.code = "71.74"}).ok());
  WriteFile(dir_ / "regencies.csv", "code,province_code,name\n71.71,71,Kota Manado\n71.02,71,Kabupaten Minahasa\n");
  auto counts = service.ImportAreas(dir_);
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.error().Slug(), "region_code_removed");
  EXPECT_EQ(store_->CountAreas()->kabkota, 6);  // unchanged
}

TEST_F(RegionsTest, BadSourcesNameFileAndLine) {
  struct Case {
    std::string file, text, expect;
  };
  const Case cases[] = {
      {"provinces.csv", "kode,nama\n71,Sulut\n", "provinces.csv:1"},
      {"regencies.csv", "code,province_code,name\n71.71,32,Kota Manado\n", "regencies.csv:2"},
      {"districts.csv", "code,regency_code,name\n71.71.1,71.71,X\n", "districts.csv:2"},
      {"villages.csv", "code,district_code,name\n71.71.01.1001,71.71.01,\"open\n", "villages.csv:2"},
      {"villages.csv", "code,district_code,name\n71.71.01.1001,71.71.01,\n", "villages.csv:2"},
  };
  for (const auto& c : cases) {
    const auto dir = testing::TempDir("csv");
    testing::WriteAreaCsvs(dir);
    WriteFile(dir / c.file, c.text);
    auto areas = ReadAreaSource(dir);
    ASSERT_FALSE(areas.ok()) << c.file;
    EXPECT_NE(areas.error().message.en.find(c.expect), std::string::npos) << areas.error().message.en;
    EXPECT_EQ(areas.error().code, ErrorCode::kInvalidArgument);
    std::filesystem::remove_all(dir);
  }
  auto missing = ReadAreaSource(dir_ / "nowhere");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace kc::regions
