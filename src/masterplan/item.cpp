#include "masterplan/item.h"

#include <boost/json.hpp>
#include <charconv>
#include <climits>

#include "masterplan/bimtek.h"
#include "masterplan/reference.h"

namespace kc::masterplan {
namespace {

namespace json = boost::json;

constexpr std::string_view kStage = "stage:", kReadiness = "readiness:", kProgram = "program:",
                           kQuickWin = "quick_win:";

// A positive decimal without sign or leading zero (canonical), fitting in int.
std::optional<int> Number(std::string_view text) {
  if (text.empty() || text.front() == '0') return std::nullopt;
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n <= 0) return std::nullopt;
  return n;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::optional<int> IntOf(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_int64() || v->as_int64() <= 0 || v->as_int64() > INT_MAX)
    return std::nullopt;
  return static_cast<int>(v->as_int64());
}

}  // namespace

std::optional<ItemKey> ParseItem(std::string_view text) {
  if (text == "plan") return ItemKey{};
  if (StartsWith(text, kStage)) {
    auto n = Number(text.substr(kStage.size()));
    if (!n || FindStage(*n) == nullptr) return std::nullopt;
    return ItemKey{ItemKind::kStage, *n, {}};
  }
  if (StartsWith(text, kReadiness)) {
    const std::string_view dim = text.substr(kReadiness.size());
    if (FindDimension(dim) == nullptr) return std::nullopt;
    return ItemKey{ItemKind::kReadiness, 0, std::string(dim)};
  }
  for (auto [prefix, kind] :
       {std::pair{kProgram, ItemKind::kProgram}, std::pair{kQuickWin, ItemKind::kQuickWin}}) {
    if (!StartsWith(text, prefix)) continue;
    auto n = Number(text.substr(prefix.size()));
    if (!n) return std::nullopt;
    return ItemKey{kind, *n, {}};
  }
  return std::nullopt;
}

std::string ToString(const ItemKey& item) {
  switch (item.kind) {
    case ItemKind::kPlan:
      return "plan";
    case ItemKind::kStage:
      return std::string(kStage) + std::to_string(item.no);
    case ItemKind::kReadiness:
      return std::string(kReadiness) + item.dimension;
    case ItemKind::kProgram:
      return std::string(kProgram) + std::to_string(item.no);
    case ItemKind::kQuickWin:
      return std::string(kQuickWin) + std::to_string(item.no);
  }
  return "plan";
}

Text ItemFormatMessage() {
  const std::string dims(DimensionKeysText());
  return {"harus plan, stage:<1-4>, readiness:<dimensi: " + dims +
              ">, program:<nomor> atau quick_win:<nomor>",
          "must be plan, stage:<1-4>, readiness:<dimension: " + dims +
              ">, program:<no> or quick_win:<no>"};
}

std::vector<std::string> AuditItems(std::string_view action, const json::object& after) {
  std::vector<std::string> out;
  if (StartsWith(action, "masterplan.")) {
    out.emplace_back("plan");
  } else if (StartsWith(action, "bimtek.")) {
    if (auto n = IntOf(after, "stage")) out.push_back(ToString({ItemKind::kStage, *n, {}}));
  } else if (StartsWith(action, "program.") || StartsWith(action, "quick_win.")) {
    const ItemKind kind = StartsWith(action, "program.") ? ItemKind::kProgram : ItemKind::kQuickWin;
    if (auto n = IntOf(after, "no")) out.push_back(ToString({kind, *n, {}}));
  } else if (StartsWith(action, "readiness.")) {
    auto add = [&](const json::value& d) {
      if (d.is_string()) out.push_back(std::string(kReadiness) + std::string(d.as_string()));
    };
    if (const json::value* d = after.if_contains("dimension")) add(*d);
    if (const json::value* ds = after.if_contains("dimensions"); ds != nullptr && ds->is_array()) {
      for (const json::value& d : ds->as_array()) add(d);
    }
  } else if (StartsWith(action, "comment.")) {
    const json::value* item = after.if_contains("item");
    if (item != nullptr && item->is_string()) out.emplace_back(item->as_string());
  }
  return out;
}

}  // namespace kc::masterplan
