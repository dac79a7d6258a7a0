#include "accounts/crypto_init.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace kc::accounts {

void EnsureSodiumInitialized() {
  // A function-local static is initialised once, thread-safely ([stmt.dcl]/4). sodium_init()
  // is itself idempotent (returns 1 when already initialised), so another library calling it
  // too is harmless.
  static const bool initialized = [] {
    if (sodium_init() < 0) {
      std::fputs("kotacerdas: libsodium initialisation failed (no usable random source)\n", stderr);
      std::abort();
    }
    return true;
  }();
  (void)initialized;
}

}  // namespace kc::accounts
