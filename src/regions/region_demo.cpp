// Demo data of the regions module: Kota Manado with its boundaries and OPDs.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

#include "regions/area_source.h"
#include "regions/boundary_import.h"
#include "regions/region_commands.h"
#include "regions/region_store_sqlite.h"

namespace kc::regions {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kDemoRegion = "71.71";

struct DemoOpd {
  std::string_view name;
  std::string_view short_name;
  OpdType type;
};

// Perangkat daerah of Kota Manado as commonly named (Perda on the structure of the city's OPDs).
constexpr std::array<DemoOpd, 22> kManadoOpds = {{
    {"Sekretariat Daerah Kota Manado", "Setda", OpdType::kSekretariat},
    {"Sekretariat DPRD Kota Manado", "Setwan", OpdType::kSekretariat},
    {"Inspektorat Daerah", "Inspektorat", OpdType::kOther},
    {"Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR", OpdType::kDinas},
    {"Dinas Lingkungan Hidup", "DLH", OpdType::kDinas},
    {"Dinas Kesehatan", "Dinkes", OpdType::kDinas},
    {"Dinas Perhubungan", "Dishub", OpdType::kDinas},
    {"Dinas Komunikasi dan Informatika", "Diskominfo", OpdType::kDinas},
    {"Dinas Perumahan dan Kawasan Permukiman", "Disperkim", OpdType::kDinas},
    {"Dinas Pendidikan", "Disdik", OpdType::kDinas},
    {"Dinas Sosial", "Dinsos", OpdType::kDinas},
    {"Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", OpdType::kDinas},
    {"Dinas Pemadam Kebakaran", "Damkar", OpdType::kDinas},
    {"Dinas Pariwisata", "Dispar", OpdType::kDinas},
    {"Dinas Perdagangan", "Disdag", OpdType::kDinas},
    {"Badan Perencanaan Pembangunan Daerah", "Bappeda", OpdType::kBadan},
    {"Badan Penanggulangan Bencana Daerah", "BPBD", OpdType::kBadan},
    {"Badan Keuangan Daerah", "BKD", OpdType::kBadan},
    {"Badan Pendapatan Daerah", "Bapenda", OpdType::kBadan},
    {"Satuan Polisi Pamong Praja", "Satpol PP", OpdType::kOther},
    {"Kantor Kesatuan Bangsa dan Politik", "Kesbangpol", OpdType::kKantor},
    {"Perumda Air Minum Wanua Wenang (PDAM)", "PDAM", OpdType::kOther},
}};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

fs::path EnvPath(const char* name, const fs::path& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? fs::path(v) : fallback;
}

Status DemoAreas(store::Database& db, RegionStore& store, std::ostream& out, bool& have_areas) {
  KC_ASSIGN_OR_RETURN(auto counts, store.CountAreas());
  have_areas = counts.total() > 0;
  if (have_areas) return Ok();
  const fs::path source = EnvPath("KOTACERDAS_AREA_SOURCE", fs::path(kDefaultAreaSource));
  if (!fs::exists(source / "villages.csv")) {
    out << "data wilayah tidak ada / area data not found in " << source.string()
        << ": jalankan / run `npm install --prefix tools/areas` dan / and "
           "`kotacerdas areas import`; region demo dilewati / demo region skipped\n";
    return Ok();
  }
  KC_RETURN_IF_ERROR(RunAreasImport(db, source, out));
  have_areas = true;
  return Ok();
}

Status DemoRegion(RegionStore& store, std::ostream& out) {
  KC_ASSIGN_OR_RETURN(auto existing, store.FindRegion(kDemoRegion));
  if (existing) return Ok();
  RegionService service(store);
  KC_ASSIGN_OR_RETURN(Region r, service.AddRegion({.code = std::string(kDemoRegion), .timezone = "WITA"}));
  out << "region demo dibuat / demo region created: " << r.code << " " << r.name << " ("
      << TimeZoneName(r.timezone) << ", slug " << r.slug << ")\n";
  return Ok();
}

Status DemoBoundaries(RegionStore& store, std::ostream& out) {
  const fs::path dir = EnvPath("KOTACERDAS_BOUNDARY_DIR", fs::path("..") / "shared" / "data" / "boundaries");
  for (AreaLevel level : {AreaLevel::kKecamatan, AreaLevel::kKelurahan}) {
    const std::string name(LevelName(level));
    KC_ASSIGN_OR_RETURN(int64_t have, store.CountBoundaries(level, std::string(kDemoRegion) + "."));
    if (have > 0) continue;
    const fs::path file = dir / ("7171-" + name + ".geojson");
    if (!fs::exists(file)) {
      out << "batas " << name << " Manado tidak ada / boundaries not found: " << file.string()
          << " (atur / set KOTACERDAS_BOUNDARY_DIR); dilewati / skipped\n";
      continue;
    }
    KC_ASSIGN_OR_RETURN(auto result, ImportBoundaryFile(store, file.string(), level));
    out << "batas " << name << " Manado diimpor / boundaries imported: " << result.features
        << " fitur/features, " << result.repairs.size() << " diperbaiki/repaired\n";
  }
  return Ok();
}

Status DemoOpds(RegionStore& store, std::ostream& out) {
  KC_ASSIGN_OR_RETURN(auto existing, store.ListOpds(kDemoRegion));
  size_t added = 0;
  for (const DemoOpd& d : kManadoOpds) {
    const bool present = std::any_of(existing.begin(), existing.end(), [&](const Opd& o) {
      return Lower(o.short_name) == Lower(d.short_name);
    });
    if (present) continue;
    KC_RETURN_IF_ERROR(InsertOpdSync(store, {.region_code = std::string(kDemoRegion),
                                             .name = std::string(d.name),
                                             .short_name = std::string(d.short_name),
                                             .type = d.type}));
    ++added;
  }
  if (added > 0) out << "OPD demo Manado ditambahkan / demo OPDs added: " << added << "\n";
  return Ok();
}

}  // namespace

Status RunDemo(store::Database& db, std::ostream& out) {
  SqliteRegionStore store(db);
  bool have_areas = false;
  KC_RETURN_IF_ERROR(DemoAreas(db, store, out, have_areas));
  if (!have_areas) return Ok();
  KC_RETURN_IF_ERROR(DemoRegion(store, out));
  KC_RETURN_IF_ERROR(DemoBoundaries(store, out));
  return DemoOpds(store, out);
}

}  // namespace kc::regions
