#include "accounts/token.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

namespace kc::accounts {
namespace {

constexpr std::string_view kTestKeyHex =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

TEST(Token, NewTokenHasPrefixShapeAndIsUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string t = NewToken(kSessionTokenPrefix);
    ASSERT_TRUE(HasTokenShape(t, kSessionTokenPrefix)) << t;
    EXPECT_EQ(t.size(), kSessionTokenPrefix.size() + kTokenSecretChars);
    EXPECT_EQ(t.find_first_of("+/="), std::string::npos) << t;  // URL-safe, unpadded
    seen.insert(std::move(t));
  }
  EXPECT_EQ(seen.size(), 1000U);
  EXPECT_EQ(NewToken().size(), kTokenSecretChars);
}

TEST(Token, HasTokenShapeRejectsOtherKindsAndGarbage) {
  const std::string api_key = NewToken(kApiKeyPrefix);
  EXPECT_TRUE(HasTokenShape(api_key, kApiKeyPrefix));
  EXPECT_FALSE(HasTokenShape(api_key, kSessionTokenPrefix));
  EXPECT_FALSE(HasTokenShape(api_key.substr(0, api_key.size() - 1), kApiKeyPrefix));
  EXPECT_FALSE(HasTokenShape(api_key + "A", kApiKeyPrefix));
  std::string tampered = api_key;
  tampered.back() = '=';
  EXPECT_FALSE(HasTokenShape(tampered, kApiKeyPrefix));
  EXPECT_FALSE(HasTokenShape("", kApiKeyPrefix));
}

TEST(Token, HashTokenIsHexSha256) {
  // FIPS 180-2 test vectors.
  EXPECT_EQ(HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(HashToken(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const std::string t = NewToken(kSessionTokenPrefix);
  EXPECT_EQ(HashToken(t), HashToken(t));
  EXPECT_NE(HashToken(t), HashToken(NewToken(kSessionTokenPrefix)));
  EXPECT_EQ(HashToken(t).find(t.substr(kSessionTokenPrefix.size())), std::string::npos);
}

TEST(Token, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("kc_sess_abc", "kc_sess_abc"));
  EXPECT_FALSE(ConstantTimeEquals("kc_sess_abc", "kc_sess_abd"));
  EXPECT_FALSE(ConstantTimeEquals("kc_sess_abc", "kc_sess_ab"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
}

TEST(Token, SecretKeyFromHex) {
  EXPECT_TRUE(SecretKey::FromHex(kTestKeyHex).ok());
  EXPECT_TRUE(SecretKey::FromHex(std::string(64, 'F')).ok());
  for (const std::string& bad :
       {std::string(), std::string(63, 'a'), std::string(66, 'a'), std::string(62, 'a') + "zz"}) {
    Result<SecretKey> k = SecretKey::FromHex(bad);
    ASSERT_FALSE(k.ok()) << bad;
    EXPECT_EQ(k.error().code, ErrorCode::kInvalidArgument);
  }
  Result<SecretKey> k = SecretKey::FromHex(kTestKeyHex);
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->bytes()[0], 0x00);
  EXPECT_EQ(k->bytes()[31], 0x1f);
}

TEST(Csrf, IsHmacOfSessionIdUnderTheServerKey) {
  Result<SecretKey> key = SecretKey::FromHex(kTestKeyHex);
  ASSERT_TRUE(key.ok());
  // Pinned: HMAC-SHA256(key, "kc-csrf-v1\0" + session id), computed independently with Python's
  // hmac module. Changing the construction invalidates every open form; do it deliberately.
  EXPECT_EQ(CsrfToken(*key, "session-123"),
            "24176b8dc8dd2a54f2641ad965f4ae10c9f5aea05cb50bc1697608d0a7f4751b");
}

TEST(Csrf, VerifiesOnlyTheRightSessionAndKey) {
  const SecretKey key = SecretKey::Generate();
  const SecretKey other_key = SecretKey::Generate();
  const std::string session = HashToken(NewToken(kSessionTokenPrefix));
  const std::string token = CsrfToken(key, session);
  EXPECT_EQ(token.size(), 64U);
  EXPECT_EQ(token, CsrfToken(key, session));  // deterministic per session
  EXPECT_TRUE(VerifyCsrfToken(key, session, token));

  EXPECT_FALSE(VerifyCsrfToken(other_key, session, token));
  EXPECT_FALSE(VerifyCsrfToken(key, HashToken(NewToken(kSessionTokenPrefix)), token));
  EXPECT_FALSE(VerifyCsrfToken(key, session, ""));
  EXPECT_FALSE(VerifyCsrfToken(key, session, token.substr(0, 63)));
  EXPECT_FALSE(VerifyCsrfToken(key, session, token + "0"));
  for (std::size_t i : {std::size_t{0}, std::size_t{31}, std::size_t{63}}) {
    std::string tampered = token;
    tampered[i] = tampered[i] == '0' ? '1' : '0';
    EXPECT_FALSE(VerifyCsrfToken(key, session, tampered)) << i;
  }
  EXPECT_FALSE(VerifyCsrfToken(key, "", CsrfToken(key, "")));
}

TEST(NumericCode, SixUniformDigitsWithLeadingZeros) {
  std::vector<int> first_digit(10, 0);
  std::set<std::string> seen;
  for (int i = 0; i < 3000; ++i) {
    const std::string code = NewNumericCode();
    ASSERT_EQ(code.size(), 6U);
    ASSERT_EQ(code.find_first_not_of("0123456789"), std::string::npos) << code;
    ++first_digit[static_cast<std::size_t>(code[0] - '0')];
    seen.insert(code);
  }
  // Each leading digit is expected ~300 times; 150 is > 8 standard deviations below, so a
  // failure means bias or lost leading zeros, not bad luck.
  for (int d = 0; d < 10; ++d) EXPECT_GT(first_digit[static_cast<std::size_t>(d)], 150) << d;
  EXPECT_GT(seen.size(), 2900U);  // ~4.5 collisions expected among 3000 of 10^6
  EXPECT_EQ(NewNumericCode(8).size(), 8U);
  EXPECT_EQ(NewNumericCode(1).size(), 4U);   // clamped
  EXPECT_EQ(NewNumericCode(20).size(), 9U);  // clamped
}

TEST(Token, SafeToUseFromManyThreads) {
  std::vector<std::thread> threads;
  threads.reserve(8);
  std::vector<std::set<std::string>> per_thread(4);
  for (auto& out : per_thread) {
    threads.emplace_back([&out] {
      for (int i = 0; i < 200; ++i) out.insert(NewToken(kApiKeyPrefix));
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> all;
  for (const auto& s : per_thread) all.insert(s.begin(), s.end());
  EXPECT_EQ(all.size(), 800U);
}

}  // namespace
}  // namespace kc::accounts
