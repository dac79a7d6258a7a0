#include "regions/region_service.h"

#include "regions/area_source.h"

namespace kc::regions {
namespace {

Error AreasNotImported() {
  return Error(ErrorCode::kInvalidArgument,
               {"Data wilayah belum diimpor; jalankan `kotacerdas areas import` dahulu.",
                "The area hierarchy is not imported; run `kotacerdas areas import` first."},
               "areas_not_imported");
}

// Whether another kab/kota shares the name without its Kota/Kabupaten prefix (Kota Bogor and
// Kabupaten Bogor): then both slugs carry the type so neither takes the plain name.
Result<bool> BaseNameShared(RegionStore& store, const Area& kabkota) {
  KC_ASSIGN_OR_RETURN(auto all, store.AreasAtLevel(AreaLevel::kKabKota));
  const std::string_view base = BaseName(kabkota.name);
  for (const Area& other : all) {
    if (other.code != kabkota.code && Slugify(BaseName(other.name)) == Slugify(base)) return true;
  }
  return false;
}

Result<bool> SlugTaken(RegionStore& store, const std::string& slug) {
  KC_ASSIGN_OR_RETURN(auto found, store.FindRegion(slug));
  return found.has_value();
}

Error SlugTakenError(const std::string& slug) {
  return Error(ErrorCode::kConflict,
               {"Slug \"" + slug + "\" sudah dipakai region lain; pilih yang lain dengan --slug.",
                "Slug \"" + slug + "\" is used by another region; choose another with --slug."},
               "slug_taken");
}

Result<Area> FindKabKota(RegionStore& store, const std::string& raw_code) {
  const auto code = NormalizeCode(raw_code);
  if (!code || LevelOfCode(*code) != AreaLevel::kKabKota) {
    return Error(ErrorCode::kInvalidArgument,
                 {"Kode " + raw_code + " bukan kode kabupaten/kota (contoh: 71.71).",
                  "Code " + raw_code + " is not a kabupaten/kota code (e.g. 71.71)."},
                 "not_kabkota");
  }
  KC_ASSIGN_OR_RETURN(auto counts, store.CountAreas());
  if (counts.kabkota == 0) return AreasNotImported();
  KC_ASSIGN_OR_RETURN(auto area, store.FindArea(*code));
  if (!area) {
    return Error(ErrorCode::kNotFound,
                 {"Kode " + *code + " tidak ada dalam data wilayah.",
                  "Code " + *code + " is not in the area hierarchy."},
                 "unknown_area");
  }
  return std::move(*area);
}

Result<TimeZone> ChooseTimeZone(const Area& kabkota, const std::optional<std::string>& wanted) {
  if (wanted) {
    if (auto tz = ParseTimeZone(*wanted)) return *tz;
    return Error(ErrorCode::kInvalidArgument,
                 {"Zona waktu \"" + *wanted + "\" tidak dikenal; gunakan WIB, WITA atau WIT.",
                  "Unknown time zone \"" + *wanted + "\"; use WIB, WITA or WIT."},
                 "invalid_timezone");
  }
  if (auto tz = TimeZoneForProvince(kabkota.parent_code)) return *tz;
  return Error(ErrorCode::kInvalidArgument,
               {"Zona waktu provinsi " + kabkota.parent_code + " tidak diketahui; pakai --timezone.",
                "No known time zone for province " + kabkota.parent_code + "; use --timezone."},
               "invalid_timezone");
}

}  // namespace

Error RegionNotFound(std::string_view code_or_slug) {
  const std::string what(code_or_slug);
  return Error(ErrorCode::kNotFound,
               {"Region \"" + what + "\" tidak ditemukan.", "Region \"" + what + "\" not found."},
               "region_not_found");
}

Result<AreaCounts> RegionService::ImportAreas(const std::filesystem::path& dir) {
  KC_ASSIGN_OR_RETURN(auto areas, ReadAreaSource(dir));
  if (areas.empty()) {
    return InvalidArgument({"Berkas data wilayah kosong: " + dir.string(),
                            "The area data files are empty: " + dir.string()});
  }
  return store_.ReplaceAreas(areas);
}

Result<std::string> RegionService::ChooseSlug(const Area& kabkota,
                                              const std::optional<std::string>& wanted) {
  if (wanted) {
    if (!IsValidSlug(*wanted)) {
      return Error(ErrorCode::kInvalidArgument,
                   {"Slug \"" + *wanted + "\" tidak sah: 2-63 huruf kecil, angka dan tanda hubung.",
                    "Invalid slug \"" + *wanted + "\": 2-63 lowercase letters, digits and hyphens."},
                   "invalid_slug");
    }
    KC_ASSIGN_OR_RETURN(bool taken, SlugTaken(store_, *wanted));
    if (taken) return SlugTakenError(*wanted);
    return *wanted;
  }
  KC_ASSIGN_OR_RETURN(bool shared, BaseNameShared(store_, kabkota));
  // Plain name first unless shared; the type-prefixed one next; then give up and ask.
  std::vector<std::string> candidates;
  if (!shared) candidates.push_back(DefaultSlug(kabkota.name, false));
  candidates.push_back(DefaultSlug(kabkota.name, true));
  for (const std::string& slug : candidates) {
    if (!IsValidSlug(slug)) continue;
    KC_ASSIGN_OR_RETURN(bool taken, SlugTaken(store_, slug));
    if (!taken) return slug;
  }
  return SlugTakenError(candidates.back());
}

Result<Region> RegionService::AddRegion(const AddRegionRequest& request) {
  KC_ASSIGN_OR_RETURN(Area kabkota, FindKabKota(store_, request.code));
  KC_ASSIGN_OR_RETURN(auto existing, store_.FindRegion(kabkota.code));
  if (existing) {
    return Error(ErrorCode::kConflict,
                 {kabkota.name + " (" + kabkota.code + ") sudah terdaftar sebagai region.",
                  kabkota.name + " (" + kabkota.code + ") is already a region."},
                 "region_exists");
  }
  auto type = RegionTypeFromName(kabkota.name);
  if (!type) {
    return Error(ErrorCode::kInvalidArgument,
                 {"Nama \"" + kabkota.name + "\" tidak diawali Kota atau Kabupaten.",
                  "Name \"" + kabkota.name + "\" starts with neither Kota nor Kabupaten."},
                 "not_kabkota");
  }
  KC_ASSIGN_OR_RETURN(TimeZone tz, ChooseTimeZone(kabkota, request.timezone));
  KC_ASSIGN_OR_RETURN(std::string slug, ChooseSlug(kabkota, request.slug));
  Region region{.code = kabkota.code, .slug = std::move(slug), .name = kabkota.name,
                .type = *type, .timezone = tz};
  KC_RETURN_IF_ERROR(store_.InsertRegion(region));
  KC_ASSIGN_OR_RETURN(auto stored, store_.FindRegion(region.code));
  return stored ? std::move(*stored) : region;
}

Result<Region> RegionService::FindRegion(std::string_view code_or_slug) {
  KC_ASSIGN_OR_RETURN(auto region, store_.FindRegion(code_or_slug));
  if (!region) return RegionNotFound(code_or_slug);
  return std::move(*region);
}

Result<RegionProfile> RegionService::Profile(std::string_view code_or_slug) {
  RegionProfile p;
  KC_ASSIGN_OR_RETURN(p.region, FindRegion(code_or_slug));
  const std::string province_code = ParentCode(p.region.code);
  KC_ASSIGN_OR_RETURN(auto province, store_.FindArea(province_code));
  p.province = province.value_or(Area{.code = province_code});
  KC_ASSIGN_OR_RETURN(auto areas, store_.AreasUnder(p.region.code));
  for (const Area& a : areas) ++(a.level == AreaLevel::kKecamatan ? p.kecamatan : p.kelurahan);
  const std::string prefix = p.region.code + ".";
  KC_ASSIGN_OR_RETURN(int64_t kec, store_.CountBoundaries(AreaLevel::kKecamatan, prefix));
  KC_ASSIGN_OR_RETURN(int64_t kel, store_.CountBoundaries(AreaLevel::kKelurahan, prefix));
  p.kecamatan_boundaries = kec > 0;
  p.kelurahan_boundaries = kel > 0;
  return p;
}

Result<std::vector<KecamatanNode>> RegionService::AreaTree(const Region& region) {
  KC_ASSIGN_OR_RETURN(auto areas, store_.AreasUnder(region.code));
  std::vector<KecamatanNode> tree;
  for (Area& a : areas) {
    if (a.level == AreaLevel::kKecamatan) {
      tree.push_back({.kecamatan = std::move(a)});
    } else if (!tree.empty() && a.parent_code == tree.back().kecamatan.code) {
      tree.back().kelurahan.push_back(std::move(a));
    }
  }
  return tree;
}

}  // namespace kc::regions
