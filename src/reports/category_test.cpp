// Unit tests of category rules: attribute definitions and the validation of reporters' values.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "reports/category.h"

namespace kc::reports {
namespace {

namespace json = boost::json;

Category Pothole() {
  return {.region_code = "71.71", .code = "jalan-rusak", .name_id = "Jalan rusak",
          .name_en = "Damaged road",
          .attributes = {{.code = "tingkat", .type = AttributeType::kSingleValueList,
                          .required = true, .values = {{"ringan", "Ringan"}, {"berat", "Berat"}}},
                         {.code = "lebar_cm", .type = AttributeType::kNumber},
                         {.code = "mulai", .type = AttributeType::kDatetime},
                         {.code = "jenis", .type = AttributeType::kMultiValueList,
                          .values = {{"air", "Air"}, {"udara", "Udara"}}},
                         {.code = "catatan", .type = AttributeType::kString}}};
}

std::vector<std::string> Fields(Validation v) {
  std::vector<std::string> out;
  if (v.ok()) return out;
  for (const auto& d : std::move(v).ToError().details) out.push_back(d.field);
  return out;
}

TEST(Category, ValidValuesAreNormalised) {
  Validation v;
  auto out = ValidateAttributeValues(
      Pothole(),
      json::parse(R"({"tingkat":"berat","lebar_cm":"40.5","mulai":"2026-11-26T08:00:00+08:00",
                      "jenis":["air","udara"],"catatan":"<script>alert(1)</script>"})")
          .as_object(),
      v);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(out.at("tingkat"), "berat");
  EXPECT_DOUBLE_EQ(out.at("lebar_cm").as_double(), 40.5);
  EXPECT_EQ(out.at("mulai"), "2026-11-26T00:00:00.000Z");
  EXPECT_EQ(out.at("jenis").as_array().size(), 2u);
  EXPECT_EQ(out.at("catatan"), "<script>alert(1)</script>");  // stored verbatim
}

TEST(Category, EveryBadValueIsReported) {
  Validation v;
  (void)ValidateAttributeValues(
      Pothole(),
      json::parse(R"({"lebar_cm":"lebar","mulai":"kemarin","jenis":["api"],"warna":"merah",
                      "catatan":{"x":1}})")
          .as_object(),
      v);
  auto fields = Fields(std::move(v));
  for (const char* f : {"attributes.tingkat", "attributes.lebar_cm", "attributes.mulai",
                        "attributes.jenis", "attributes.warna", "attributes.catatan"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f;
  }
}

TEST(Category, RequiredValueMayNotBeBlank) {
  Validation v;
  (void)ValidateAttributeValues(Pothole(), json::parse(R"({"tingkat":""})").as_object(), v);
  EXPECT_EQ(Fields(std::move(v)), std::vector<std::string>{"attributes.tingkat"});
}

TEST(Category, AttributesRoundTripThroughJson) {
  const auto c = Pothole();
  auto back = AttributesFromJson(json::serialize(AttributesToJson(c.attributes)));
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), c.attributes.size());
  EXPECT_EQ((*back)[0].values.size(), 2u);
  EXPECT_TRUE((*back)[0].required);
  EXPECT_EQ((*back)[3].type, AttributeType::kMultiValueList);
}

TEST(Category, ShapeIsChecked) {
  EXPECT_TRUE(ValidateCategory(Pothole()).ok());
  auto bad = Pothole();
  bad.code = "Jalan Rusak";
  bad.sla_resolve_days = 0;
  bad.attributes.push_back({.code = "tingkat"});  // duplicate
  bad.attributes.push_back({.code = "x", .type = AttributeType::kSingleValueList});  // no values
  auto st = ValidateCategory(bad);
  ASSERT_FALSE(st.ok());
  EXPECT_GE(st.error().details.size(), 4u);
  EXPECT_TRUE(IsValidCategoryCode("pkl"));
  EXPECT_FALSE(IsValidCategoryCode("1abc"));
  EXPECT_EQ(ParseAttributeType("multivaluelist"), AttributeType::kMultiValueList);
  EXPECT_FALSE(ParseAttributeType("list").has_value());
}

}  // namespace
}  // namespace kc::reports
