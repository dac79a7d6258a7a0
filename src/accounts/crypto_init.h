// One-time libsodium initialisation shared by the accounts building blocks.
#pragma once

namespace kc::accounts {

// Initialises libsodium exactly once per process. Thread-safe and cheap after the first call;
// every function in accounts/ that uses libsodium calls it, so callers need not. libsodium
// only fails to initialise when the system random source is unusable; that is an environment
// failure at start, so the process prints a message to stderr and aborts (docs/error-policy.md:
// bad environment ends the process at start rather than issuing predictable secrets).
void EnsureSodiumInitialized();

}  // namespace kc::accounts
