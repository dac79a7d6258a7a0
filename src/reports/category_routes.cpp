// HTTP adapters for a region's report categories (read: public; change: region admins) and
// routing rules (region admins).
// Rule writes reply from the store's completion, i.e. after the commit is durable, and leave an
// audit entry in the same savepoint.
#include <boost/json.hpp>

#include "accounts/audit.h"
#include "accounts/caller.h"
#include "http/json_body.h"
#include "regions/area.h"
#include "reports/category_store_rows.h"
#include "reports/reports_module.h"
#include "reports/route_util.h"

namespace kc::reports {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;

Response ListCategories(ReportsModule& m, const Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto categories = m.service().Categories(*region);
  if (!categories.ok()) return Fail(categories.error(), req);
  json::array items;
  for (const auto& c : *categories) items.push_back(CategoryJson(c, req.english));
  return http::JsonResponse(200, {{"items", std::move(items)}});
}

Response GetCategory(ReportsModule& m, const Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto category = m.service().FindCategory(*region, req.Param("code"));
  if (!category.ok()) return Fail(category.error(), req);
  return http::JsonResponse(200, CategoryJson(*category, req.english));
}

Response ListRules(ReportsModule& m, const Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto rules = m.store().ListRules(region->code, std::nullopt);
  if (!rules.ok()) return Fail(rules.error(), req);
  auto opds = m.OpdNamesOf(region->code);
  if (!opds.ok()) return Fail(opds.error(), req);
  json::array items;
  for (const auto& r : *rules) items.push_back(RuleJson(r, *opds));
  return http::JsonResponse(200, {{"items", std::move(items)}});
}

// {"category": code, "area_code": kecamatan/kelurahan code or null, "opd_id": id}.
Result<RoutingRule> ParseRule(ReportsModule& m, const Request& req, const regions::Region& region) {
  KC_ASSIGN_OR_RETURN(auto object, http::ParseJsonObject(req));
  Validation v;
  http::JsonFields fields(object, v);
  RoutingRule rule{.region_code = region.code};
  auto category = fields.String("category", true, 40);
  auto area = fields.String("area_code", false, 20);
  auto opd = fields.Integer("opd_id", true, 1, INT64_MAX);
  fields.RejectUnknown();
  if (category) {
    auto found = m.store().FindCategory(region.code, *category);
    if (!found.ok()) return std::move(found).error();
    if (!*found) v.Add("category", {"kategori tidak dikenal", "unknown category"});
    rule.category_code = *category;
  }
  if (area && !area->empty()) {
    auto found = m.regions().store().FindArea(*area);
    if (!found.ok()) return std::move(found).error();
    const bool ok = *found && (*found)->code.starts_with(region.code + ".") &&
                    ((*found)->level == regions::AreaLevel::kKecamatan ||
                     (*found)->level == regions::AreaLevel::kKelurahan);
    if (!ok) {
      v.Add("area_code", {"bukan kecamatan/kelurahan di region ini",
                          "is not a kecamatan/kelurahan of this region"});
    }
    rule.area_code = *area;
  }
  if (opd) rule.opd_id = *opd;
  if (!v.ok()) return std::move(v).ToError();
  return rule;
}

// The body of PUT .../categories/{code}: every field of the category but its code (from the
// path). Attributes use the Open311 service-definition shape of CategoryJson.
Result<Category> ParseCategory(const Request& req, const regions::Region& region) {
  KC_ASSIGN_OR_RETURN(auto object, http::ParseJsonObject(req));
  Validation v;
  json::object scalars = object;
  scalars.erase("keywords");
  scalars.erase("attributes");
  http::JsonFields f(scalars, v);
  Category c{.region_code = region.code, .code = std::string(req.Param("code"))};
  c.name_id = f.String("name_id", true, 100).value_or("");
  c.name_en = f.String("name_en", true, 100).value_or("");
  c.group = f.String("group", true, 60).value_or("");
  c.description = f.String("description", false, 1000).value_or("");
  c.default_opd_id = f.Integer("default_opd_id", false, 1, INT64_MAX);
  c.sla_response_hours = static_cast<int>(f.Integer("sla_response_hours", true, 1, 24 * 30).value_or(24));
  c.sla_resolve_days = static_cast<int>(f.Integer("sla_resolve_days", true, 1, 365).value_or(7));
  c.active = f.Bool("active", false).value_or(true);
  f.RejectUnknown();
  if (const auto* words = object.if_contains("keywords"); words && !words->is_null()) {
    if (!words->is_array()) v.Add("keywords", {"harus berupa daftar teks", "must be a list of text"});
    for (const auto& w : words->is_array() ? words->as_array() : json::array()) {
      if (!w.is_string() || w.as_string().empty() || w.as_string().size() > 40 ||
          w.as_string().find(',') != json::string::npos) {
        v.Add("keywords", {"setiap kata kunci 1..40 karakter tanpa koma",
                           "each keyword is 1..40 characters without commas"});
        break;
      }
      c.keywords.emplace_back(w.as_string());
    }
  }
  if (const auto* attrs = object.if_contains("attributes"); attrs && !attrs->is_null()) {
    // The stored-form reader is lenient; a request must name real Open311 datatypes.
    for (const auto& a : attrs->is_array() ? attrs->as_array() : json::array()) {
      const auto* type = a.is_object() ? a.as_object().if_contains("datatype") : nullptr;
      if (type == nullptr || !type->is_string() || !ParseAttributeType(type->as_string())) {
        v.Add("attributes", {"datatype harus string, number, datetime, text, singlevaluelist "
                             "atau multivaluelist",
                             "datatype must be string, number, datetime, text, singlevaluelist "
                             "or multivaluelist"});
        break;
      }
    }
    auto parsed = attrs->is_array() ? AttributesFromJson(json::serialize(*attrs))
                                    : Result<std::vector<AttributeDef>>(InvalidArgument({"", ""}));
    if (parsed.ok()) {
      c.attributes = std::move(*parsed);
    } else {
      v.Add("attributes", {"definisi atribut Open311 tidak sah", "invalid Open311 attribute definitions"});
    }
  }
  if (!v.ok()) return std::move(v).ToError();
  KC_RETURN_IF_ERROR(ValidateCategory(c));
  return c;
}

void PutCategory(ReportsModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto category = ParseCategory(req, *region);
  if (!category.ok()) return reply(Fail(category.error(), req));
  auto created = std::make_shared<bool>(false);
  auto stored = std::make_shared<Category>();
  m.db().Write(
      [c = std::move(*category), actor = accounts::AuditActor(req), created, stored](
          store::Connection& conn) -> Status {
        KC_ASSIGN_OR_RETURN(auto before, SelectCategory(conn, c.region_code, c.code));
        *created = !before.has_value();
        KC_RETURN_IF_ERROR(UpsertCategoryRow(conn, c));
        KC_ASSIGN_OR_RETURN(auto after, SelectCategory(conn, c.region_code, c.code));
        *stored = std::move(*after);
        return accounts::RecordAudit(
            conn, {.actor = actor, .region_code = c.region_code,
                   .action = *created ? "report_category.create" : "report_category.update",
                   .target = "report_category:" + c.code,
                   .before = before ? json::value(CategoryJson(*before, false)) : json::value(nullptr),
                   .after = CategoryJson(*stored, false)});
      },
      [reply, english = req.english, created, stored](Status st) {
        if (!st.ok()) return reply(http::ErrorResponse(st.error(), english));
        reply(http::JsonResponse(*created ? 201 : 200, CategoryJson(*stored, english)));
      });
}

accounts::AuditEntry RuleAudit(const accounts::Actor& actor, const RoutingRule& r, bool removed) {
  json::object summary{{"category", r.category_code}, {"area_code", r.area_code},
                       {"opd_id", r.opd_id}};
  return {.actor = actor,
          .region_code = r.region_code,
          .action = removed ? "report_rule.delete" : "report_rule.put",
          .target = "report_rule:" + std::to_string(r.id),
          .before = removed ? json::value(summary) : json::value(nullptr),
          .after = removed ? json::value(nullptr) : json::value(summary)};
}

void PutRule(ReportsModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto rule = ParseRule(m, req, *region);
  if (!rule.ok()) return reply(Fail(rule.error(), req));
  auto opds = m.OpdNamesOf(region->code);
  if (!opds.ok()) return reply(Fail(opds.error(), req));
  AuditFn audit = [actor = accounts::AuditActor(req)](store::Connection& conn, const RoutingRule& r) {
    return accounts::RecordAudit(conn, RuleAudit(actor, r, false));
  };
  m.store().PutRule(std::move(*rule), std::move(audit),
                    [reply, english = req.english, opds = std::move(*opds)](Result<RoutingRule> r) {
                      if (!r.ok()) return reply(http::ErrorResponse(r.error(), english));
                      reply(http::JsonResponse(200, RuleJson(*r, opds)));
                    });
}

void DeleteRule(ReportsModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto id = internal::ParseId(req.Param("id"));
  if (!id) return reply(Fail(NotFound({"Aturan tidak ditemukan.", "No such routing rule."}), req));
  AuditFn audit = [actor = accounts::AuditActor(req)](store::Connection& conn, const RoutingRule& r) {
    return accounts::RecordAudit(conn, RuleAudit(actor, r, true));
  };
  m.store().DeleteRule(region->code, *id, std::move(audit),
                       [reply, english = req.english](Status st) {
                         if (!st.ok()) return reply(http::ErrorResponse(st.error(), english));
                         reply(http::Response{.status = 204, .content_type = ""});
                       });
}

}  // namespace

