// Reference data of the Masterplan Smart City, the same for every region (PRODUCT.md section 2):
// the six dimensions (pilar) with three elements each, and the readiness aspects Struktur,
// Infrastruktur and Suprastruktur with three sub-aspects each. Keys are stable ASCII slugs
// used in storage and the API; names are what the Bimtek books print. Pure and thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace kc::masterplan {

struct Named {
  std::string_view key;      // "layanan_publik"
  std::string_view name_id;  // "Layanan Publik"
  std::string_view name_en;  // "Public Service"
};

struct Dimension {
  std::string_view key;  // "governance"
  std::string_view name;  // "Smart Governance" (the programme uses the English name in both)
  std::array<Named, 3> elements;
};

struct ReadinessAspect {
  Named aspect;  // "struktur"
  std::array<Named, 3> sub_aspects;
};

inline constexpr int kDimensionCount = 6;
inline constexpr int kElementsPerDimension = 3;
inline constexpr int kAspectCount = 3;
inline constexpr int kSubAspectsPerAspect = 3;

// The six dimensions in the programme's order (governance, branding, economy, living, society,
// environment).
const std::array<Dimension, kDimensionCount>& Dimensions();
// Struktur, Infrastruktur, Suprastruktur.
const std::array<ReadinessAspect, kAspectCount>& ReadinessAspects();

// Lookups by key; nullptr / nullopt when unknown.
const Dimension* FindDimension(std::string_view key);
// True when `element` is one of `dimension`'s elements.
bool IsElementOf(std::string_view dimension, std::string_view element);
const ReadinessAspect* FindAspect(std::string_view key);
bool IsSubAspectOf(std::string_view aspect, std::string_view sub_aspect);

// "governance, branding, economy, living, society, environment" (for error messages).
std::string_view DimensionKeysText();

}  // namespace kc::masterplan
