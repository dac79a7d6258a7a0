// Regions (tenants): a kabupaten or kota that runs kotacerdas, identified by its Kepmendagri code
// and a URL slug. This header holds the type and the pure rules (time zone, type, slug); the
// service (region_service.h) applies them against the stored hierarchy.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kc::regions {

enum class TimeZone { kWib, kWita, kWit };
enum class RegionType { kKota, kKabupaten };

struct Region {
  std::string code;  // kab/kota code, e.g. "71.71"
  std::string slug;  // e.g. "manado"
  std::string name;  // e.g. "Kota Manado"
  RegionType type = RegionType::kKota;
  TimeZone timezone = TimeZone::kWib;
  std::string created_at;  // UTC ISO-8601
};

// "WIB", "WITA", "WIT".
std::string_view TimeZoneName(TimeZone tz);
// Accepts "WIB", "WITA", "WIT" in any letter case; nullopt otherwise.
std::optional<TimeZone> ParseTimeZone(std::string_view name);
// 420, 480, 540 (UTC+7, +8, +9).
int UtcOffsetMinutes(TimeZone tz);
// The zone of a province by its 2-digit code: WIB for Sumatra (11-21), Java (31-36), Kalimantan
// Barat (61) and Tengah (62); WITA for Bali/Nusa Tenggara (51-53), Kalimantan Selatan, Timur,
// Utara (63-65), Sulawesi (71-76); WIT for Maluku (81, 82) and Papua (91 and above).
// nullopt for a code outside these ranges.
std::optional<TimeZone> TimeZoneForProvince(std::string_view province_code);

// "kota", "kabupaten".
std::string_view RegionTypeName(RegionType type);
std::optional<RegionType> ParseRegionType(std::string_view name);
// From the official name: "Kota ..." (also "Kota Administrasi ...") is a kota, "Kabupaten ..." a
// kabupaten. nullopt when the name starts with neither.
std::optional<RegionType> RegionTypeFromName(std::string_view name);

// The name without its "Kota"/"Kabupaten" (and "Administrasi") prefix: "Kota Manado" -> "Manado".
std::string_view BaseName(std::string_view name);
// A slug from free text: lowercase ASCII letters and digits, runs of anything else become one '-',
// no leading/trailing '-'. Non-ASCII letters are dropped ("Bu Nuapu’u" -> "bu-nuapuu").
std::string Slugify(std::string_view text);
// The slug a region gets by default: Slugify(BaseName(name)), or Slugify(name) ("kota-bogor")
// when `ambiguous` (another kab/kota shares the base name).
std::string DefaultSlug(std::string_view name, bool ambiguous);
// True for 2..63 characters of [a-z0-9-], starting and ending with a letter or digit, without
// "--". Slugs never contain '.', so a path segment with a dot is always a code.
bool IsValidSlug(std::string_view slug);

}  // namespace kc::regions
