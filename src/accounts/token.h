// Opaque secrets: session tokens, API keys, CSRF tokens and numeric verification codes.
//
// Rule: the database stores only HashToken(secret), never a secret itself, so a leaked table
// does not yield usable sessions or keys. Lookups go by hash; comparisons of secrets or hashes
// that an attacker can influence use ConstantTimeEquals. All functions are thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kc::accounts {

inline constexpr std::string_view kSessionTokenPrefix = "kc_sess_";
inline constexpr std::string_view kApiKeyPrefix = "kc_key_";
// Also used for password-reset and invitation links.
inline constexpr std::string_view kLinkTokenPrefix = "kc_link_";

// 256 bits: unguessable even with many live tokens and an attacker with a large budget.
inline constexpr std::size_t kTokenSecretBytes = 32;
// Unpadded URL-safe base64 of kTokenSecretBytes bytes.
inline constexpr std::size_t kTokenSecretChars = 43;

// `prefix` followed by kTokenSecretBytes random bytes (libsodium randombytes_buf) as unpadded
// URL-safe base64 (alphabet A-Z a-z 0-9 - _), e.g. "kc_sess_3q2-7wX...". The prefix names the
// kind of secret so leaked keys are recognisable (secret scanners) and a session token is never
// accepted as an API key.
std::string NewToken(std::string_view prefix = {});

// True iff `token` is `prefix` followed by exactly kTokenSecretChars base64url characters.
// Lets a route reject garbage before hashing and looking it up.
bool HasTokenShape(std::string_view token, std::string_view prefix);

// Lowercase hex SHA-256 of `token` (64 characters): the form stored and looked up. A plain
// hash (no salt, no slow KDF) is right here because tokens are 256-bit random values.
std::string HashToken(std::string_view token);

// Constant-time equality for secrets (time depends only on the lengths, which are public).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// A server-side 32-byte key, e.g. for CSRF tokens. Wiped from memory on destruction.
class SecretKey {
 public:
  static constexpr std::size_t kBytes = 32;

  // A fresh random key (tests, or a single-process deployment without configured secret).
  static SecretKey Generate();
  // Parses 64 hex characters (how the key appears in configuration).
  // Errors: kInvalidArgument if `hex` is not exactly 64 hex digits.
  static Result<SecretKey> FromHex(std::string_view hex);

  SecretKey(const SecretKey&) = default;
  SecretKey& operator=(const SecretKey&) = default;
  ~SecretKey();

  const std::array<unsigned char, kBytes>& bytes() const { return bytes_; }

 private:
  SecretKey() = default;
  std::array<unsigned char, kBytes> bytes_{};
};

// The CSRF token of a session: lowercase hex HMAC-SHA256 (crypto_auth_hmacsha256) of
// `session_id` under `key`, with a fixed context label so the key can serve other MACs
// without confusion. Deterministic: the same session always gets the same token, so nothing
// extra is stored; a token from one session is useless in another. `session_id` should be a
// stable server-side id of the session (e.g. its stored token hash), not a user id.
std::string CsrfToken(const SecretKey& key, std::string_view session_id);

// True iff `token` equals CsrfToken(key, session_id), compared in constant time. An empty
// session id never verifies.
bool VerifyCsrfToken(const SecretKey& key, std::string_view session_id, std::string_view token);

// A uniformly random numeric code of `digits` decimal digits, leading zeros kept
// ("004217"), for phone/email verification and password reset. `digits` is clamped to 4..9.
// A 6-digit code has only 10^6 values: it must expire within minutes, allow a handful of
// attempts (accounts/rate_limit.h) and be stored as HashToken(code) bound to one user.
std::string NewNumericCode(int digits = 6);

}  // namespace kc::accounts
