// Test fixture of the reports module: a temp database with Manado's areas and boundaries (the
// regions fixtures), four OPDs and the demo categories and rules, and a ReportsModule over it.
#pragma once

#include <gtest/gtest.h>

#include <future>
#include <sstream>

#include "regions/boundary_import.h"
#include "regions/test_fixtures.h"
#include "reports/reports_module.h"

namespace kc::reports::testing {

class ReportsTest : public regions::testing::RegionsTest {
 protected:
  void SetUp() override {
    RegionsTest::SetUp();
    regions::RegionService service(*store_);
    ASSERT_TRUE(service.AddRegion({.code = "71.71", .timezone = "WITA"}).ok());
    for (auto [name, text] : {std::pair{"kec.geojson", regions::testing::ManadoKecamatan()},
                              std::pair{"kel.geojson", regions::testing::ManadoKelurahan()}}) {
      auto level = std::string(name) == "kec.geojson" ? regions::AreaLevel::kKecamatan
                                                      : regions::AreaLevel::kKelurahan;
      ASSERT_TRUE(
          regions::ImportBoundaryFile(*store_, WriteGeoJson(name, text).string(), level).ok());
    }
    for (const char* opd : {"Dinas PUPR", "DLH", "BPBD", "Satpol PP"}) {
      ASSERT_TRUE(regions::InsertOpdSync(*store_, {.region_code = "71.71", .name = opd,
                                                   .short_name = opd})
                      .ok());
    }
    std::ostringstream out;
    ASSERT_TRUE(RunDemo(*db_, out).ok());
    auto regions = regions::GetModule(*db_);
    ASSERT_TRUE(regions.ok());
    module_ = std::make_shared<ReportsModule>(*db_, *regions);
    region_ = *module_->FindRegion("manado");
  }
  void TearDown() override {
    module_.reset();
    RegionsTest::TearDown();
  }

  // Molas (kecamatan Bunaken) by default: the demo rule routes sampah there to Satpol PP.
  SubmitInput Input(double lat = 1.42, double lon = 124.82) {
    return SubmitInput{.region = region_, .category_code = "sampah-menumpuk",
                       .description = "Sampah menumpuk di depan pasar", .lat = lat, .lon = lon};
  }

  Result<SubmitOutcome> Submit(SubmitInput in) {
    std::promise<Result<SubmitOutcome>> p;
    module_->service().Submit(std::move(in),
                              [&p](Result<SubmitOutcome> r) { p.set_value(std::move(r)); });
    return p.get_future().get();
  }

  int64_t Opd(const std::string& name) {
    auto names = module_->OpdNamesOf("71.71");
    for (const auto& [id, n] : *names) {
      if (n == name) return id;
    }
    return 0;
  }

  std::shared_ptr<ReportsModule> module_;
  regions::Region region_;
};

}  // namespace kc::reports::testing
