// Report categories: the Open311 "services" of a region, with their service definitions (extra
// attributes a reporter fills in), SLA and default OPD. Pure types and rules; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kc::reports {

// Open311 GeoReport v2 attribute datatypes.
enum class AttributeType { kString, kNumber, kDatetime, kText, kSingleValueList, kMultiValueList };

// "string", "number", "datetime", "text", "singlevaluelist", "multivaluelist".
std::string_view AttributeTypeName(AttributeType type);
std::optional<AttributeType> ParseAttributeType(std::string_view name);

// One allowed value of a list attribute (Open311 "values": key and name).
struct AttributeValue {
  std::string key;
  std::string name;
};

// One extra field of a category (Open311 service definition attribute).
struct AttributeDef {
  std::string code;         // [a-z0-9_]{1,40}, unique within the category
  AttributeType type = AttributeType::kString;
  bool variable = true;     // false: informational only, no value expected
  bool required = false;
  int order = 0;
  std::string description;  // the question shown to the reporter
  std::string datatype_description;
  std::vector<AttributeValue> values;  // list types only
};

struct Category {
  int64_t id = 0;
  std::string region_code;
  std::string code;      // Open311 service_code, e.g. "jalan-rusak"
  std::string name_id;   // "Jalan rusak"
  std::string name_en;   // "Damaged road"
  std::string group;     // Open311 "group", e.g. "Infrastruktur"
  std::string description;
  std::vector<std::string> keywords;
  std::optional<int64_t> default_opd_id;
  int sla_response_hours = 24;
  int sla_resolve_days = 7;
  std::vector<AttributeDef> attributes;  // ordered by `order`
  bool active = true;
  std::string created_at;
  std::string updated_at;

  const std::string& Name(bool english) const { return english ? name_en : name_id; }
};

// Limits, in Unicode code points.
inline constexpr size_t kAttributeTextMaxChars = 1000;
inline constexpr size_t kAttributeStringMaxChars = 200;
inline constexpr size_t kMaxAttributes = 30;

// True for 2..40 characters of [a-z0-9-], starting with a letter.
bool IsValidCategoryCode(std::string_view code);

// Checks a category's own shape (codes, names, SLA, attribute definitions). Errors:
// kInvalidArgument with field details.
Status ValidateCategory(const Category& category);

// Attribute definitions to and from the JSON stored in report_categories.attributes.
boost::json::value AttributesToJson(const std::vector<AttributeDef>& attributes);
Result<std::vector<AttributeDef>> AttributesFromJson(std::string_view text);

// Validates a reporter's attribute values against the category's definitions and returns them
// normalised (numbers as numbers, datetimes as UTC text, multi lists as arrays of keys).
// `values` maps attribute code -> JSON value (a string for every type is accepted too, as Open311
// form posts send strings; a multivaluelist may be an array or comma-free repeated values).
// Problems are added to `v` as fields "attributes.<code>": unknown code, missing required value,
// wrong type, value not in the list, oversize text, bad UTF-8.
boost::json::object ValidateAttributeValues(const Category& category,
                                            const boost::json::object& values, Validation& v);

}  // namespace kc::reports
