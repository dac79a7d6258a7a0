// HTTP adapters for a region's report categories (public) and routing rules (region admins).
// Rule writes reply from the store's completion, i.e. after the commit is durable, and leave an
// audit entry in the same savepoint.
#include <boost/json.hpp>

#include "accounts/audit.h"
#include "accounts/caller.h"
#include "http/json_body.h"
#include "regions/area.h"
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
