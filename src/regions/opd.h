// OPD (organisasi perangkat daerah): a region's units (Dinas PUPR, DLH, a kecamatan office, ...)
// that own masterplan programs and handle citizen reports routed to them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc::regions {

enum class OpdType { kDinas, kBadan, kKantor, kKecamatan, kKelurahan, kSekretariat, kOther };

struct Opd {
  int64_t id = 0;
  std::string region_code;
  std::string name;        // "Dinas Pekerjaan Umum dan Penataan Ruang"
  std::string short_name;  // "Dinas PUPR"; unique within a region (letter case ignored)
  OpdType type = OpdType::kDinas;
  bool active = true;
  std::string created_at;  // UTC ISO-8601
  std::string updated_at;
};

// A partial update: fields left empty are unchanged.
struct OpdPatch {
  std::optional<std::string> name;
  std::optional<std::string> short_name;
  std::optional<OpdType> type;
  std::optional<bool> active;
};

// Limits on the text fields, in Unicode code points.
inline constexpr size_t kOpdNameMaxChars = 200;
inline constexpr size_t kOpdShortNameMaxChars = 60;

// "dinas", "badan", "kantor", "kecamatan", "kelurahan", "sekretariat", "other".
std::string_view OpdTypeName(OpdType type);
std::optional<OpdType> ParseOpdType(std::string_view name);

}  // namespace kc::regions
