#include "regions/region_commands.h"

#include <unistd.h>

#include <iostream>

#include "regions/boundary_import.h"
#include "regions/region_store_sqlite.h"

namespace kc::regions {
namespace {

// "\r  1200/7285" on stderr, redrawn at most once per percent.
ImportProgress TerminalProgress() {
  if (isatty(STDERR_FILENO) == 0) return {};
  return [last = size_t{101}](size_t done, size_t total) mutable {
    const size_t pct = total == 0 ? 100 : done * 100 / total;
    if (pct == last) return;
    last = pct;
    std::cerr << "\r  memproses fitur / processing features " << done << "/" << total << std::flush;
    if (done == total) std::cerr << "\n";
  };
}

}  // namespace

Status RunAreasImport(store::Database& db, const std::filesystem::path& source, std::ostream& out) {
  SqliteRegionStore store(db);
  RegionService service(store);
  KC_ASSIGN_OR_RETURN(auto counts, service.ImportAreas(source));
  out << "data wilayah diimpor / areas imported from " << source.string() << ":\n"
      << "  provinsi: " << counts.provinsi << "\n"
      << "  kabupaten/kota: " << counts.kabkota << "\n"
      << "  kecamatan: " << counts.kecamatan << "\n"
      << "  kelurahan/desa: " << counts.kelurahan << "\n";
  return Ok();
}

Status RunRegionAdd(store::Database& db, const AddRegionRequest& request, std::ostream& out) {
  SqliteRegionStore store(db);
  RegionService service(store);
  KC_ASSIGN_OR_RETURN(Region r, service.AddRegion(request));
  out << "region dibuat / region created: " << r.code << " " << r.name << " (" << RegionTypeName(r.type)
      << ", " << TimeZoneName(r.timezone) << ", slug " << r.slug << ")\n";
  return Ok();
}

Status RunRegionList(store::Database& db, std::ostream& out) {
  SqliteRegionStore store(db);
  KC_ASSIGN_OR_RETURN(auto regions, store.ListRegions());
  if (regions.empty()) out << "belum ada region / no regions yet\n";
  for (const Region& r : regions) {
    out << r.code << "\t" << r.slug << "\t" << r.name << "\t" << RegionTypeName(r.type) << "\t"
        << TimeZoneName(r.timezone) << "\n";
  }
  return Ok();
}

Status RunBoundariesImport(store::Database& db, const std::string& file, const std::string& level,
                           std::ostream& out) {
  const auto parsed = ParseLevel(level);
  if (!parsed || !IsBoundaryLevel(*parsed)) {
    return InvalidArgument({"--level harus kecamatan, kelurahan atau kabkota.",
                            "--level must be kecamatan, kelurahan or kabkota."});
  }
  SqliteRegionStore store(db);
  KC_ASSIGN_OR_RETURN(auto result, ImportBoundaryFile(store, file, *parsed, TerminalProgress()));
  out << "batas wilayah diimpor / boundaries imported (" << level << "): " << result.features
      << " fitur/features, " << result.inserted << " baru/new, " << result.replaced
      << " diganti/replaced, " << result.repairs.size() << " diperbaiki/repaired\n";
  for (const std::string& repair : result.repairs) out << "  diperbaiki / repaired: " << repair << "\n";
  return Ok();
}

}  // namespace kc::regions
