// Fast non-cryptographic randomness for ids that need uniqueness, not secrecy (request ids).
// Secrets (session tokens, API keys) come from libsodium in accounts/.
#pragma once

#include <cstdint>
#include <string>

namespace kc {

// A per-thread xoshiro-style generator seeded from std::random_device. Thread-safe.
uint64_t FastRandom64();

// 16 lowercase hex characters, e.g. a request id.
std::string RandomHexId();

}  // namespace kc
