#include "accounts/password.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace kc::accounts {
namespace {

// A hash with libsodium's minimum argon2id parameters: cheap to make, verifies, and counts as
// "made with other parameters" for PasswordNeedsRehash.
std::string CheapHash(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  EXPECT_EQ(crypto_pwhash_str_alg(out, password.data(), password.size(),
                                  crypto_pwhash_argon2id_OPSLIMIT_MIN, 8192,
                                  crypto_pwhash_ALG_ARGON2ID13),
            0);
  return out;
}

// The only test that pays for interactive-strength hashes (each ~tens of ms).
TEST(Password, HashVerifiesOnlyTheRightPasswordAndIsSalted) {
  const std::string password = "Manado-Tinutuan-2026";
  const auto start = std::chrono::steady_clock::now();
  Result<std::string> first = HashPassword(password);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(first.ok());
  std::printf("[ info ] one argon2id INTERACTIVE hash: %.1f ms\n",
              std::chrono::duration<double, std::milli>(elapsed).count());

  EXPECT_TRUE(first->starts_with("$argon2id$v=19$")) << *first;
  EXPECT_TRUE(VerifyPassword(password, *first));
  EXPECT_FALSE(VerifyPassword("Manado-Tinutuan-2025", *first));
  EXPECT_FALSE(PasswordNeedsRehash(*first));

  Result<std::string> second = HashPassword(password);
  ASSERT_TRUE(second.ok());
  EXPECT_NE(*first, *second);  // fresh salt each time
}

TEST(Password, RejectsTooLongPasswordsWithoutHashing) {
  const std::string long_password(kMaxPasswordBytes + 1, 'x');
  Result<std::string> r = HashPassword(long_password);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(VerifyPassword(long_password, CheapHash(long_password)));
}

TEST(Password, VerifyHandlesLegacyAndMalformedHashes) {
  const std::string legacy = CheapHash("sandi-lama-123");
  EXPECT_TRUE(VerifyPassword("sandi-lama-123", legacy));
  EXPECT_FALSE(VerifyPassword("sandi-lama-124", legacy));
  EXPECT_TRUE(PasswordNeedsRehash(legacy));

  for (const std::string& bad : {std::string(), std::string("not a hash"),
                                 legacy.substr(0, legacy.size() - 5), std::string(300, '$')}) {
    EXPECT_FALSE(VerifyPassword("sandi-lama-123", bad)) << bad;
    EXPECT_TRUE(PasswordNeedsRehash(bad)) << bad;
  }
  // A hash from another algorithm (argon2i) still verifies but asks to be upgraded.
  char argon2i[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(argon2i, "abcdefgh12", 10, 3, 8192, crypto_pwhash_ALG_ARGON2I13),
            0);
  EXPECT_TRUE(VerifyPassword("abcdefgh12", argon2i));
  EXPECT_TRUE(PasswordNeedsRehash(argon2i));
}

struct PolicyCase {
  std::string password;
  std::string user_identifier;
  int errors;                // number of failed rules
  std::string english_hint;  // a word of the first message, "" when valid
};

TEST(Password, PolicyTable) {
  const PolicyCase cases[] = {
      {"Manado-Tinutuan-2026", "", 0, ""},
      {"kopi susu gula aren", "", 0, ""},
      {"abc12!x", "", 1, "at least 8"},  // 7 characters
      {"", "", 1, "at least 8"},
      {"aaaaaaaaaa", "", 1, "repeated"},
      {"1111", "", 2, "at least 8"},  // short and repeated
      {"password", "", 1, "too common"},
      {"PassWord", "", 1, "too common"},  // case-insensitive
      {"12345678", "", 1, "too common"},
      {"qwerty123", "", 1, "too common"},
      {"Indonesia", "", 1, "too common"},
      {"bismillah", "", 1, "too common"},
      {"warga@manado.go.id", "Warga@Manado.go.id", 1, "same as your email"},
      {"+6281234567890", "+6281234567890", 1, "same as your email"},
      {std::string(129, 'a') + "b", "", 1, "at most 128"},
      {std::string(128, 'a') + "", "", 1, "repeated"},
      {"sandi\xff\xfe"
       "123",
       "", 1, "invalid characters"},  // not UTF-8
      {"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", "", 2,
       "at least 8"},                           // 7x e-acute
      {"k\xc3\xa9ta-s\xc3\xa1ndi", "", 0, ""},  // 10 characters, 12 bytes
  };
  for (const PolicyCase& c : cases) {
    SCOPED_TRACE(c.password);
    Status s = ValidatePassword(c.password, c.user_identifier);
    if (c.errors == 0) {
      EXPECT_TRUE(s.ok()) << s.error().details.front().message.en;
      continue;
    }
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(static_cast<int>(s.error().details.size()), c.errors);
    const FieldError& first = s.error().details.front();
    EXPECT_EQ(first.field, "password");
    EXPECT_NE(first.message.en.find(c.english_hint), std::string::npos) << first.message.en;
    EXPECT_FALSE(first.message.id.empty());
    EXPECT_NE(first.message.id, first.message.en);
  }
}

}  // namespace
}  // namespace kc::accounts
