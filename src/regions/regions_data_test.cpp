// Real data: the idn-area-data hierarchy and Manado's kecamatan and kelurahan boundaries from
// ../shared/data/boundaries. Interior points derived with GEOS must look up to their own area.
// Skips when the data is absent.
#include <geos/geom/Geometry.h>
#include <geos/geom/Point.h>
#include <geos/util/GEOSException.h>
#include <gtest/gtest.h>

#include <map>

#include "geo/geojson_reader.h"
#include "regions/area_lookup.h"
#include "regions/area_source.h"
#include "regions/boundary_import.h"
#include "regions/test_fixtures.h"

namespace kc::regions {
namespace {

namespace fs = std::filesystem;
using geos::geom::Geometry;

const fs::path kBoundaryDir = fs::path(KC_SHARED_DATA_DIR) / "boundaries";
const fs::path kAreaDir = fs::path(KC_SOURCE_DIR) / kDefaultAreaSource;

// An interior point of `g` minus `others` (so the lookup's tie-break cannot pick another area),
// preferring the part inside `prefer` when that is not empty. nullopt if GEOS fails.
std::optional<std::pair<double, double>> InteriorPoint(const Geometry& g,
                                                       const std::vector<const Geometry*>& others,
                                                       const Geometry* prefer) {
  try {
    std::unique_ptr<Geometry> own = g.clone();
    for (const Geometry* o : others) {
      if (o->getEnvelopeInternal()->intersects(own->getEnvelopeInternal())) own = own->difference(o);
    }
    if (prefer != nullptr) {
      auto inside = own->intersection(prefer);
      if (!inside->isEmpty() && inside->getArea() > 1e-9) own = std::move(inside);
    }
    if (own->isEmpty()) return std::nullopt;
    auto p = own->getInteriorPoint();
    return std::make_pair(p->getY(), p->getX());
  } catch (const geos::util::GEOSException&) {
    return std::nullopt;
  }
}

class ManadoDataTest : public testing::RegionsTest {
 protected:
  void SetUp() override {
    if (!fs::exists(kBoundaryDir / "7171-kecamatan.geojson") || !fs::exists(kAreaDir / "villages.csv")) {
      GTEST_SKIP() << "needs " << kBoundaryDir << " and " << kAreaDir
                   << " (npm install --prefix tools/areas)";
    }
    Open(false);
  }
};

TEST_F(ManadoDataTest, InteriorPointsLookUpToTheirOwnAreas) {
  RegionService service(*store_);
  auto counts = service.ImportAreas(kAreaDir);
  ASSERT_TRUE(counts.ok()) << counts.error().message.en;
  EXPECT_EQ(counts->provinsi, 38);
  EXPECT_EQ(counts->kabkota, 514);
  EXPECT_EQ(counts->kecamatan, 7285);
  EXPECT_EQ(counts->kelurahan, 83762);
  auto manado = service.AddRegion({.code = "71.71"});
  ASSERT_TRUE(manado.ok()) << manado.error().message.en;
  EXPECT_EQ(manado->slug, "manado");
  EXPECT_EQ(manado->timezone, TimeZone::kWita);

  const auto kec_file = (kBoundaryDir / "7171-kecamatan.geojson").string();
  const auto kel_file = (kBoundaryDir / "7171-kelurahan.geojson").string();
  auto kec_import = ImportBoundaryFile(*store_, kec_file, AreaLevel::kKecamatan);
  ASSERT_TRUE(kec_import.ok()) << kec_import.error().message.en;
  EXPECT_EQ(kec_import->features, 11U);
  auto kel_import = ImportBoundaryFile(*store_, kel_file, AreaLevel::kKelurahan);
  ASSERT_TRUE(kel_import.ok()) << kel_import.error().message.en;
  EXPECT_EQ(kel_import->features, 87U);

  auto kecamatan = geo::ReadBoundariesFile(kec_file);
  auto kelurahan = geo::ReadBoundariesFile(kel_file);
  ASSERT_TRUE(kecamatan.ok() && kelurahan.ok());
  AreaLookup lookup(*store_, {});
  ASSERT_TRUE(lookup.Reload().ok());

  // Each kecamatan's own kelurahan, united: where both layers agree on the kecamatan.
  std::map<std::string, std::unique_ptr<Geometry>> kel_union;
  for (const auto& k : *kelurahan) {
    auto& u = kel_union[ParentCode(k.code)];
    u = u ? u->Union(k.geometry.get()) : k.geometry->clone();
  }
  for (const auto& k : *kecamatan) {
    std::vector<const Geometry*> others;
    for (const auto& o : *kecamatan) {
      if (o.code != k.code) others.push_back(o.geometry.get());
    }
    for (const auto& [code, u] : kel_union) {
      if (code != k.code) others.push_back(u.get());  // and other kecamatan's kelurahan
    }
    const auto point = InteriorPoint(*k.geometry, others, kel_union[k.code].get());
    ASSERT_TRUE(point) << k.code;
    auto m = lookup.Locate("71.71", point->first, point->second);
    ASSERT_TRUE(m.ok()) << k.code << ": " << m.error().message.en;
    ASSERT_TRUE(m->kecamatan) << k.code;
    EXPECT_EQ(m->kecamatan->code, k.code) << k.name << " at " << point->first << "," << point->second;
    EXPECT_EQ(m->kabkota->code, "71.71");
  }
  for (const auto& k : *kelurahan) {
    std::vector<const Geometry*> others;
    for (const auto& o : *kelurahan) {
      if (o.code != k.code) others.push_back(o.geometry.get());
    }
    const auto point = InteriorPoint(*k.geometry, others, nullptr);
    ASSERT_TRUE(point) << k.code;
    auto any = lookup.Locate("", point->first, point->second);
    ASSERT_TRUE(any.ok() && any->kelurahan) << k.code;
    EXPECT_EQ(any->kelurahan->code, k.code) << k.name;
    EXPECT_EQ(any->kecamatan->code, ParentCode(k.code));
  }
}

}  // namespace
}  // namespace kc::regions
