#include "regions/area.h"

#include <array>
#include <cctype>

namespace kc::regions {
namespace {

// Digits per segment, by level.
constexpr std::array<size_t, 4> kSegmentDigits = {2, 2, 2, 4};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

}  // namespace

std::string_view LevelName(AreaLevel level) {
  switch (level) {
    case AreaLevel::kProvinsi: return "provinsi";
    case AreaLevel::kKabKota: return "kabkota";
    case AreaLevel::kKecamatan: return "kecamatan";
    case AreaLevel::kKelurahan: return "kelurahan";
  }
  return "provinsi";
}

std::optional<AreaLevel> ParseLevel(std::string_view name) {
  for (AreaLevel l : {AreaLevel::kProvinsi, AreaLevel::kKabKota, AreaLevel::kKecamatan,
                      AreaLevel::kKelurahan}) {
    if (LevelName(l) == name) return l;
  }
  return std::nullopt;
}

std::optional<AreaLevel> LevelOfCode(std::string_view code) {
  size_t segment = 0;
  while (true) {
    if (segment >= kSegmentDigits.size()) return std::nullopt;
    const size_t dot = code.find('.');
    const std::string_view part = code.substr(0, dot);
    if (part.size() != kSegmentDigits[segment] || !AllDigits(part)) return std::nullopt;
    if (dot == std::string_view::npos) return static_cast<AreaLevel>(segment + 1);
    code.remove_prefix(dot + 1);
    ++segment;
  }
}

std::optional<std::string> NormalizeCode(std::string_view code) {
  if (LevelOfCode(code)) return std::string(code);
  if (!AllDigits(code)) return std::nullopt;
  std::string out;
  size_t at = 0;
  for (size_t digits : kSegmentDigits) {
    if (at == code.size()) break;
    if (at + digits > code.size()) return std::nullopt;
    if (!out.empty()) out += '.';
    out += code.substr(at, digits);
    at += digits;
  }
  if (at != code.size()) return std::nullopt;
  return out;
}

std::string ParentCode(std::string_view code) {
  if (!LevelOfCode(code)) return {};
  const size_t dot = code.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(code.substr(0, dot));
}

std::string AncestorCode(std::string_view code, AreaLevel level) {
  const auto own = LevelOfCode(code);
  if (!own || static_cast<int>(*own) < static_cast<int>(level)) return {};
  std::string out(code);
  for (int l = static_cast<int>(*own); l > static_cast<int>(level); --l) out = ParentCode(out);
  return out;
}

std::string_view VillageKind(std::string_view code) {
  const size_t dot = code.rfind('.');
  if (dot != std::string_view::npos && dot + 1 < code.size() && code[dot + 1] == '2') return "desa";
  return "kelurahan";
}

}  // namespace kc::regions
