// Normalisation of the contact details users sign in with: Indonesian mobile numbers and email
// addresses. Both return the one canonical form that is stored and compared, so
// "0812-3456-7890" and "+62 812 3456 7890" are the same account. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kc::accounts {

// Digits after +62 in a mobile number (national significant number): Telkomsel, Indosat,
// XL, Smartfren and others issue 9 to 12 digits starting with 8 (0812-345-678 .. 0812-3456-78901).
inline constexpr std::size_t kMinMobileDigits = 9;
inline constexpr std::size_t kMaxMobileDigits = 12;
inline constexpr std::size_t kMaxEmailBytes = 254;      // RFC 5321 path limit minus <>
inline constexpr std::size_t kMaxEmailLocalBytes = 64;  // RFC 5321 local-part limit

// Normalises an Indonesian mobile number to E.164, e.g. "+6281234567890".
// Accepts the common ways people write it: "0812-3456-7890", "+62 812 3456 7890",
// "62812...", "812...", "(0812) 3456.7890", "+62 (0)812 ..." — spaces, hyphens, dots and
// parentheses are ignored, one leading '+' is allowed only before 62.
// Errors (kInvalidArgument, slug "invalid_phone", bilingual message saying which rule):
// empty; characters other than digits and separators; another country code; a number not
// starting with 8 after the country code (a landline such as 021-555-1234, or a typo); fewer
// than kMinMobileDigits or more than kMaxMobileDigits digits after +62.
Result<std::string> NormalizePhone(std::string_view input);

// Validates and normalises an email address (pragmatic, not full RFC 5322): surrounding
// whitespace trimmed; exactly one '@'; a local part of 1..64 bytes of letters, digits and
// !#$%&'*+/=?^_`{|}~.- without a leading, trailing or doubled dot; a domain of at least two
// dot-separated labels of 1..63 letters, digits or hyphens, not starting or ending with a
// hyphen, with a top-level label that is not all digits; at most 254 bytes in all. The domain
// is lowercased; the local part keeps its case (it is case-sensitive in principle).
// Errors: kInvalidArgument, slug "invalid_email", bilingual message saying which rule.
Result<std::string> NormalizeEmail(std::string_view input);

}  // namespace kc::accounts
