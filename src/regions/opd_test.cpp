// OPD store: insert, duplicate short names per region, partial updates, demo idempotence.
#include <gtest/gtest.h>

#include <future>
#include <sstream>

#include "regions/region_commands.h"
#include "regions/test_fixtures.h"

namespace kc::regions {
namespace {

using testing::RegionsTest;

Result<Opd> UpdateSync(RegionStore& store, const std::string& region, int64_t id, OpdPatch patch) {
  std::promise<Result<Opd>> p;
  store.UpdateOpd(region, id, std::move(patch), [&p](Result<Opd> r) { p.set_value(std::move(r)); });
  return p.get_future().get();
}

class OpdTest : public RegionsTest {
 protected:
  void SetUp() override {
    RegionsTest::SetUp();
    RegionService service(*store_);
    ASSERT_TRUE(service.AddRegion({.code = "71.71"}).ok());
    ASSERT_TRUE(service.AddRegion({.code = "71.74"}).ok());
  }
};

TEST_F(OpdTest, InsertListAndDuplicates) {
  auto pupr = InsertOpdSync(*store_, {.region_code = "71.71", .name = "Dinas Pekerjaan Umum dan Penataan Ruang",
                                      .short_name = "Dinas PUPR", .type = OpdType::kDinas});
  ASSERT_TRUE(pupr.ok()) << pupr.error().message.en;
  EXPECT_GT(pupr->id, 0);
  EXPECT_TRUE(pupr->active);
  EXPECT_FALSE(pupr->created_at.empty());
  auto setda = InsertOpdSync(*store_, {.region_code = "71.71", .name = "Sekretariat Daerah",
                                       .short_name = "Setda", .type = OpdType::kSekretariat});
  ASSERT_TRUE(setda.ok());
  auto dup = InsertOpdSync(*store_, {.region_code = "71.71", .name = "Dinas PU",
                                     .short_name = "dinas pupr", .type = OpdType::kDinas});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  EXPECT_EQ(dup.error().Slug(), "duplicate_opd");
  // Another region may use the same short name.
  EXPECT_TRUE(InsertOpdSync(*store_, {.region_code = "71.74", .name = "Dinas PUPR Kotamobagu",
                                      .short_name = "Dinas PUPR", .type = OpdType::kDinas}).ok());
  auto unknown = InsertOpdSync(*store_, {.region_code = "71.02", .name = "X", .short_name = "X",
                                         .type = OpdType::kDinas});
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  auto list = store_->ListOpds("71.71");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2U);
  EXPECT_EQ((*list)[0].short_name, "Setda");  // sekretariat first
}

TEST_F(OpdTest, PartialUpdates) {
  auto dlh = InsertOpdSync(*store_, {.region_code = "71.71", .name = "Dinas Lingkungan Hidup",
                                     .short_name = "DLH", .type = OpdType::kDinas});
  ASSERT_TRUE(InsertOpdSync(*store_, {.region_code = "71.71", .name = "Dinas Kesehatan",
                                      .short_name = "Dinkes", .type = OpdType::kDinas}).ok());
  auto changed = UpdateSync(*store_, "71.71", dlh->id, {.active = false});
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(changed->active);
  EXPECT_EQ(changed->name, "Dinas Lingkungan Hidup");
  auto dup = UpdateSync(*store_, "71.71", dlh->id, {.short_name = "DINKES"});
  EXPECT_EQ(dup.error().Slug(), "duplicate_opd");
  auto same = UpdateSync(*store_, "71.71", dlh->id, {.short_name = "dlh"});  // own name, new case
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->short_name, "dlh");
  EXPECT_EQ(UpdateSync(*store_, "71.74", dlh->id, {.active = true}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(UpdateSync(*store_, "71.71", 9999, {.active = true}).error().code, ErrorCode::kNotFound);
}

TEST_F(RegionsTest, DemoIsIdempotentWithoutBoundaryFiles) {
  ::setenv("KOTACERDAS_AREA_SOURCE", dir_.c_str(), 1);
  ::setenv("KOTACERDAS_BOUNDARY_DIR", (dir_ / "none").c_str(), 1);
  std::ostringstream first, second;
  ASSERT_TRUE(RunDemo(*db_, first).ok());
  ASSERT_TRUE(RunDemo(*db_, second).ok());
  ::unsetenv("KOTACERDAS_AREA_SOURCE");
  ::unsetenv("KOTACERDAS_BOUNDARY_DIR");
  EXPECT_NE(first.str().find("Kota Manado"), std::string::npos) << first.str();
  EXPECT_NE(first.str().find("skipped"), std::string::npos);
  EXPECT_EQ(second.str().find("created"), std::string::npos) << second.str();
  auto region = store_->FindRegion("manado");
  ASSERT_TRUE(region.ok() && region->has_value());
  EXPECT_EQ((*region)->timezone, TimeZone::kWita);
  EXPECT_GE(store_->ListOpds("71.71")->size(), 20U);
}

}  // namespace
}  // namespace kc::regions
