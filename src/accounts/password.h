// Password hashing (argon2id via libsodium) and the password policy.
//
// Only the encoded hash returned by HashPassword is stored; it embeds the algorithm, its
// parameters and a random salt ("$argon2id$v=19$m=65536,t=2,p=1$..."), so hashes made with
// older parameters keep verifying and are upgraded on the next successful login
// (PasswordNeedsRehash).
//
// Cost: one hash or verification takes one core for ~100-200 ms and 64 MiB of memory
// (libsodium's INTERACTIVE limits: opslimit 2, memlimit 64 MiB; measured on the 2-core dev VM).
// Callers on an I/O thread must hand it to a worker pool, and login routes must be rate-limited
// (accounts/rate_limit.h) before reaching it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kc::accounts {

// Policy limits. Length is counted in characters (UTF-8 code points) for the minimum, so
// "kata sandi" in any script counts what the user typed; the maximum is in bytes to bound the
// work done per request.
inline constexpr std::size_t kMinPasswordChars = 8;
inline constexpr std::size_t kMaxPasswordBytes = 128;

// Hashes `password` with argon2id (crypto_pwhash_str, OPSLIMIT/MEMLIMIT_INTERACTIVE) and a
// fresh random salt: hashing the same password twice gives different strings. Does not apply
// the policy (call ValidatePassword first when the user chooses a password).
// Errors: kInvalidArgument if the password is longer than kMaxPasswordBytes; kInternal if
// libsodium cannot allocate the memory the hash needs. Thread-safe.
Result<std::string> HashPassword(std::string_view password);

// True iff `password` matches `stored_hash` (an encoded hash from HashPassword). A malformed or
// empty stored hash, or a password longer than kMaxPasswordBytes, gives false. The comparison
// inside libsodium is constant-time. Thread-safe.
bool VerifyPassword(std::string_view password, std::string_view stored_hash);

// True when `stored_hash` was made with other parameters or another algorithm than the current
// ones (or is unparseable): after a successful VerifyPassword the caller should store
// HashPassword(password) instead. Cheap (no hashing).
bool PasswordNeedsRehash(std::string_view stored_hash);

// Checks a newly chosen password against the policy: at least kMinPasswordChars characters,
// at most kMaxPasswordBytes bytes, valid UTF-8, not one character repeated, not in the list of
// very common passwords (case-insensitive), and not equal to `user_identifier` (the user's
// email or phone, case-insensitive; empty to skip that check).
// Returns OK or kInvalidArgument with one detail on field "password" per failed rule, messages
// in Bahasa Indonesia and English.
Status ValidatePassword(std::string_view password, std::string_view user_identifier = {});

}  // namespace kc::accounts
