// The administrative hierarchy: provinsi -> kabupaten/kota -> kecamatan -> kelurahan/desa, keyed by
// Kepmendagri codes with dots ("71", "71.71", "71.71.01", "71.71.01.1001"). Stored once and shared
// by all regions (tenants).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kc::regions {

enum class AreaLevel { kProvinsi = 1, kKabKota = 2, kKecamatan = 3, kKelurahan = 4 };

// One administrative area. `parent_code` is empty for a provinsi.
struct Area {
  std::string code;
  std::string name;
  std::string parent_code;
  AreaLevel level = AreaLevel::kProvinsi;
};

// "provinsi", "kabkota", "kecamatan", "kelurahan" (the stored and API spelling).
std::string_view LevelName(AreaLevel level);
// The inverse of LevelName; nullopt for anything else.
std::optional<AreaLevel> ParseLevel(std::string_view name);

// The level a well-formed dotted code denotes: 2 digits; 2.2; 2.2.2; 2.2.2.4 digits. nullopt for
// anything else (letters, wrong segment lengths, empty segments).
std::optional<AreaLevel> LevelOfCode(std::string_view code);

// Converts a code to the dotted form: accepts the dotted form unchanged and the undotted form some
// datasets use ("7171" -> "71.71", "7171011001" -> "71.71.01.1001"). nullopt if neither fits.
std::optional<std::string> NormalizeCode(std::string_view code);

// The code one level up ("71.71.01" -> "71.71"); empty for a provinsi or a malformed code.
std::string ParentCode(std::string_view code);

// The leading part of `code` at `level` ("71.71.01.1001", kKabKota -> "71.71"); empty when `code`
// is at a higher level than `level` or malformed.
std::string AncestorCode(std::string_view code, AreaLevel level);

// For a kelurahan/desa code: "kelurahan" when the last segment starts with 1, "desa" with 2
// (Kepmendagri convention), else "kelurahan".
std::string_view VillageKind(std::string_view code);

}  // namespace kc::regions
