// Categories and routing rules on SQLite (part of SqliteReportStore).
#include <boost/json.hpp>
#include <memory>

#include "core/time.h"
#include "reports/category_store_rows.h"
#include "reports/report_store_sqlite.h"

namespace kc::reports {
namespace {

using store::Connection;

constexpr std::string_view kCategoryColumns =
    "id, region_code, code, name_id, name_en, group_name, description, keywords, default_opd_id, "
    "sla_response_hours, sla_resolve_days, attributes, active, created_at, updated_at";

std::vector<std::string> SplitKeywords(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string JoinKeywords(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ",") + w;
  return out;
}

Result<Category> CategoryFromRow(const store::Statement& st) {
  Category c{.id = st.Int(0),
             .region_code = st.String(1),
             .code = st.String(2),
             .name_id = st.String(3),
             .name_en = st.String(4),
             .group = st.String(5),
             .description = st.String(6),
             .keywords = SplitKeywords(st.Text(7)),
             .sla_response_hours = static_cast<int>(st.Int(9)),
             .sla_resolve_days = static_cast<int>(st.Int(10)),
             .active = st.Int(12) != 0,
             .created_at = st.String(13),
             .updated_at = st.String(14)};
  if (!st.IsNull(8)) c.default_opd_id = st.Int(8);
  KC_ASSIGN_OR_RETURN(c.attributes, AttributesFromJson(st.Text(11)));
  return c;
}

RoutingRule RuleFromRow(const store::Statement& st) {
  return {.id = st.Int(0),
          .region_code = st.String(1),
          .category_code = st.String(2),
          .area_code = st.String(3),
          .opd_id = st.Int(4),
          .created_at = st.String(5)};
}

// kInvalidArgument (field) unless OPD `id` belongs to `region`.
Status CheckOpd(Connection& conn, const std::string& region, int64_t id, const char* field) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT 1 FROM opds WHERE id = ?1 AND region_code = ?2"));
  KC_ASSIGN_OR_RETURN(bool found, st.Bind(1, id).Bind(2, region).Step());
  if (found) return Ok();
  Validation v;
  v.Add(field, {"OPD tidak ada di region ini", "no such OPD in this region"});
  return std::move(v).ToError();
}

}  // namespace

Result<std::vector<Category>> SqliteReportStore::ListCategories(std::string_view region,
                                                                bool include_inactive) {
  return db_.Read([&](Connection& conn) -> Result<std::vector<Category>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT " + std::string(kCategoryColumns) +
        " FROM report_categories WHERE region_code = ?1 AND (active = 1 OR ?2)"
        " ORDER BY group_name, code"));
    st.Bind(1, region).Bind(2, include_inactive ? 1 : 0);
    std::vector<Category> out;
    while (true) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      KC_ASSIGN_OR_RETURN(auto c, CategoryFromRow(st));
      out.push_back(std::move(c));
    }
    return out;
  });
}

Result<std::optional<Category>> SqliteReportStore::FindCategory(std::string_view region,
                                                                std::string_view code) {
  return db_.Read([&](Connection& conn) { return SelectCategory(conn, region, code); });
}

Status UpsertCategoryRow(Connection& conn, const Category& c) {
  KC_ASSIGN_OR_RETURN(auto region, conn.Prepare("SELECT 1 FROM regions WHERE code = ?1"));
  KC_ASSIGN_OR_RETURN(bool known, region.Bind(1, c.region_code).Step());
  if (!known) return NotFound({"Region tidak ditemukan.", "No such region."});
  if (c.default_opd_id) {
    KC_RETURN_IF_ERROR(CheckOpd(conn, c.region_code, *c.default_opd_id, "default_opd_id"));
  }
  const std::string now = FormatUtc(NowUtc());
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO report_categories (region_code, code, name_id, name_en, group_name, "
      "description, keywords, default_opd_id, sla_response_hours, sla_resolve_days, attributes, "
      "active, created_at, updated_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?13) "
      "ON CONFLICT (region_code, code) DO UPDATE SET name_id = ?3, name_en = ?4, "
      "group_name = ?5, description = ?6, keywords = ?7, default_opd_id = ?8, "
      "sla_response_hours = ?9, sla_resolve_days = ?10, attributes = ?11, active = ?12, "
      "updated_at = ?13"));
  st.Bind(1, c.region_code).Bind(2, c.code).Bind(3, c.name_id).Bind(4, c.name_en);
  st.Bind(5, c.group).Bind(6, c.description).Bind(7, JoinKeywords(c.keywords));
  st.Bind(8, c.default_opd_id).Bind(9, c.sla_response_hours).Bind(10, c.sla_resolve_days);
  st.Bind(11, boost::json::serialize(AttributesToJson(c.attributes)));
  st.Bind(12, c.active ? 1 : 0).Bind(13, now);
  return st.Run();
}

