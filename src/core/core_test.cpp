#include <gtest/gtest.h>

#include "core/random.h"
#include "core/result.h"
#include "core/time.h"

namespace kc {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgument({"ganjil", "odd"});
  return x / 2;
}

Result<int> Quarter(int x) {
  KC_ASSIGN_OR_RETURN(int h, Half(x));
  return Half(h);
}

TEST(Result, PropagatesErrorsAndValues) {
  EXPECT_EQ(*Quarter(8), 2);
  auto r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message.For(true), "odd");
  EXPECT_EQ(r.error().message.For(false), "ganjil");
  EXPECT_EQ(r.error().Slug(), "validation_failed");
}

TEST(Validation, CollectsFieldErrors) {
  Validation v;
  EXPECT_TRUE(v.ok());
  v.Add("lat", {"harus angka", "must be a number"});
  v.Add("lon", {"harus angka", "must be a number"});
  ASSERT_FALSE(v.ok());
  Error e = std::move(v).ToError();
  ASSERT_EQ(e.details.size(), 2U);
  EXPECT_EQ(e.details[1].field, "lon");
}

TEST(Time, FormatsAndParsesUtc) {
  const auto t = ParseTimestamp("2026-11-26T04:30:44.123Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatUtc(*t), "2026-11-26T04:30:44.123Z");
  // 14.30 WITA (UTC+8) is 06.30 UTC.
  EXPECT_EQ(FormatUtc(*ParseTimestamp("2026-11-26T14:30:00+08:00")), "2026-11-26T06:30:00.000Z");
  EXPECT_EQ(FormatUtc(*ParseTimestamp("2026-02-01")), "2026-02-01T00:00:00.000Z");
}

TEST(Time, RejectsMalformedTimestamps) {
  for (const char* bad : {"", "2026", "2026-13-01", "2026-02-30", "2026-11-26T25:00:00Z",
                          "2026-11-26T10:00:00", "2026-11-26T10:00:00Zjunk", "26/11/2026"}) {
    EXPECT_FALSE(ParseTimestamp(bad).has_value()) << bad;
  }
}

TEST(Random, HexIdsAreDistinct) {
  const auto a = RandomHexId();
  const auto b = RandomHexId();
  EXPECT_EQ(a.size(), 16U);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace kc
