// Open311 GeoReport v2 at /open311/v2 (https://wiki.open311.org/GeoReport_v2): services,
// service definitions, single requests and tokens, in JSON and XML. Reports are created in real
// time, so a token is the service_request_id (the tracking number) itself. Errors use the spec's
// format. Submission and the request list are in open311_requests.cpp.
#include <boost/json.hpp>
#include <chrono>

#include "accounts/caller.h"
#include "reports/open311_internal.h"
#include "reports/route_util.h"

namespace kc::reports::open311 {
namespace {

namespace json = boost::json;
using http::Method;
using http::Request;
using http::Response;

Response ListServices(ReportsModule& m, const Request& req, Format format) {
  auto region = Jurisdiction(m, req, req.Query("jurisdiction_id"));
  if (!region.ok()) return ErrorDocument(format, region.error(), req.english);
  auto categories = m.service().Categories(*region);
  if (!categories.ok()) return ErrorDocument(format, categories.error(), req.english);
  json::array services;
  for (const auto& c : *categories) {
    std::string keywords;
    for (const auto& k : c.keywords) keywords += (keywords.empty() ? "" : ",") + k;
    services.push_back({{"service_code", c.code},
                        {"service_name", c.Name(req.english)},
                        {"description", c.description},
                        {"metadata", !c.attributes.empty()},
                        {"type", "realtime"},
                        {"keywords", keywords},
                        {"group", c.group}});
  }
  return Document(format, 200, "services", services);
}

Response ServiceDefinition(ReportsModule& m, const Request& req, Format format) {
  auto region = Jurisdiction(m, req, req.Query("jurisdiction_id"));
  if (!region.ok()) return ErrorDocument(format, region.error(), req.english);
  auto category = m.service().FindCategory(*region, req.Param("code"));
  if (!category.ok()) return ErrorDocument(format, category.error(), req.english);
  json::array attributes;
  for (const auto& a : category->attributes) {
    json::array values;
    for (const auto& v : a.values) values.push_back({{"key", v.key}, {"name", v.name}});
    attributes.push_back({{"variable", a.variable},
                          {"code", a.code},
                          {"datatype", AttributeTypeName(a.type)},
                          {"required", a.required},
                          {"datatype_description", a.datatype_description},
                          {"order", a.order},
                          {"description", a.description},
                          {"values", std::move(values)}});
  }
  return Document(format, 200, "service_definition",
                  json::object{{"service_code", category->code}, {"attributes", std::move(attributes)}});
}

// A public report by tracking number; non-public ones do not exist for Open311.
Result<Report> PublicReport(ReportsModule& m, const regions::Region& region, std::string_view id) {
  KC_ASSIGN_OR_RETURN(Report r, m.service().FindReport(region, id));
  if (!r.is_public) return ReportNotFound();
  return r;
}

Response GetRequest(ReportsModule& m, const Request& req, Format format) {
  auto region = Jurisdiction(m, req, req.Query("jurisdiction_id"));
  if (!region.ok()) return ErrorDocument(format, region.error(), req.english);
  auto report = PublicReport(m, *region, req.Param("id"));
  if (!report.ok()) return ErrorDocument(format, report.error(), req.english);
  auto categories = Categories(m, *region);
  if (!categories.ok()) return ErrorDocument(format, categories.error(), req.english);
  auto opds = m.OpdNamesOf(region->code);
  if (!opds.ok()) return ErrorDocument(format, opds.error(), req.english);
  std::vector<Report> one{std::move(*report)};
  if (Status st = m.store().LoadMedia(one); !st.ok()) {
    return ErrorDocument(format, st.error(), req.english);
  }
  json::object request = RequestJson(one[0], *categories, *opds, *region, req.english);
  request["media_url"] = MediaUrl(one[0], Origin(req));
  json::array out;
  out.push_back(std::move(request));
  return Document(format, 200, "service_requests", out);
}

Response GetToken(ReportsModule& m, const Request& req, Format format) {
  auto region = Jurisdiction(m, req, req.Query("jurisdiction_id"));
  if (!region.ok()) return ErrorDocument(format, region.error(), req.english);
  auto report = PublicReport(m, *region, req.Param("token"));
  if (!report.ok()) return ErrorDocument(format, report.error(), req.english);
  json::array out;
  out.push_back({{"service_request_id", report->tracking}, {"token", report->tracking}});
  return Document(format, 200, "service_requests", out);
}

using Getter = Response (*)(ReportsModule&, const Request&, Format);

void AddGet(http::Router& router, const std::shared_ptr<ReportsModule>& module,
            const std::string& pattern, Getter fn, const std::string& summary) {
  for (Format format : {Format::kJson, Format::kXml}) {
    const std::string ext = format == Format::kJson ? ".json" : ".xml";
    router.Add({.method = Method::kGet,
                .pattern = "/open311/v2/" + pattern + ext,
                .permission = "public",
                .handler = http::Sync([module, fn, format](Request& req) {
                  return fn(*module, req, format);
                }),
                .doc = {.summary = summary + " (" + ext.substr(1) + ")",
                        .tag = "open311",
                        .params = {{.name = "jurisdiction_id",
                                    .description = "region code or slug, e.g. manado"}},
                        .responses = {200, 400, 404}}});
  }
}

}  // namespace

Result<regions::Region> Jurisdiction(ReportsModule& m, const Request& req,
                                     const std::optional<std::string>& jurisdiction_id) {
  if (jurisdiction_id && !jurisdiction_id->empty()) return m.FindRegion(*jurisdiction_id);
  const auto& caller = accounts::CallerOf(req);
  if (caller.kind == accounts::CallerKind::kApiKey) return m.FindRegion(caller.api_key_region);
  KC_ASSIGN_OR_RETURN(auto all, m.regions().service().ListRegions());
  if (all.size() == 1) return all.front();
  return InvalidArgument({"jurisdiction_id wajib diisi (kode atau slug region, mis. manado).",
                          "jurisdiction_id is required (region code or slug, e.g. manado)."})
      .With("jurisdiction_id", {"wajib diisi", "is required"});
}

Result<CategoryMap> Categories(ReportsModule& m, const regions::Region& region) {
  KC_ASSIGN_OR_RETURN(auto list, m.store().ListCategories(region.code, true));
  CategoryMap out;
  for (auto& c : list) out.emplace(c.code, std::move(c));
  return out;
}

json::object RequestJson(const Report& r, const CategoryMap& categories, const OpdNames& opds,
                         const regions::Region& region, bool english) {
  const int offset = regions::UtcOffsetMinutes(region.timezone);
  const auto local = [offset](const std::string& utc) -> json::value {
    auto t = ParseTimestamp(utc);
    return t ? json::value(FormatLocal(*t, offset)) : json::value(nullptr);
  };
  const auto category = categories.find(r.category_code);
  json::value expected = nullptr;
  json::value service_name = json::string(r.category_code);
  if (category != categories.end()) {
    service_name = category->second.Name(english);
    if (auto t = ParseTimestamp(r.created_at)) {
      expected = FormatLocal(*t + std::chrono::hours(24 * category->second.sla_resolve_days), offset);
    }
  }
  json::value agency = nullptr;
  if (r.opd_id) {
    if (auto it = opds.find(*r.opd_id); it != opds.end()) agency = it->second;
  }
  return {{"service_request_id", r.tracking},
          {"status", IsClosed(r.status) ? "closed" : "open"},
          {"status_notes", nullptr},
          {"service_name", std::move(service_name)},
          {"service_code", r.category_code},
          {"description", r.description},
          {"agency_responsible", std::move(agency)},
          {"service_notice", nullptr},
          {"requested_datetime", local(r.created_at)},
          {"updated_datetime", local(r.updated_at)},
          {"expected_datetime", std::move(expected)},
          {"address", r.address ? json::value(*r.address) : json::value(nullptr)},
          {"address_id", nullptr},
          {"zipcode", nullptr},
          {"lat", r.lat},
          {"long", r.lon},
          {"media_url", nullptr}};
}

}  // namespace kc::reports::open311

namespace kc::reports {

void AddOpen311Routes(http::Router& router, std::shared_ptr<ReportsModule> module) {
  using namespace open311;
  AddGet(router, module, "services", ListServices, "Open311: the region's services");
  AddGet(router, module, "services/{code}", ServiceDefinition, "Open311: a service definition");
  AddGet(router, module, "requests/{id}", GetRequest, "Open311: one service request");
  AddGet(router, module, "tokens/{token}", GetToken, "Open311: the request id of a token");
  AddRequestRoutes(router, module);
}

}  // namespace kc::reports