void AddCategoryRoutes(http::Router& router, std::shared_ptr<ReportsModule> module) {
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/regions/{region}/categories",
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return ListCategories(*module, req); }),
              .doc = {.summary = "Report categories of the region (Open311 services)",
                      .tag = "reports", .responses = {200, 404}}});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/regions/{region}/categories/{code}",
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return GetCategory(*module, req); }),
              .doc = {.summary = "One report category with its extra attributes",
                      .tag = "reports", .responses = {200, 404}}});
  router.Add({.method = Method::kPut,
              .pattern = "/api/v1/regions/{region}/categories/{code}",
              .permission = "region.manage",
              .region_param = "region",
              .body_limit = internal::kReportBodyLimit,
              .handler = [module](Request& req, Reply reply) { PutCategory(*module, req, std::move(reply)); },
              .doc = {.summary = "Create or change a category: names, group, default OPD, SLA, "
                                 "Open311 attributes, active",
                      .tag = "reports", .request_content_type = "application/json",
                      .responses = {200, 201, 400, 401, 403, 404}}});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/regions/{region}/routing-rules",
              .permission = "region.read_private",
              .region_param = "region",
              .handler = http::Sync([module](Request& req) { return ListRules(*module, req); }),
              .doc = {.summary = "Routing rules (category and area to OPD)", .tag = "reports",
                      .responses = {200, 401, 403, 404}}});
  router.Add({.method = Method::kPut,
              .pattern = "/api/v1/regions/{region}/routing-rules",
              .permission = "region.manage",
              .region_param = "region",
              .body_limit = internal::kSmallBodyLimit,
              .handler = [module](Request& req, Reply reply) { PutRule(*module, req, std::move(reply)); },
              .doc = {.summary = "Set the OPD for a category in an area (or the whole region)",
                      .tag = "reports", .request_content_type = "application/json",
                      .responses = {200, 400, 401, 403, 404}}});
  router.Add({.method = Method::kDelete,
              .pattern = "/api/v1/regions/{region}/routing-rules/{id}",
              .permission = "region.manage",
              .region_param = "region",
              .handler = [module](Request& req, Reply reply) { DeleteRule(*module, req, std::move(reply)); },
              .doc = {.summary = "Remove a routing rule", .tag = "reports",
                      .responses = {204, 401, 403, 404}}});
}

}  // namespace kc::reports
