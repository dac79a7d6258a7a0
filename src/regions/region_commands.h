// The regions module's CLI commands and demo data, as plain functions over the database so they
// are tested without the CLI parser. The CLI wiring is regions_app.h (compiled into kc_app).
// Output goes to `out`; errors are returned (the CLI prints them in Bahasa Indonesia).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "core/result.h"
#include "regions/region_service.h"
#include "store/database.h"

namespace kc::regions {

// `kotacerdas areas import [--source DIR]`: replaces the hierarchy; prints counts per level.
Status RunAreasImport(store::Database& db, const std::filesystem::path& source, std::ostream& out);

// `kotacerdas region add CODE [--slug S] [--timezone TZ]`: prints the new region.
Status RunRegionAdd(store::Database& db, const AddRegionRequest& request, std::ostream& out);

// `kotacerdas region list`: one region per line.
Status RunRegionList(store::Database& db, std::ostream& out);

// `kotacerdas boundaries import FILE --level L`: prints counts and every repair. Shows progress on
// stderr when stderr is a terminal.
Status RunBoundariesImport(store::Database& db, const std::string& file, const std::string& level,
                           std::ostream& out);

// The demo: the hierarchy (if its CSVs are installed and nothing is imported yet), Kota Manado
// (71.71, WITA), its kecamatan and kelurahan boundaries from KOTACERDAS_BOUNDARY_DIR or
// ../shared/data/boundaries (when present), and about twenty Manado OPDs. Idempotent; prints
// what it did and what it skipped (with how to get the missing data).
Status RunDemo(store::Database& db, std::ostream& out);

}  // namespace kc::regions
