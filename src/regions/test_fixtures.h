// Small fixtures for the regions unit tests: a temp database, a tiny idn-area-data CSV folder and
// square polygons as GeoJSON. Not part of the library.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "regions/region_service.h"
#include "regions/region_store_sqlite.h"
#include "store/database.h"

namespace kc::regions::testing {

namespace fs = std::filesystem;

inline fs::path TempDir(const std::string& tag) {
  static std::atomic<int> counter{0};
  fs::path dir = fs::temp_directory_path() /
                 ("kc-regions-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

inline void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Sulawesi Utara with Manado (two kecamatan, three kelurahan), Minahasa and Kotamobagu; Jawa Barat
// with Kota and Kabupaten Bogor (same base name); Papua with Kota Jayapura.
inline void WriteAreaCsvs(const fs::path& dir) {
  WriteFile(dir / "provinces.csv", "code,name\n32,Jawa Barat\n71,Sulawesi Utara\n91,Papua\n");
  WriteFile(dir / "regencies.csv",
            "code,province_code,name\n32.01,32,Kabupaten Bogor\n32.71,32,Kota Bogor\n"
            "71.02,71,Kabupaten Minahasa\n71.71,71,Kota Manado\n71.74,71,Kota Kotamobagu\n"
            "91.71,91,Kota Jayapura\n");
  WriteFile(dir / "districts.csv",
            "code,regency_code,name\n71.02.01,71.02,Tondano Barat\n71.71.01,71.71,Bunaken\n"
            "71.71.02,71.71,Tuminting\n");
  WriteFile(dir / "villages.csv",
            "code,district_code,name\n71.02.01.2001,71.02.01,Wewelen\n"
            "71.71.01.1001,71.71.01,Molas\n71.71.01.1002,71.71.01,\"Meras, Atas\"\n"
            "71.71.02.1001,71.71.02,Tuminting\n");
}

// A Feature whose geometry is the axis-aligned square [x0,x1] x [y0,y1] (lon, lat).
inline std::string Square(const std::string& code, const std::string& name, double x0, double y0,
                          double x1, double y1) {
  auto pt = [](double x, double y) { return "[" + std::to_string(x) + "," + std::to_string(y) + "]"; };
  return R"({"type":"Feature","properties":{"code":")" + code + R"(","name":")" + name +
         R"("},"geometry":{"type":"Polygon","coordinates":[[)" + pt(x0, y0) + "," + pt(x1, y0) +
         "," + pt(x1, y1) + "," + pt(x0, y1) + "," + pt(x0, y0) + "]]}}";
}

inline std::string Collection(const std::vector<std::string>& features) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (size_t i = 0; i < features.size(); ++i) out += (i > 0 ? "," : "") + features[i];
  return out + "]}";
}

// Manado in the fixtures: lon 124.80..124.90, lat 1.40..1.50; kecamatan split at lon 124.85.
inline std::string ManadoKecamatan() {
  return Collection({Square("71.71.01", "Bunaken", 124.80, 1.40, 124.85, 1.50),
                     Square("71.71.02", "Tuminting", 124.85, 1.40, 124.90, 1.50)});
}
inline std::string ManadoKelurahan() {
  return Collection({Square("71.71.01.1001", "Molas", 124.80, 1.40, 124.85, 1.45),
                     Square("71.71.01.1002", "Meras", 124.80, 1.45, 124.85, 1.50),
                     Square("71.71.02.1001", "Tuminting", 124.85, 1.40, 124.90, 1.50)});
}

// A temp database with the schema, the fixture hierarchy imported (if `areas`), and a store.
class RegionsTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(true); }
  void TearDown() override {
    store_.reset();
    db_.reset();
    fs::remove_all(dir_);
  }
  void Open(bool areas) {
    dir_ = TempDir("unit");
    auto db = store::Database::Open({.path = (dir_ / "kc.db").string()}, store::EmbeddedMigrations());
    ASSERT_TRUE(db.ok()) << db.error().message.en;
    db_ = std::move(db).value();
    store_ = std::make_unique<SqliteRegionStore>(*db_);
    if (areas) {
      WriteAreaCsvs(dir_);
      auto counts = RegionService(*store_).ImportAreas(dir_);
      ASSERT_TRUE(counts.ok()) << counts.error().message.en;
    }
  }
  fs::path WriteGeoJson(const std::string& name, const std::string& text) {
    WriteFile(dir_ / name, text);
    return dir_ / name;
  }

  fs::path dir_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<SqliteRegionStore> store_;
};

}  // namespace kc::regions::testing
