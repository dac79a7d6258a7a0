// HTTP adapters for a region's OPDs: public list, create and update (permission opd.manage).
// Writes reply from the store's completion callback, i.e. after the commit is durable.
#include <boost/json.hpp>
#include <charconv>

#include "http/json_body.h"
#include "http/response.h"
#include "regions/region_json.h"
#include "regions/regions_module.h"

namespace kc::regions {
namespace {

using http::Method;
using http::Reply;
using http::Request;
using http::Response;

// Reads the OPD fields of a JSON body; `create` makes name, short_name and type required.
Result<OpdPatch> ParseOpdBody(const Request& req, bool create) {
  KC_ASSIGN_OR_RETURN(auto object, http::ParseJsonObject(req));
  Validation v;
  http::JsonFields fields(object, v);
  OpdPatch patch;
  patch.name = fields.String("name", create, kOpdNameMaxChars, 2);
  patch.short_name = fields.String("short_name", create, kOpdShortNameMaxChars, 2);
  if (auto type = fields.String("type", create, 20)) {
    patch.type = ParseOpdType(*type);
    if (!patch.type) {
      v.Add("type", {"harus salah satu dari dinas, badan, kantor, kecamatan, kelurahan, "
                     "sekretariat, other",
                     "must be one of dinas, badan, kantor, kecamatan, kelurahan, sekretariat, other"});
    }
  }
  patch.active = fields.Bool("active", false);
  fields.RejectUnknown();
  if (!create && v.ok() && !patch.name && !patch.short_name && !patch.type && !patch.active) {
    v.Add("body", {"tidak ada kolom yang diubah", "no field to change"});
  }
  if (!v.ok()) return std::move(v).ToError();
  return patch;
}

Response ListOpds(RegionsModule& m, const Request& req) {
  auto region = m.service().FindRegion(req.Param("region"));
  if (!region.ok()) return http::ErrorResponse(region.error(), req.english);
  auto opds = m.store().ListOpds(region->code);
  if (!opds.ok()) return http::ErrorResponse(opds.error(), req.english);
  boost::json::array items;
  for (const Opd& o : *opds) items.push_back(OpdJson(o));
  return http::JsonResponse(200, {{"items", std::move(items)}});
}

// Replies `status` with the OPD, or the error.
OpdDone ReplyWith(Reply reply, bool english, int status) {
  return [reply = std::move(reply), english, status](Result<Opd> r) {
    reply(r.ok() ? http::JsonResponse(status, OpdJson(*r)) : http::ErrorResponse(r.error(), english));
  };
}

void CreateOpd(RegionsModule& m, Request& req, Reply reply) {
  auto region = m.service().FindRegion(req.Param("region"));
  if (!region.ok()) return reply(http::ErrorResponse(region.error(), req.english));
  auto patch = ParseOpdBody(req, /*create=*/true);
  if (!patch.ok()) return reply(http::ErrorResponse(patch.error(), req.english));
  Opd opd{.region_code = region->code, .name = *patch->name, .short_name = *patch->short_name,
          .type = *patch->type, .active = patch->active.value_or(true)};
  m.store().InsertOpd(std::move(opd), ReplyWith(std::move(reply), req.english, 201));
}

void UpdateOpd(RegionsModule& m, Request& req, Reply reply) {
  auto region = m.service().FindRegion(req.Param("region"));
  if (!region.ok()) return reply(http::ErrorResponse(region.error(), req.english));
  const std::string_view id_text = req.Param("id");
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || end != id_text.data() + id_text.size() || id <= 0) {
    return reply(http::ErrorResponse(
        NotFound({"OPD tidak ditemukan di region ini.", "No such OPD in this region."}), req.english));
  }
  auto patch = ParseOpdBody(req, /*create=*/false);
  if (!patch.ok()) return reply(http::ErrorResponse(patch.error(), req.english));
  m.store().UpdateOpd(region->code, id, std::move(*patch), ReplyWith(std::move(reply), req.english, 200));
}

}  // namespace

void AddOpdRoutes(http::Router& router, std::shared_ptr<RegionsModule> module) {
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/regions/{region}/opds",
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return ListOpds(*module, req); }),
              .doc = {.summary = "The region's OPDs", .tag = "regions",
                      .responses = {200, 404}}});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/regions/{region}/opds",
              .permission = "opd.manage",
              .region_param = "region",
              .body_limit = 16 * 1024,  // a few short text fields
              .handler = [module](Request& req, Reply reply) { CreateOpd(*module, req, std::move(reply)); },
              .doc = {.summary = "Add an OPD", .tag = "regions",
                      .request_content_type = "application/json", .responses = {201, 400, 404, 409}}});
  router.Add({.method = Method::kPatch,
              .pattern = "/api/v1/regions/{region}/opds/{id}",
              .permission = "opd.manage",
              .region_param = "region",
              .body_limit = 16 * 1024,
              .handler = [module](Request& req, Reply reply) { UpdateOpd(*module, req, std::move(reply)); },
              .doc = {.summary = "Change an OPD (name, short_name, type, active)", .tag = "regions",
                      .request_content_type = "application/json", .responses = {200, 400, 404, 409}}});
}

}  // namespace kc::regions
