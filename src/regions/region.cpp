#include "regions/region.h"

#include <cctype>

namespace kc::regions {
namespace {

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool StartsWithWord(std::string_view name, std::string_view word) {
  if (name.size() <= word.size() || name[word.size()] != ' ') return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(name[i]) != Lower(word[i])) return false;
  }
  return true;
}

int ProvinceNumber(std::string_view code) {
  if (code.size() != 2 || std::isdigit(static_cast<unsigned char>(code[0])) == 0 ||
      std::isdigit(static_cast<unsigned char>(code[1])) == 0) {
    return -1;
  }
  return (code[0] - '0') * 10 + (code[1] - '0');
}

}  // namespace

std::string_view TimeZoneName(TimeZone tz) {
  switch (tz) {
    case TimeZone::kWib: return "WIB";
    case TimeZone::kWita: return "WITA";
    case TimeZone::kWit: return "WIT";
  }
  return "WIB";
}

std::optional<TimeZone> ParseTimeZone(std::string_view name) {
  std::string upper;
  for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (TimeZone tz : {TimeZone::kWib, TimeZone::kWita, TimeZone::kWit}) {
    if (TimeZoneName(tz) == upper) return tz;
  }
  return std::nullopt;
}

int UtcOffsetMinutes(TimeZone tz) {
  switch (tz) {
    case TimeZone::kWib: return 7 * 60;
    case TimeZone::kWita: return 8 * 60;
    case TimeZone::kWit: return 9 * 60;
  }
  return 7 * 60;
}

std::optional<TimeZone> TimeZoneForProvince(std::string_view province_code) {
  const int p = ProvinceNumber(province_code);
  if ((p >= 11 && p <= 21) || (p >= 31 && p <= 36) || p == 61 || p == 62) return TimeZone::kWib;
  if ((p >= 51 && p <= 53) || (p >= 63 && p <= 65) || (p >= 71 && p <= 76)) return TimeZone::kWita;
  if (p == 81 || p == 82 || (p >= 91 && p <= 99)) return TimeZone::kWit;
  return std::nullopt;
}

std::string_view RegionTypeName(RegionType type) {
  return type == RegionType::kKota ? "kota" : "kabupaten";
}

std::optional<RegionType> ParseRegionType(std::string_view name) {
  if (name == "kota") return RegionType::kKota;
  if (name == "kabupaten") return RegionType::kKabupaten;
  return std::nullopt;
}

std::optional<RegionType> RegionTypeFromName(std::string_view name) {
  if (StartsWithWord(name, "kota")) return RegionType::kKota;
  if (StartsWithWord(name, "kabupaten")) return RegionType::kKabupaten;
  return std::nullopt;
}

std::string_view BaseName(std::string_view name) {
  for (std::string_view prefix : {"kabupaten", "kota"}) {
    if (!StartsWithWord(name, prefix)) continue;
    name.remove_prefix(prefix.size() + 1);
    if (StartsWithWord(name, "administrasi")) name.remove_prefix(std::string_view("administrasi ").size());
    return name;
  }
  return name;
}

std::string Slugify(std::string_view text) {
  std::string out;
  bool dash = false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || c == '\'') continue;  // apostrophes and non-ASCII letters vanish
    if (std::isalnum(u) != 0) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += Lower(c);
    } else {
      dash = true;
    }
  }
  return out;
}

std::string DefaultSlug(std::string_view name, bool ambiguous) {
  if (ambiguous) {
    // "Kota Administrasi Jakarta Pusat" -> "kota-jakarta-pusat": the type word plus the base.
    const auto type = RegionTypeFromName(name);
    if (type) return std::string(RegionTypeName(*type)) + "-" + Slugify(BaseName(name));
    return Slugify(name);
  }
  return Slugify(BaseName(name));
}

bool IsValidSlug(std::string_view slug) {
  if (slug.size() < 2 || slug.size() > 63) return false;
  if (slug.front() == '-' || slug.back() == '-' || slug.find("--") != std::string_view::npos) {
    return false;
  }
  for (char c : slug) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::islower(u) != 0 || std::isdigit(u) != 0 || c == '-')) return false;
  }
  return true;
}

}  // namespace kc::regions
