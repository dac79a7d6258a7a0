#include "reports/category.h"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cmath>
#include <set>

#include "core/time.h"
#include "http/json_body.h"
#include "http/request.h"

namespace kc::reports {
namespace {

namespace json = boost::json;

constexpr std::array<std::pair<AttributeType, std::string_view>, 6> kTypeNames = {{
    {AttributeType::kString, "string"},
    {AttributeType::kNumber, "number"},
    {AttributeType::kDatetime, "datetime"},
    {AttributeType::kText, "text"},
    {AttributeType::kSingleValueList, "singlevaluelist"},
    {AttributeType::kMultiValueList, "multivaluelist"},
}};

bool IsList(AttributeType t) {
  return t == AttributeType::kSingleValueList || t == AttributeType::kMultiValueList;
}

bool IsValidAttributeCode(std::string_view code) {
  if (code.empty() || code.size() > 40) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string Str(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

// One value as text (Open311 form posts send strings); nullopt for objects, arrays, null.
std::optional<std::string> ScalarText(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  if (v.is_double()) return json::serialize(v);
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  return std::nullopt;
}

bool HasKey(const AttributeDef& def, std::string_view key) {
  return std::any_of(def.values.begin(), def.values.end(),
                     [&](const AttributeValue& av) { return av.key == key; });
}

// Normalises one value of `def`; adds a field error and returns null when it does not fit.
json::value CheckValue(const AttributeDef& def, const json::value& raw, Validation& v) {
  const std::string field = "attributes." + def.code;
  if (def.type == AttributeType::kMultiValueList) {
    json::array keys;
    auto add = [&](const json::value& item) {
      auto text = ScalarText(item);
      if (!text || !HasKey(def, *text)) {
        v.Add(field, {"nilai tidak ada dalam daftar", "value is not one of the listed keys"});
        return false;
      }
      keys.emplace_back(*text);
      return true;
    };
    if (raw.is_array()) {
      for (const auto& item : raw.as_array()) {
        if (!add(item)) return nullptr;
      }
    } else if (!add(raw)) {
      return nullptr;
    }
    return keys;
  }
  auto text = ScalarText(raw);
  if (!text) {
    v.Add(field, {"harus berupa nilai tunggal", "must be a single value"});
    return nullptr;
  }
  if (!http::IsValidUtf8(*text)) {
    v.Add(field, {"bukan UTF-8 yang sah", "is not valid UTF-8"});
    return nullptr;
  }
  switch (def.type) {
    case AttributeType::kNumber: {
      if (raw.is_number()) {
        const double d = raw.to_number<double>();
        if (std::isfinite(d)) return d;
      } else {
        char* end = nullptr;
        const double d = std::strtod(text->c_str(), &end);
        if (!text->empty() && end == text->c_str() + text->size() && std::isfinite(d)) return d;
      }
      v.Add(field, {"harus berupa angka", "must be a number"});
      return nullptr;
    }
    case AttributeType::kDatetime: {
      auto t = ParseTimestamp(*text);
      if (!t) {
        v.Add(field, {"harus berupa waktu ISO 8601", "must be an ISO 8601 date-time"});
        return nullptr;
      }
      return json::string(FormatUtc(*t));
    }
    case AttributeType::kSingleValueList:
      if (!HasKey(def, *text)) {
        v.Add(field, {"nilai tidak ada dalam daftar", "value is not one of the listed keys"});
        return nullptr;
      }
      return json::string(*text);
    default: {
      const size_t max = def.type == AttributeType::kText ? kAttributeTextMaxChars
                                                          : kAttributeStringMaxChars;
      if (http::Utf8Length(*text) > max) {
        v.Add(field, {"terlalu panjang (maks. " + std::to_string(max) + " karakter)",
                      "too long (max " + std::to_string(max) + " characters)"});
        return nullptr;
      }
      return json::string(*text);
    }
  }
}

}  // namespace

std::string_view AttributeTypeName(AttributeType type) {
  for (const auto& [t, name] : kTypeNames) {
    if (t == type) return name;
  }
  return "string";
}

std::optional<AttributeType> ParseAttributeType(std::string_view name) {
  for (const auto& [t, n] : kTypeNames) {
    if (n == name) return t;
  }
  return std::nullopt;
}

bool IsValidCategoryCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 40 || code.front() < 'a' || code.front() > 'z') return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Status ValidateCategory(const Category& c) {
  Validation v;
  if (!IsValidCategoryCode(c.code)) {
    v.Add("code", {"2..40 huruf kecil, angka atau '-'", "2..40 lowercase letters, digits or '-'"});
  }
  if (c.name_id.empty() || c.name_en.empty()) v.Add("name", {"wajib diisi", "is required"});
  if (c.sla_response_hours <= 0 || c.sla_resolve_days <= 0) {
    v.Add("sla", {"harus lebih dari 0", "must be greater than 0"});
  }
  if (c.attributes.size() > kMaxAttributes) v.Add("attributes", {"terlalu banyak", "too many"});
  std::set<std::string> seen;
  for (const auto& a : c.attributes) {
    const std::string field = "attributes." + a.code;
    if (!IsValidAttributeCode(a.code)) v.Add(field, {"kode tidak sah", "invalid code"});
    if (!seen.insert(a.code).second) v.Add(field, {"kode ganda", "duplicate code"});
    if (IsList(a.type) == a.values.empty()) {
      v.Add(field, {"daftar nilai hanya untuk jenis daftar", "values belong to list types only"});
    }
  }
  if (!v.ok()) return std::move(v).ToError();
  return Ok();
}

json::value AttributesToJson(const std::vector<AttributeDef>& attributes) {
  json::array out;
  for (const auto& a : attributes) {
    json::array values;
    for (const auto& av : a.values) values.push_back({{"key", av.key}, {"name", av.name}});
    out.push_back({{"code", a.code},
                   {"datatype", AttributeTypeName(a.type)},
                   {"variable", a.variable},
                   {"required", a.required},
                   {"order", a.order},
                   {"description", a.description},
                   {"datatype_description", a.datatype_description},
                   {"values", std::move(values)}});
  }
  return out;
}

Result<std::vector<AttributeDef>> AttributesFromJson(std::string_view text) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec || !doc.is_array()) return Internal("stored category attributes are not a JSON array");
  std::vector<AttributeDef> out;
  for (const auto& item : doc.as_array()) {
    if (!item.is_object()) return Internal("stored category attribute is not an object");
    const auto& o = item.as_object();
    AttributeDef a{.code = Str(o, "code"),
                   .type = ParseAttributeType(Str(o, "datatype")).value_or(AttributeType::kString),
                   .description = Str(o, "description"),
                   .datatype_description = Str(o, "datatype_description")};
    if (const auto* b = o.if_contains("variable"); b && b->is_bool()) a.variable = b->as_bool();
    if (const auto* b = o.if_contains("required"); b && b->is_bool()) a.required = b->as_bool();
    if (const auto* n = o.if_contains("order"); n && n->is_int64()) {
      a.order = static_cast<int>(n->as_int64());
    }
    if (const auto* vs = o.if_contains("values"); vs && vs->is_array()) {
      for (const auto& x : vs->as_array()) {
        if (x.is_object()) a.values.push_back({Str(x.as_object(), "key"), Str(x.as_object(), "name")});
      }
    }
    out.push_back(std::move(a));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const AttributeDef& a, const AttributeDef& b) { return a.order < b.order; });
  return out;
}

json::object ValidateAttributeValues(const Category& category, const json::object& values,
                                     Validation& v) {
  json::object out;
  for (const auto& [key, value] : values) {
    const auto it = std::find_if(category.attributes.begin(), category.attributes.end(),
                                 [&](const AttributeDef& a) { return a.code == key; });
    if (it == category.attributes.end() || !it->variable) {
      v.Add("attributes." + std::string(key),
            {"atribut tidak dikenal untuk kategori ini", "unknown attribute for this category"});
      continue;
    }
    json::value normal = CheckValue(*it, value, v);
    const bool blank = normal.is_null() || (normal.is_string() && normal.as_string().empty()) ||
                       (normal.is_array() && normal.as_array().empty());
    if (!blank) {
      out[key] = std::move(normal);
    } else if (it->required && normal.is_string()) {
      v.Add("attributes." + std::string(key), {"wajib diisi", "is required"});
    }
  }
  for (const auto& a : category.attributes) {
    if (a.variable && a.required && !values.contains(a.code)) {
      v.Add("attributes." + a.code, {"wajib diisi", "is required"});
    }
  }
  return out;
}

}  // namespace kc::reports
