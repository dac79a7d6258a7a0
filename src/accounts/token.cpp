#include "accounts/token.h"

#include <sodium.h>

#include <algorithm>
#include <cstdint>

#include "accounts/crypto_init.h"

namespace kc::accounts {
namespace {

// Domain separation: the same SecretKey may later key other MACs (signed links, ...); a label
// per purpose keeps a MAC made for one purpose from being valid for another.
constexpr std::string_view kCsrfLabel{"kc-csrf-v1\0", 11};

std::string ToHex(const unsigned char* bytes, std::size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();  // the NUL sodium_bin2hex writes
  return hex;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsBase64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

std::string NewToken(std::string_view prefix) {
  EnsureSodiumInitialized();
  std::array<unsigned char, kTokenSecretBytes> secret;
  randombytes_buf(secret.data(), secret.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  static_assert(sodium_base64_ENCODED_LEN(kTokenSecretBytes, kVariant) == kTokenSecretChars + 1);
  std::string token(prefix);
  const std::size_t offset = token.size();
  token.resize(offset + kTokenSecretChars + 1);
  sodium_bin2base64(token.data() + offset, kTokenSecretChars + 1, secret.data(), secret.size(),
                    kVariant);
  token.pop_back();  // the NUL sodium_bin2base64 writes
  sodium_memzero(secret.data(), secret.size());
  return token;
}

bool HasTokenShape(std::string_view token, std::string_view prefix) {
  if (token.size() != prefix.size() + kTokenSecretChars || !token.starts_with(prefix)) {
    return false;
  }
  const std::string_view secret = token.substr(prefix.size());
  return std::all_of(secret.begin(), secret.end(), IsBase64UrlChar);
}

std::string HashToken(std::string_view token) {
  EnsureSodiumInitialized();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size());
  return ToHex(digest.data(), digest.size());
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;  // sodium_memcmp's pointers must not be null
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SecretKey SecretKey::Generate() {
  EnsureSodiumInitialized();
  SecretKey key;
  randombytes_buf(key.bytes_.data(), key.bytes_.size());
  return key;
}

Result<SecretKey> SecretKey::FromHex(std::string_view hex) {
  if (hex.size() != kBytes * 2) {
    return InvalidArgument({"Kunci rahasia harus 64 digit heksadesimal.",
                            "The secret key must be 64 hexadecimal digits."});
  }
  SecretKey key;
  for (std::size_t i = 0; i < kBytes; ++i) {
    const int hi = HexValue(hex[2 * i]);
    const int lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) {
      return InvalidArgument({"Kunci rahasia harus 64 digit heksadesimal.",
                              "The secret key must be 64 hexadecimal digits."});
    }
    key.bytes_[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return key;
}

SecretKey::~SecretKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

std::string CsrfToken(const SecretKey& key, std::string_view session_id) {
  EnsureSodiumInitialized();
  static_assert(SecretKey::kBytes == crypto_auth_hmacsha256_KEYBYTES);
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key.bytes().data(), key.bytes().size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(kCsrfLabel.data()),
                                kCsrfLabel.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(session_id.data()),
                                session_id.size());
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac;
  crypto_auth_hmacsha256_final(&state, mac.data());
  sodium_memzero(&state, sizeof state);
  return ToHex(mac.data(), mac.size());
}

bool VerifyCsrfToken(const SecretKey& key, std::string_view session_id, std::string_view token) {
  if (session_id.empty()) return false;
  return ConstantTimeEquals(CsrfToken(key, session_id), token);
}

std::string NewNumericCode(int digits) {
  EnsureSodiumInitialized();
  digits = std::clamp(digits, 4, 9);  // 10^9 still fits randombytes_uniform's uint32_t bound
  uint32_t bound = 1;
  for (int i = 0; i < digits; ++i) bound *= 10;
  // randombytes_uniform rejects the biased tail, so every code is equally likely.
  uint32_t value = randombytes_uniform(bound);
  std::string code(static_cast<std::size_t>(digits), '0');
  for (std::size_t i = code.size(); i-- > 0;) {  // least significant digit last
    code[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return code;
}

}  // namespace kc::accounts