Result<std::optional<Category>> SelectCategory(Connection& conn, std::string_view region,
                                               std::string_view code) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT " + std::string(kCategoryColumns) +
                                            " FROM report_categories"
                                            " WHERE region_code = ?1 AND code = ?2"));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, region).Bind(2, code).Step());
  if (!row) return std::optional<Category>();
  KC_ASSIGN_OR_RETURN(auto c, CategoryFromRow(st));
  return std::optional<Category>(std::move(c));
}

Status SqliteReportStore::UpsertCategorySync(const Category& c) {
  KC_RETURN_IF_ERROR(ValidateCategory(c));
  return db_.WriteSync([&](Connection& conn) { return UpsertCategoryRow(conn, c); });
}

Result<std::vector<RoutingRule>> SqliteReportStore::ListRules(
    std::string_view region, std::optional<std::string_view> category) {
  return db_.Read([&](Connection& conn) -> Result<std::vector<RoutingRule>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT id, region_code, category_code, area_code, opd_id, created_at"
        " FROM report_routing_rules WHERE region_code = ?1 AND (?2 IS NULL OR category_code = ?2)"
        " ORDER BY category_code, area_code"));
    st.Bind(1, region);
    if (category) {
      st.Bind(2, *category);
    } else {
      st.Bind(2, nullptr);
    }
    std::vector<RoutingRule> out;
    while (true) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      out.push_back(RuleFromRow(st));
    }
    return out;
  });
}

void SqliteReportStore::PutRule(RoutingRule rule, AuditFn audit,
                                std::function<void(Result<RoutingRule>)> done) {
  auto stored = std::make_shared<RoutingRule>(std::move(rule));
  stored->created_at = FormatUtc(NowUtc());
  db_.Write(
      [stored, audit = std::move(audit)](Connection& conn) -> Status {
        RoutingRule& r = *stored;
        KC_RETURN_IF_ERROR(CheckOpd(conn, r.region_code, r.opd_id, "opd_id"));
        KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
            "INSERT INTO report_routing_rules (region_code, category_code, area_code, opd_id, "
            "created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (region_code, category_code, "
            "area_code) DO UPDATE SET opd_id = ?4, created_at = ?5 RETURNING id"));
        st.Bind(1, r.region_code).Bind(2, r.category_code).Bind(3, r.area_code);
        st.Bind(4, r.opd_id).Bind(5, r.created_at);
        KC_ASSIGN_OR_RETURN(bool row, st.Step());
        if (row) r.id = st.Int(0);
        return audit ? audit(conn, r) : Ok();
      },
      [stored, done = std::move(done)](Status st) {
        if (!st.ok()) return done(std::move(st).error());
        done(*stored);
      });
}

void SqliteReportStore::DeleteRule(std::string region, int64_t id, AuditFn audit,
                                   std::function<void(Status)> done) {
  db_.Write(
      [region = std::move(region), id, audit = std::move(audit)](Connection& conn) -> Status {
        KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
            "DELETE FROM report_routing_rules WHERE id = ?1 AND region_code = ?2"
            " RETURNING id, region_code, category_code, area_code, opd_id, created_at"));
        KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, id).Bind(2, region).Step());
        if (!row) return NotFound({"Aturan tidak ditemukan.", "No such routing rule."});
        const RoutingRule removed = RuleFromRow(st);
        return audit ? audit(conn, removed) : Ok();
      },
      std::move(done));
}

}  // namespace kc::reports
