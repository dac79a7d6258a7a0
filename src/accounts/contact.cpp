#include "accounts/contact.h"

#include <algorithm>
#include <cctype>

namespace kc::accounts {
namespace {

constexpr std::string_view kCountryCode = "62";

Error PhoneError(Text message) {
  return {ErrorCode::kInvalidArgument, std::move(message), "invalid_phone"};
}

Error EmailError(Text message) {
  return {ErrorCode::kInvalidArgument, std::move(message), "invalid_email"};
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsLocalPartChar(char c) {
  static constexpr std::string_view kSpecials = "!#$%&'*+/=?^_`{|}~.-";
  return IsAsciiAlpha(c) || IsDigit(c) || kSpecials.find(c) != std::string_view::npos;
}

std::string_view Trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::string> NormalizePhone(std::string_view input) {
  input = Trim(input);
  if (input.empty()) {
    return PhoneError({"Nomor telepon wajib diisi.", "A phone number is required."});
  }
  bool plus = false;
  if (input.front() == '+') {
    plus = true;
    input.remove_prefix(1);
  }
  std::string digits;
  for (char c : input) {
    if (IsDigit(c)) {
      digits.push_back(c);
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return PhoneError(
          {"Nomor telepon hanya boleh berisi angka.", "A phone number may contain digits only."});
    }
  }
  if (digits.empty()) {
    return PhoneError({"Nomor telepon terlalu pendek.", "The phone number is too short."});
  }
  // Strip the country code or the trunk prefix 0 to get the national significant number.
  std::string_view nsn = digits;
  if (nsn.starts_with(kCountryCode)) {
    nsn.remove_prefix(kCountryCode.size());
    // "+62 (0)812...": a trunk 0 written after the country code by habit.
    if (nsn.starts_with('0')) nsn.remove_prefix(1);
  } else if (plus) {
    return PhoneError({"Hanya nomor Indonesia (+62) yang didukung.",
                       "Only Indonesian (+62) numbers are supported."});
  } else if (nsn.starts_with('0')) {
    nsn.remove_prefix(1);
  }
  if (nsn.empty()) {
    return PhoneError({"Nomor telepon terlalu pendek.", "The phone number is too short."});
  }
  if (nsn.front() != '8') {
    return PhoneError(
        {"Gunakan nomor ponsel (diawali 08 atau +628), bukan nomor telepon rumah "
         "atau kantor.",
         "Use a mobile number (starting with 08 or +628), not a landline."});
  }
  if (nsn.size() < kMinMobileDigits) {
    return PhoneError({"Nomor telepon terlalu pendek.", "The phone number is too short."});
  }
  if (nsn.size() > kMaxMobileDigits) {
    return PhoneError({"Nomor telepon terlalu panjang.", "The phone number is too long."});
  }
  std::string e164 = "+";
  e164 += kCountryCode;
  e164 += nsn;
  return e164;
}

Result<std::string> NormalizeEmail(std::string_view input) {
  input = Trim(input);
  if (input.empty()) {
    return EmailError({"Alamat email wajib diisi.", "An email address is required."});
  }
  if (input.size() > kMaxEmailBytes) {
    return EmailError({"Alamat email terlalu panjang.", "The email address is too long."});
  }
  const std::size_t at = input.find('@');
  if (at == std::string_view::npos || input.find('@', at + 1) != std::string_view::npos) {
    return EmailError({"Alamat email harus berisi tepat satu tanda @.",
                       "An email address must contain exactly one @."});
  }
  const std::string_view local = input.substr(0, at);
  const std::string_view domain = input.substr(at + 1);
  if (local.empty() || local.size() > kMaxEmailLocalBytes) {
    return EmailError({"Bagian sebelum @ harus 1 sampai 64 karakter.",
                       "The part before @ must be 1 to 64 characters long."});
  }
  if (!std::all_of(local.begin(), local.end(), IsLocalPartChar) || local.front() == '.' ||
      local.back() == '.' || local.find("..") != std::string_view::npos) {
    return EmailError({"Bagian sebelum @ berisi karakter yang tidak valid.",
                       "The part before @ contains invalid characters."});
  }
  const Error bad_domain =
      EmailError({"Domain email tidak valid (contoh: nama@manadokota.go.id).",
                  "The email domain is not valid (e.g. name@manadokota.go.id)."});
  if (domain.find('.') == std::string_view::npos) return bad_domain;
  std::string normalized_domain;
  normalized_domain.reserve(domain.size());
  std::string_view rest = domain;
  std::string_view label;
  while (true) {
    const std::size_t dot = rest.find('.');
    label = rest.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return bad_domain;
    }
    for (char c : label) {
      if (!IsAsciiAlpha(c) && !IsDigit(c) && c != '-') return bad_domain;
      normalized_domain.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (dot == std::string_view::npos) break;
    normalized_domain.push_back('.');
    rest.remove_prefix(dot + 1);
  }
  // The last label is the TLD; all digits means an IP address or a typo.
  if (std::all_of(label.begin(), label.end(), IsDigit)) return bad_domain;
  std::string out(local);
  out += '@';
  out += normalized_domain;
  return out;
}

}  // namespace kc::accounts
