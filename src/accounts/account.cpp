#include "accounts/account.h"

namespace kc::accounts {

std::string_view ToString(UserStatus s) { return s == UserStatus::kDisabled ? "disabled" : "active"; }

std::string_view ToString(Language l) { return l == Language::kEn ? "en" : "id"; }

std::optional<Language> LanguageFromString(std::string_view s) {
  if (s == "id") return Language::kId;
  if (s == "en") return Language::kEn;
  return std::nullopt;
}

Principal User::ToPrincipal() const {
  Principal p{IdString(), {}};
  p.grants.reserve(grants.size());
  for (const StoredGrant& g : grants) p.grants.push_back(g.grant);
  return p;
}

}  // namespace kc::accounts
