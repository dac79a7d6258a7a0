// Cost of argon2id hashing as kotacerdas configures it (accounts/password.h): milliseconds per
// HashPassword and per VerifyPassword on one thread, and hashes per second with N threads.
// Prints `name: value unit` lines. Usage: password_hash_bench [iterations] [threads]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "accounts/password.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

}  // namespace

int main(int argc, char** argv) {
  const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
  const int threads = argc > 2 ? std::max(1, std::atoi(argv[2]))
                               : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  auto hash = kc::accounts::HashPassword("Bench-Sandi-2026");
  if (!hash.ok()) return 1;

  std::vector<double> h, v;
  for (int i = 0; i < iterations; ++i) {
    auto t0 = Clock::now();
    auto r = kc::accounts::HashPassword("Bench-Sandi-2026");
    auto t1 = Clock::now();
    const bool ok = kc::accounts::VerifyPassword("Bench-Sandi-2026", *hash);
    auto t2 = Clock::now();
    if (!r.ok() || !ok) return 1;
    h.push_back(Ms(t1 - t0));
    v.push_back(Ms(t2 - t1));
  }
  std::sort(h.begin(), h.end());
  std::sort(v.begin(), v.end());
  std::printf("argon2id_hash_median: %.1f ms\n", h[h.size() / 2]);
  std::printf("argon2id_verify_median: %.1f ms\n", v[v.size() / 2]);

  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (int i = 0; i < iterations; ++i) (void)kc::accounts::VerifyPassword("Bench-Sandi-2026", *hash);
    });
  }
  for (auto& t : pool) t.join();
  const double secs = Ms(Clock::now() - start) / 1000.0;
  std::printf("argon2id_verify_throughput_%dthreads: %.1f verifications/s\n", threads,
              threads * iterations / secs);
  return 0;
}
