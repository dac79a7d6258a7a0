// The reports service and SQLite store on a temp database with the regions fixtures: demo
// categories, routing, tracking numbers, idempotency, filters and pages.
#include <gtest/gtest.h>

#include <future>
#include <sstream>

#include "reports/reports_test_fixture.h"

namespace kc::reports {
namespace {

using testing::ReportsTest;

TEST_F(ReportsTest, DemoSeedsCategoriesAndIsIdempotent) {
  auto categories = module_->service().Categories(region_);
  ASSERT_TRUE(categories.ok());
  EXPECT_GE(categories->size(), 25u);
  std::ostringstream out;
  ASSERT_TRUE(RunDemo(*db_, out).ok());
  EXPECT_EQ(module_->service().Categories(region_)->size(), categories->size());
  auto banjir = module_->service().FindCategory(region_, "banjir");
  ASSERT_TRUE(banjir.ok());
  EXPECT_EQ(banjir->default_opd_id, Opd("BPBD"));
  EXPECT_TRUE(banjir->attributes.at(0).required);
}

TEST_F(ReportsTest, SubmitRoutesAndNumbers) {
  auto first = Submit(Input());  // Molas, kecamatan Bunaken: the demo rule sends it to Satpol PP
  ASSERT_TRUE(first.ok()) << first.error().message.en;
  EXPECT_EQ(first->report.kelurahan_code, "71.71.01.1001");
  EXPECT_EQ(first->report.kecamatan_code, "71.71.01");
  EXPECT_EQ(first->report.opd_id, Opd("Satpol PP"));
  const int year = LocalYear(NowUtc(), 480);
  EXPECT_EQ(first->report.tracking, FormatTracking("MDO", year, 1));
  auto second = Submit(Input(1.42, 124.87));  // Tuminting: the category default, DLH
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->report.opd_id, Opd("DLH"));
  EXPECT_EQ(second->report.tracking, FormatTracking("MDO", year, 2));
  auto found = module_->service().FindReport(region_, second->report.tracking);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->description, "Sampah menumpuk di depan pasar");
}

TEST_F(ReportsTest, RefusedSubmissionsStoreNothing) {
  auto in = Input();
  in.category_code = "tidak-ada";
  auto r = Submit(std::move(in));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "category");
  auto outside = Submit(Input(1.0, 124.0));  // in Indonesia, far from Manado
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().Slug(), "outside_region");
  auto abroad = Submit(Input(51.5, -0.12));
  ASSERT_FALSE(abroad.ok());
  EXPECT_EQ(abroad.error().details.at(0).field, "lat");
  auto banjir = Input();
  banjir.category_code = "banjir";  // kedalaman_cm is required
  auto missing = Submit(std::move(banjir));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().details.at(0).field, "attributes.kedalaman_cm");
  auto list = module_->store().ListReports({.region_code = "71.71"});
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
  // The counter was not consumed by the refusals.
  auto ok = Submit(Input());
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->report.tracking.ends_with("-000001"));
}

TEST_F(ReportsTest, IdempotencyKeyAnswersWithTheFirstReport) {
  auto keyed = [&](std::string hash) {
    auto in = Input();
    in.idempotency_key = "k-1";
    in.idempotency_scope = "anon:127.0.0.1";
    in.request_hash = std::move(hash);
    in.render_answer = [](const Report& r) { return "answer " + r.tracking; };
    return in;
  };
  auto first = Submit(keyed("h1"));
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->replayed);
  auto again = Submit(keyed("h1"));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->answer, "answer " + first->report.tracking);
  auto other = Submit(keyed("h2"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().Slug(), "idempotency_key_reused");
  EXPECT_EQ(module_->store().ListReports({.region_code = "71.71"})->size(), 1u);
}

TEST_F(ReportsTest, FiltersAndPages) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(Submit(Input()).ok());
  auto pohon = Input(1.42, 124.87);
  pohon.category_code = "pohon-tumbang";
  pohon.description = "Pohon tumbang menutup jalan <b>utama</b>";
  ASSERT_TRUE(Submit(std::move(pohon)).ok());
  auto hidden = Input();
  hidden.is_public = false;
  ASSERT_TRUE(Submit(std::move(hidden)).ok());

  auto& store = module_->store();
  EXPECT_EQ(store.ListReports({.region_code = "71.71", .limit = 100})->size(), 6u);
  EXPECT_EQ(store.ListReports({.region_code = "71.71", .public_only = false, .limit = 100})->size(), 7u);
  auto by_category = store.ListReports({.region_code = "71.71", .category_code = "pohon-tumbang"});
  ASSERT_EQ(by_category->size(), 1u);
  EXPECT_EQ(by_category->at(0).opd_id, Opd("BPBD"));  // the region-wide demo rule
  EXPECT_EQ(store.ListReports({.region_code = "71.71", .text = "UTAMA"})->size(), 1u);
  EXPECT_EQ(store.ListReports({.region_code = "71.71", .kecamatan_code = "71.71.02"})->size(), 1u);
  ReportFilter box{.region_code = "71.71", .bbox = ReportFilter::BBox{124.86, 1.41, 124.88, 1.43}};
  EXPECT_EQ(store.ListReports(box)->size(), 1u);
  EXPECT_EQ(store.ListReports({.region_code = "71.71",
                               .statuses = {ReportStatus::kSelesai}})->size(), 0u);
  EXPECT_EQ(store.ListReports({.region_code = "71.71", .from = "2999-01-01T00:00:00.000Z"})->size(), 0u);
  // Pages of 4: 4 (+1 probe), then the rest.
  auto page1 = store.ListReports({.region_code = "71.71", .limit = 4});
  ASSERT_EQ(page1->size(), 5u);
  auto page2 = store.ListReports({.region_code = "71.71", .before_id = page1->at(3).id, .limit = 4});
  ASSERT_EQ(page2->size(), 2u);
  EXPECT_LT(page2->at(0).id, page1->at(3).id);
}

}  // namespace
}  // namespace kc::reports
