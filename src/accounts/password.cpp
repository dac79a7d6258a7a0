#include "accounts/password.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "accounts/crypto_init.h"

namespace kc::accounts {
namespace {

// Very common passwords, lowercase. Deliberately short: it stops the passwords tried first in
// credential-stuffing lists and the local favourites (bismillah, sayang, indonesia); a large
// breached-password list would belong in a data file, not in code. Entries shorter than
// kMinPasswordChars are unnecessary (the length rule already rejects them).
constexpr std::array<std::string_view, 36> kCommonPasswords = {
    "password",   "password1",     "password123", "passw0rd",   "12345678",     "123456789",
    "1234567890", "12341234",      "87654321",    "11223344",   "12344321",     "qwerty123",
    "qwertyuiop", "qwerty12345",   "1q2w3e4r",    "1qaz2wsx",   "asdfghjkl",    "abc12345",
    "abcd1234",   "iloveyou",      "indonesia",   "indonesia1", "indonesia123", "indonesiaraya",
    "bismillah",  "bismillah123",  "sayangku",    "sayang123",  "rahasia123",   "katasandi",
    "admin123",   "administrator", "kotacerdas",  "smartcity",  "merdeka45",    "selamatdatang",
};

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

// Decodes UTF-8 into code points; nullopt if malformed (overlong forms, surrogates, values above
// U+10FFFF and truncated sequences are rejected).
std::optional<std::vector<char32_t>> DecodeUtf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 < 0x80) {
      len = 1, cp = b0;
    } else if ((b0 & 0xE0) == 0xC0) {
      len = 2, cp = b0 & 0x1Fu, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
      len = 3, cp = b0 & 0x0Fu, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
      len = 4, cp = b0 & 0x07u, min = 0x10000;
    } else {
      return std::nullopt;
    }
    if (i + len > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    out.push_back(cp);
    i += len;
  }
  return out;
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) {
    return InvalidArgument({"Kata sandi terlalu panjang.", "The password is too long."});
  }
  EnsureSodiumInitialized();
  std::string out(crypto_pwhash_STRBYTES, '\0');
  if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    // The only documented failure is the allocation of the memlimit-sized work area.
    return Internal("crypto_pwhash_str: out of memory");
  }
  out.resize(out.find('\0'));
  return out;
}

bool VerifyPassword(std::string_view password, std::string_view stored_hash) {
  // Longer inputs cannot have been hashed (HashPassword refuses them); rejecting them early also
  // bounds the work an unauthenticated request can cause.
  if (password.size() > kMaxPasswordBytes) return false;
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  EnsureSodiumInitialized();
  // crypto_pwhash_str_verify wants a NUL-terminated string of at most STRBYTES bytes.
  std::array<char, crypto_pwhash_STRBYTES> str{};
  std::copy(stored_hash.begin(), stored_hash.end(), str.begin());
  return crypto_pwhash_str_verify(str.data(), password.data(), password.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view stored_hash) {
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return true;
  EnsureSodiumInitialized();
  std::array<char, crypto_pwhash_STRBYTES> str{};
  std::copy(stored_hash.begin(), stored_hash.end(), str.begin());
  // 0: current parameters; 1: other parameters; -1: not an argon2id string at all.
  return crypto_pwhash_str_needs_rehash(str.data(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

Status ValidatePassword(std::string_view password, std::string_view user_identifier) {
  Validation v;
  const auto code_points = DecodeUtf8(password);
  if (!code_points) {
    v.Add("password", {"Kata sandi berisi karakter yang tidak valid.",
                       "The password contains invalid characters."});
    return std::move(v).ToError();
  }
  if (code_points->size() < kMinPasswordChars) {
    v.Add("password",
          {"Kata sandi minimal 8 karakter.", "The password must be at least 8 characters long."});
  }
  if (password.size() > kMaxPasswordBytes) {
    v.Add("password",
          {"Kata sandi maksimal 128 byte.", "The password must be at most 128 bytes long."});
  }
  if (!code_points->empty() && std::all_of(code_points->begin(), code_points->end(),
                                           [&](char32_t c) { return c == code_points->front(); })) {
    v.Add("password", {"Kata sandi tidak boleh berupa satu karakter yang diulang.",
                       "The password must not be a single repeated character."});
  }
  const std::string lower = AsciiLower(password);
  if (std::find(kCommonPasswords.begin(), kCommonPasswords.end(), lower) !=
      kCommonPasswords.end()) {
    v.Add("password", {"Kata sandi terlalu umum dan mudah ditebak.",
                       "The password is too common and easy to guess."});
  }
  if (!user_identifier.empty() && lower == AsciiLower(user_identifier)) {
    v.Add("password", {"Kata sandi tidak boleh sama dengan email atau nomor telepon.",
                       "The password must not be the same as your email or phone number."});
  }
  if (!v.ok()) return std::move(v).ToError();
  return Ok();
}

}  // namespace kc::accounts
