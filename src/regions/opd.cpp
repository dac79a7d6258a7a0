#include "regions/opd.h"

#include <array>
#include <utility>

namespace kc::regions {
namespace {

constexpr std::array<std::pair<OpdType, std::string_view>, 7> kNames = {{
    {OpdType::kDinas, "dinas"},
    {OpdType::kBadan, "badan"},
    {OpdType::kKantor, "kantor"},
    {OpdType::kKecamatan, "kecamatan"},
    {OpdType::kKelurahan, "kelurahan"},
    {OpdType::kSekretariat, "sekretariat"},
    {OpdType::kOther, "other"},
}};

}  // namespace

std::string_view OpdTypeName(OpdType type) {
  for (const auto& [t, name] : kNames) {
    if (t == type) return name;
  }
  return "other";
}

std::optional<OpdType> ParseOpdType(std::string_view name) {
  for (const auto& [t, n] : kNames) {
    if (n == name) return t;
  }
  return std::nullopt;
}

}  // namespace kc::regions
