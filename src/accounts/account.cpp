#include "accounts/account.h"

#include "accounts/contact.h"
#include "accounts/password.h"
#include "http/json_body.h"
#include "http/request.h"

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

Status ValidateNewAccount(std::string_view name, std::string& email, std::string& phone,
                          std::string_view password) {
  Validation v;
  if (name.empty() || http::Utf8Length(name) > kMaxNameChars || !http::IsValidUtf8(name)) {
    v.Add("name", {"Nama wajib diisi (maksimal 120 karakter).", "Name is required (at most 120 characters)."});
  }
  if (email.empty() && phone.empty()) {
    v.Add("email", {"Isi email atau nomor telepon.", "Give an email address or a phone number."});
  }
  if (!email.empty()) {
    auto e = NormalizeEmail(email);
    if (e.ok()) email = *e; else v.Add("email", e.error().message);
  }
  if (!phone.empty()) {
    auto p = NormalizePhone(phone);
    if (p.ok()) phone = *p; else v.Add("phone", p.error().message);
  }
  if (auto st = ValidatePassword(password, email.empty() ? phone : email); !st.ok()) {
    for (const auto& d : st.error().details) v.Add(d.field, d.message);
  }
  if (!v.ok()) return std::move(v).ToError();
  return Ok();
}

}  // namespace kc::accounts
