#include "accounts/contact.h"

#include <gtest/gtest.h>

#include <string>

namespace kc::accounts {
namespace {

struct Case {
  std::string input;
  std::string expected;  // normalised form, or a word of the English error message
  bool ok;
};

TEST(Phone, NormalizationTable) {
  const Case cases[] = {
      {"0812-3456-7890", "+6281234567890", true},
      {"+62 812 3456 7890", "+6281234567890", true},
      {"6281234567890", "+6281234567890", true},
      {"81234567890", "+6281234567890", true},
      {"(0812) 3456.7890", "+6281234567890", true},
      {"+62 (0)812-3456-7890", "+6281234567890", true},
      {"  0852 9876 543  ", "+628529876543", true},
      {"0812345678", "+62812345678", true},          // 9 digits after +62: shortest
      {"0812-3456-78901", "+62812345678901", true},  // 12 digits: longest
      {"", "required", false},
      {"   ", "required", false},
      {"+", "too short", false},
      {"08", "too short", false},
      {"08123456", "too short", false},         // 8 digits
      {"0812-3456-789012", "too long", false},  // 13 digits
      {"021-555-1234", "landline", false},      // Jakarta landline
      {"(0431) 862 123", "landline", false},    // Manado landline
      {"+62 431 862123", "landline", false},
      {"+1 415 555 0100", "Indonesian", false},
      {"+6O812345678", "digits only", false},  // letter O
      {"0812/3456/7890", "digits only", false},
      {"0812 3456 7890 ext 1", "digits only", false},
      {"++6281234567890", "digits only", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    Result<std::string> r = NormalizePhone(c.input);
    ASSERT_EQ(r.ok(), c.ok) << (r.ok() ? *r : r.error().message.en);
    if (c.ok) {
      EXPECT_EQ(*r, c.expected);
    } else {
      EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(r.error().Slug(), "invalid_phone");
      EXPECT_NE(r.error().message.en.find(c.expected), std::string::npos) << r.error().message.en;
      EXPECT_FALSE(r.error().message.id.empty());
    }
  }
}

TEST(Phone, AllSpellingsOfOneNumberNormaliseAlike) {
  const std::string forms[] = {"081234567890", "+6281234567890", "62 812-3456-7890",
                               "812 3456 7890", "+62 0812 3456 7890"};
  for (const std::string& f : forms) EXPECT_EQ(*NormalizePhone(f), "+6281234567890") << f;
}

TEST(Email, NormalizationTable) {
  const std::string local64(64, 'a');
  const std::string label63(63, 'b');
  // Exactly 254 bytes in all: local part 64, '@', domain 189.
  const std::string domain189 = label63 + "." + label63 + "." + std::string(58, 'c') + ".id";
  ASSERT_EQ(domain189.size(), 189U);
  const Case cases[] = {
      {"warga@manadokota.go.id", "warga@manadokota.go.id", true},
      {"  Budi.Santoso@Manado.GO.ID ", "Budi.Santoso@manado.go.id", true},
      {"budi+lapor@gmail.com", "budi+lapor@gmail.com", true},
      {"o'neil@example-city.co.id", "o'neil@example-city.co.id", true},
      {"x@a1.id", "x@a1.id", true},
      {local64 + "@" + domain189, local64 + "@" + domain189, true},  // 254 bytes
      {"", "required", false},
      {"budi", "exactly one @", false},
      {"budi@@manado.go.id", "exactly one @", false},
      {"budi@dinas@manado.go.id", "exactly one @", false},
      {"@manado.go.id", "1 to 64", false},
      {local64 + "a@manado.go.id", "1 to 64", false},
      {local64 + "@" + domain189 + "x", "too long", false},  // 255 bytes
      {"budi santoso@manado.go.id", "invalid characters", false},
      {".budi@manado.go.id", "invalid characters", false},
      {"budi.@manado.go.id", "invalid characters", false},
      {"bu..di@manado.go.id", "invalid characters", false},
      {std::string("b\xc3\xbc") + "di@manado.go.id", "invalid characters", false},  // u-umlaut
      {"budi@localhost", "domain", false},
      {"budi@manado..go.id", "domain", false},
      {"budi@.manado.go.id", "domain", false},
      {"budi@manado.go.id.", "domain", false},
      {"budi@-manado.go.id", "domain", false},
      {"budi@manado-.go.id", "domain", false},
      {"budi@mana_do.go.id", "domain", false},
      {"budi@192.168.1.1", "domain", false},
      {"budi@" + std::string(64, 'd') + ".id", "domain", false},
      {"budi@manado.go.id>", "domain", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    Result<std::string> r = NormalizeEmail(c.input);
    ASSERT_EQ(r.ok(), c.ok) << (r.ok() ? *r : r.error().message.en);
    if (c.ok) {
      EXPECT_EQ(*r, c.expected);
    } else {
      EXPECT_EQ(r.error().Slug(), "invalid_email");
      EXPECT_NE(r.error().message.en.find(c.expected), std::string::npos) << r.error().message.en;
      EXPECT_FALSE(r.error().message.id.empty());
    }
  }
}

}  // namespace
}  // namespace kc::accounts
