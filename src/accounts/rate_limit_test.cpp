#include "accounts/rate_limit.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace kc::accounts {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

const TimePoint kT0 = FromMillis(1'790'000'000'000);  // an arbitrary fixed instant

TEST(RateLimiter, BurstThenOnePerInterval) {
  RateLimiter limiter({.burst = 3, .interval = seconds(10), .max_keys = 100});
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Check("10.0.0.1", kT0).allowed) << i;
  RateDecision d = limiter.Check("10.0.0.1", kT0);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.retry_after, seconds(10));
  // Rejected requests do not consume anything: still 10 s from the start.
  EXPECT_EQ(limiter.Check("10.0.0.1", kT0 + seconds(1)).retry_after, seconds(9));
  EXPECT_EQ(limiter.Check("10.0.0.1", kT0 + milliseconds(9'001)).retry_after, seconds(1));
  // Exactly when advertised, one request is allowed, and then none until the next interval.
  EXPECT_TRUE(limiter.Check("10.0.0.1", kT0 + seconds(10)).allowed);
  EXPECT_FALSE(limiter.Check("10.0.0.1", kT0 + seconds(10)).allowed);
  // Keys are independent.
  EXPECT_TRUE(limiter.Check("10.0.0.2", kT0).allowed);
  // After a long quiet time the full burst is back, not more.
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Check("10.0.0.1", kT0 + hours(1)).allowed);
  EXPECT_FALSE(limiter.Check("10.0.0.1", kT0 + hours(1)).allowed);
}

TEST(RateLimiter, SustainedRateIsOnePerInterval) {
  RateLimiter limiter({.burst = 5, .interval = seconds(1), .max_keys = 10});
  int allowed = 0;
  // 10 requests a second for a minute: the burst of 5 in the first half second, then one at
  // each whole second from 1 s to 59 s.
  for (int ms = 0; ms < 60'000; ms += 100) {
    if (limiter.Check("k", kT0 + milliseconds(ms)).allowed) ++allowed;
  }
  EXPECT_EQ(allowed, 5 + 59);
}

TEST(RateLimiter, ClockGoingBackwardsNeitherCrashesNorGrantsExtra) {
  RateLimiter limiter({.burst = 2, .interval = seconds(10), .max_keys = 10});
  EXPECT_TRUE(limiter.Check("k", kT0).allowed);
  EXPECT_TRUE(limiter.Check("k", kT0).allowed);
  EXPECT_FALSE(limiter.Check("k", kT0 - seconds(30)).allowed);
  EXPECT_GE(limiter.Check("k", kT0 - seconds(30)).retry_after, seconds(40));
}

TEST(RateLimiter, MemoryIsBoundedAndHotKeysSurviveAFlood) {
  RateLimiter limiter({.burst = 2, .interval = minutes(1), .max_keys = 100});
  ASSERT_TRUE(limiter.Check("attacker", kT0).allowed);
  ASSERT_TRUE(limiter.Check("attacker", kT0).allowed);
  ASSERT_FALSE(limiter.Check("attacker", kT0).allowed);
  // Thousands of one-off keys (spoofed or rotating IPs) within the same second.
  for (int i = 0; i < 5000; ++i) {
    EXPECT_TRUE(limiter.Check("ip-" + std::to_string(i), kT0 + milliseconds(i / 10)).allowed);
    ASSERT_LE(limiter.size(), 100U);
  }
  // The exhausted key had the furthest-ahead bucket, so it was never the one evicted.
  EXPECT_FALSE(limiter.Check("attacker", kT0 + seconds(1)).allowed);
  // Once their buckets are full again, old keys are swept rather than evicting live ones.
  for (int i = 0; i < 200; ++i) limiter.Check("later-" + std::to_string(i), kT0 + hours(1));
  EXPECT_LE(limiter.size(), 100U);
}

TEST(RateLimiter, ExactlyBurstAllowedUnderContention) {
  RateLimiter limiter({.burst = 50, .interval = hours(1), .max_keys = 10});
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        if (limiter.Check("shared", kT0).allowed) allowed.fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(allowed.load(), 50);
}

FailureLockout::Options LoginOptions() {
  return {.max_failures = 5,
          .first_lockout = minutes(15),
          .max_lockout = hours(2),
          .forget_after = hours(24),
          .max_keys = 1000};
}

// Fails `n` times at `t`; returns the decision after the last failure.
RateDecision FailTimes(FailureLockout& lockout, std::string_view key, int n, TimePoint t) {
  RateDecision last;
  for (int i = 0; i < n; ++i) last = lockout.RecordFailure(key, t);
  return last;
}

TEST(FailureLockout, FiveFailuresLockForFifteenMinutesThenDouble) {
  FailureLockout lockout(LoginOptions());
  const std::string key = "warga@manado.go.id";
  EXPECT_TRUE(FailTimes(lockout, key, 4, kT0).allowed);
  EXPECT_TRUE(lockout.Check(key, kT0).allowed);
  RateDecision d = lockout.RecordFailure(key, kT0);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.retry_after, minutes(15));
  EXPECT_EQ(lockout.Check(key, kT0 + minutes(5)).retry_after, minutes(10));
  EXPECT_TRUE(lockout.Check("someone-else", kT0).allowed);

  TimePoint t = kT0 + minutes(15);
  EXPECT_TRUE(lockout.Check(key, t).allowed);
  // The counter restarted: four more failures are tolerated, the fifth locks for twice as long.
  EXPECT_TRUE(FailTimes(lockout, key, 4, t).allowed);
  EXPECT_EQ(lockout.RecordFailure(key, t).retry_after, minutes(30));
  t += minutes(30);
  EXPECT_EQ(FailTimes(lockout, key, 5, t).retry_after, minutes(60));
  t += minutes(60);
  EXPECT_EQ(FailTimes(lockout, key, 5, t).retry_after, hours(2));  // capped
  t += hours(2);
  EXPECT_EQ(FailTimes(lockout, key, 5, t).retry_after, hours(2));
}

TEST(FailureLockout, FailuresWhileLockedAreNotCountedAndDoNotExtend) {
  FailureLockout lockout(LoginOptions());
  FailTimes(lockout, "k", 5, kT0);
  for (int i = 0; i < 20; ++i) {
    EXPECT_FALSE(lockout.RecordFailure("k", kT0 + minutes(1)).allowed);
  }
  EXPECT_TRUE(lockout.Check("k", kT0 + minutes(15)).allowed);
  EXPECT_TRUE(lockout.RecordFailure("k", kT0 + minutes(15)).allowed);  // 1st of the next round
}

TEST(FailureLockout, SuccessResetsEverything) {
  FailureLockout lockout(LoginOptions());
  FailTimes(lockout, "k", 5, kT0);  // lockout 1
  FailTimes(lockout, "k", 4, kT0 + minutes(15));
  lockout.RecordSuccess("k");
  EXPECT_EQ(lockout.size(), 0U);
  const TimePoint t = kT0 + minutes(16);
  EXPECT_TRUE(FailTimes(lockout, "k", 4, t).allowed);                 // the count restarted at zero
  EXPECT_EQ(lockout.RecordFailure("k", t).retry_after, minutes(15));  // and so did the doubling
}

TEST(FailureLockout, QuietDayForgetsFailuresAndDoubling) {
  FailureLockout lockout(LoginOptions());
  FailTimes(lockout, "k", 5, kT0);
  FailTimes(lockout, "k", 4, kT0 + minutes(15));
  const TimePoint t = kT0 + minutes(15) + hours(24);
  EXPECT_TRUE(FailTimes(lockout, "k", 4, t).allowed);
  EXPECT_EQ(lockout.RecordFailure("k", t).retry_after, minutes(15));
}

TEST(FailureLockout, FloodOfNewKeysDoesNotUnlockAnAccount) {
  auto options = LoginOptions();
  options.max_keys = 50;
  FailureLockout lockout(options);
  FailTimes(lockout, "victim-or-attacker", 5, kT0);
  for (int i = 0; i < 2000; ++i) {
    lockout.RecordFailure("noise-" + std::to_string(i), kT0 + milliseconds(i));
    ASSERT_LE(lockout.size(), 50U);
  }
  EXPECT_FALSE(lockout.Check("victim-or-attacker", kT0 + minutes(1)).allowed);
}

TEST(FailureLockout, SafeUnderContention) {
  FailureLockout lockout(LoginOptions());
  std::vector<std::thread> threads;
  threads.reserve(8);
  std::atomic<int> locks{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 250; ++i) {
        const RateDecision d = lockout.RecordFailure("shared", kT0);
        if (!d.allowed && d.retry_after == minutes(15)) locks.fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_FALSE(lockout.Check("shared", kT0).allowed);
  EXPECT_EQ(locks.load(), 996);  // 4 allowed failures, then every call sees the same lock
}

}  // namespace
}  // namespace kc::accounts
